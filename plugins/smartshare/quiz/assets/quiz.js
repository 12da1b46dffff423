/* Self-check quizzes (smartshare/quiz): check answers, keep them in the browser, score the page.
 *
 * Storage, one entry per page, site-scoped by the theme's __md_set under the key
 *   "smartshare.quiz:" + page URL ("ai/chatbots/", as in data-smartshare-page)
 * value: {q: {<quiz id>: {h: <data-version>, a: <answer>, ok: <bool>}}, done: N, correct: N, total: N}
 * where <answer> is the list of chosen option indices (as written in the Markdown) or the typed text.
 * An answer whose h differs from the quiz's data-version belongs to an edited question and is dropped.
 * Track pages read done/correct/total to fill the module cards' [data-smartshare-progress] slots.
 * When every quiz of a page is checked (also on restore), "smartshare:quiz-summary" is dispatched on
 * document with detail {page, correct, total}.
 */
(() => {
  const PREFIX = "smartshare.quiz:"
  const load = page => { try { return __md_get(PREFIX + page) } catch { return null } }  // unreadable: no answers
  const save = (page, state) => { try { __md_set(PREFIX + page, state) } catch { /* storage refused: page only */ } }
  const all = (root, selector) => [...root.querySelectorAll(selector)]
  const format = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => values[name])
  // the same rule as normalize_answer() in parse.py: case, accents and extra spaces do not count
  const normalize = text => text.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase().trim().replace(/\s+/g, " ")

  function strings() {
    const element = document.querySelector("[data-smartshare-quiz-strings]")
    return element ? JSON.parse(element.dataset.smartshareQuizStrings) : {}
  }

  function answerOf(quiz) {
    if (quiz.dataset.kind == "text") return quiz.querySelector("input").value
    return all(quiz, "input:checked").map(input => +input.value).sort((a, b) => a - b)  // as numbers, like the key
  }

  function isRight(quiz, answer) {
    const key = JSON.parse(quiz.dataset.key)
    if (quiz.dataset.kind != "text") return key.join() == answer.join()
    const number = parseFloat(answer.replace(",", "."))
    return key.some(([text, value, tolerance]) =>
      value == null ? normalize(answer) == text : Math.abs(number - value) <= tolerance + 1e-9)
  }

  function setAnswer(quiz, answer) {
    if (quiz.dataset.kind == "text") quiz.querySelector("input").value = answer
    else all(quiz, "input").forEach(input => { input.checked = answer.includes(+input.value) })
  }

  function show(quiz, ok, t) {
    quiz.classList.add("is-checked", ok ? "is-right" : "is-wrong")
    all(quiz, "input").forEach(input => { input.disabled = true })
    quiz.querySelector(".smartshare-quiz__result").textContent = ok ? t.right : t.wrong
    quiz.querySelector(".smartshare-quiz__answer").open = true
    quiz.querySelector("[data-action=check]").hidden = true
    quiz.querySelector("[data-action=retry]").hidden = false
  }

  function clear(quiz) {
    quiz.classList.remove("is-checked", "is-right", "is-wrong")
    all(quiz, "input").forEach(input => { input.disabled = false; input.checked = false; if (input.type == "text") input.value = "" })
    quiz.querySelector(".smartshare-quiz__result").textContent = ""
    quiz.querySelector(".smartshare-quiz__answer").open = false
    quiz.querySelector("[data-action=check]").hidden = false
    quiz.querySelector("[data-action=retry]").hidden = true
  }

  function mountPage(summary, t) {
    const page = summary.dataset.smartsharePage
    const quizzes = all(document, ".smartshare-quiz")
    const state = { q: {} }
    const stored = (load(page) || {}).q || {}
    quizzes.forEach(quiz => {
      const entry = stored[quiz.id]
      if (entry && entry.h == quiz.dataset.version) state.q[quiz.id] = entry
    })

    function update() {
      const entries = quizzes.map(quiz => state.q[quiz.id]).filter(Boolean)
      Object.assign(state, { done: entries.length, correct: entries.filter(e => e.ok).length, total: quizzes.length })
      save(page, state)
      const finished = state.done == state.total
      summary.querySelector(".smartshare-quiz-summary__score").textContent = format(finished ? t.score : t.progress, state)
      summary.querySelector("[data-action=missed]").hidden = !finished || state.correct == state.total
      if (finished) {
        const detail = { page, correct: state.correct, total: state.total }
        document.dispatchEvent(new CustomEvent("smartshare:quiz-summary", { detail }))
      }
    }

    function check(quiz) {
      const answer = answerOf(quiz)
      if (!answer.length) {
        quiz.querySelector(".smartshare-quiz__result").textContent = quiz.dataset.kind == "text" ? t.type_first : t.choose_first
        return
      }
      const ok = isRight(quiz, answer)
      state.q[quiz.id] = { h: quiz.dataset.version, a: answer, ok }
      show(quiz, ok, t)
      update()
    }

    function retry(quiz) {
      delete state.q[quiz.id]
      clear(quiz)
    }

    quizzes.forEach(quiz => {
      quiz.querySelector(".smartshare-quiz__actions").hidden = false
      quiz.querySelector("[data-action=check]").onclick = () => check(quiz)
      quiz.querySelector("[data-action=retry]").onclick = () => { retry(quiz); update(); quiz.querySelector("input").focus() }
      quiz.querySelector("input").onkeydown = event => { if (event.key == "Enter" && event.target.type == "text") check(quiz) }
      const entry = state.q[quiz.id]
      if (entry) { setAnswer(quiz, entry.a); show(quiz, entry.ok, t) }
    })
    summary.querySelector("[data-action=missed]").onclick = () => {
      const missed = quizzes.filter(quiz => state.q[quiz.id] && !state.q[quiz.id].ok)
      missed.forEach(retry)
      update()
      if (missed.length) { missed[0].scrollIntoView(); missed[0].querySelector("input").focus() }
    }
    summary.querySelector("[data-action=reset]").onclick = () => {
      quizzes.forEach(retry)
      update()
      quizzes[0].querySelector("input").focus()
    }
    summary.hidden = false
    update()
  }

  function mountTrack(t) {
    all(document, "[data-smartshare-page] [data-smartshare-progress]").forEach(slot => {
      const state = load(slot.closest("[data-smartshare-page]").dataset.smartsharePage)
      if (!state || !state.total || !state.done) return
      slot.textContent = format(state.done == state.total ? t.score : t.progress, state)
      slot.hidden = false
    })
  }

  function mount() {
    const t = strings()
    mountTrack(t)
    const summary = document.querySelector(".smartshare-quiz-summary")
    if (summary && !summary.dataset.mounted) {
      summary.dataset.mounted = "1"  // mounting twice (same page, same DOM) must do nothing
      mountPage(summary, t)
    }
  }

  if (typeof document$ != "undefined") document$.subscribe(mount)
  else document.addEventListener("DOMContentLoaded", mount)
})()
