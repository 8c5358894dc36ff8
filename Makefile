# The README's two commands: `make run` (the app) and `make test` (every test).
# `make help` lists every target; each target's `## ` comment is its line there.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
AXE := tests/a11y/node_modules/axe-core/axe.min.js

.PHONY: run test check messages lint bench screenshots widget bench-widget wheel clean help

run: $(VENV)/.run-deps  ## serve the app on http://127.0.0.1:8501 (creates .venv first)
	$(PY) -m streamlit run app.py --server.address 127.0.0.1 --server.port 8501

test: $(VENV)/.dev-deps $(CHROMIUM)  ## ruff, then every test (browser tests included; ~10 min)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

# The everyday command: ruff and the fast tier, every test that starts no server, browser,
# database or subprocess (markers: tests/conftest.py). About a minute on 2 cores.
check: $(VENV)/.dev-deps  ## ruff and the fast tier (no server, browser, database or subprocess)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -m fast -q

# The README's pictures in docs/, drawn from the app as it is (benchmarks/screenshots.py).
screenshots: $(VENV)/.dev-deps $(CHROMIUM)  ## redraw the README's pictures in docs/
	$(PY) benchmarks/screenshots.py

# The app's sentences (docs: Develop -> Translations): extract them from the source into
# the template, then bring every language's catalog up to date with it (new sentences
# appear untranslated; tests/test_i18n.py fails until a translator fills them in).
messages: $(VENV)/.dev-deps  ## extract the app's sentences and update every catalog (nnsine/locale)
	$(VENV)/bin/pybabel extract -F babel.cfg --no-location --sort-output --omit-header \
		-o nnsine/locale/nnsine.pot .
	$(VENV)/bin/pybabel update -i nnsine/locale/nnsine.pot -d nnsine/locale -D nnsine \
		--no-fuzzy-matching --ignore-obsolete

lint: $(VENV)/bin/ruff  ## ruff check . (the style and lint rules in pyproject.toml)
	$(VENV)/bin/ruff check .

bench: $(VENV)/.dev-deps $(CHROMIUM)  ## the live tuner's latency benchmark (benchmarks/latency.py)
	$(PY) benchmarks/latency.py

# The notebook widget's one ES module (nnsine/widget/static/tuner.js, shipped in the repo):
# nnsine/frontend bundled by esbuild, pinned by nnsine/widget/build/package-lock.json.
widget: nnsine/widget/build/node_modules/.bin/esbuild  ## rebuild the notebook widget's bundle after editing nnsine/frontend
	$(PYTHON) nnsine/widget/build/build.py

nnsine/widget/build/node_modules/.bin/esbuild: nnsine/widget/build/package.json nnsine/widget/build/package-lock.json
	cd nnsine/widget/build && npm ci --no-audit --no-fund --silent
	touch $@

# Drag -> curve painted in JupyterLab vs the static limit page (needs requirements-widget.txt
# installed in $(VENV)).
bench-widget: $(VENV)/.dev-deps $(CHROMIUM)  ## drag latency of the notebook widget in JupyterLab
	$(PY) benchmarks/widget_latency.py

wheel: | $(VENV)/bin/pip  ## build dist/nnsine-*.whl (pip install it, with [app] for the app)
	$(PY) -m pip wheel -q --no-deps -w dist .
	@ls dist/nnsine-*.whl

clean:  ## remove build output and caches (keeps .venv and the class database)
	rm -rf build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

help:  ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  make %-7s %s\n", $$1, $$2}' \
	  $(MAKEFILE_LIST)

# A half-made venv (python3-venv missing) is removed, so the next try starts clean.
$(VENV)/bin/pip:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Could not create $(VENV): install python3-venv (Debian/Ubuntu)" >&2; exit 1; }
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.run-deps: requirements.txt pyproject.toml | $(VENV)/bin/pip
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps -e .  # only so `python -m nnsine` works from any folder
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt requirements-widget.txt docs/requirements.txt \
  $(VENV)/.run-deps $(AXE) nnsine/widget/build/node_modules/.bin/esbuild
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

# Only ruff, at requirements-dev.txt's pin: `make lint` needs nothing else.
$(VENV)/bin/ruff: requirements-dev.txt | $(VENV)/bin/pip
	$(PY) -m pip install -q "$$(grep -E '^ruff==' requirements-dev.txt | cut -d' ' -f1)"
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
