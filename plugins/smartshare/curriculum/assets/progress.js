/* The learner's progress (smartshare/curriculum): which modules are done, where to continue. No server: it stays
 * in this browser, under one site-scoped key (the theme's scope, as its own keys):
 *   <site path>.smartshare.progress = {v: 1, site: <site id>, modules: {<module id>: {seen: <ISO date>,
 *     done?: <ISO date>, by?: "quiz" | "hand", score?: {c: <correct>, t: <total>}, t?: <title>, u?: <URL>}},
 *     recent: [<module id>, … most recent first]}
 * Module ids are the curriculum's ("ai/chatbots"), so progress survives renamed pages and reordered tracks; t and u
 * are the last known title and site-relative URL, for display, refreshed by every page that carries the map.
 * A module is done when its self-check is complete (quiz.js: "smartshare:quiz-state" with complete) or when the
 * learner marks it done (modules without a self-check). learning.js (the "My learning" page) uses
 * window.smartshareProgress for export, import and reset.
 * Pages carry a [data-smartshare-progress-data] JSON block: {v, site, lang, s: strings, modules?, tracks?}.
 */
(() => {
  const VERSION = 1
  const RECENT = 10
  const all = selector => [...document.querySelectorAll(selector)]
  const format = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => values[name])
  const scope = () => (typeof __md_scope != "undefined" ? __md_scope : new URL(".", location.href))
  const key = () => scope().pathname + ".smartshare.progress"
  const now = () => new Date().toISOString()
  const isObject = value => value != null && typeof value == "object" && !Array.isArray(value)

  function data() {
    const blocks = all("[data-smartshare-progress-data]")
    return blocks.length ? JSON.parse(blocks[blocks.length - 1].dataset.smartshareProgressData) : null
  }

  // the shape every stored or imported progress must have; anything else is refused
  function valid(state) {
    return isObject(state) && Number.isInteger(state.v) && isObject(state.modules) &&
      Object.values(state.modules).every(isObject) &&
      (state.recent == null || (Array.isArray(state.recent) && state.recent.every(id => typeof id == "string")))
  }

  // older versions, upgraded one step at a time; version 0 had no "v" and no "recent"
  const MIGRATIONS = { 0: state => ({ ...state, v: 1, recent: state.recent || [] }) }

  function migrate(state) {
    while (state.v < VERSION) state = MIGRATIONS[state.v](state)
    return state
  }

  const empty = site => ({ v: VERSION, site, modules: {}, recent: [] })

  /* Read the stored progress: {state, notice, writable}. Never throws: storage that is disabled, corrupted or newer
     gives a notice (a key of the strings) and, when it cannot be written safely, a read-only state. */
  function open(site) {
    let raw
    try { raw = localStorage.getItem(key()) } catch { return { state: empty(site), notice: "storage_off", writable: false } }
    if (raw == null) return { state: empty(site), writable: true }
    let state
    try { state = JSON.parse(raw) } catch { state = null }
    if (isObject(state) && state.v == null && isObject(state.modules)) state.v = 0
    if (!valid(state)) {
      try { localStorage.setItem(key() + ".unreadable", raw) } catch { /* kept nowhere: still start afresh */ }
      const fresh = empty(site)
      return { state: fresh, notice: "corrupted", writable: write(fresh) == null }
    }
    if (state.v > VERSION) return { state, notice: "newer", writable: false }
    if (state.v < VERSION) {
      state = migrate(state)
      return { state, notice: "migrated", writable: write(state) == null }
    }
    return { state, writable: true }
  }

  // null when saved, else the notice to show
  function write(state) {
    try { localStorage.setItem(key(), JSON.stringify(state)); return null } catch (error) {
      return error && error.name == "QuotaExceededError" ? "storage_full" : "storage_off"
    }
  }

  /* Merge an imported file into the state, or say why not (a key of the strings); the state is untouched then. */
  function merge(state, text, site) {
    let incoming
    try { incoming = JSON.parse(text) } catch { return { error: "import_malformed" } }
    if (isObject(incoming) && incoming.v == null && isObject(incoming.modules)) incoming.v = 0
    if (!valid(incoming) || typeof incoming.site != "string") return { error: "import_malformed" }
    if (incoming.site != site) return { error: "import_other_site" }
    if (incoming.v > VERSION) return { error: "import_newer" }
    incoming = migrate(incoming)
    const modules = { ...state.modules }
    Object.entries(incoming.modules).forEach(([id, entry]) => {
      const mine = modules[id]
      if (!mine || (entry.done && !mine.done)) modules[id] = { ...mine, ...entry }
    })
    const recent = [...new Set([...(state.recent || []), ...incoming.recent])].slice(0, RECENT)
    return { state: { ...state, modules, recent }, count: Object.keys(incoming.modules).length }
  }

  const current = { state: null, notice: null, writable: false, data: null }

  function save() {
    if (!current.writable) return
    const notice = write(current.state)
    if (notice) showNotice(notice)
  }

  function showNotice(name) {
    current.notice = name
    const text = current.data && current.data.s[name]
    all("[data-smartshare-progress-notice]").forEach(element => {
      element.textContent = text || ""
      element.hidden = !text
    })
  }

  const entry = id => (current.state.modules[id] = current.state.modules[id] || {})
  const isDone = id => !!(current.state.modules[id] && current.state.modules[id].done)
  const url = u => new URL(u, scope()).href

  function visit(id, title) {
    Object.assign(entry(id), { seen: now(), t: title })
    current.state.recent = [id, ...(current.state.recent || []).filter(other => other != id)].slice(0, RECENT)
    save()
  }

  function setDone(id, done, how, score) {
    const module = entry(id)
    if (done) Object.assign(module, { done: module.done || now(), by: how }, score ? { score } : {})
    else { delete module.done; delete module.by; delete module.score }
    save()
  }

  // the map of the pages that carry one: last known titles and URLs of every module
  function refresh(map) {
    let changed = false
    Object.entries(map.modules || {}).forEach(([id, { t, u }]) => {
      const module = current.state.modules[id]
      if (module && (module.t != t || module.u != u)) { Object.assign(module, { t, u }); changed = true }
    })
    if (changed) save()
  }

  function markModulePage(block) {
    const id = block.dataset.smartshareProgressModule
    const title = (document.querySelector("h1") || {}).textContent || id
    if (!current.state.modules[id] || current.state.modules[id].u == null) entry(id).u = location.href.slice(scope().href.length)
    visit(id, title.trim())
    const s = current.data.s
    const quizzes = document.querySelector(".smartshare-quiz")
    const button = block.querySelector("[data-action=mark-done]")
    const state = block.querySelector("[data-smartshare-progress-state]")
    const paint = () => {
      const done = isDone(id)
      const module = current.state.modules[id]
      const score = module.score ? " — " + format(s.score, { correct: module.score.c, total: module.score.t }) : ""
      state.textContent = done ? "✓ " + s.done + score : ""
      state.hidden = !done
      button.hidden = !!quizzes
      button.textContent = done ? s.undo_done : s.mark_done
      button.setAttribute("aria-pressed", String(done))
    }
    button.onclick = () => { setDone(id, !isDone(id), "hand"); paint() }
    block.hidden = false
    block.paint = paint
    paint()
  }

  function markCards() {
    all(".smartshare-card[data-smartshare-module] [data-smartshare-done]").forEach(slot => {
      const done = isDone(slot.closest("[data-smartshare-module]").dataset.smartshareModule)
      slot.textContent = done ? "✓ " + current.data.s.done : ""
      slot.hidden = !done
    })
  }

  function fillBar(bar, ids) {
    const done = ids.filter(isDone).length
    bar.querySelector(".smartshare-track-progress__text").textContent = format(current.data.s.progress, { done, total: ids.length })
    bar.querySelector(".smartshare-track-progress__bar > span").style.width = (ids.length ? 100 * done / ids.length : 0) + "%"
    bar.hidden = false
  }

  function markTracks(map) {
    all("[data-smartshare-track]").forEach(element => {
      const track = map.tracks[element.dataset.smartshareTrack]
      const bar = element.querySelector(":scope > [data-smartshare-track-progress], :scope > .smartshare-continue [data-smartshare-track-progress]")
      if (track && bar) fillBar(bar, track.m)
    })
  }

  // the catalogue: the last module visited and not done; a track page: its first module not done
  function markContinue(map) {
    all("[data-smartshare-continue]").forEach(block => {
      const trackId = block.dataset.smartshareContinue
      const recent = (current.state.recent || []).filter(id => map.modules[id] && !isDone(id))
      let id, label = "continue"
      if (!trackId) id = recent[0]
      else {
        const ids = (map.tracks[trackId] || { m: [] }).m
        id = recent.find(other => ids.includes(other)) || ids.find(other => !isDone(other))
        if (!ids.some(other => current.state.modules[other])) label = "start"
      }
      const next = block.querySelector(".smartshare-continue__next")
      if (!id) { next.hidden = true; return }
      const link = next.querySelector("a")
      link.textContent = format(current.data.s[label], { title: map.modules[id].t })
      link.href = url(map.modules[id].u)
      next.hidden = false
    })
  }

  // navigation links to done modules get a check mark, by their last known URL
  function markNavigation(map) {
    const byUrl = {}
    Object.entries(current.state.modules).forEach(([id, module]) => {
      const u = (map.modules && map.modules[id] ? map.modules[id].u : module.u)
      if (module.done && u != null) byUrl[url(u)] = id
    })
    all(".md-nav__link[href]").forEach(link => {
      const href = link.href.split("#")[0]
      const done = !!byUrl[href]
      let mark = link.querySelector(".smartshare-done-mark")
      if (done && !mark) {
        mark = document.createElement("span")
        mark.className = "smartshare-done-mark"
        mark.innerHTML = '<span aria-hidden="true">✓</span><span class="smartshare-sr-only"></span>'
        mark.lastChild.textContent = current.data.s.done
        link.append(mark)
      } else if (!done && mark) mark.remove()
    })
  }

  function paintAll() {
    const map = current.data
    markCards()
    if (map.tracks) { markTracks(map); markContinue(map) }
    markNavigation(map)
    all("[data-smartshare-progress-module]").forEach(block => block.paint && block.paint())
  }

  function mount() {
    current.data = data()
    if (!current.data) return
    current.notice = null
    Object.assign(current, open(current.data.site))
    if (current.data.modules) refresh(current.data)
    all("[data-smartshare-progress-module]").forEach(markModulePage)
    paintAll()
    if (current.notice) showNotice(current.notice)  // from reading, or from a save that failed just now
    document.dispatchEvent(new CustomEvent("smartshare:progress"))
  }

  // once per document (it outlives instant navigation): a complete self-check makes its module done
  document.addEventListener("smartshare:quiz-state", event => {
    const block = document.querySelector("[data-smartshare-progress-module]")
    if (!block || !current.state || !event.detail.complete) return
    const id = block.dataset.smartshareProgressModule
    const score = { c: event.detail.correct, t: event.detail.total }
    if (!isDone(id) || current.state.modules[id].by == "quiz") setDone(id, true, "quiz", isDone(id) ? null : score)
    paintAll()
  })

  window.smartshareProgress = {
    get: () => current,
    key,
    merge: text => merge(current.state, text, current.data.site),
    replace: state => { current.state = state; current.writable = true; save(); paintAll() },
    reset: () => {
      current.state = empty(current.data.site)
      current.writable = true
      try { localStorage.removeItem(key()) } catch { /* storage off: nothing was kept */ }
      paintAll()
    },
    showNotice,
  }

  if (typeof document$ != "undefined") document$.subscribe(mount)
  else document.addEventListener("DOMContentLoaded", mount)
})()
