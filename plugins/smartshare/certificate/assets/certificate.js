/* Certificate of completion (smartshare/certificate), on track pages.
 *
 * Shown once every module of the track that has a self-check is done: quiz.js keeps each page's answers under
 * "smartshare.quiz:" + page URL with {done, total}. The learner types a name, kept in this browser only
 * ("smartshare.certificate.name"); nothing is sent anywhere. Printing shows the certificate sheet alone.
 */
(() => {
  const load = key => { try { return __md_get(key) } catch { return null } }
  const save = (key, value) => { try { __md_set(key, value) } catch { /* storage refused: nothing to keep */ } }
  const NAME = "smartshare.certificate.name"

  function mount() {
    const block = document.querySelector("[data-smartshare-certificate]")
    if (!block || block.dataset.mounted) return  // mounting twice must do nothing
    block.dataset.mounted = "1"
    const { pages } = JSON.parse(block.dataset.smartshareCertificate)
    const done = pages.filter(page => {
      const state = load("smartshare.quiz:" + page)
      return state && state.total && state.done == state.total
    }).length
    const complete = done == pages.length
    block.hidden = false
    const pending = block.querySelector(".smartshare-certificate__pending")
    pending.hidden = complete
    pending.textContent = block.dataset.pending.replace("{done}", done).replace("{total}", pages.length)
    if (!complete) return
    const form = block.querySelector(".smartshare-certificate__form")
    const sheet = block.querySelector(".smartshare-certificate__sheet")
    const input = form.querySelector("input")
    const name = sheet.querySelector(".smartshare-certificate__name")
    const date = sheet.querySelector(".smartshare-certificate__date")
    form.hidden = false
    sheet.hidden = false
    input.value = load(NAME) || ""
    const update = () => { name.textContent = input.value.trim(); save(NAME, input.value.trim()) }
    input.oninput = update
    update()
    const today = new Date().toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" })
    date.textContent = date.dataset.template.replace("{date}", today)
    form.querySelector("[data-action=print]").onclick = () => {
      if (!input.value.trim()) { input.focus(); return }
      document.body.classList.add("smartshare-printing-certificate")
      window.print()
    }
    window.addEventListener("afterprint", () => document.body.classList.remove("smartshare-printing-certificate"))
  }

  if (typeof document$ != "undefined") document$.subscribe(mount)
  else document.addEventListener("DOMContentLoaded", mount)
})()
