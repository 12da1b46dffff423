# Two commands: `make serve` (build and serve the example site) and `make test` (every test).
# Each creates .venv and installs the pinned versions from constraints.txt when needed.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1
STAMP  := $(VENV)/.installed

.PHONY: serve build test check stats bench browser clean
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

browser: $(STAMP)
	@$(BIN)/python tests/browser/ensure_chromium.py

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf site $(VENV) .pytest_cache
