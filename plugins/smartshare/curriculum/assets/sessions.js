// Session lists (agenda, next sessions of a module or track, a mentor's schedule):
// - dates in the reader's language, in the session's time zone, plus the reader's own time when it differs;
// - sessions that have ended since the build move to "past" (or leave a "next sessions" list);
// - on the agenda, filters by track, mentor, place and language, kept in the page address.
// Mounts from document$ (instant navigation); mounting twice is harmless.
(function () {
  if (window.smartshareSessions) return;
  window.smartshareSessions = true;
  var FILTERS = ["track", "mentor", "place", "language"];

  function language(root) {
    return root.dataset.lang || document.documentElement.lang || undefined;
  }

  function readerZone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone; } catch { return ""; }
  }

  function range(lang, zone, start, end, withZone) {
    var options = { dateStyle: "full", timeStyle: "short", timeZone: zone };
    var format = new Intl.DateTimeFormat(lang, options);
    var text = format.formatRange ? format.formatRange(start, end) : format.format(start);
    if (withZone) {
      var named = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: "short" }).formatToParts(start);
      var name = named.filter(function (p) { return p.type === "timeZoneName"; })[0];
      if (name) text += " (" + name.value + ")";
    }
    return text;
  }

  function showTimes(root) {
    var lang = language(root), mine = readerZone();
    root.querySelectorAll("[data-smartshare-session]").forEach(function (entry) {
      var start = new Date(entry.dataset.start), end = new Date(entry.dataset.end), zone = entry.dataset.tz;
      var when = entry.querySelector("[data-smartshare-when]");
      if (when) when.textContent = range(lang, zone, start, end, false);
      var local = entry.querySelector("[data-smartshare-local]");
      if (!local) return;
      var theirs = range(lang, zone, start, end, true), ours = range(lang, mine, start, end, true);
      if (mine && mine !== zone && theirs.replace(/\s*\([^)]*\)$/, "") !== ours.replace(/\s*\([^)]*\)$/, "")) {
        local.textContent = local.dataset.text.replace("{time}", ours);
        local.hidden = false;
      } else {
        local.hidden = true;
      }
    });
  }

  // Entries whose end has passed leave the upcoming list: into "past" (latest first) when the page has one.
  function movePast(root) {
    var now = Date.now();
    var past = root.querySelector("[data-smartshare-past]");
    root.querySelectorAll("[data-smartshare-upcoming] [data-smartshare-session]").forEach(function (entry) {
      if (new Date(entry.dataset.end).getTime() > now) return;
      if (past) past.insertBefore(entry, past.firstChild);
      else entry.remove();
    });
    root.querySelectorAll("[data-smartshare-month]").forEach(function (month) {
      if (!month.querySelector("[data-smartshare-session]")) month.remove();
    });
    refreshEmpty(root);
  }

  function visible(root, selector) {
    return Array.prototype.filter.call(root.querySelectorAll(selector), function (e) { return !e.hidden; }).length;
  }

  function refreshEmpty(root) {
    var none = root.querySelector("[data-smartshare-none]");
    if (none) none.hidden = visible(root, "[data-smartshare-upcoming] [data-smartshare-session]") > 0;
    var nonePast = root.querySelector("[data-smartshare-none-past]");
    if (nonePast) nonePast.hidden = visible(root, "[data-smartshare-past] [data-smartshare-session]") > 0;
    root.querySelectorAll("[data-smartshare-month]").forEach(function (month) {
      month.hidden = visible(month, "[data-smartshare-session]") === 0;
    });
  }

  function matches(entry, wanted) {
    return FILTERS.every(function (name) {
      var value = wanted[name];
      if (!value) return true;
      var own = entry.dataset[name] || "";
      return name === "mentor" ? own.split(" ").indexOf(value) >= 0 : own === value;
    });
  }

  function applyFilters(root, form, writeUrl) {
    var wanted = {};
    FILTERS.forEach(function (name) {
      var select = form.querySelector("[data-smartshare-filter=" + name + "]");
      wanted[name] = select ? select.value : "";
    });
    root.querySelectorAll("[data-smartshare-session]").forEach(function (entry) {
      entry.hidden = !matches(entry, wanted);
    });
    refreshEmpty(root);
    var count = form.querySelector("[data-smartshare-count]");
    if (count) {
      var shown = visible(root, "[data-smartshare-upcoming] [data-smartshare-session]");
      count.textContent = count.dataset.text.replace("{count}", shown);
    }
    if (writeUrl) {
      var params = new URLSearchParams(location.search);
      FILTERS.forEach(function (name) {
        if (wanted[name]) params.set(name, wanted[name]); else params.delete(name);
      });
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  function mountFilters(root) {
    var form = root.querySelector("[data-smartshare-filters]");
    if (!form) return;
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var select = form.querySelector("[data-smartshare-filter=" + name + "]");
      var value = params.get(name);
      if (select && value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
      }
    });
    form.hidden = false;
    if (!form.dataset.smartshareMounted) {
      form.dataset.smartshareMounted = "";
      form.addEventListener("change", function () { applyFilters(root, form, true); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
    }
    applyFilters(root, form, false);
  }

  document$.subscribe(function () {
    document.querySelectorAll("[data-smartshare-sessions]").forEach(function (root) {
      movePast(root);
      showTimes(root);
      mountFilters(root);
    });
  });
})();
