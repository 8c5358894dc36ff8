"""How fast the live tuner answers, in Chromium, next to a bare Streamlit page and the limit.

    make bench        # or: .venv/bin/python benchmarks/latency.py

Starts the app (the tuner is the page at /), benchmarks/bare_page.py (the same 41 numbers as
st.sliders + one st.plotly_chart) and benchmarks/static_page.html (the same sliders, forward
pass and Plotly redraw with no Streamlit: the limit), all opened with the hand-tuned fit in
the URL. Debian's Chromium is driven with real mouse and keyboard input; every time is
taken inside the page by benchmarks/probe.js, from the input event's timeStamp to the end
of the frame that paints the change. Prints a Markdown table (median / p95 ms, ratios,
PASS/MISS against the issue's targets) and writes it to artifacts/latency.json and the docs
site's docs/perf/latency.md and latency-throttled.md (`--no-docs`: not those). Drags are
also measured with Chromium's CPU throttled 4× (CDP Emulation.setCPUThrottlingRate), at
desktop and at phone width (390 × 844), as on a school Chromebook or an old phone, next to
the canvas floor (static_page.html?draw=canvas: the same sliders, the curves on a canvas, no
Plotly and no Streamlit), which shows what the browser alone needs on this machine.

One run of a few minutes on a shared machine: read it with the loadavg it prints. It is a
measurement, not a test: nothing asserts on time.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

import docs_tables
import streamlit
from latency_handles import handle_drags, handle_rows  # issue 14: handle drags
from latency_report import (
    load_steps,
    load_table,
    notes_text,
    phase_table,
    rows,
    table,
    throttled_rows,
)
from latency_servers import HERE, ROOT, static_site
from latency_servers import streamlit as streamlit_server
from latency_trials import (
    CHROMIUM_ARGS,
    KINDS,
    Tab,
    first_curve,
    frame_latencies,
    new_page,
    painted,
    phases,
)
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from nnsine.book import presets
from nnsine.formats import params

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
OUT = ROOT / "artifacts" / "latency.json"
DRAGS, MOVES, DX = 10, 6, 2.0  # 10 drags of 6 mouse moves of 2 px (~0.17 on the slider)
BARE_DRAGS, BARE_MOVES = 3, 10
FAST_DRAGS, FAST_MOVES, FAST_DX = 2, 30, 1.0  # back to back, as fast as Chromium takes them
KEYS, KEY_COMMITS, LOADS, WARM_UP = 30, 5, 3, 2
# Issue 13: a school Chromebook or an old phone, as Chromium's CPU throttling emulates it.
CPU_SLOWDOWN, SLOW_ROUNDS, SLOW_DRAGS = 4, 3, 6
SLOW_VIEWPORTS = {"desktop": None, "phone": {"width": 390, "height": 844}}


def live_pages(app: Tab, bare: Tab, static: Tab, series, phase) -> dict:
    """Drags, key presses and releases on the three open pages; fills series (ms lists)."""
    notes = {"bare drags": 0, "bare drags that updated the chart": 0,
             "websocket frames sent during drags": defaultdict(int),
             "app redraws from Python per release": [], "fast drags": {}}
    for tab in (app, static, bare):  # warm-up, not counted: first calls are JIT-compiled
        tab.drag(WARM_UP, DX)
    for d in range(DRAGS):
        dx = DX if d % 2 == 0 else -DX
        for tab in (app, static):
            result = tab.drag(MOVES, dx)
            name = tab.kind.name
            series[f"move.{name}"] += [painted(t, "curve", "pointermove") for t in result["moves"]]
            series[f"move.{name}.input"] += [painted(t, "curve", "input") for t in result["moves"]]
            phase[f"drag, {name}"] += [phases(t, "pointermove") for t in result["moves"]]
            notes["websocket frames sent during drags"][name] += result["frames_sent"]
            if tab is app:
                release = result["release"]
                series["release.app"].append(painted(release, "metric", "pointerup", "change"))
                notes["app redraws from Python per release"].append(
                    sum(r["eventTime"] is None for r in release["log"]))
        if d < BARE_DRAGS:
            result = bare.drag(BARE_MOVES, dx)
            notes["bare drags"] += 1
            notes["bare drags that updated the chart"] += result["moves"][0]["curve"] is not None
            notes["websocket frames sent during drags"]["bare"] += result["frames_sent"]
            series["release.bare.chart"].append(painted(result["release"], "curve", "pointerup"))
            series["release.bare.metric"].append(
                painted(result["release"], "metric", "pointerup"))
    for d in range(FAST_DRAGS):
        for tab in (app, static):
            (trial,) = tab.drag(FAST_MOVES, FAST_DX * (-1) ** d, fast=True)["moves"]
            series[f"fast.{tab.kind.name}"] += frame_latencies(trial)
            counts = notes["fast drags"].setdefault(tab.kind.name, {"moves": 0, "draws": 0})
            counts["moves"] += trial["counts"].get("pointermove", 0)
            counts["draws"] += len(trial["log"])
    for tab in (app, static, bare):  # one direction: the fit moves away from its optimum
        tab.focus()
        python = tab is bare
        for k in range(WARM_UP + KEYS):
            trial = tab.press("ArrowRight", python=python, metric_ms=3_000)
            if k < WARM_UP:
                continue
            series[f"key.{tab.kind.name}"].append(painted(trial, "curve", "keydown"))
            if python:
                series["key.bare.metric"].append(painted(trial, "metric", "keydown"))
            else:
                phase[f"key, {tab.kind.name}"].append(phases(trial, "keydown"))
        if tab is app:  # a key's commit waits for the keys to settle (debounced)
            for _ in range(KEY_COMMITS):
                trial = app.press("ArrowRight", python=True, metric_ms=10_000)
                series["key.app.metric"].append(painted(trial, "metric", "keydown"))
    notes["websocket frames sent during drags"] = dict(notes["websocket frames sent during drags"])
    return notes


def throttled(browser, urls: dict[str, str], series) -> None:
    """Drags with the CPU slowed CPU_SLOWDOWN×, at desktop and phone width: the app, the
    canvas floor and the static limit, each in its own page, taken in turn (SLOW_ROUNDS
    times) so that a change in the machine's load falls on all three."""
    for _ in range(SLOW_ROUNDS):
        for label, viewport in SLOW_VIEWPORTS.items():
            for name in ("app", "floor", "static"):
                tab = Tab(browser, KINDS[name], urls[name], viewport, cpu_slowdown=CPU_SLOWDOWN)
                tab.drag(WARM_UP, DX)
                for d in range(SLOW_DRAGS):
                    result = tab.drag(MOVES, DX if d % 2 == 0 else -DX)
                    series[f"move.{name}.cpu4.{label}"] += [
                        painted(t, "curve", "pointermove") for t in result["moves"]]
                tab.page.context.close()


def loads(browser, urls: dict[str, str], series) -> None:
    """Cold page loads (a fresh context each): navigation start -> first right curve painted."""
    for _ in range(LOADS):
        for name, url in urls.items():
            page = new_page(browser, KINDS[name])
            try:
                result = first_curve(page, KINDS[name], url)
            except (PlaywrightError, RuntimeError) as error:  # counted as missing
                print(f"{name}: no curve after a page load ({error})", file=sys.stderr)
                result = {"ms": None, "load": {}}
            page.context.close()
            series[f"load.{name}"].append(result["ms"])
            for step, ms in load_steps(result["load"]).items():
                series[f"load.{name}.{step}"].append(ms)


def main() -> int:
    load_before = os.getloadavg()
    query = urlencode(params.to_query(presets.preset("hand-tuned")))
    series, phase = defaultdict(list), defaultdict(list)
    with (streamlit_server(ROOT / "app.py") as (app_url, app_log),
          streamlit_server(HERE / "bare_page.py") as (bare_url, bare_log),
          static_site() as static_url, sync_playwright() as playwright):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            app = Tab(browser, KINDS["app"], f"{app_url}/?{query}")
        except (PlaywrightError, RuntimeError) as error:
            print(f"The app did not draw its live curve: {error}\nServer log ({app_log}):\n"
                  + Path(app_log).read_text()[-3000:], file=sys.stderr)
            return 1
        width = round(app.page.locator(".nt-chart").evaluate("e => e.clientWidth"))
        urls = {"app": f"{app_url}/?{query}", "bare": f"{bare_url}/?{query}",
                "static": f"{static_url}/?{query}&width={width}",
                "floor": f"{static_url}/?{query}&width={width}&draw=canvas"}
        bare = Tab(browser, KINDS["bare"], urls["bare"])
        static = Tab(browser, KINDS["static"], urls["static"])
        versions = {
            "chromium": browser.version, "streamlit": streamlit.__version__,
            "python": platform.python_version(),
            "plotly.js app": app.page.evaluate("() => window.__nnsinePlotly.then(p => p.version)"),
            "plotly.js bare": bare.page.evaluate("() => window.Plotly && window.Plotly.version"),
            "plotly.js static": static.page.evaluate("() => Plotly.version"),
        }
        notes = live_pages(app, bare, static, series, phase)
        for tab in (app, bare, static):
            tab.page.context.close()
        handle_drags(browser, urls["app"], series)
        throttled(browser, urls, series)
        loads(browser, urls, series)
        browser.close()
    load_after = os.getloadavg()
    slow_rows = throttled_rows(series)
    result_rows = rows(series, notes) + handle_rows(series) + slow_rows
    text = "\n\n".join([
        table(result_rows[:len(result_rows) - len(slow_rows)]),
        table(slow_rows, "CPU 4× slower (median / p95 ms)", ("canvas floor", "floor")),
        phase_table(phase),
        load_table(series),
        notes_text(notes, width),
        f"loadavg before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
        f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f} "
        f"({os.cpu_count()} CPUs); " + ", ".join(f"{k} {v}" for k, v in versions.items()),
    ])
    print(text)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps({
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "loadavg": {"before": load_before, "after": load_after, "cpus": os.cpu_count()},
        "versions": versions, "chart_width_px": width, "rows": result_rows, "notes": notes,
        "table": text, "series_ms": series, "phases_ms": phase,
    }, indent=1, ensure_ascii=False))
    print(f"\nwritten to {OUT.relative_to(ROOT)}")
    if "--no-docs" not in sys.argv[1:]:
        command = "benchmarks/latency.py` (`make bench`"
        docs_tables.write("latency", command,
                          table(result_rows[:len(result_rows) - len(slow_rows)]),
                          docs_tables.machine(load_before))
        docs_tables.write("latency-throttled", command,
                          table(slow_rows, "CPU 4× slower (median / p95 ms)",
                                ("canvas floor", "floor")),
                          "In the same run as the table above.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
