/* Self-check quizzes (smartshare/quiz): check answers, keep them in the browser, score the page.
 *
 * Storage, one entry per page, site-scoped by the theme's __md_set under the key
 *   "smartshare.quiz:" + page URL ("ai/chatbots/", as in data-smartshare-page)
 * value: {q: {<quiz id>: {h: <data-version>, a?: <answer>, ok?: <bool>, n: <wrong tries>, r?: <key asked for>,
 *             w?: <answered right at least once>}}, done: N, correct: N, total: N, complete: <bool>}
 * where <answer> is the list of chosen option indices (as written in the Markdown) or the typed text; an entry
 * without "a" is a question being tried again. An entry whose h differs from the quiz's data-version belongs to
 * an edited question and is dropped. "complete" is true once every question was answered right at least once.
 * Track pages read done/correct/total to fill the module cards' [data-smartshare-progress] slots.
 *
 * A wrong answer explains the learner's own choice only (copied from the key, which stays in the page, hidden):
 * the key opens once the answer is right, when asked for ("Show the answer"), or after `tries` wrong tries.
 * When every quiz of a page is checked (also on restore), "smartshare:quiz-summary" is dispatched on
 * document with detail {page, correct, total}; every change dispatches "smartshare:quiz-state" with detail
 * {page, done, correct, total, complete}. Each checked answer first dispatches "smartshare:quiz-answer" with detail
 * {page, module, quiz, choice, correct, first}: the module id (of [data-smartshare-progress-module], else ""), the
 * quiz id, the answer as stored, and whether it is the first answer to that question since it was last reset.
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

  const button = (quiz, action) => quiz.querySelector(`[data-action=${action}]`)
  const keyShown = (entry, t) => entry.ok || entry.r || entry.n >= (t.tries ?? 3)

  // under each option the learner chose, that option's own explanation from the key (and no right/wrong mark)
  function explainChoices(quiz, answer, t) {
    if (quiz.dataset.kind == "text") return
    answer.forEach(index => {
      const option = quiz.querySelector(`.smartshare-quiz__options input[value="${index}"]`)
      const why = quiz.querySelector(`.smartshare-quiz__key li[data-index="${index}"] .smartshare-quiz__why`)
      const item = option && option.closest("li")
      if (!item) return
      item.classList.add("is-chosen")
      const feedback = document.createElement("div")
      feedback.className = "smartshare-quiz__feedback"
      const mark = document.createElement("strong")
      mark.textContent = t.your_choice
      feedback.append(mark)
      if (why) feedback.append(...[...why.cloneNode(true).childNodes])
      item.append(feedback)
    })
  }

  function showKey(quiz) {
    quiz.classList.add("is-revealed")
    quiz.querySelector(".smartshare-quiz__answer").open = true
    button(quiz, "reveal").hidden = true
  }

  function show(quiz, entry, t) {
    quiz.classList.add("is-checked", entry.ok ? "is-right" : "is-wrong")
    all(quiz, "input").forEach(input => { input.disabled = true })
    quiz.querySelector(".smartshare-quiz__result").textContent = entry.ok ? t.right : t.wrong
    button(quiz, "check").hidden = true
    button(quiz, "retry").hidden = !!entry.ok
    button(quiz, "reveal").hidden = false
    if (!entry.ok) explainChoices(quiz, entry.a, t)
    if (keyShown(entry, t)) showKey(quiz)
  }

  function clear(quiz) {
    quiz.classList.remove("is-checked", "is-right", "is-wrong", "is-revealed")
    all(quiz, "input").forEach(input => { input.disabled = false; input.checked = false; if (input.type == "text") input.value = "" })
    all(quiz, ".smartshare-quiz__feedback").forEach(feedback => feedback.remove())
    all(quiz, ".is-chosen").forEach(item => item.classList.remove("is-chosen"))
    quiz.querySelector(".smartshare-quiz__result").textContent = ""
    quiz.querySelector(".smartshare-quiz__answer").open = false
    button(quiz, "check").hidden = false
    button(quiz, "retry").hidden = true
    button(quiz, "reveal").hidden = true
  }

  function mountPage(summary, t) {
    const page = summary.dataset.smartsharePage
    const quizzes = all(document, ".smartshare-quiz")
    const state = { q: {} }
    const stored = (load(page) || {}).q || {}
    quizzes.forEach(quiz => {
      const entry = stored[quiz.id]
      if (entry && entry.h == quiz.dataset.version) state.q[quiz.id] = { n: 0, ...entry, w: entry.w || entry.ok }
    })
    const answered = entry => entry && "a" in entry

    function update() {
      const entries = quizzes.map(quiz => state.q[quiz.id]).filter(answered)
      const correct = entries.filter(e => e.ok).length
      const complete = quizzes.every(quiz => state.q[quiz.id] && state.q[quiz.id].w)
      Object.assign(state, { done: entries.length, correct, total: quizzes.length, complete })
      save(page, state)
      const finished = state.done == state.total
      const missed = state.done - state.correct
      let text = format(finished ? t.score : t.progress, state)
      if (missed) text += " · " + format(t.to_retry, { missed })
      summary.querySelector(".smartshare-quiz-summary__score").textContent = text
      summary.querySelector("[data-action=missed]").hidden = !missed
      const detail = { page, correct: state.correct, total: state.total }
      if (finished) document.dispatchEvent(new CustomEvent("smartshare:quiz-summary", { detail }))
      document.dispatchEvent(new CustomEvent("smartshare:quiz-state", { detail: { ...detail, done: state.done, complete } }))
    }

    function check(quiz) {
      const answer = answerOf(quiz)
      const result = quiz.querySelector(".smartshare-quiz__result")
      if (!answer.length) {
        result.textContent = quiz.dataset.kind == "text" ? t.type_first : t.choose_first
        return
      }
      const ok = isRight(quiz, answer)
      const first = !state.q[quiz.id]
      const entry = state.q[quiz.id] || { h: quiz.dataset.version, n: 0 }
      const holder = document.querySelector("[data-smartshare-progress-module]")
      const module = holder ? holder.dataset.smartshareProgressModule : ""
      document.dispatchEvent(new CustomEvent("smartshare:quiz-answer",
        { detail: { page, module, quiz: quiz.id, choice: answer, correct: ok, first } }))
      Object.assign(entry, { a: answer, ok, n: entry.n + (ok ? 0 : 1), w: entry.w || ok })
      state.q[quiz.id] = entry
      show(quiz, entry, t)
      update()
      result.focus()  // the Check button has just been hidden: focus must not fall to the page body
    }

    function retry(quiz) {  // the answer goes; tries, "asked for the key" and "once right" stay
      const entry = state.q[quiz.id]
      if (entry) { delete entry.a; delete entry.ok }
      clear(quiz)
    }

    quizzes.forEach(quiz => {
      quiz.querySelector(".smartshare-quiz__actions").hidden = false
      button(quiz, "check").onclick = () => check(quiz)
      button(quiz, "retry").onclick = () => { retry(quiz); update(); quiz.querySelector("input").focus() }
      button(quiz, "reveal").onclick = () => {
        state.q[quiz.id].r = true
        showKey(quiz)
        update()
        quiz.querySelector(".smartshare-quiz__answer > summary").focus()
      }
      quiz.querySelector("input").onkeydown = event => { if (event.key == "Enter" && event.target.type == "text") check(quiz) }
      const entry = state.q[quiz.id]
      if (answered(entry)) { setAnswer(quiz, entry.a); show(quiz, entry, t) }
    })
    summary.querySelector("[data-action=missed]").onclick = () => {
      const missed = quizzes.filter(quiz => answered(state.q[quiz.id]) && !state.q[quiz.id].ok)
      missed.forEach(retry)
      update()
      if (missed.length) { missed[0].scrollIntoView(); missed[0].querySelector("input").focus() }
    }
    summary.querySelector("[data-action=reset]").onclick = () => {
      quizzes.forEach(quiz => { delete state.q[quiz.id]; clear(quiz) })
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
