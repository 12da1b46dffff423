/* "My learning" (smartshare/curriculum): tracks in progress, done modules with score and date, last visited
 * modules; export of the progress as a JSON file, import of such a file (checked by progress.js: another site's,
 * a malformed or a newer file changes nothing), reset after confirmation. Uses window.smartshareProgress.
 * Mounts after progress.js has read the storage ("smartshare:progress"); mounting twice only redraws.
 */
(() => {
  const format = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => values[name])

  function element(tag, text, attributes = {}) {
    const node = document.createElement(tag)
    if (text != null) node.textContent = text
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value))
    return node
  }

  function link(text, u) {
    return element("a", text, { href: new URL(u, typeof __md_scope != "undefined" ? __md_scope : location.href).href })
  }

  function list(items, empty) {
    if (!items.length) return element("p", empty)
    const ul = element("ul")
    items.forEach(item => { const li = element("li"); li.append(...item); ul.append(li) })
    return ul
  }

  function draw(root) {
    const { state, data } = window.smartshareProgress.get()
    const s = data.s
    const day = new Intl.DateTimeFormat(data.lang || document.documentElement.lang || undefined, { dateStyle: "long" })
    const known = id => data.modules[id] || (state.modules[id].u != null && { t: state.modules[id].t || id, u: state.modules[id].u })
    const done = id => state.modules[id] && state.modules[id].done

    const tracks = Object.values(data.tracks)
      .map(track => ({ track, count: track.m.filter(done).length, seen: track.m.some(id => state.modules[id]) }))
      .filter(({ track, count, seen }) => seen && count < track.m.length)
      .map(({ track, count }) => [link(track.t, track.u), " — " + format(s.progress, { done: count, total: track.m.length })])

    const finished = Object.keys(state.modules).filter(id => done(id) && known(id))
      .sort((a, b) => state.modules[b].done.localeCompare(state.modules[a].done))
    const table = root.querySelector("template[data-smartshare-learning-table]").content.firstElementChild.cloneNode(true)
    finished.forEach(id => {
      const module = state.modules[id]
      const row = element("tr")
      const name = element("td")
      name.append(link(known(id).t, known(id).u))
      const result = module.score ? format(s.score, { correct: module.score.c, total: module.score.t }) : s.by_hand
      const date = new Date(module.done)
      const when = element("td")
      when.append(element("time", isNaN(date) ? "" : day.format(date), { datetime: module.done }))
      row.append(name, element("td", result), when)
      table.tBodies[0].append(row)
    })

    const recent = (state.recent || []).filter(known).map(id => [link(known(id).t, known(id).u)])
    const slot = name => root.querySelector(`[data-smartshare-learning-list=${name}]`)
    slot("tracks").replaceChildren(list(tracks, s.nothing_yet))
    slot("done").replaceChildren(finished.length ? table : element("p", s.nothing_yet))
    slot("recent").replaceChildren(list(recent, s.nothing_yet))
    root.querySelector("[data-smartshare-learning-body]").hidden = false
  }

  function say(root, text) {
    const message = root.querySelector("[data-smartshare-learning-message]")
    message.textContent = text
    message.focus()
  }

  function mount() {
    const root = document.querySelector("[data-smartshare-learning]")
    const progress = window.smartshareProgress
    if (!root || !progress || !progress.get().data) return
    const { data } = progress.get()
    const s = data.s
    root.querySelector("[data-action=export]").onclick = () => {
      const file = new Blob([JSON.stringify({ ...progress.get().state, site: data.site }, null, 2)], { type: "application/json" })
      const anchor = element("a", null, { href: URL.createObjectURL(file), download: "my-learning.json" })
      document.body.append(anchor)
      anchor.click()
      anchor.remove()
    }
    const input = root.querySelector("[data-smartshare-import]")
    root.querySelector("[data-action=import]").onclick = () => input.click()
    input.onchange = async () => {
      const file = input.files[0]
      input.value = ""
      if (!file) return
      const result = progress.merge(await file.text())
      if (result.error) { say(root, s[result.error]); return }
      progress.replace(result.state)
      draw(root)
      say(root, progress.get().notice == "storage_off" ? s.storage_off : format(s.import_done, { count: result.count }))
    }
    root.querySelector("[data-action=reset]").onclick = () => {
      if (!window.confirm(s.reset_confirm)) return
      progress.reset()
      draw(root)
      say(root, s.reset_done)
    }
    draw(root)
  }

  document.addEventListener("smartshare:progress", mount)
})()
