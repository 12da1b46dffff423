// Filters of module cards (catalogue and track pages, templates/smartshare/filters.html): level, duration,
// audience and tag. The choice lives in the URL query (?level=beginner&tag=chatbots), so a filtered view can be
// shared, survives a reload and comes back with Back. Without JavaScript the form stays hidden and every module
// is listed. Mounts from document$ (instant navigation); mounting twice is harmless.
(function () {
  "use strict";

  var FIELDS = ["level", "duration", "audience", "tag"];

  function list(card, name) {
    try {
      var value = JSON.parse(card.getAttribute("data-smartshare-" + name) || "[]");
      return Array.isArray(value) ? value : [];
    } catch {
      return [];  // an attribute a theme override broke matches nothing rather than stopping the script
    }
  }

  // Does `card` match every chosen value? Duration bounds come with the option (filters.py has the ranges).
  function matches(card, chosen, form) {
    if (chosen.level && card.getAttribute("data-smartshare-level") !== chosen.level) return false;
    if (chosen.duration) {
      var option = form.elements.duration.selectedOptions[0];
      var minutes = parseInt(card.getAttribute("data-smartshare-duration"), 10);
      var longest = option.getAttribute("data-max");
      if (isNaN(minutes) || minutes < parseInt(option.getAttribute("data-min"), 10)) return false;
      if (longest && minutes > parseInt(longest, 10)) return false;
    }
    if (chosen.audience && list(card, "audience").indexOf(chosen.audience) < 0) return false;
    if (chosen.tag && list(card, "tags").indexOf(chosen.tag) < 0) return false;
    return true;
  }

  function chosenValues(form) {
    var chosen = {};
    FIELDS.forEach(function (name) {
      var select = form.elements[name];
      if (select && select.value) chosen[name] = select.value;
    });
    return chosen;
  }

  function countText(form, shown) {
    if (shown === 0) return form.getAttribute("data-none");
    if (shown === 1) return form.getAttribute("data-shown-one");
    return form.getAttribute("data-shown").replace("{count}", String(shown));
  }

  // The URL says what is chosen; replaceState keeps one history entry per page, not one per change.
  function remember(chosen) {
    var url = new URL(location.href);
    FIELDS.forEach(function (name) {
      if (chosen[name]) url.searchParams.set(name, chosen[name]);
      else url.searchParams.delete(name);
    });
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }

  function mount(form) {
    if (form.getAttribute("data-smartshare-mounted")) return;
    form.setAttribute("data-smartshare-mounted", "true");
    var scope = form.closest("[data-smartshare-filterable]");
    if (!scope) return;
    var items = Array.prototype.slice.call(scope.querySelectorAll(".smartshare-cards > li"));
    var status = form.querySelector(".smartshare-filters__count");
    var clear = form.querySelector("[data-smartshare-filters-clear]");

    function apply() {
      var chosen = chosenValues(form);
      var shown = 0;
      items.forEach(function (item) {
        var card = item.querySelector("[data-smartshare-module]");
        var visible = !card || matches(card, chosen, form);
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = countText(form, shown);
      clear.hidden = Object.keys(chosen).length === 0;
      remember(chosen);
    }

    var query = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      var select = form.elements[name];
      var wanted = query.get(name);
      if (!select || !wanted) return;
      // a value no option has (an old or hand-written link) is dropped rather than hiding every module
      if (Array.prototype.some.call(select.options, function (option) { return option.value === wanted; })) {
        select.value = wanted;
      }
    });
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    clear.addEventListener("click", function () {
      FIELDS.forEach(function (name) {
        if (form.elements[name]) form.elements[name].value = "";
      });
      apply();
      var first = form.querySelector("select");
      if (first) first.focus();  // the button hides itself: focus must not fall to the page body
    });
    form.hidden = false;
    apply();
  }

  document$.subscribe(function () {
    document.querySelectorAll("[data-smartshare-filters]").forEach(mount);
  });
})();
