# urgent — set-up, tests, benchmarks, demo.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install fonts test lint typecheck contracts djangocheck pytest bench demo clean

install: $(STAMP) fonts

# Fonts embedded in PDF letters (Latin, Chinese, Korean), from Debian's packages.
FONT_PACKAGES := fonts-dejavu-core:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
	fonts-wqy-zenhei:/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc \
	fonts-nanum:/usr/share/fonts/truetype/nanum/NanumGothic.ttf
fonts:
	@missing=""; for pair in $(FONT_PACKAGES); do [ -f "$${pair#*:}" ] || missing="$$missing $${pair%%:*}"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
		else echo "PDF letters need these Debian packages: sudo apt-get install$$missing"; fi; \
	fi

# The interface's translations are compiled here (needs gettext's msgfmt), never committed.
$(STAMP): pyproject.toml requirements.lock $(wildcard src/urgent/web/locale/*/LC_MESSAGES/django.po)
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/pip install --quiet -c requirements.lock -e ".[web]" --group dev
	cd src/urgent/web && $(CURDIR)/$(BIN)/django-admin compilemessages --verbosity 0
	touch $(STAMP)

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy

contracts: install
	$(BIN)/lint-imports

PG_URL ?= $(or $(URGENT_TEST_POSTGRES_URL),postgresql://postgres@127.0.0.1:5432/test)

# Tests that use the database (the store, the web app, the browser tests).
DB_TESTS := tests/store tests/web $(wildcard tests/e2e)

# The whole suite runs on SQLite, then the database tests again on PostgreSQL when a server answers.
pytest: install
	$(BIN)/pytest
	@if $(BIN)/python -c "import psycopg; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== the suite again, on PostgreSQL ($(PG_URL))"; \
		URGENT_DATABASE_URL=$(PG_URL) $(BIN)/pytest $(DB_TESTS); \
	else \
		echo "!!!!!!!! PostgreSQL is NOT reachable at $(PG_URL): the suite did NOT run on PostgreSQL !!!!!!!!"; \
	fi

# Django's own checks: system checks, and no model change without its migration.
djangocheck: install
	$(BIN)/python -m django check --settings urgent.web.settings --fail-level WARNING
	$(BIN)/python -m django makemigrations --check --dry-run --settings urgent.web.settings

test: lint typecheck contracts djangocheck pytest

bench: install
	$(BIN)/python -m bench

demo: install
	$(BIN)/urgent demo

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
