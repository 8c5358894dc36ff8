"""How fast the notebook tuner (nnsine.widget, issue 26) answers a drag in JupyterLab, in
Chromium, next to the static limit page of benchmarks/latency.py, in the same run.

    .venv-with-widget/bin/python benchmarks/widget_latency.py   (requirements-widget.txt)

Starts JupyterLab (tests/notebook_servers.py: its own config, nothing from the network) with
a notebook showing `Tuner(preset("hand-tuned"))`, and benchmarks/static_page.html (the same
sliders, forward pass and chart with no notebook and no Streamlit: the limit) and its
canvas floor (?draw=canvas: the curve on a canvas, as the tuner draws it) at the same
chart width. Both are dragged with the real mouse, `DRAGS` drags of `MOVES` moves each,
taken in turn so a change in the machine's load falls on both; every time is taken inside
the page by benchmarks/probe.js (pointermove's timeStamp -> the frame that paints the
curve). Prints median / p95 ms, the ratios to the static page, and the issue's target
(p95 <= 25 ms). A measurement, not a test: nothing asserts on time.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from latency_report import ratio, stats  # noqa: E402
from latency_servers import static_site  # noqa: E402
from latency_trials import CHROMIUM_ARGS, KINDS, Kind, Tab, new_page, painted  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from nnsine.book import presets  # noqa: E402
from nnsine.formats import params  # noqa: E402
from tests.notebook_servers import jupyterlab, notebook  # noqa: E402
from tests.test_widget_jupyter import RUN  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
DRAGS, MOVES, DX, WARM_UP = 12, 6, 2.0, 2  # as benchmarks/latency.py
TARGET_P95_MS = 25.0
LAB = Kind("jupyterlab", ".nt-chart", KINDS["static"].slider, None, False, "drawn", ".nt-root")
CELL = "from nnsine.widget import Tuner\nfrom nnsine import preset\nTuner(preset('hand-tuned'))"


class LabTab(Tab):
    """The widget in a JupyterLab notebook: opened, its one cell run, then as a Tab."""

    def __init__(self, browser, url: str, token: str):  # noqa: D107 - Tab's, after the cell
        self.kind, self.page = LAB, new_page(browser, LAB)
        self.frames_sent = 0
        self.rng = __import__("random").Random(0)
        self.page.goto(f"{url}/lab/tree/tuner.ipynb?token={token}")
        self.page.wait_for_function("() => window.jupyterapp && "
                                    "window.jupyterapp.shell.currentWidget", timeout=120_000)
        self.page.evaluate(RUN, 0)
        self.page.wait_for_function("() => window.__probe.load.drawn", timeout=120_000)
        self.page.wait_for_selector(".nt-plot .main-svg")  # Plotly's axes too
        self.first = None
        self.page.locator(LAB.slider).evaluate("(e) => e.scrollIntoView({block: 'end'})")


def main() -> int:
    load_before = os.getloadavg()
    query = urlencode(params.to_query(presets.preset("hand-tuned")))
    series = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder, static_site() as static_url, \
            sync_playwright() as playwright:
        (Path(folder) / "tuner.ipynb").write_text(json.dumps(notebook(CELL)))
        with jupyterlab(Path(folder)) as (lab_url, token):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            lab = LabTab(browser, lab_url, token)
            width = round(lab.page.locator(".nt-chart").evaluate("e => e.clientWidth"))
            static = Tab(browser, KINDS["static"], f"{static_url}/?{query}&width={width}")
            floor = Tab(browser, KINDS["floor"],
                        f"{static_url}/?{query}&width={width}&draw=canvas")
            tabs = (lab, static, floor)
            for tab in tabs:
                tab.drag(WARM_UP, DX)  # not counted: first calls are JIT-compiled
            for d in range(DRAGS):
                for tab in tabs:
                    result = tab.drag(MOVES, DX if d % 2 == 0 else -DX)
                    series[tab.kind.name] += [painted(t, "curve", "pointermove")
                                              for t in result["moves"]]
            browser.close()
    load_after = os.getloadavg()
    lab_stats = stats(series["jupyterlab"])
    print(f"drag -> curve painted, chart {width} px wide (median / p95 ms, n, missing)")
    for name, label in (("jupyterlab", "JupyterLab widget"), ("static", "static limit page"),
                        ("floor", "canvas floor")):
        s = stats(series[name])
        print(f"  {label:18} {s['median']:.1f} / {s['p95']:.1f}  (n {s['n']}, "
              f"missing {s['missing']})" if s["n"] else f"  {label:18} no samples")
        if name != "jupyterlab" and (r := ratio(lab_stats, s)):
            print(f"    widget / {label}: median {r['median']:.2f}, p95 {r['p95']:.2f}")
    if lab_stats["n"]:
        verdict = "PASS" if lab_stats["p95"] <= TARGET_P95_MS else "MISS"
        print(f"  target p95 <= {TARGET_P95_MS:.0f} ms: {verdict}")
    print(f"loadavg before {load_before[0]:.2f}, after {load_after[0]:.2f} "
          f"({os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
