# SIGAP: `make demo` serves a demo on http://127.0.0.1:8000, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SIGAP := $(BIN)/sigap
VENDOR := sigap/static/vendor
HOST ?= 127.0.0.1
PORT ?= 8000
# Parallel test workers (pytest-xdist); "auto" uses every core.
TEST_WORKERS ?= auto

.PHONY: setup demo test lint format bench screenshots clean

setup: $(VENV)/.installed $(VENDOR)/.installed messages chromium pdf-libraries

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)/bootstrap $(VENDOR)/htmx
	cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map $(VENDOR)/bootstrap/
	cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map $(VENDOR)/bootstrap/
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/
	touch $@

# WeasyPrint (PDF letters and minutes) draws text with Pango, in the DejaVu fonts.
.PHONY: pdf-libraries
pdf-libraries:
	@ldconfig -p | grep -q libpangoft2-1.0 && test -d /usr/share/fonts/truetype/dejavu || \
	  scripts/apt-install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core

.PHONY: messages
messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || scripts/apt-install gettext
	cd sigap && ../$(SIGAP) compilemessages --verbosity 0

# After changing texts in code or templates: extract them, translate sigap/locale/id/.../django.po.
.PHONY: translations
translations: $(VENV)/.installed
	cd sigap && ../$(SIGAP) makemessages --locale id --no-obsolete --no-wrap --ignore 'static/*' --ignore 'core/data/*'
	@# msgmerge guesses translations of new texts from similar old ones ("fuzzy"); such guesses
	@# are usually wrong, so they are emptied for a translator to fill.
	msgattrib --clear-fuzzy --empty --clear-previous --no-wrap -o sigap/locale/id/LC_MESSAGES/django.po sigap/locale/id/LC_MESSAGES/django.po

.PHONY: chromium
chromium:
	@test -x /usr/bin/chromium || scripts/apt-install chromium fonts-dejavu-core || \
	  echo "WARNING: Debian's chromium could not be installed; browser tests will be skipped." >&2

# The demo runs without DEBUG, as users would see SIGAP (no debug pages, no stack traces).
DEMO_ENV := SIGAP_DEMO=1 SIGAP_DEBUG=0

demo: setup
	$(DEMO_ENV) $(SIGAP) migrate --verbosity 0
	$(DEMO_ENV) $(SIGAP) load_reference
	$(DEMO_ENV) $(SIGAP) demo_data --print-logins
	@echo "SIGAP (demo, synthetic data) on http://$(HOST):$(PORT)/  — log in with one of the users above."
	@echo "The task worker runs beside the server; Ctrl+C stops both."
	$(DEMO_ENV) $(SIGAP) worker --no-reload --verbosity 0 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(DEMO_ENV) $(SIGAP) runserver $(HOST):$(PORT) --noreload --insecure

test: setup
	SIGAP_ENV=test $(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy sigap
	SIGAP_ENV=test $(SIGAP) makemigrations --check --dry-run

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Screenshots for the user guide (docs/panduan/img), taken by the browser tests.
screenshots: setup
	SIGAP_ENV=test SIGAP_SCREENSHOT_DIR=docs/panduan/img $(BIN)/pytest -n 0 -m browser

clean:
	rm -rf $(VENV) node_modules $(VENDOR) staticfiles .pytest_cache .mypy_cache .ruff_cache

# Benchmarks (not timed tests): figures go to docs/performance.md.
bench: setup
	$(BIN)/python -m bench.parsing
	$(BIN)/python -m bench.load_reference
	@if pg_isready -q -h 127.0.0.1 2>/dev/null; then \
	  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS sigap_bench" postgres 2>/dev/null && \
	  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE sigap_bench" postgres && \
	  $(BIN)/python -m bench.load_reference --database-url postgres://postgres@127.0.0.1:5432/sigap_bench; \
	  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS sigap_bench" postgres; \
	  (command -v wrk >/dev/null || scripts/apt-install wrk) && $(BIN)/python -m bench.portal; \
	  $(BIN)/python -m bench.imports; \
	fi
	@# Cases and searches at size M (100,000 cases), and the monitoring board with 1,000,000
	@# enrolments; their databases are kept and reused while the data stays the same.
	@if pg_isready -q -h 127.0.0.1 2>/dev/null; then \
	  $(BIN)/python -m bench.cases --size M; \
	  $(BIN)/python -m bench.monitoring; \
	else \
	  echo "PostgreSQL is not running on 127.0.0.1: bench.cases and bench.monitoring skipped." >&2; \
	fi
