// Fills the page address, the session the learner came from (`?session=ID`, set by the links of session lists
// or given out in the room) and, once every quiz is checked, the score into the feedback links.
(function () {
  if (window.smartshareFeedback) return;
  window.smartshareFeedback = true;

  // a session id as sessions.yml allows it; anything else is ignored rather than sent on
  var SESSION_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

  function session() {
    var id = new URLSearchParams(location.search).get("session") || "";
    return SESSION_ID.test(id) ? id : "";
  }

  function fill(block) {
    var here = encodeURIComponent(location.href.split("#")[0]);
    var score = block.dataset.score || "";
    block.querySelectorAll("[data-smartshare-href]").forEach(function (link) {
      link.href = link.dataset.smartshareHref.split("SMARTSHARE_URL").join(here)
        .split("SMARTSHARE_SCORE").join(encodeURIComponent(score))
        .split("SMARTSHARE_SESSION").join(encodeURIComponent(session()));
    });
    var prompt = block.querySelector("[data-smartshare-feedback-prompt]");
    if (score && prompt) {
      prompt.textContent = prompt.dataset.text.replace("{score}", score);
      prompt.hidden = false;
      block.classList.add("smartshare-feedback--scored");
    }
  }

  function block() { return document.querySelector("[data-smartshare-feedback]"); }

  document.addEventListener("smartshare:quiz-summary", function (event) {
    var detail = event.detail || {}, found = block();
    if (!found || !detail.total) return;
    found.dataset.score = detail.correct + "/" + detail.total;
    fill(found);
  });
  document$.subscribe(function () { var found = block(); if (found) fill(found); });
})();
