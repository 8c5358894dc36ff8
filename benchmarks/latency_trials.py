"""Real mouse and keyboard input on one page, each step timed inside the page by
benchmarks/probe.js (event.timeStamp -> the change painted); results in ms."""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass
from pathlib import Path

PROBE = (Path(__file__).resolve().parent / "probe.js").read_text()
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
VIEWPORT = {"width": 1400, "height": 1400}  # the chart and the measured slider both in view
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Right under the chart in every page. It moves the curve (and the MSE) at any value above
# 0, where the run keeps it: from 0.75, drags go back and forth, key presses add 0.30.
SLIDER = "p1_b2"
THUMB_PX = 16  # Chromium's native range thumb: where the value sits along the track
FRAME_S = 1 / 60


@dataclass(frozen=True)
class Kind:
    """What differs between the pages: where the chart, the slider and its thumb are."""

    name: str
    chart: str  # the Plotly chart (probe.js watches its "network output" trace)
    slider: str  # the measured slider's focusable <input type=range>
    thumb: str | None  # Streamlit's drawn thumb; None: the native range thumb
    streamlit: bool
    first: str  # the probe's load record of the first right curve: "drawn" or "curve"
    mount: str  # what appears when the chart's page element is mounted


NATIVE = f".nt-root input[data-key={SLIDER}]"
KINDS = {
    "app": Kind("app", ".nt-chart", NATIVE, None, True, "drawn", ".nt-root"),
    "bare": Kind("bare", ".st-key-chart .js-plotly-plot", f".st-key-{SLIDER} input[type=range]",
                 f".st-key-{SLIDER} [data-testid=stSliderThumbValue]", True, "curve",
                 ".st-key-chart"),
    "static": Kind("static", ".nt-chart", NATIVE, None, False, "drawn", ".nt-root"),
    # The static page with ?draw=canvas: the same sliders, the curves on a canvas.
    "floor": Kind("floor", ".nt-chart", NATIVE, None, False, "drawn", ".nt-root"),
}


def new_page(browser, kind: Kind, viewport: dict | None = None):
    """A fresh context (cold cache) with the probe installed before any page script."""
    context = browser.new_context(viewport=viewport or VIEWPORT)
    context.add_init_script(script=f"window.__probeChart = {json.dumps(kind.chart)}; "
                                   f"window.__probeMount = {json.dumps(kind.mount)};")
    context.add_init_script(script=PROBE)
    page = context.new_page()
    page.set_default_timeout(90_000)
    return page


def first_curve(page, kind: Kind, url: str) -> dict:
    """Open url; ms from navigation start to the first right curve painted (+ details)."""
    page.goto(url, wait_until="commit")
    page.wait_for_function("""(name) => {
        const r = window.__probe.load[name];
        return r && r.painted !== undefined || document.querySelector(
            '[data-testid="stException"]');
    }""", arg=kind.first, timeout=60_000)
    if page.locator('[data-testid="stException"]').count():
        raise RuntimeError(f"{url} shows an exception: "
                           + page.locator('[data-testid="stException"]').first.inner_text())
    load = page.evaluate("""() => ({
        ...window.__probe.load,
        plotly_js: performance.getEntriesByType("resource")
            .filter((e) => /plotly/i.test(e.name))
            .map((e) => ({ name: e.name.split("/").pop(), start: e.startTime,
                           end: e.responseEnd })),
        dom_content_loaded: performance.getEntriesByType("navigation")[0]
            .domContentLoadedEventEnd,
    })""")
    return {"ms": load[kind.first]["painted"], "load": load}


class Tab:
    """One open page under test, driven with real input."""

    def __init__(self, browser, kind: Kind, url: str, viewport: dict | None = None,
                 cpu_slowdown: float = 1):
        """viewport: VIEWPORT unless given (a phone's: the slider is scrolled into view
        under the sticky chart). cpu_slowdown: Chromium's CPU throttling (CDP
        Emulation.setCPUThrottlingRate), set once the page has loaded."""
        self.kind, self.page = kind, new_page(browser, kind, viewport)
        self.frames_sent = 0
        self.rng = random.Random(0)
        self.page.on("websocket", lambda ws: ws.on("framesent", self._sent))
        self.first = first_curve(self.page, kind, url)
        self.idle()
        self.page.locator(kind.slider).evaluate("(e) => e.scrollIntoView({block: 'end'})")
        if cpu_slowdown != 1:
            cdp = self.page.context.new_cdp_session(self.page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})

    def _sent(self, _payload) -> None:
        self.frames_sent += 1

    def jitter(self) -> None:
        """Start the next input at a random point of the frame, as a hand would. Each trial
        starts right after a paint, so without this every input would land at the same
        phase of the 60 Hz frame clock and the wait for the next frame would be biased."""
        time.sleep(self.rng.uniform(0, FRAME_S))

    def idle(self) -> None:
        if self.kind.streamlit:
            self.page.wait_for_selector(IDLE)

    def frames(self, n: int = 2) -> None:
        """Wait for n animation frames: anything already under way gets painted."""
        self.page.evaluate("(n) => new Promise((done) => { const step = () => n-- ? "
                           "requestAnimationFrame(step) : done(); step(); })", n)

    def begin(self) -> None:
        self.page.evaluate("() => window.__probe.begin()")

    def until(self, what: str, timeout_ms: int = 10_000) -> bool:
        return self.page.evaluate("([what, ms]) => window.__probe.until(what, ms)",
                                  [what, timeout_ms])

    def take(self) -> dict:
        return self.page.evaluate("() => window.__probe.take()")

    def thumb_point(self) -> tuple[float, float]:
        if self.kind.thumb:
            box = self.page.locator(self.kind.thumb).locator("xpath=..").bounding_box()
            return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        return tuple(self.page.locator(self.kind.slider).evaluate(
            """(input, thumb) => {
                const r = input.getBoundingClientRect();
                const f = (input.value - input.min) / (input.max - input.min);
                return [r.left + thumb / 2 + f * (r.width - thumb), r.top + r.height / 2];
            }""", THUMB_PX))

    def thumb_text(self) -> str:
        return self.page.locator(self.kind.thumb).inner_text()

    def drag(self, moves: int, dx: float, *, fast: bool = False) -> dict:
        """Press the thumb, move it `moves` times by dx px (each move waited for), release.

        Live pages: one trial per move (pointermove -> curve painted). Bare page: one trial
        over all moves (did the curve change at all?). fast: the moves back to back, in one
        trial. All: websocket frames sent during the moves, and the release trial
        (pointerup -> Python's chart / metric painted, and what the rerun redrew)."""
        mouse = self.page.mouse
        x, y = self.thumb_point()
        mouse.move(x, y)
        mouse.down()
        self.frames()  # a press off the thumb's centre moves the value: let that settle
        sent, trials = self.frames_sent, []
        if self.kind.thumb or fast:
            self.begin()
        if fast:
            mouse.move(x + moves * dx, y, steps=moves)
            self.frames(3)  # the last draw lands
            moves = 0
        for i in range(1, moves + 1):
            self.jitter()
            if self.kind.thumb:
                before = self.thumb_text()
                mouse.move(x + i * dx, y)
                self.page.wait_for_function("([sel, before]) => document.querySelector(sel)"
                                            ".innerText !== before", arg=[self.kind.thumb, before])
            else:
                self.begin()
                mouse.move(x + i * dx, y)
                self.until("curve", 5_000)
                trials.append(self.take())
        if self.kind.thumb:
            self.frames()
        if self.kind.thumb or fast:
            trials.append(self.take())
        sent = self.frames_sent - sent
        self.begin()
        self.jitter()
        mouse.up()
        if self.kind.thumb:  # the bare page's chart comes from Python, with its metric
            self.until("curve", 30_000)
            self.until("metric", 3_000)  # same script run: unless the text did not change
        elif self.kind.streamlit:
            self.until("metric", 30_000)
        self.idle()
        self.frames()  # whatever the rerun sent is drawn before the trial ends
        release = self.take()
        return {"moves": trials, "frames_sent": sent, "release": release}

    def press(self, key: str, *, python: bool, metric_ms: int = 30_000) -> dict:
        """Press a key on the focused slider: the trial ends when the curve is painted, and
        with python=True also when Python's MSE metric is (or after metric_ms)."""
        self.begin()
        self.jitter()
        self.page.keyboard.press(key)
        self.until("curve", 30_000 if python else 5_000)
        if python:
            self.until("metric", metric_ms)
            self.idle()
            self.frames()
        return self.take()

    def focus(self) -> None:
        self.page.locator(self.kind.slider).focus()


# --- durations (ms) from trials -----------------------------------------------------


def painted(trial: dict | None, what: str, *starts: str) -> float | None:
    """ms from the earliest of the named input events to `what` painted; None if either
    did not happen."""
    if not trial or not trial.get(what) or "painted" not in trial[what]:
        return None
    stamps = [trial["events"][s]["stamp"] for s in starts if s in trial["events"]]
    return trial[what]["painted"] - min(stamps) if stamps else None


def frame_latencies(trial: dict) -> list[float]:
    """Each live redraw in a trial: ms from the oldest input event it answers to painted."""
    return [r["painted"] - r["eventTime"] for r in trial["log"]
            if r.get("eventTime") is not None and "painted" in r]


def phases(trial: dict, start: str) -> dict | None:
    """Where a live redraw's time goes: event -> input handled -> frame's rAF starts ->
    drawn (forward pass + Plotly.restyle) -> painted."""
    events, drawn = trial["events"], trial.get("drawn")
    if not drawn or drawn.get("frame") is None or "input" not in events or (
            not trial.get("curve") or "painted" not in trial["curve"]):
        return None
    return {"to input handler": events["input"]["handled"] - events[start]["stamp"],
            "to frame start": drawn["frame"] - events["input"]["handled"],
            "forward + restyle": drawn["at"] - drawn["frame"],
            "to painted": trial["curve"]["painted"] - drawn["at"]}
