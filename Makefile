# Salon: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) backend/manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-backend test-frontend install install-dev spa spa-size migrate seed messages lint format check-migrations benchmark benchmark-race benchmark-calendar benchmark-calendar-sync benchmark-reports benchmark-load benchmark-soak benchmark-discovery backup restore-test clean

## Install, migrate SQLite, load demo data, build the SPA and serve everything at http://127.0.0.1:8000
run: install spa
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(MANAGE) migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(MANAGE) seed_demo
	@echo "Serving Salon at http://$(HOST):$(PORT)/  (API docs: http://$(HOST):$(PORT)/api/docs/)"
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} FRONTEND_URL=$${FRONTEND_URL:-http://$(HOST):$(PORT)} $(MANAGE) runserver $(HOST):$(PORT) --noreload

## Install what the tests need and run every test suite
test: install-dev test-backend test-frontend

test-backend: install-dev
	$(PY) -m pytest

## The SPA's unit tests, then the browser journeys against a real Django server (needs Chromium)
test-frontend: install-dev
	@if [ -f frontend/package.json ]; then \
	  cd frontend && node scripts/up-to-date.mjs install && npm test && \
	  ../scripts/ensure-chromium.sh && npm run test:e2e; \
	else echo "frontend: no test suite yet"; fi

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --upgrade pip >/dev/null

$(VENV)/.installed: $(VENV)/bin/python backend/requirements.txt
	$(VENV)/bin/pip install -r backend/requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed backend/requirements-dev.txt
	$(VENV)/bin/pip install -r backend/requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Build the SPA (Node 20): npm ci only when package-lock.json changed, the build only when its sources
## did (stamps in frontend/node_modules/ and frontend/dist/, see frontend/scripts/up-to-date.mjs)
spa:
	@if [ -f frontend/package.json ]; then \
	  cd frontend && node scripts/up-to-date.mjs install && node scripts/up-to-date.mjs build; \
	else echo "frontend: no SPA to build yet"; fi

migrate: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(MANAGE) migrate --noinput

seed: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(MANAGE) seed_demo

## Regenerate the Arabic message catalogues of every app and compile them (needs GNU gettext)
messages: install
	for dir in backend/apps/*/; do \
	  if [ -d "$$dir/locale" ]; then (cd $$dir && DJANGO_DEBUG=1 ../../../$(PY) ../../manage.py makemessages -l ar --no-obsolete --no-location \
	    && msgattrib --clear-fuzzy --empty -o locale/ar/LC_MESSAGES/django.po locale/ar/LC_MESSAGES/django.po); fi; \
	done
	cd backend && DJANGO_DEBUG=1 ../$(PY) manage.py compilemessages -l ar

lint: install-dev
	$(VENV)/bin/ruff check backend benchmarks scripts gunicorn.conf.py
	$(VENV)/bin/ruff format --check backend benchmarks scripts gunicorn.conf.py

format: install-dev
	$(VENV)/bin/ruff format backend benchmarks scripts gunicorn.conf.py
	$(VENV)/bin/ruff check --fix backend benchmarks scripts gunicorn.conf.py

check-migrations: install
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run

## Benchmarks print figures; see docs/benchmarks.md
benchmark: install-dev
	$(PY) benchmarks/availability.py

benchmark-race: install-dev
	$(PY) benchmarks/booking_race.py

benchmark-calendar: install-dev
	$(PY) benchmarks/manage_calendar.py

benchmark-calendar-sync: install-dev
	$(PY) benchmarks/calendar_sync.py

benchmark-reports: install-dev
	$(PY) benchmarks/reports.py

## Load (10 min at 20 reads/s + 2 paid bookings/s against gunicorn on PostgreSQL); soak: 30 min
benchmark-load: install-dev
	$(PY) benchmarks/load.py

benchmark-soak: install-dev
	$(PY) benchmarks/load.py --soak

benchmark-discovery: install-dev
	$(PY) benchmarks/discovery.py

## Back up PostgreSQL (DATABASE_URL) and the media into BACKUP_DIR; see docs/runbooks/backups.md
backup: install
	$(PY) scripts/backup.py

## Restore the latest backup of BACKUP_DIR into a scratch database and check it (rows, migrations, media)
restore-test: install
	$(PY) scripts/restore_test.py

spa-size: spa
	cd frontend && npm run size

clean:
	rm -rf $(VENV) backend/db.sqlite3* backend/test-db*.sqlite3* frontend/node_modules frontend/dist
