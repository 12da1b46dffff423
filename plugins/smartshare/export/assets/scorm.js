/* SCORM 1.2 adapter, shipped only inside SCORM packages (smartshare export scorm), never on the site.
 *
 * On the page the LMS launched (its URL carries "smartshare-sco=1"), it finds the LMS's API object (window
 * "API" in a parent frame or the opener's frames), starts the session and reports:
 *   cmi.core.lesson_status  incomplete on arrival; completed (or passed/failed against the LMS's mastery score)
 *                           once every self-check question is answered, or at once on a page without quiz
 *   cmi.core.score.raw/min/max  the self-check score in percent (0-100)
 *   cmi.suspend_data        the page's answers, as quiz.js stores them, within SCORM 1.2's 4,096 characters
 * It restores the answers from cmi.suspend_data before quiz.js mounts (this script comes first), commits only
 * when the module is completed and finishes the session when the page goes away. An empty lesson_mode counts
 * as "normal" (several LMSs send nothing); in "review" nothing is written. Without an LMS it does nothing.
 */
(() => {
  const PREFIX = "smartshare.quiz:"
  const LIMIT = 4096
  const launched = /[?&]smartshare-sco=1\b/.test(location.search)
  let lms = null
  let started = false
  let finished = false
  let mode = "normal"

  function findIn(win) {
    for (let hops = 0; win && hops < 10; hops++) {
      try { if (win.API) return win.API } catch { return null }  // a frame of another origin: stop
      if (!win.parent || win.parent === win) break
      win = win.parent
    }
    return null
  }

  function start() {
    if (started) return lms
    started = true
    if (!launched) return null
    const api = findIn(window) || (window.opener ? findIn(window.opener) : null)
    if (!api || String(api.LMSInitialize("")) != "true") return null
    lms = api
    mode = String(lms.LMSGetValue("cmi.core.lesson_mode") || "normal")
    const status = String(lms.LMSGetValue("cmi.core.lesson_status") || "")
    if (mode == "normal" && (status == "" || status == "not attempted")) lms.LMSSetValue("cmi.core.lesson_status", "incomplete")
    window.addEventListener("pagehide", finish)
    return lms
  }

  function finish() {
    if (!lms || finished) return
    finished = true
    if (mode != "review") lms.LMSSetValue("cmi.core.exit", "suspend")
    lms.LMSFinish("")  // LMSFinish commits what was set
  }

  function pageKey() {
    const summary = document.querySelector("[data-smartshare-page].smartshare-quiz-summary")
    return summary ? summary.dataset.smartsharePage : null
  }

  function restore(page) {
    let stored = null
    try { stored = __md_get(PREFIX + page) } catch { /* storage refused: nothing to keep */ }
    if (stored && stored.done) return  // this browser already holds answers: they are the latest
    const data = String(lms.LMSGetValue("cmi.suspend_data") || "")
    if (!data) return
    try { __md_set(PREFIX + page, { q: JSON.parse(data).q || {} }) } catch { /* storage refused: nothing to keep */ }
  }

  function suspend(page) {
    if (mode == "review") return
    let state = null
    try { state = __md_get(PREFIX + page) } catch { /* storage refused: nothing to keep */ }
    const answers = Object.entries((state && state.q) || {})
    let data = JSON.stringify({ q: Object.fromEntries(answers) })
    while (data.length > LIMIT && answers.length) {  // too many answers: keep whether each was right
      answers.pop()
      data = JSON.stringify({ q: Object.fromEntries(answers) })
    }
    lms.LMSSetValue("cmi.suspend_data", data)
  }

  function complete(correct, total) {
    if (mode == "review") return
    const raw = total ? Math.round(100 * correct / total) : 100
    const before = [String(lms.LMSGetValue("cmi.core.lesson_status")), String(lms.LMSGetValue("cmi.core.score.raw"))]
    if (total) {
      lms.LMSSetValue("cmi.core.score.min", "0")
      lms.LMSSetValue("cmi.core.score.max", "100")
      lms.LMSSetValue("cmi.core.score.raw", String(raw))
    }
    const mastery = parseFloat(lms.LMSGetValue("cmi.student_data.mastery_score"))
    let status = "completed"
    if (mode == "browse") status = "browsed"
    else if (total && !isNaN(mastery)) status = raw >= mastery ? "passed" : "failed"
    const unchanged = before[0] == status && (!total || before[1] == String(raw))
    lms.LMSSetValue("cmi.core.lesson_status", status)
    if (!unchanged) lms.LMSCommit("")  // a page reload that changes nothing costs the LMS nothing
  }

  document.addEventListener("smartshare:quiz-summary", event => {
    if (!lms || finished || event.detail.page != pageKey()) return
    suspend(event.detail.page)
    complete(event.detail.correct, event.detail.total)
  })

  function mount() {
    if (!start() || finished) return
    const page = pageKey()
    if (!page) { complete(0, 0); return }  // a page without self-check is completed by reading it
    if (document.body.dataset.smartshareScorm) return  // mounting twice must be harmless
    document.body.dataset.smartshareScorm = "1"
    restore(page)
    // each checked, retried or reset answer is kept for the next visit; the LMS commits it at the end
    document.addEventListener("click", event => {
      if (event.target.closest(".smartshare-quiz [data-action], .smartshare-quiz-summary [data-action]")) {
        setTimeout(() => suspend(page), 0)
      }
    })
  }

  if (typeof document$ != "undefined") document$.subscribe(mount)
  else document.addEventListener("DOMContentLoaded", mount)
})()
