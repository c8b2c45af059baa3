# Track 1.5 Recommendations Tracker: the two commands of the README, and a few helpers.
# Needs only Python 3.11 and make. Every target is safe to run again: the virtual
# environment is (re)installed only when pyproject.toml changes (stamp files in .venv).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes, each with its own test database (pytest-xdist): auto is one per core; 0
# runs the suite in this process.
TEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help run test lint check install install-dev backup restore bench bench-import bench-http bench-quick bench-needs-wrk messages

help:
	@echo "make run    serve the demo (SQLite, demo data, local admin) on http://$(HOST):$(PORT)"
	@echo "make test   run the whole test suite (PostgreSQL when DATABASE_URL is set)"
	@echo "make lint   ruff check and ruff format --check"
	@echo "make check  Django system checks and a check for missing migrations"
	@echo "make messages  refresh the Japanese catalogue after a string changed, and compile it"
	@echo "make backup           write the whole database, history included, to var/backups/ (or FILE=)"
	@echo "make restore FILE=... load a backup into a freshly migrated database"
	@echo "make bench  time every page and the export at 100,000 recommendations (PostgreSQL)"
	@echo "make bench-quick  the benchmark at 1,000 on PostgreSQL and SQLite: a check, as in CI"

# The runtime install, then the same plus the dev extra: the dev stamp also satisfies
# the runtime one, so `make run` after `make test` installs nothing.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	mkdir -p var/static
	touch $@

$(VENV)/.installed-dev: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	mkdir -p var/static
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# A local demo, never production: the clone's .env (written on the first run: debug on, a
# random local key, SQLite in var/) makes every manage.py command work here afterwards.
# The set-up is quiet: a line for the database, one for the demo, then the password box.
run: export DJANGO_DEBUG ?= 1
run: $(VENV)/.installed
	@$(BIN)/python -m tracker.local_env
	@$(MANAGE) setup_local --url http://$(HOST):$(PORT)/admin/
	$(MANAGE) runserver $(HOST):$(PORT)

# pytest-env sets DJANGO_DEBUG=1; DATABASE_URL passes through from the environment.
test: $(VENV)/.installed-dev
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: export DJANGO_DEBUG := 1
check: $(VENV)/.installed
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# The Japanese catalogue: collect every marked string into locale/ja/LC_MESSAGES/django.po
# (new ones arrive untranslated: translate them there), then compile the .mo that is
# committed beside it, so a fresh clone needs no gettext tools. Needs GNU gettext.
messages: export DJANGO_DEBUG := 1
messages: $(VENV)/.installed
	@command -v xgettext >/dev/null || { echo "make messages needs GNU gettext: apt-get install gettext (or brew install gettext)"; exit 2; }
	$(MANAGE) makemessages -l ja --no-obsolete --ignore=.venv --ignore=var --ignore=tests --ignore=bench
	$(MANAGE) compilemessages -l ja --ignore=.venv --ignore=var

# Room for more operator targets (backup, restore) below.

# The whole database, audit trail included, as one .json.gz (manage.py backup_data).
# Uses the environment's DATABASE_URL; DJANGO_DEBUG defaults to the local 1 as in `run`.
backup: export DJANGO_DEBUG ?= 1
backup: $(VENV)/.installed
	$(MANAGE) backup_data $(FILE)

# Into a freshly migrated, empty database; RESTORE_ARGS=--flush empties one first.
restore: export DJANGO_DEBUG ?= 1
restore: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/tracker-<time>.json.gz"; exit 2; }
	$(MANAGE) migrate --noinput
	$(MANAGE) restore_data $(FILE) $(RESTORE_ARGS)

# Speed and memory at scale: fills BENCH_DATABASE_URL (created if missing) with
# BENCH_COUNT recommendations, then measures every page and export in-process (bench.run)
# and through HTTP (bench.http: gunicorn in production settings, wrk), and writes both to
# BENCH_RESULTS beside any other database's figures. For SQLite:
#   make bench BENCH_DATABASE_URL=sqlite:///var/bench.sqlite3
BENCH_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/tracker_bench
BENCH_COUNT ?= 100000
BENCH_RESULTS ?= bench/results.json
bench-needs-wrk:
	@command -v wrk >/dev/null || { echo "the HTTP benchmark needs wrk: apt-get install wrk"; exit 2; }
bench: export DJANGO_DEBUG := 1
bench: export DATABASE_URL := $(BENCH_DATABASE_URL)
bench: $(VENV)/.installed bench-needs-wrk bench-import
	$(BIN)/python -m bench.populate --count $(BENCH_COUNT)
	$(BIN)/python -m bench.run --results $(BENCH_RESULTS)
	$(BIN)/python -m bench.http --results $(BENCH_RESULTS)

# The pages through real HTTP only: gunicorn in production settings, wrk, beside two
# reference views served by the same process. Needs the populated database.
bench-http: export DJANGO_DEBUG := 1
bench-http: export DATABASE_URL := $(BENCH_DATABASE_URL)
bench-http: $(VENV)/.installed bench-needs-wrk
	$(BIN)/python -m bench.http --results $(BENCH_RESULTS)

# The whole benchmark at 1,000 recommendations on both databases side by side, both modes,
# in under two minutes (CI runs it): fails if a page asks a query per row or any request
# fails. Empties and refills its own databases (their names must contain "quick");
# figures and logs go to var/bench-quick/, never to bench/results.json.
BENCH_QUICK_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/tracker_bench_quick
BENCH_QUICK_SQLITE_URL ?= sqlite:///var/bench-quick.sqlite3
bench-quick: export DJANGO_DEBUG := 1
bench-quick: $(VENV)/.installed bench-needs-wrk
	$(BIN)/python -m bench.quick --database $(BENCH_QUICK_DATABASE_URL) --database $(BENCH_QUICK_SQLITE_URL)

# The spreadsheet import at its documented limit: preview and commit of BENCH_IMPORT_ROWS
# demo-shaped rows on PostgreSQL and on SQLite, each in a database of its own.
BENCH_IMPORT_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/tracker_import_bench
BENCH_IMPORT_ROWS ?= 10000
bench-import: export DJANGO_DEBUG := 1
bench-import: $(VENV)/.installed
	DATABASE_URL=$(BENCH_IMPORT_DATABASE_URL) $(BIN)/python -m bench.imports --rows $(BENCH_IMPORT_ROWS)
	DATABASE_URL=sqlite:///var/bench-import.sqlite3 $(BIN)/python -m bench.imports --rows $(BENCH_IMPORT_ROWS)
