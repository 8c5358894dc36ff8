# The README's two commands: `make run` (the app) and `make test` (every test).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test lint bench

# The warm-up runs app.py once as soon as the server answers (see .streamlit/config.toml).
run: $(VENV)/.run-deps
	@( for i in $$(seq 240); do $(PY) -c 'import urllib.request as u; \
	  u.urlopen("http://127.0.0.1:8501/_stcore/script-health-check", timeout=30)' \
	  2>/dev/null && break; sleep 0.5; done ) &
	$(PY) -m streamlit run app.py --server.address 127.0.0.1 --server.port 8501

test: $(VENV)/.dev-deps $(CHROMIUM)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

bench: $(VENV)/.dev-deps $(CHROMIUM)
	$(PY) benchmarks/latency.py

# A half-made venv (python3-venv missing) is removed, so the next try starts clean.
$(VENV)/bin/pip:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Could not create $(VENV): install python3-venv (Debian/Ubuntu)" >&2; exit 1; }
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.run-deps: requirements.txt pyproject.toml | $(VENV)/bin/pip
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps -e .
	$(PY) -m nnsine.assets
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.run-deps
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

# Browser tests drive Debian's Chromium (Playwright cannot download its own here).
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
	  echo "Browser tests need Chromium: run 'sudo apt-get install chromium'" >&2; exit 1; \
	fi
