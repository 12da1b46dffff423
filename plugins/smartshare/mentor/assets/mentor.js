// Mentor area: a mentor opts in once (a button on the mentor area's home, remembered by this browser under a
// site-scoped key); course pages then show their one link to their mentor page. Nothing else of the mentor
// area is in a course page. Also the mentor sheet's Print button.
(function () {
  if (window.smartshareMentorArea) return;
  window.smartshareMentorArea = true;
  var KEY = "smartshare.mentor-links";

  function active() { return __md_get(KEY) === true; }

  function apply() {
    var on = active();
    document.querySelectorAll("[data-smartshare-mentor-link]").forEach(function (link) { link.hidden = !on; });
    document.querySelectorAll("[data-smartshare-mentor-optin]").forEach(function (b) { b.setAttribute("aria-pressed", String(on)); });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-smartshare-mentor-optin],[data-smartshare-print]");
    if (!target) return;
    if (target.hasAttribute("data-smartshare-print")) return window.print();
    __md_set(KEY, !active());
    apply();
  });
  document$.subscribe(apply);
})();
