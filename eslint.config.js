// ESLint for the JavaScript that ships with the site: `make lint` runs it (versions pinned in package-lock.json).
// One dialect for every asset: plain browser scripts (no modules, no build step), ES2020, loaded after the
// theme's bundle, whose globals they use (`document$` to mount on every page, `__md_get`/`__md_set` to store
// learner state under site-scoped keys).
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

// What mkdocs-material's bundle and its inline head script define on `window` (material/templates/).
const theme = Object.fromEntries(
  [
    "document$", "location$", "target$", "keyboard$", "viewport$", "tablet$", "screen$", "print$", "alert$",
    "progress$", "component$", "__md_get", "__md_set", "__md_scope", "__md_hash",
  ].map((name) => [name, "readonly"]),
);

module.exports = [
  {
    // Not ours or not source: virtual environments, built sites, benchmark output, vendored libraries.
    ignores: [".venv*/", "site/", "site-offline/", "benchmarks/out/", "**/vendor/", "**/*.min.js"],
  },
  {
    files: ["plugins/smartshare/**/assets/**/*.js", "theme/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, ...theme },
    },
  },
  {
    files: ["eslint.config.js"],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
  },
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
];
