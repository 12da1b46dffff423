// Mentor view: a toggle kept in the browser (site-scoped key) reveals mentor-only templates and opens answer keys.
(function () {
  if (window.smartshareMentor) return;
  window.smartshareMentor = true;
  var KEY = "smartshare.mentor-view";

  function active() { return __md_get(KEY) === true; }

  function reveal(template, on) {
    var shown = template.nextElementSibling;
    shown = shown && shown.hasAttribute("data-smartshare-revealed") ? shown : null;
    if (on && !shown) {
      var box = document.createElement("div");
      box.className = "smartshare-mentor smartshare-mentor--" + template.dataset.smartshareMentorOnly;
      box.setAttribute("data-smartshare-revealed", "");
      box.appendChild(template.content.cloneNode(true));
      template.after(box);
    } else if (!on && shown) {
      shown.remove();
    }
  }

  function apply() {
    var on = active();
    document.documentElement.classList.toggle("smartshare-mentor-view", on);
    document.querySelectorAll("template[data-smartshare-mentor-only]").forEach(function (t) { reveal(t, on); });
    document.querySelectorAll("details.smartshare-quiz__answer").forEach(function (answer) {
      if (on && !answer.open) { answer.open = true; answer.dataset.smartshareOpened = ""; }
      if (!on && "smartshareOpened" in answer.dataset) { answer.open = false; delete answer.dataset.smartshareOpened; }
    });
    document.querySelectorAll("[data-smartshare-mentor-toggle]").forEach(function (b) { b.setAttribute("aria-pressed", on); });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-smartshare-mentor-toggle],[data-smartshare-print]");
    if (!target) return;
    if (target.hasAttribute("data-smartshare-print")) return window.print();
    __md_set(KEY, !active());
    apply();
  });
  document$.subscribe(apply);
})();
