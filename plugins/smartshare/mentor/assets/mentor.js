// The mentor area's pages only (templates/smartshare/mentor-area.html loads it; course pages never do): the
// mentor sheet's Print button. The mentor view's switch is mentor-view.js, on every page.
(function () {
  if (window.smartshareMentorArea) return;
  window.smartshareMentorArea = true;
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-smartshare-print]");
    if (target) window.print();
  });
})();
