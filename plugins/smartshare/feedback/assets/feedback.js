// Fills the page address, the ?session= id and, once every quiz is checked, the score into the feedback links.
// A click on a rating face is acknowledged on the page (a live region reads it out), remembered in this browser
// (the face stays marked on return, whatever the channel: a form, or a `mailto:` the learner may never send) and
// announced to other components as a `smartshare:rating` event on document (detail: module, rating, session).
// Nothing is sent from here: the link opens the organisation's channel as before.
(function () {
  if (window.smartshareFeedback) return;
  window.smartshareFeedback = true;
  var PREFIX = "smartshare.rating.";  // + module id; site-scoped by the theme's __md_set

  // kept for the tab, as xapi.js keeps it: the next modules of a session
  function session() {
    var found = new URLSearchParams(location.search).get("session");
    try {
      if (found) __md_set("smartshare.session", found, sessionStorage);
      return found || __md_get("smartshare.session", sessionStorage) || "";
    } catch { return found || ""; }
  }
  function load(module) { try { return __md_get(PREFIX + module) } catch { return null } }  // unreadable: none
  function save(module, value) { try { __md_set(PREFIX + module, value) } catch { /* storage refused */ } }

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

  function face(block, rating) {
    return block.querySelector('.smartshare-feedback__rating[data-rating="' + rating + '"]');
  }

  function mark(block, rating) {
    block.querySelectorAll(".smartshare-feedback__rating").forEach(function (link) {
      var chosen = link.dataset.rating === String(rating);
      link.classList.toggle("smartshare-feedback__rating--chosen", chosen);
      if (chosen) link.setAttribute("aria-current", "true"); else link.removeAttribute("aria-current");
    });
  }

  function mount(block) {
    fill(block);
    if (block.dataset.smartshareMounted) return;  // mounting twice is harmless
    block.dataset.smartshareMounted = "1";
    var thanks = block.querySelector("[data-smartshare-feedback-thanks]");
    var stored = load(block.dataset.module);
    var before = stored && face(block, stored.rating);
    if (before && thanks) {
      mark(block, stored.rating);
      thanks.textContent = thanks.dataset.again.replace("{label}", before.dataset.label);
    }
    block.addEventListener("click", function (event) {
      var link = event.target.closest(".smartshare-feedback__rating");
      if (!link || !block.contains(link)) return;
      var rating = Number(link.dataset.rating);
      save(block.dataset.module, { rating: rating, session: session(), time: new Date().toISOString() });
      mark(block, rating);
      if (thanks) thanks.textContent = thanks.dataset.text.replace("{label}", link.dataset.label);
      document.dispatchEvent(new CustomEvent("smartshare:rating", {
        detail: { module: block.dataset.module, rating: rating, session: session() }
      }));
    });
  }

  function block() { return document.querySelector("[data-smartshare-feedback]"); }

  document.addEventListener("smartshare:quiz-summary", function (event) {
    var detail = event.detail || {}, found = block();
    if (!found || !detail.total) return;
    found.dataset.score = detail.correct + "/" + detail.total;
    fill(found);
  });
  document$.subscribe(function () { var found = block(); if (found) mount(found); });
})();
