/* Learning events as xAPI 1.0.3 statements (smartshare/xapi), sent to the organisation's LRS.
 *
 * Each page carries [data-smartshare-xapi]: the endpoint, the write-only credential, the actor (null: anonymous),
 * the build, the verbs and every IRI (built once in Python, core/xapi.py), and on module pages the module's
 * activities. Statements:
 *   module viewed        on each mount of a module page
 *   question answered    on "smartshare:quiz-answer" (quiz.js), result {success, response, first-try extension}
 *   self-check completed on "smartshare:quiz-summary" after an answer finished the page, result.score.scaled
 *   rating given         on "smartshare:rating" (feedback.js), result.score.raw from 1 to 3
 * Every statement gets its id here and is queued in the browser's storage (site-scoped, "smartshare.xapi.queue")
 * before it is sent with fetch(keepalive: sendBeacon cannot send the Authorization header) as a PUT with its id,
 * so sending twice stores it once. While offline, or when the LRS does not answer, the queue waits for the next
 * page, the "online" event or the next statement; at most QUEUE_MAX statements are kept (the oldest go first).
 */
(() => {
  if (window.smartshareXapi) return
  window.smartshareXapi = true
  const QUEUE = "smartshare.xapi.queue"
  const ACTOR = "smartshare.xapi.actor"
  const SESSION = "smartshare.session"  // shared with feedback.js: one session memory for the tab
  const QUEUE_MAX = 500
  let settings = null  // the last page's [data-smartshare-xapi], kept for the pages and events that follow
  let sending = false
  const finished = {}  // page -> done count at the last quiz-state, to see the answer that finishes a self-check

  const load = (key, storage) => { try { return __md_get(key, storage) } catch { return null } }
  const store = (key, value, storage) => { try { __md_set(key, value, storage) } catch { /* storage refused */ } }

  // a version 4 UUID; crypto.randomUUID() exists only on https and localhost, intranets often serve plain http
  function uuid() {
    const bytes = crypto.getRandomValues(new Uint8Array(16))
    bytes[6] = (bytes[6] & 0x0f) | 0x40
    bytes[8] = (bytes[8] & 0x3f) | 0x80
    const hex = [...bytes].map(b => b.toString(16).padStart(2, "0")).join("")
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  }

  function actor(s) {
    if (s.actor) return s.actor
    let name = load(ACTOR)
    if (!name) { name = uuid(); store(ACTOR, name) }
    return { objectType: "Agent", account: { homePage: s.site, name } }
  }

  // the session id of a link such as ".../ai/chatbots/?session=2026-11-26-ai", kept for the tab's next pages
  function session() {
    const found = new URLSearchParams(location.search).get("session")
    if (found) store(SESSION, found, sessionStorage)
    return found || load(SESSION, sessionStorage) || ""
  }

  function activity(id, type, name, lang, extra) {
    const definition = { type, ...extra }
    if (name) definition.name = { [lang || "und"]: name }
    return { objectType: "Activity", id, definition }
  }

  function statement(s, verb, object, result) {
    const m = s.module
    const extensions = { [s.ext.module]: m.id, [s.ext.track]: m.track, [s.ext.lang]: s.lang }
    const current = session()
    if (current) extensions[s.ext.session] = current
    if (s.build) extensions[s.ext.build] = s.build
    const made = {
      id: uuid(),
      actor: actor(s),
      verb: { id: s.verbs[verb], display: { "en-US": verb } },
      object,
      context: {
        language: s.lang,
        contextActivities: {
          grouping: [activity(s.site, s.types.site), activity(m.trackActivity, s.types.track)],
        },
        extensions,
      },
      timestamp: new Date().toISOString(),
    }
    if (result) made.result = result
    return made
  }

  function queue(made) {
    const waiting = load(QUEUE) || []
    waiting.push({ endpoint: settings.endpoint, statement: made })
    store(QUEUE, waiting.slice(-QUEUE_MAX))
    flush()
  }

  // one statement at a time, oldest first; a statement leaves the queue once the LRS has it (or refuses it for
  // good: a 4xx other than 401/403/408/429 says the statement itself is wrong, sending it again will not help)
  async function flush() {
    if (sending || !settings) return
    sending = true
    try {
      for (;;) {
        const waiting = load(QUEUE) || []
        const next = waiting.find(item => item.endpoint == settings.endpoint)
        if (!next) return
        const response = await fetch(`${settings.endpoint}statements?statementId=${encodeURIComponent(next.statement.id)}`, {
          method: "PUT",
          keepalive: true,
          headers: {
            "Content-Type": "application/json",
            "X-Experience-API-Version": settings.version,
            ...(settings.auth ? { Authorization: settings.auth } : {}),
          },
          body: JSON.stringify(next.statement),
        })
        const retry = !response.ok && (response.status >= 500 || [401, 403, 408, 429].includes(response.status))
        if (retry) return
        store(QUEUE, (load(QUEUE) || []).filter(item => item.statement.id != next.statement.id))
      }
    } catch {
      /* offline, or the LRS does not answer: the queue waits */
    } finally {
      sending = false
    }
  }

  function send(verb, object, result) {
    if (settings && settings.module) queue(statement(settings, verb, object, result))
  }

  function moduleActivity(s) {
    return activity(s.module.activity, s.types.module, s.module.title, s.lang)
  }

  document.addEventListener("smartshare:quiz-answer", event => {
    const d = event.detail || {}
    if (!settings || !settings.module || d.quiz == null) return
    const choice = Array.isArray(d.choice) ? d.choice.join("[,]") : String(d.choice ?? "")
    const interaction = Array.isArray(d.choice) ? "choice" : "fill-in"
    send("answered", activity(settings.module.questions + encodeURIComponent(d.quiz), settings.types.question, "", "",
      { interactionType: interaction }), {
      success: !!d.correct, response: choice, extensions: { [settings.ext["first-try"]]: !!d.first },
    })
  })

  document.addEventListener("smartshare:quiz-state", event => {
    const d = event.detail || {}
    finished[d.page] = d.done
  })

  // quiz.js sends the summary before the state: `finished` still holds the count before this answer; a page
  // restored already complete (no answer before it) sends nothing
  document.addEventListener("smartshare:quiz-summary", event => {
    const d = event.detail || {}
    if (!settings || !settings.module || !d.total || finished[d.page] == null || finished[d.page] >= d.total) return
    send("completed", activity(settings.module.selfCheck, settings.types["self-check"], "", ""), {
      completion: true, score: { scaled: d.correct / d.total, raw: d.correct, min: 0, max: d.total },
    })
  })

  document.addEventListener("smartshare:rating", event => {
    const d = event.detail || {}
    const rating = Number(d.rating)
    if (!settings || !settings.module || !(rating >= 1 && rating <= 3)) return
    if (d.session) store(SESSION, String(d.session), sessionStorage)
    send("rated", moduleActivity(settings), { score: { raw: rating, min: 1, max: 3 } })
  })

  window.addEventListener("online", () => flush())

  function mount() {
    const element = document.querySelector("[data-smartshare-xapi]")
    if (!element || element.dataset.mounted) return  // mounting twice (same page, same DOM) sends nothing twice
    element.dataset.mounted = "1"
    settings = JSON.parse(element.dataset.smartshareXapi)
    if (settings.module) send("viewed", moduleActivity(settings))
    else flush()
  }

  if (typeof document$ != "undefined") document$.subscribe(mount)
  else document.addEventListener("DOMContentLoaded", mount)
})()
