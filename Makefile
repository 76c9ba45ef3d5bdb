# Crosscheck — `make run` to try it, `make test` to check it. Both are safe to run again.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run` serves with production settings (DEBUG off) and a secret key kept in var/.
RUN_ENV = SECRET_KEY="$$(cat var/secret_key)" ALLOWED_HOSTS="$(HOST),localhost,127.0.0.1"

.PHONY: run test test-only lint format bench eval district chromium setup clean anchoring-eval

$(VENV)/.requirements: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.requirements-dev: requirements-dev.txt requirements.txt $(VENV)/.requirements
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

var/secret_key:
	@mkdir -p var
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

setup: $(VENV)/.requirements var/secret_key
	@$(RUN_ENV) $(PY) manage.py migrate --noinput
	@$(RUN_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	@$(RUN_ENV) $(PY) manage.py setup_demo

# gunicorn with the deployment's settings and config (deploy/gunicorn.conf.py): DEBUG off, static files
# hashed and compressed. `exec` hands Ctrl+C straight to gunicorn, which stops its workers and exits.
run: setup
	@echo "Serving Crosscheck on http://$(HOST):$(PORT)/  (gunicorn; Ctrl+C to stop)"
	@$(RUN_ENV) GUNICORN_BIND="$(HOST):$(PORT)" exec $(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py teaching.wsgi

# A Chromium for the browser tests: $$CHROMIUM_PATH, else one on the machine, else Debian's
# package (as root), else Playwright's own download.
chromium: $(VENV)/.requirements-dev
	@if [ -n "$${CHROMIUM_PATH:-}" ] && [ -x "$${CHROMIUM_PATH}" ]; then echo "Chromium: $$CHROMIUM_PATH"; \
	elif [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1; then echo "Chromium: found on this machine"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "Installing Chromium from Debian's packages…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	else $(PY) -m playwright install chromium; fi

test: chromium
	$(MAKE) test-only

test-only: $(VENV)/.requirements-dev
	$(PY) -m pytest $(PYTEST_ARGS)

# Every figure of issue 13 with its target: pages under gunicorn with a seeded class of 40, then 160 students
# (median, p95, × /healthz, growth), the reading view in headless Chromium (needs `make chromium`), then
# re-anchoring 1,000 highlights after a correction (benchmarks/reanchor.py), then whole corrections through
# the service at 1,000 and 20,000 highlights with a student saving meanwhile (benchmarks/corrections.py;
# PostgreSQL too when BENCH_POSTGRES_URL is set). Figures only; cleans up.
bench: $(VENV)/.requirements-dev
	$(PY) benchmarks/pages.py $(BENCH_ARGS)

# Re-anchoring judged against thousands of generated corrections whose truth is known character by
# character (tests/teaching/text/corrections.py): kept / moved / set aside / misplaced / stretched.
anchoring-eval: $(VENV)/.requirements-dev
	$(PY) tests/teaching/text/corrections.py $(EVAL_ARGS)

# How well the number reader and the key's suggestions read the hand-labelled news corpus
# (tests/data/news/): correct / misread / declined per kind, precision / recall per suggestion kind.
# dev, test and final … final73 (each measured once as a held-out split, now tuned on)
# are `--split dev|test|final|final2|…|final73|all`; later held-out splits, written but not yet measured
# (together `--split held-out`), stay out of `all` until they are measured.
eval: $(VENV)/.requirements
	$(PY) benchmarks/eval_readers.py $(EVAL_ARGS)

# A district in miniature on this machine's loopback: PostgreSQL, Redis, three gunicorn app servers behind
# nginx (installed from Debian's packages if missing), 300 students saving under locust while one app
# server is killed and restarted; then every confirmed save is checked in the database. Stops and cleans
# up by itself (benchmarks/district.py). DISTRICT_DB / DISTRICT_REDIS / DISTRICT_PORT choose what it uses.
district: $(VENV)/.requirements-dev
	$(PY) benchmarks/district.py $(DISTRICT_ARGS)

lint: $(VENV)/.requirements-dev
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .

format: $(VENV)/.requirements-dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf $(VENV) var screenshots .pytest_cache
