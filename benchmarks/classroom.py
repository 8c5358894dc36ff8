"""40 students at once: N sessions of the sine tuner on ONE server, each moving a slider in
a loop for a fixed time; latency per interaction, errors, and the server's memory.

    .venv/bin/python benchmarks/classroom.py                  # N = 1, 10, 20, 40; ~4 min
    .venv/bin/python benchmarks/classroom.py --sessions 1,5 --seconds 10
    APP_URL=http://host:8501 .venv/bin/python benchmarks/classroom.py   # RSS then n/a

Starts `streamlit run app.py` (or uses $APP_URL) and one Debian Chromium. Sessions are
browser contexts (a student each: own cache, own Streamlit session), opened one round at a
time, so the round for N has exactly N sessions open. In a round every session loops,
closed-loop, as fast as it is answered: focus the output-bias slider, press an arrow key,
wait until its own MSE metric shows the new value (after --seconds no new interaction
starts; those under way finish). From the zeros fit b_out walks in
(0, 10), where MSE = 0.5 + b_out² changes with every 0.01 step.

Measured inside each page with performance.now() (its own clock):
- key → MSE: the keydown's timeStamp to the end of the frame that paints the new MSE text
  (MutationObserver, then requestAnimationFrame and the task after it). It INCLUDES the
  tuner's keyboard commit (the first press commits at once; presses within 250 ms of a
  commit are gathered into one more).
- commit → MSE painted (JSON only): from the commit leaving the page's script (the first
  WebSocket.send after the key: the release going to Python) to the same paint.
Measured by Chromium's network stack (CDP WebSocket frame timestamps), apart from the
page's main thread:
- commit → MSE back on the wire: the commit's frame sent to the first frame received that
  carries the new MSE text: the server's queueing and rerun, without the page's render.
Errors: Playwright exceptions, interactions with no new MSE in 30 s, and at each round's end
`stException`, error alerts, Streamlit's connection status, dialogs (the connection-error
one), page errors, and a page whose MSE is not the engine's score of its own slider value.
Server RSS is VmRSS from /proc/<pid>/status, per session = (RSS with N open - RSS before
the first) / N; "server CPU" is the server's user+system time (/proc/<pid>/stat) per
interaction and as a share of one core, "Chromium CPU" the same for Chromium and
Playwright's driver (this process's other descendants); "machine CPU busy" is /proc/stat.
Client and server share this machine's cores: with tens of pages, Chromium rendering them
is the bottleneck (machine busy near 100 %, the server well under a core), so the rate of
interactions and the in-page latency say more about this machine than about the server.
Nothing asserts on time; tests/test_classroom.py checks the behaviour.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402
from playwright.async_api import Error as PlaywrightError  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402

from nnsine.engine.metrics import score  # noqa: E402
from nnsine.formats import params  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, free_port, wait_healthy, warm_up  # noqa: E402

OUT = ROOT / "artifacts" / "classroom.json"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
VIEWPORT = {"width": 1200, "height": 900}
SLIDER = ".nt-root input[data-key=b_out]"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
ANSWER_S, OPEN_S, OPENING_AT_ONCE = 30, 180, 4
PROBE = """(() => {
  const S = (window.__classroom = { pending: null });
  const mse = () => {
    for (const box of document.querySelectorAll('[data-testid="stMetric"]')) {
      if (box.textContent.includes("MSE")) {
        const value = box.querySelector('[data-testid="stMetricValue"]');
        return value ? value.textContent : null;
      }
    }
    return null;
  };
  const send = WebSocket.prototype.send;  // the first send after a key is its commit
  WebSocket.prototype.send = function (...args) {
    if (S.pending && S.pending.sent === null) S.pending.sent = performance.now();
    return send.apply(this, args);
  };
  addEventListener("keydown", (event) => {
    if (event.target.matches && event.target.matches(".nt-root input")) {
      S.pending = { key: event.timeStamp, sent: null, before: mse(), seen: false };
    }
  }, true);
  new MutationObserver(() => {
    const p = S.pending;
    if (!p || p.seen) return;
    const text = mse();
    if (text === null || text === p.before) return;
    p.seen = true;
    requestAnimationFrame(() => {  // the task after the frame: the new text is painted
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const now = performance.now();
        S.pending = null;
        window.__classroomDone({ key_ms: now - p.key, text,
                                 commit_ms: p.sent === null ? null : now - p.sent });
      };
      channel.port2.postMessage(null);
    });
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();"""
CHECK = """() => {
  const count = (selector) => document.querySelectorAll(selector).length;
  const box = [...document.querySelectorAll('[data-testid="stMetric"]')]
    .find((b) => b.textContent.includes("MSE"));
  return { exceptions: count('[data-testid="stException"]'),
           error_alerts: count('[data-testid="stAlertContentError"]'),
           connection: count('[data-testid="stConnectionStatus"]'),
           dialogs: count('[role="dialog"], [data-testid="stDialog"]'),
           b_out: document.querySelector('.nt-root input[data-key=b_out]').value,
           mse: box && box.querySelector('[data-testid="stMetricValue"]').textContent };
}"""


def rss_mb(pid: int | None) -> dict | None:
    """The process's resident and peak resident memory in MB (None without a pid)."""
    if pid is None:
        return None
    status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text()
                  .splitlines() if ":" in line)
    return {key: int(status[field].split()[0]) / 1024
            for key, field in (("rss", "VmRSS"), ("peak", "VmHWM"))}


def cpu_s(pid: int | None) -> float | None:
    """User + system CPU seconds the process has used so far."""
    if pid is None:
        return None
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def browser_cpu_s(server: int | None) -> float:
    """CPU seconds of this process's descendants but the server: Playwright's driver and
    Chromium (the live ones: a context's renderer counts while it is open)."""
    stats = {}
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        stats[int(proc.name)] = int(fields[1]), int(fields[11]) + int(fields[12])
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in stats.items():
        children.setdefault(parent, []).append(pid)
    todo, jiffies = [p for p in children.get(os.getpid(), []) if p != server], 0
    while todo:
        pid = todo.pop()
        jiffies += stats[pid][1]
        todo += children.get(pid, [])
    return jiffies / os.sysconf("SC_CLK_TCK")


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat."""
    jiffies = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(jiffies) - jiffies[3] - jiffies[4], sum(jiffies)  # idle, iowait


def expected_mse(b_out: float) -> str:
    return f"{score(params.defaults().replace(b_out=b_out)).mse:.5f}"


class Session:
    """One student: a browser context with one tuner page, driven by the arrow keys."""

    def __init__(self, context, page, done: asyncio.Queue):
        self.context, self.page, self.done = context, page, done
        self.b_out, self.up = 0.0, True
        self.page_errors: list[str] = []
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.wire: dict | None = None  # the interaction's frames, as the network saw them

    def _sent(self, event: dict) -> None:
        if self.wire is not None and self.wire["sent"] is None:
            self.wire["sent"] = event["timestamp"]

    def _received(self, event: dict) -> None:
        wire = self.wire
        if wire is None or wire["sent"] is None or wire["answer"] is not None:
            return
        frame = event["response"]
        payload = frame["payloadData"]
        data = base64.b64decode(payload) if frame["opcode"] == 2 else payload.encode()
        if wire["expect"] in data:
            wire["answer"] = event["timestamp"]

    @classmethod
    async def open(cls, browser, url: str) -> Session:
        context = await browser.new_context(viewport=VIEWPORT)
        done: asyncio.Queue = asyncio.Queue()
        await context.expose_function("__classroomDone", done.put_nowait)
        await context.add_init_script(script=PROBE)
        page = await context.new_page()
        page.set_default_timeout(OPEN_S * 1000)
        session = cls(context, page, done)
        # The browser's network stack timestamps WebSocket frames apart from the page's
        # main thread: commit -> answer without the time a busy renderer adds.
        cdp = await context.new_cdp_session(page)
        cdp.on("Network.webSocketFrameSent", session._sent)
        cdp.on("Network.webSocketFrameReceived", session._received)
        await cdp.send("Network.enable")
        await page.goto(url)
        await page.wait_for_selector(".nt-root[data-drawn]")
        await page.wait_for_selector(IDLE)
        return session

    async def interact(self) -> dict | None:
        """One key press on b_out -> its MSE painted; the page's record, None on timeout."""
        while not self.done.empty():  # a late answer to an interaction that timed out
            self.done.get_nowait()
        self.up = self.b_out < 9.5 if self.up else self.b_out <= 0.5
        self.b_out = round(self.b_out + (0.01 if self.up else -0.01), 2)
        self.wire = wire = {"expect": expected_mse(self.b_out).encode(), "sent": None,
                            "answer": None}
        await self.page.locator(SLIDER).press("ArrowRight" if self.up else "ArrowLeft")
        try:
            record = await asyncio.wait_for(self.done.get(), ANSWER_S)
        except TimeoutError:
            await self.page.evaluate("window.__classroom.pending = null")
            return None
        finally:
            self.wire = None
        record["wire_ms"] = (None if wire["answer"] is None else
                             1000 * (wire["answer"] - wire["sent"]))
        return record

    async def resync(self) -> None:
        """After an exception: take b_out from the slider again (the press may not have
        happened)."""
        try:
            self.b_out = float(await self.page.locator(SLIDER).input_value())
        except PlaywrightError:
            pass  # counted already; the next press will tell

    async def check(self) -> dict:
        """Errors on the page once idle, and whether its MSE is its own slider's score."""
        await self.page.wait_for_selector(IDLE)
        found = await self.page.evaluate(CHECK)
        found["page_errors"] = len(self.page_errors)
        found["mismatch"] = found["mse"] != expected_mse(float(found["b_out"]))
        return found


async def run_round(sessions: list[Session], seconds: float) -> dict:
    """Every session interacts in a closed loop until the deadline; latencies and errors."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    records, errors = [], {"exceptions": 0, "timeouts": 0}

    async def student(session: Session) -> None:
        while loop.time() < deadline:
            try:
                record = await session.interact()
            except PlaywrightError:
                errors["exceptions"] += 1
                if session.page.is_closed():
                    return
                await session.resync()
                continue
            if record is None:
                errors["timeouts"] += 1
            else:
                records.append(record)

    began = loop.time()
    await asyncio.gather(*(student(s) for s in sessions))
    elapsed = loop.time() - began
    checks = await asyncio.gather(*(s.check() for s in sessions))
    for name in ("exceptions", "error_alerts", "connection", "dialogs", "page_errors",
                 "mismatch"):
        errors[f"{name} at end" if name == "exceptions" else name] = sum(
            int(c[name]) for c in checks)
    # elapsed: the deadline stops new interactions; those under way finish
    return {"elapsed_s": elapsed, "records": records, "errors": errors}


def stats(values: list[float]) -> dict:
    if not values:
        return {"n": 0, "p50": None, "p95": None, "max": None}
    return {"n": len(values), "p50": float(np.percentile(values, 50)),
            "p95": float(np.percentile(values, 95)), "max": float(max(values))}


def fmt(value, spec: str = ".0f") -> str:
    return "n/a" if value is None else format(value, spec)


async def open_sessions(browser, url: str, count: int) -> list[Session]:
    """count new sessions, a few loading at a time (all at once would time some out)."""
    gate = asyncio.Semaphore(OPENING_AT_ONCE)

    async def one() -> Session:
        async with gate:
            return await Session.open(browser, url)

    return list(await asyncio.gather(*(one() for _ in range(count))))


async def measure(url: str, pid: int | None, counts: list[int], seconds: float) -> dict:
    rounds, sessions = [], []
    baseline = rss_mb(pid)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM,
                                                   args=CHROMIUM_ARGS)
        for n in counts:
            began = time.monotonic()
            sessions += await open_sessions(browser, url, n - len(sessions))
            opened_s = time.monotonic() - began
            load_before, cpu_before, busy_before = os.getloadavg(), cpu_s(pid), machine_busy()
            client_before = browser_cpu_s(pid)
            result = await run_round(sessions, seconds)
            records = result.pop("records")
            cpu = None if pid is None else cpu_s(pid) - cpu_before
            client = browser_cpu_s(pid) - client_before
            busy, total = (now - then for now, then in zip(machine_busy(), busy_before,
                                                             strict=True))
            memory = rss_mb(pid)
            rounds.append({
                "sessions": n, "open_s": opened_s, **result, "interactions": len(records),
                "per_s": len(records) / result["elapsed_s"],
                "records": [{k: v if v is None or k == "text" else round(v, 1)
                             for k, v in r.items()} for r in records],
                "key_to_mse_ms": stats([r["key_ms"] for r in records]),
                "commit_to_mse_ms": stats([r["commit_ms"] for r in records
                                           if r["commit_ms"] is not None]),
                "commit_to_answer_on_the_wire_ms": stats([r["wire_ms"] for r in records
                                                          if r["wire_ms"] is not None]),
                "server_cpu_ms_per_interaction": (
                    None if cpu is None or not records else 1000 * cpu / len(records)),
                "server_cpu_pct_of_a_core": (
                    None if cpu is None else 100 * cpu / result["elapsed_s"]),
                "browser_cpu_ms_per_interaction": (
                    1000 * client / len(records) if records else None),
                "machine_busy_pct": 100 * busy / total,
                "rss_mb": memory,
                "rss_per_session_mb": (None if memory is None else
                                       (memory["rss"] - baseline["rss"]) / n),
                "loadavg": {"before": load_before, "after": os.getloadavg()},
            })
            print(row(rounds[-1]), flush=True)
        for session in sessions:
            await session.context.close()
        version = browser.version
        await browser.close()
        closed = rss_mb(pid)
    return {"rss_mb": {"before": baseline, "after_close": closed}, "rounds": rounds,
            "chromium": version}


HEADER = ("| sessions | interactions (/s) | key → MSE painted, p50 / p95 ms "
          "| commit → MSE back on the wire, p50 / p95 ms | errors "
          "| server CPU ms / interaction (% of a core) | Chromium CPU ms / interaction "
          "| machine CPU busy "
          "| server RSS MB (per session) | loadavg 1 min before → after |\n"
          "|---|---|---|---|---|---|---|---|---|---|")


def row(r: dict) -> str:
    key, wire, memory = r["key_to_mse_ms"], r["commit_to_answer_on_the_wire_ms"], r["rss_mb"]
    errors = sum(r["errors"].values())
    named = ", ".join(f"{k} {v}" for k, v in r["errors"].items() if v)
    return (f"| {r['sessions']} | {r['interactions']} ({r['per_s']:.1f}) "
            f"| {fmt(key['p50'])} / {fmt(key['p95'])} | {fmt(wire['p50'])} / "
            f"{fmt(wire['p95'])} | {errors}{f' ({named})' if named else ''} "
            f"| {fmt(r['server_cpu_ms_per_interaction'])} "
            f"({fmt(r['server_cpu_pct_of_a_core'])} %) "
            f"| {fmt(r['browser_cpu_ms_per_interaction'])} | {r['machine_busy_pct']:.0f} % "
            f"| {fmt(memory and memory['rss'])} ({fmt(r['rss_per_session_mb'], '.1f')}) "
            f"| {r['loadavg']['before'][0]:.1f} → {r['loadavg']['after'][0]:.1f} |")


def serve() -> tuple[str, subprocess.Popen | None, str | None]:
    """$APP_URL, or `streamlit run app.py` on a free port (log in a temp file), warmed up."""
    if os.environ.get("APP_URL"):
        url = os.environ["APP_URL"].rstrip("/")
        wait_healthy(url)
        return url, None, None
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="classroom-", suffix=".log", delete=False)
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port",
         str(port), "--server.address", "127.0.0.1"], cwd=ROOT, stdout=log,
        stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, process)
    warm_up(url)
    return url, process, log.name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", default="1,10,20,40",
                        help="session counts, increasing (default 1,10,20,40)")
    parser.add_argument("--seconds", type=float, default=20, help="length of each round")
    args = parser.parse_args()
    counts = sorted({int(n) for n in args.sessions.split(",")})
    url, process, log = serve()
    pid = None if process is None else process.pid
    print(f"{url} (server pid {fmt(pid, '')}, log {log}); {os.cpu_count()} CPUs; "
          f"{args.seconds:g} s per round")
    print(HEADER, flush=True)
    began, load_before = time.monotonic(), os.getloadavg()
    try:
        result = asyncio.run(measure(url, pid, counts, args.seconds))
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
    if log is not None:
        os.unlink(log)  # kept only when the run failed
    before, closed = result["rss_mb"]["before"], result["rss_mb"]["after_close"]
    print(f"\nServer RSS: {fmt(before and before['rss'])} MB before any session, "
          f"{fmt(closed and closed['rss'])} MB once every session closed (peak "
          f"{fmt(closed and closed['peak'])} MB). loadavg 1/5/15 min "
          f"{' '.join(f'{v:.1f}' for v in load_before)} -> "
          f"{' '.join(f'{v:.1f}' for v in os.getloadavg())}; {time.monotonic() - began:.0f} s.")
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps({
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "url": "APP_URL" if process is None else "local server", "seconds": args.seconds,
        "cpus": os.cpu_count(), "loadavg": {"before": load_before, "after": os.getloadavg()},
        "versions": {"chromium": result.pop("chromium"), "streamlit": streamlit.__version__,
                     "python": platform.python_version()},
        **result}, indent=1))
    print(f"Wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
