// The site's search worker: mkdocs-material's own, loaded as it is, with how words compare changed for every
// language (curriculum/search.py says why). Published beside the theme's worker as
// assets/javascripts/workers/smartshare-search.js, the build writing the theme worker's name below; the theme's
// `__config` names this file instead. Runs in a Worker, or in the offline edition's iframe shim (file://),
// where `importScripts` returns a promise.
(function () {
  "use strict";

  var THEME_WORKER = "__THEME_WORKER__";

  // équipe → equipe, Œuvre → oeuvre: marks removed after canonical decomposition, and the letters NFD keeps whole
  var LETTERS = { "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i" };
  function fold(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[œæßøłđı]/g, function (letter) { return LETTERS[letter]; });
  }

  // A query word as typed, with the theme's wildcards ("retours*"), through the index's search pipeline (the
  // language's stemmer, then folding): lunr runs no pipeline for wildcard terms. A word the pipeline drops (a
  // stop word) is kept, folded, so that typing still narrows the results.
  function throughPipeline(pipeline, term) {
    var parts = /^(\**)(.*?)(\**)$/.exec(term);
    if (!parts[2]) return term;
    var processed = pipeline.runString(parts[2]);
    return parts[1] + (processed.length ? processed[0] : fold(parts[2])) + parts[3];
  }

  function extend(lunr) {
    if (!lunr || lunr.smartshareFold) return;

    function foldToken(token) {
      return token.update(fold);
    }
    lunr.Pipeline.registerFunction(foldToken, "smartshareFold");
    lunr.smartshareFold = foldToken;

    // Last in both pipelines, after the language's stemmer (which knows its accents): added when the first
    // document is, once the theme has set up the language and removed what its `pipeline` option leaves out.
    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function (doc, attributes) {
      if (this.pipeline._stack.indexOf(foldToken) < 0) {
        this.pipeline.add(foldToken);
        this.searchPipeline.add(foldToken);
      }
      return add.call(this, doc, attributes);
    };

    var searchPipeline = null;  // the worker holds one index: the last one built
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      var index = build.call(this);
      searchPipeline = index.pipeline;
      return index;
    };

    // Every query the theme parses (its search and its own analysis of which words matched) goes through here.
    var clause = lunr.Query.prototype.clause;
    lunr.Query.prototype.clause = function (spec) {
      if (searchPipeline && spec.usePipeline === false && typeof spec.term === "string" && spec.term.indexOf("*") >= 0) {
        spec.term = throughPipeline(searchPipeline, spec.term);
      }
      return clause.call(this, spec);
    };
  }

  var here = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  var loaded = self.importScripts(new URL(THEME_WORKER, here).href);
  if (loaded && typeof loaded.then === "function") {
    loaded.then(function () { extend(self.lunr); });
  } else {
    extend(self.lunr);
  }
})();
