// Accessibility gaps of the theme that every curriculum page shares, fixed on each page the theme shows
// (document$ also fires after instant navigation; running twice is harmless).
document$.subscribe(function () {
  // Wide tables (the field reference on a phone) scroll sideways: keyboard users must be able to focus them.
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth) wrap.tabIndex = 0;
  });
  // The search dialog has a role but no name; reuse the theme's own translated label of its input.
  var dialog = document.querySelector(".md-search[role=dialog]");
  var input = document.querySelector(".md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
});
