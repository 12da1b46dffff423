// Mentor view, on every page: a mentor turns it on once (the switch at the top of every page, remembered by this
// browser under a site-scoped key); course pages then show their one link to their mentor page, and the theme's
// repository and edit links (source-links.css, through the root class). Nothing else of the mentor area is in a
// course page: the area's own script (mentor.js) loads on the area's pages only.
(function () {
  if (window.smartshareMentorView) return;
  window.smartshareMentorView = true;
  var KEY = "smartshare.mentor-links";

  function active() { return __md_get(KEY) === true; }

  function apply() {
    var on = active();
    document.querySelectorAll("[data-smartshare-mentor-link]").forEach(function (link) { link.hidden = !on; });
    document.documentElement.classList.toggle("smartshare-mentor-view", on);
    document.querySelectorAll("[data-smartshare-mentor-optin]").forEach(function (b) { b.setAttribute("aria-pressed", String(on)); });
    // shown only where JavaScript runs: without it the switch would switch nothing
    document.querySelectorAll("[data-smartshare-mentor-toggle]").forEach(function (p) { p.hidden = false; });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-smartshare-mentor-optin]");
    if (!target) return;
    __md_set(KEY, !active());
    apply();
  });
  document$.subscribe(apply);
})();
