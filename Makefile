# The two commands: `make run` and `make test` (README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/hromada

.PHONY: help run test install install-dev assets system-deps migrate demo serve \
	lint typecheck imports templates messages messages-check unit unit-sqlite unit-postgres \
	e2e bench lock clean

help:
	@echo "make run    install, build, migrate, load the demo city and serve at http://$(HOST):$(PORT)"
	@echo "make test   install and run every check"
	@echo "make bench  measure the baselines, the EDMS and the appeals figures (JSON lines)"

# --- installation (idempotent: stamps skip work that is already done) -------
$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.base.stamp: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/base.txt
	@touch $@

$(VENV)/.dev.stamp: requirements/dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	@touch $@ $(VENV)/.base.stamp

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.base.stamp node_modules/.stamp system-deps assets messages
install-dev: $(VENV)/.dev.stamp node_modules/.stamp system-deps assets messages

# gettext compiles translations; Debian's chromium runs the browser tests.
system-deps:
	@bash scripts/system-deps.sh

ASSET_SOURCES := $(shell find frontend -type f 2>/dev/null) package.json
hromada/ui/static/ui/build/.stamp: $(ASSET_SOURCES) node_modules/.stamp
	npm run --silent build
	@touch $@
assets: hromada/ui/static/ui/build/.stamp

PO_FILES := $(wildcard hromada/*/locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
%.mo: %.po
	msgfmt --check -o $@ $<
messages: $(MO_FILES)

# --- run ----------------------------------------------------------------------
migrate: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

demo: migrate
	$(BIN)/python manage.py demo

run: demo
	$(BIN)/python manage.py serve --host $(HOST) --port $(PORT)

# --- checks -------------------------------------------------------------------
lint: $(VENV)/.dev.stamp
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.dev.stamp
	$(BIN)/mypy hromada config

imports: $(VENV)/.dev.stamp
	$(BIN)/lint-imports

templates: $(VENV)/.dev.stamp
	$(BIN)/djlint hromada --lint

messages-check: $(VENV)/.dev.stamp
	$(BIN)/python scripts/check_translations.py

unit-sqlite: install-dev
	$(BIN)/pytest --ds=config.settings.test -m "not e2e" -q

unit-postgres: install-dev
	@if bash scripts/require-postgres.sh "$(PG_TEST_URL)"; then \
		DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest --ds=config.settings.test -m "not e2e" -q; \
	elif [ "$${CI:-}" = "true" ]; then \
		echo "CI=true: PostgreSQL at $(PG_TEST_URL) is required." >&2; exit 1; \
	else echo "Skipping the PostgreSQL run: no server at $(PG_TEST_URL)." >&2; fi

e2e: install-dev
	$(BIN)/pytest --ds=config.settings.test -m e2e -q tests/e2e

unit: unit-sqlite unit-postgres

test: install-dev
	$(BIN)/python manage.py makemigrations --check --dry-run >/dev/null
	$(MAKE) --no-print-directory lint typecheck imports templates messages-check
	$(BIN)/python scripts/function_size.py
	$(MAKE) --no-print-directory unit-sqlite unit-postgres e2e

bench: install-dev
	$(BIN)/python bench/run.py
	$(BIN)/python bench/edms.py
	$(BIN)/python bench/appeals.py
	$(BIN)/python bench/appeals_classifier.py
	$(BIN)/python bench/registry.py

# Re-pin dependencies (needs network); commits the result by hand.
lock: $(BIN)/python
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile --python-version 3.11 --generate-hashes --no-header -q requirements/base.in -o requirements/base.txt
	$(BIN)/uv pip compile --python-version 3.11 --generate-hashes --no-header -q requirements/dev.in -o requirements/dev.txt

clean:
	rm -rf $(VENV) node_modules hromada/ui/static/ui/build
