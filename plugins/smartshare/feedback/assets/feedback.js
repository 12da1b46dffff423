// Fills the page address, the ?session= id and, once every quiz is checked, the score into the feedback links.
(function () {
  if (window.smartshareFeedback) return;
  window.smartshareFeedback = true;

  function fill(block) {
    var here = encodeURIComponent(location.href.split("#")[0]);
    var score = block.dataset.score || "";
    block.querySelectorAll("[data-smartshare-href]").forEach(function (link) {
      link.href = link.dataset.smartshareHref.split("SMARTSHARE_URL").join(here)
        .split("SMARTSHARE_SCORE").join(encodeURIComponent(score))
        .split("SMARTSHARE_SESSION").join(encodeURIComponent(new URLSearchParams(location.search).get("session") || ""));
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
