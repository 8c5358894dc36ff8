# The README's two commands: `make run` (the app) and `make test` (every test).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
AXE := tests/a11y/node_modules/axe-core/axe.min.js

.PHONY: run test lint bench check screenshots

run: $(VENV)/.run-deps
	$(PY) -m streamlit run app.py --server.address 127.0.0.1 --server.port 8501

test: $(VENV)/.dev-deps $(CHROMIUM)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

# The everyday command: ruff and the fast tier, every test that starts no server, browser,
# database or subprocess (markers: tests/conftest.py). About a minute on 2 cores.
check: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -m fast -q

bench: $(VENV)/.dev-deps $(CHROMIUM)
	$(PY) benchmarks/latency.py

# The README's pictures in docs/, drawn from the app as it is (benchmarks/screenshots.py).
screenshots: $(VENV)/.dev-deps $(CHROMIUM)
	$(PY) benchmarks/screenshots.py

# A half-made venv (python3-venv missing) is removed, so the next try starts clean.
$(VENV)/bin/pip:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Could not create $(VENV): install python3-venv (Debian/Ubuntu)" >&2; exit 1; }
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.run-deps: requirements.txt pyproject.toml | $(VENV)/bin/pip
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps -e .  # only so `python -m nnsine` works from any folder
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.run-deps $(AXE)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

# axe-core (npm) for the accessibility tests, pinned by tests/a11y/package-lock.json.
$(AXE): tests/a11y/package.json tests/a11y/package-lock.json
	cd tests/a11y && npm ci --no-audit --no-fund --silent
	touch $@

# Browser tests drive Debian's Chromium (Playwright cannot download its own here).
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
	  echo "Browser tests need Chromium: run 'sudo apt-get install chromium'" >&2; exit 1; \
	fi
