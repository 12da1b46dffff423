# Two commands: `make serve` (build and serve the example site) and `make test` (lint, then every test).
# Each creates .venv and installs the pinned versions from constraints.txt when needed: `make serve` only what
# serving needs, `make test` the test tools too (pytest, Playwright, ruff, mypy; ESLint from package-lock.json).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
NPM    ?= npm
# Material for MkDocs 9.7+ prints a banner on every mkdocs command (the theme's end of life, its successor);
# it says nothing about this site, so our commands hide it (see the README, "Notices you will not see").
export NO_MKDOCS_2_WARNING := 1
STAMP      := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
NODE_STAMP := node_modules/.installed
UV         := $(BIN)/uv
UV_STAMP   := $(VENV)/.installed-uv
# tests/scorm's npm packages (scorm-again, the SCORM schema files); npm ci writes this file last
SCORM_NPM  := tests/scorm/node_modules/.package-lock.json

.PHONY: serve build test lint check stats bench bench-quick browser servers lrs scorm-npm clean fuzz screenshots
# --dirty: an edit rebuilds only the edited page and the generated ones. smartshare/curriculum drops MkDocs'
# warning about the flag when serving; the README says what such a preview leaves stale.
# With `languages` (the example: en, fr, zh) every language site is served, and each change rebuilds them all;
# `make serve SERVE_LANGUAGE=fr` serves that language's site alone, at the root, rebuilt as fast as a one-language site.
serve: $(STAMP)
ifeq ($(SERVE_LANGUAGE),)
	@echo "Serving the example site at http://127.0.0.1:$(PORT)/ (the language chooser; /en/, /fr/, /zh/ after the first build of all three)"
	@echo "Only one language, rebuilt faster after each change: make serve SERVE_LANGUAGE=fr"
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT) --dirty
else
	@echo "Serving the $(SERVE_LANGUAGE) site alone at http://127.0.0.1:$(PORT)/ (its language switcher leads nowhere here; make serve: every language)"
	SMARTSHARE_SITE_LANGUAGE=$(SERVE_LANGUAGE) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT) --dirty
endif

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/smartshare check curricula

stats: $(STAMP)
	$(BIN)/smartshare stats curricula

# Lint first: a test run on code that does not pass the checks is not a result. --dist loadgroup: each test module
# runs in one test process, so its module-scoped site is built once (tests/conftest.py groups them), and tests marked
# xdist_group share one (the xAPI tests: one Ralph LRS, one site build).
# PYTHONDONTWRITEBYTECODE emptied: Python's bytecode (git-ignored __pycache__/) is written even where the environment
# says not to, or every test process, build server, fresh build and command of the run compiles our package, and
# every test process rewrites every test module's assertions, from source again (README, "Keeping `make test` fast").
# What the tests need is installed side by side (`-j`: the project's venv, ESLint, Ralph's venv and tests/scorm's npm
# packages, then lint with the checks for Chromium and the web servers), each target's output printed whole when it
# ends (`--output-sync`): in a fresh clone most of it is waiting for downloads (README, "Keeping `make test` fast").
test:
	@$(MAKE) --no-print-directory -j 4 --output-sync=target lint browser servers lrs scorm-npm
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 --dist loadgroup

# Each tool keeps a cache of what it found (git-ignored): ruff's .ruff_cache/, mypy's .mypy_cache/ and ESLint's under
# node_modules/.cache/, so a second `make lint` checks again only the files that changed.
# The Python and JavaScript checks are two targets, run side by side by `make test`.
.PHONY: lint-python lint-js
lint: lint-python lint-js

lint-python: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

lint-js: $(NODE_STAMP)
	node_modules/.bin/eslint --cache --cache-location node_modules/.cache/eslint/

# Both curricula (synthetic and example-shaped) at 200 and 2,000 modules, three alternated runs: about an hour.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# While developing: both curricula at 250 modules, one run of each build (a few minutes); README left alone.
bench-quick: $(STAMP)
	$(BIN)/python benchmarks/run.py --quick
# The long end-to-end tests kept out of `make test` (marked `slow`; each has a cheaper sibling in `make test`).
.PHONY: test-slow
test-slow: $(TEST_STAMP) browser
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 --dist loadgroup -m slow

# 10,000 seeded corruptions of the example curriculum through `smartshare check`, and a sample of builds: prints
# tracebacks, hangs, unshaped messages, modified inputs and leaks, and fails unless all are zero (tests/fuzz/).
fuzz: $(TEST_STAMP)
	$(BIN)/python tests/fuzz/run.py --cases 10000 --builds 40

# The README's pictures (docs/screenshots/*.png), taken in headless Chromium from the example site as built today.
screenshots: $(TEST_STAMP) browser
	$(BIN)/python tools/screenshots.py

browser: $(TEST_STAMP)
	@$(BIN)/python tests/browser/ensure_chromium.py

# nginx and Apache httpd for the mentor area's access-control tests (installed as root with apt-get, else skipped).
# After `browser`: on a new machine both install with apt-get, and dpkg lets one install run at a time.
servers: $(TEST_STAMP) browser
	@$(BIN)/python tests/mentor/ensure_web_servers.py

# Ralph, the open-source Learning Record Store, for the xAPI tests (tests/xapi/): in its own virtual environment,
# at the versions of tests/xapi/ralph-constraints.txt, installed once. Its `lrs` extra serves the API, `cli` gives
# `ralph runserver` and `ralph auth`; requests is imported by Ralph 5.1.0 without being declared.
RALPH_VENV  ?= .venv-ralph
RALPH_STAMP := $(RALPH_VENV)/.installed
# (an empty recipe: a goal of make test's parallel make says nothing when Ralph is installed already)
lrs: $(RALPH_STAMP)
	@:

# tests/scorm's packages, at the exact versions of its package-lock.json, from npm's cache when it has them: installed
# here, beside the venvs, rather than by the first SCORM test in the middle of the run (tests/scorm/scormtree.py,
# `ensure_npm_packages`, which still installs them for a run of pytest alone)
scorm-npm: $(SCORM_NPM)
	@:

$(SCORM_NPM): tests/scorm/package.json tests/scorm/package-lock.json
	@command -v $(NPM) >/dev/null || { echo "the SCORM tests need npm (scorm-again): install it, e.g. apt-get install npm"; exit 1; }
	cd tests/scorm && $(NPM) ci --no-audit --no-fund --ignore-scripts --prefer-offline

$(RALPH_STAMP): tests/xapi/ralph-constraints.txt $(UV_STAMP)
	test -x $(RALPH_VENV)/bin/python || $(PYTHON) -m venv --without-pip $(RALPH_VENV)
	$(UV) pip install --quiet --python $(RALPH_VENV)/bin/python -c tests/xapi/ralph-constraints.txt 'ralph-malph[cli,lrs]' requests
	touch $(RALPH_STAMP)

# uv installs the venvs' packages: it fetches them side by side and links them from its cache (~/.cache/uv), where pip
# took 30-40 s a venv and kept no cache on this project's machines (README, "Keeping `make test` fast"). The venv's
# own pip installs uv itself, at the version of constraints.txt. Like pip with --no-compile, uv compiles no bytecode:
# Python compiles what is imported, when it is first imported.
# The venv is made without pip of its own (ensurepip: about 5 s, the longest step before the tests when uv's cache is
# warm) and uv is installed into it by the system's pip (`--python`, pip 22.3+); where Python has no such pip, the venv
# gets its own pip after all and installs uv with it.
$(UV_STAMP): constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv --without-pip $(VENV)
	$(PYTHON) -m pip --python $(BIN)/python install --quiet --no-compile -c constraints.txt uv 2>/dev/null \
	  || { $(BIN)/python -m ensurepip --default-pip >/dev/null \
	       && $(BIN)/python -m pip install --quiet --no-compile -c constraints.txt uv; }
	touch $(UV_STAMP)

# One uv run of what $(1) names, at the versions of constraints.txt. Pango is checked by a make of its own (MAKEFLAGS
# emptied: outside a parallel make's jobs, which it does not need).
define install
	@MAKEFLAGS= $(MAKE) --no-print-directory pango
	$(UV) pip install --quiet --python $(BIN)/python -c constraints.txt $(1)
endef

# What serving and building need: the package and its runtime dependencies.
$(STAMP): pyproject.toml constraints.txt $(UV_STAMP)
	$(call install,-e .)
	touch $(STAMP)

# What testing needs: the same with the `test` extra (pytest, Playwright, ruff, mypy), in the same resolver run (one
# editable build of the package, not two), so serving needs nothing more either.
# tests/export's GIFT reader (PLY) writes its parser table into its package at its first import: it is imported
# once here, so that the two test workers do not both write it while they collect.
$(TEST_STAMP): pyproject.toml constraints.txt $(UV_STAMP)
	$(call install,-e '.[test]')
	$(BIN)/python -c "import pygiftparser.parser"
	touch $(STAMP) $(TEST_STAMP)

# ESLint, at the exact versions of package-lock.json; from npm's cache when it has them.
$(NODE_STAMP): package.json package-lock.json
	@command -v $(NPM) >/dev/null || { echo "make lint needs Node.js 18.18+ with npm (ESLint): install them, e.g. apt-get install nodejs npm"; exit 1; }
	$(NPM) ci --no-audit --no-fund --prefer-offline
	touch $(NODE_STAMP)

clean:
	rm -rf site $(VENV) $(RALPH_VENV) .pytest_cache .mypy_cache .ruff_cache node_modules

# WeasyPrint (PDF handouts) needs Pango from the system: installed with apt-get when missing and run as root.
PANGO_LIBS := libpango-1.0-0 libpangoft2-1.0-0
.PHONY: pango
pango:
	@$(PYTHON) -c "import ctypes.util as u, sys; sys.exit(not (u.find_library('pango-1.0') and u.find_library('pangoft2-1.0')))" \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get install -y -q $(PANGO_LIBS); } \
	  || { echo "The PDF handouts need Pango: install $(PANGO_LIBS) (Debian/Ubuntu) or your system's Pango"; exit 1; }

# --- Publishing (smartshare/intranet): see the README's "Publishing" section --------------------------------
PROPERDOCS_VENV ?= .venv-properdocs
LAST_COMMIT_EPOCH = $(shell git log -1 --format=%ct 2>/dev/null)
.PHONY: offline test-properdocs

# The offline edition, opened from file:// (USB stick, no web server), reproducible, in two archives:
# smartshare-offline.zip for learners (no mentor area) and smartshare-offline-mentors.zip (with it).
# the `prefix` of smartshare/mentor in mkdocs.yml
MENTOR_PREFIX ?= mentor
offline: $(STAMP)
	rm -rf site-offline smartshare-offline.zip smartshare-offline-mentors.zip
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$(LAST_COMMIT_EPOCH)} SMARTSHARE_OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$(LAST_COMMIT_EPOCH)} $(BIN)/python -m smartshare.intranet.archive site-offline smartshare-offline.zip --exclude $(MENTOR_PREFIX)
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$(LAST_COMMIT_EPOCH)} $(BIN)/python -m smartshare.intranet.archive site-offline smartshare-offline-mentors.zip
	@echo "smartshare-offline.zip (learners) and smartshare-offline-mentors.zip (mentors, keep it among them): unzip, then open site-offline/index.html"

# Every test again with ProperDocs (the maintained fork of MkDocs 1.6) instead of MkDocs, in its own venv.
# The theme is installed without its dependencies, or pip would bring MkDocs back.
test-properdocs: $(STAMP) browser
	test -x $(PROPERDOCS_VENV)/bin/python || $(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet -c constraints.txt properdocs==1.6.7
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --no-deps -c constraints.txt mkdocs-material \
	  mkdocs-material-extensions pymdown-extensions Pygments babel backrefs colorama paginate requests certifi \
	  charset-normalizer idna urllib3 pytest pytest-xdist execnet iniconfig pluggy playwright greenlet \
	  axe-playwright-python
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --no-deps -e .
	! $(PROPERDOCS_VENV)/bin/python -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('mkdocs') is None)"
	SMARTSHARE_DOCS_TOOL=properdocs $(PROPERDOCS_VENV)/bin/python -m pytest -n 2 --dist loadgroup

# --- Front-end libraries shipped in the package (smartshare/rich): Mermaid and KaTeX ---------------------------
# Their files are committed, so `make serve` and `make test` need no npm. To upgrade: change the exact versions in
# vendor/package.json, then `make vendor` (needs npm and the registry) and commit the copied files.
.PHONY: vendor
vendor:
	cd vendor && npm install --ignore-scripts --no-audit --no-fund
	$(PYTHON) vendor/copy_assets.py
