/*
 * smartshare/rich: Mermaid diagrams and KaTeX formulas from the libraries shipped in the site, on the pages that
 * have them. The plugin writes this script inline at the end of those pages' content (and nowhere else): on a
 * full page load it runs before the theme's bundle, and instant navigation runs inline scripts of the new content
 * as it inserts them, before the page's components mount (it does not wait for a script with `src`). Running it
 * again is harmless. The plugin writes the address of the site's assets/smartshare/, relative to the page, as the
 * argument at the end (instant navigation copies an inline script's text, not its attributes).
 */
(function (assets) {
  "use strict";
  var base = new URL(assets, location.href).href;
  var pending = {};

  function load(url) {
    if (!pending[url]) {
      pending[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return pending[url];
  }

  function stylesheet(url) {
    if (!document.querySelector('link[data-smartshare-rich="' + url + '"]')) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = url;
      link.setAttribute("data-smartshare-rich", url);
      document.head.appendChild(link);
    }
  }

  /*
   * Diagrams. The theme renders every `pre.mermaid` itself (light and dark colours from its palette) with the
   * global `mermaid`, and when there is none it fetches one from unpkg.com, which an intranet cannot reach. This
   * stand-in is that global: the theme hands it its settings, and the first diagram loads our copy of Mermaid,
   * which then replaces the stand-in and receives the theme's settings.
   */
  // The theme's diagram styles cover flowcharts, sequence, class and state diagrams; timelines keep Mermaid's
  // pastel colours with the theme's light label text (unreadable in either palette) unless they follow it too.
  // `!important`: Mermaid's own rules are scoped by the diagram's id.
  var TIMELINE_CSS =
    ".timeline-node .node-bkg{fill:var(--md-mermaid-node-bg-color)!important;" +
    "stroke:var(--md-mermaid-node-fg-color)!important}" +
    ".timeline-node line{stroke:var(--md-mermaid-node-fg-color)!important}" +
    ".timeline-node text,text:not([class]){fill:var(--md-mermaid-label-fg-color)!important}" +
    ".lineWrapper line{stroke:var(--md-mermaid-edge-color)!important}";

  if (typeof window.mermaid === "undefined" || window.mermaid instanceof Element) {
    var settings = null;
    window.mermaid = {
      smartshareStandIn: true,
      initialize: function (config) {
        settings = Object.assign({}, config, { themeCSS: (config.themeCSS || "") + TIMELINE_CSS });
      },
      render: function (id, text) {
        return load(base + "vendor/mermaid/mermaid.min.js").then(function () {
          if (settings) {
            window.mermaid.initialize(settings);
            settings = null;
          }
          return window.mermaid.render(id, text);
        });
      },
    };
  }

  /*
   * Formulas. pymdownx.arithmatex (generic mode) writes `\(…\)` in a span and `\[…\]` (or an environment) in a
   * div; KaTeX typesets each one in place, with MathML for screen readers. A typeset formula is marked, so
   * mounting again skips it.
   */
  function typeset() {
    var formulas = document.querySelectorAll(".arithmatex:not([data-smartshare-typeset])");
    if (!formulas.length) return;
    stylesheet(base + "vendor/katex/katex.min.css");
    load(base + "vendor/katex/katex.min.js").then(function () {
      formulas.forEach(function (el) {
        if (el.hasAttribute("data-smartshare-typeset")) return;
        var tex = el.textContent.trim().replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
        window.katex.render(tex, el, { displayMode: el.tagName === "DIV", throwOnError: false });
        el.setAttribute("data-smartshare-typeset", "");
      });
    });
  }

  if (!window.__smartshareRich) {
    window.__smartshareRich = true;
    var mount = function () {
      window.document$.subscribe(typeset);
    };
    // on a full page load this script runs before the theme's bundle has created `document$`
    if (window.document$) mount();
    else document.addEventListener("DOMContentLoaded", mount);
  }
})(/* assets */ "./");
