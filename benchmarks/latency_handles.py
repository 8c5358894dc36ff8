"""Handle drags on the live chart (issue 14): each pointer move on a handle -> the curve
painted, timed inside the page by benchmarks/probe.js like the slider drags.

    .venv/bin/python benchmarks/latency_handles.py   # this measurement alone
    make bench                                       # with everything else (latency.py)

Pair 2 of the hand-tuned fit is picked; its switch-on, switch-off and plateau handles are
dragged back and forth in small real mouse moves (Chromium), each move its own trial, and
between them the output bias slider the same way: the baseline, measured on the same page
in the same run (the ratio handle ÷ slider holds on a loaded machine). A move that leaves
the handle's raw value on the same 0.01 step draws nothing and counts as missing.
A measurement, not a test: read it with the loadavg."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections import defaultdict
from urllib.parse import urlencode

from latency_report import _cell, _ratio, ratio, stats
from latency_servers import ROOT
from latency_servers import streamlit as streamlit_server
from latency_trials import CHROMIUM_ARGS, KINDS, Tab, painted

from nnsine.book import presets
from nnsine.formats import params

HANDLES = ("on", "off", "height")
DRAGS, MOVES, PX, WARM_UP = 6, 6, 3.0, 1  # per handle: 6 drags of 6 moves of 3 px
SLIDER = ".nt-root input[data-key=b_out]"  # the baseline: moves the curve, not pair 2


def handle_drags(browser, url: str, series) -> None:
    """Fills series["handle.app"], series["handle.<name>.app"] and the baseline
    series["handle.slider"] (ms, pointermove -> curve painted) from real drags of pair 2's
    handles and of the output bias slider on a fresh page at url."""
    tab = Tab(browser, dataclasses.replace(KINDS["app"], slider=SLIDER), url)
    page, mouse = tab.page, tab.page.mouse
    try:
        page.locator(".nt-root .nt-pair legend", has_text="Pair 2").first.click()
        page.wait_for_function("() => document.querySelector('.nt-handle-note')"
                               ".textContent.startsWith('Pair 2')")
        tab.idle()
        for name in HANDLES:
            for d in range(WARM_UP + DRAGS):
                box = page.locator(f".nt-handle-{name} .nt-grip").bounding_box()
                x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
                step = PX * (1 if d % 2 == 0 else -1)  # back and forth: stays in view
                dx, dy = (0.0, -step) if name == "height" else (step, 0.0)
                mouse.move(x, y)
                mouse.down()
                tab.frames()
                for i in range(1, MOVES + 1):
                    tab.jitter()
                    tab.begin()
                    mouse.move(x + i * dx, y + i * dy)
                    tab.until("curve", 5_000)
                    ms = painted(tab.take(), "curve", "pointermove")
                    if d >= WARM_UP:
                        series["handle.app"].append(ms)
                        series[f"handle.{name}.app"].append(ms)
                mouse.up()
                page.wait_for_timeout(300)  # the release's rerun starts ...
                tab.idle()  # ... and ends before the next drag
                tab.frames()
                slider = tab.drag(MOVES, step / PX)  # the baseline, interleaved
                if d >= WARM_UP:
                    series["handle.slider"] += [painted(t, "curve", "pointermove")
                                                for t in slider["moves"]]
    finally:
        page.context.close()


def handle_rows(series) -> list[dict]:
    """Rows for latency.py's table (app column: the handles; static column: the slider
    baseline, same page and run)."""
    from latency_report import row

    rows = [row("handle drag: pointer move → curve painted (static: the output bias slider "
                "on the app page, same run)", series["handle.app"], None, series["handle.slider"],
                ("p95 ≤ 25 ms", "p95", 25.0, None))]
    rows += [row(f"· {name} handle: pointer move → curve painted",
                 series[f"handle.{name}.app"], None, None) for name in HANDLES]
    return rows


def handle_table(series) -> str:
    """Markdown: median / p95 ms per handle, next to the slider drag of the same run."""
    slider = stats(series["handle.slider"])
    lines = ["| pointer move → curve painted | handle | slider (same page, same run) | "
             "handle ÷ slider | target | result |", "|---|---|---|---|---|---|"]
    for name in ("all", *HANDLES):
        handle = stats(series["handle.app" if name == "all" else f"handle.{name}.app"])
        target, result = ("p95 ≤ 25 ms", "PASS" if handle["p95"] and handle["p95"] <= 25
                          else "MISS") if name == "all" else ("", "")
        lines.append(f"| {name} handles | {_cell(handle)} | {_cell(slider)} | "
                     f"{_ratio(ratio(handle, slider))} | {target} | {result} |")
    return "\n".join(lines)


def main() -> int:
    from playwright.sync_api import sync_playwright

    load_before = os.getloadavg()
    query = urlencode(params.to_query(presets.preset("hand-tuned")))
    series = defaultdict(list)
    with streamlit_server(ROOT / "app.py") as (app_url, _log), sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS)
        handle_drags(browser, f"{app_url}/?{query}", series)
        browser.close()
    print(handle_table(series))
    print(f"\nloadavg before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f} "
          f"({os.cpu_count()} CPUs); {len(series['handle.app'])} moves")
    return 0


if __name__ == "__main__":
    sys.exit(main())
