# Two commands: `make serve` (build and serve the example site) and `make test` (every test).
# Each creates .venv and installs the pinned versions from constraints.txt when needed.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1
STAMP  := $(VENV)/.installed

.PHONY: serve build test check stats bench browser servers clean
serve: $(STAMP)
	@echo "Serving the example site at http://127.0.0.1:$(PORT)/"
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT) --dirty

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/smartshare check curricula

stats: $(STAMP)
	$(BIN)/smartshare stats curricula

test: $(STAMP) browser servers
	$(BIN)/python -m pytest -n 2

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

browser: $(STAMP)
	@$(BIN)/python tests/browser/ensure_chromium.py

# nginx and Apache httpd for the mentor area's access-control tests (installed as root with apt-get, else skipped)
servers: $(STAMP)
	@$(BIN)/python tests/mentor/ensure_web_servers.py

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
	SMARTSHARE_DOCS_TOOL=properdocs $(PROPERDOCS_VENV)/bin/python -m pytest -n 2
