# Two commands: `make serve` (build and serve the example site) and `make test` (every test).
# Each creates .venv and installs the pinned versions from constraints.txt when needed.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1
STAMP  := $(VENV)/.installed

.PHONY: serve build test check stats bench browser clean fuzz
serve: $(STAMP)
	@echo "Serving the example site at http://127.0.0.1:$(PORT)/"
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT) --dirty

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/smartshare check curricula

stats: $(STAMP)
	$(BIN)/smartshare stats curricula

test: $(STAMP) browser
	$(BIN)/python -m pytest -n 2

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# 10,000 seeded corruptions of the example curriculum through `smartshare check`, and a sample of builds: prints
# tracebacks, hangs, unshaped messages, modified inputs and leaks, and fails unless all are zero (tests/fuzz/).
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz/run.py --cases 10000 --builds 40

browser: $(STAMP)
	@$(BIN)/python tests/browser/ensure_chromium.py

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf site $(VENV) .pytest_cache

# --- Publishing (smartshare/intranet): see the README's "Publishing" section --------------------------------
PROPERDOCS_VENV ?= .venv-properdocs
LAST_COMMIT_EPOCH = $(shell git log -1 --format=%ct 2>/dev/null)
.PHONY: offline test-properdocs

# The offline edition: smartshare-offline.zip, opened from file:// (USB stick, no web server). Reproducible.
offline: $(STAMP)
	rm -rf site-offline smartshare-offline.zip
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$(LAST_COMMIT_EPOCH)} SMARTSHARE_OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$(LAST_COMMIT_EPOCH)} $(BIN)/python -m smartshare.intranet.archive site-offline smartshare-offline.zip
	@echo "smartshare-offline.zip: unzip, then open site-offline/index.html"

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
	SMARTSHARE_DOCS_TOOL=properdocs $(PROPERDOCS_VENV)/bin/python -m pytest -n 2
