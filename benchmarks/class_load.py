"""A class of simulated students on one server, speaking Streamlit's own websocket protocol:
the server's cost per slider release, latency and memory, without a browser on the cores.

    .venv/bin/python benchmarks/class_load.py                    # the report; ~6 min
    .venv/bin/python benchmarks/class_load.py --sessions 20,60 --seconds 20
    .venv/bin/python benchmarks/class_load.py --cpu-only         # per-release CPU only
    .venv/bin/python benchmarks/class_load.py --soak             # memory: 1×5000, 40×200
    .venv/bin/python benchmarks/class_load.py --url http://host:8501 --sessions 40
    .venv/bin/python benchmarks/class_load.py --pin    # server and students on own cores
    .venv/bin/python benchmarks/class_load.py --first-load   # school wifi: bytes, joins

A student is one websocket to /_stcore/stream (one Streamlit session). It asks for the page
(BackMsg rerun_script, as the browser's first message does), reads the ForwardMsgs until
script_finished, and learns the live tuner's element id from its BidiComponent. A release
is what live_tuner.js sends on pointerup: the component's state as a json_value widget
state, {"release": {"values", "seq", "checksum"}}. The answer is the rerun's "MSE" metric;
every answer is checked against nnsine's own MSE of the values that student sent (and a
rerun that ends without it, an exception element or a lost socket count as errors).

Pacing: --think S (default 2 s, with a random phase per student) or --closed (each student
sends its next release as soon as it is answered). release → answer is from the BackMsg
leaving this process to the ForwardMsg that carries the MSE. Server CPU is user+system
time from /proc/<pid>/stat per release, RSS VmRSS; both only for a server started here.

Compared in the same run (ratios, as the machine is shared):
- "bare default": benchmarks/bare_page.py (41 st.slider + one st.plotly_chart) with
  Streamlit's default settings; a release there sends all 41 slider states.
- "tuner forced gc": the app with runner.postScriptGC = true (Streamlit's default).
- "tuner": the app with the project's .streamlit/config.toml.
Sessions per core: the server runs every session's script under one GIL, so it uses one
core; the largest N whose p95 ≤ 250 ms (each releasing every --think s) is the figure.
Nothing asserts on time; the client shares the machine's cores with the server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))  # also when a test imports this file

import docs_tables  # noqa: E402  (beside this file)

from nnsine.engine import views  # noqa: E402
from nnsine.engine.activations import ACTIVATIONS  # noqa: E402
from nnsine.engine.metrics import checksum, evaluate  # noqa: E402
from nnsine.engine.network import forward  # noqa: E402
from nnsine.formats import params  # noqa: E402

ANSWER_S = 30.0
P95_LIMIT_MS = 250.0


def random_values(rng: random.Random) -> list[float]:
    """41 slider positions, each on its field's step grid."""
    return [params.snap(s.field, rng.uniform(s.field.low, s.field.high))
            for s in params.slots()]


def expected_mse(values: list[float]) -> str:
    """The MSE text the tuner shows for these values (pages/tuner.py's format)."""
    return f"{evaluate(params.from_flat(values)).score.mse:.5f}"


class Student:
    """One Streamlit session over one websocket; `page` is "app" or "bare"."""

    def __init__(self, url: str, page: str, seed: int):
        self.url, self.page, self.rng = url, page, random.Random(seed)
        self.ws = None
        self.ids: dict[str, str] = {}  # component id, or slider label -> widget id
        self.seq = 0

    async def open(self) -> None:
        ws_url = self.url.replace("http", "ws", 1) + "/_stcore/stream"
        self.ws = await websockets.connect(ws_url, subprotocols=["streamlit"],
                                           max_size=None, open_timeout=ANSWER_S)
        await self._rerun([])
        await self._answer()

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def _rerun(self, states) -> None:
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_name = ""
        msg.rerun_script.widget_states.widgets.extend(states)
        await self.ws.send(msg.SerializeToString())

    async def _answer(self) -> str | None:
        """Read ForwardMsgs until script_finished; the MSE shown, or None."""
        mse, failure = None, None
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await asyncio.wait_for(self.ws.recv(), ANSWER_S))
            kind = msg.WhichOneof("type")
            if kind == "script_finished":
                if failure:
                    raise RuntimeError(failure)
                return mse
            if kind == "page_not_found":
                failure = "page not found"
            if kind != "delta" or msg.delta.WhichOneof("type") != "new_element":
                continue
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "metric" and element.metric.label == "MSE":
                mse = element.metric.body
                self.answered = time.perf_counter()
            elif which == "bidi_component":
                self.ids["live"] = element.bidi_component.id
            elif which == "slider":
                self.ids[element.slider.label] = element.slider.id
            elif which == "exception":
                failure = f"exception on the page: {element.exception.message}"

    def _states(self, values: list[float]):
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        if self.page == "bare":
            states = []
            for slot, value in zip(params.slots(), values, strict=True):
                state = WidgetState(id=self.ids[slot.label])
                state.double_array_value.data.append(value)
                states.append(state)
            return states
        self.seq += 1
        output = forward(params.from_flat(values), views.grid("book"), ACTIVATIONS["relu"])
        release = {"values": values, "seq": self.seq, "checksum": checksum(output.output)}
        return [WidgetState(id=self.ids["live"], json_value=json.dumps({"release": release}))]

    async def release(self) -> float:
        """Send new values; the release → answer time in ms (RuntimeError if wrong)."""
        values = random_values(self.rng)
        states = self._states(values)
        sent = time.perf_counter()
        await self._rerun(states)
        shown = await self._answer()
        if shown != expected_mse(values):
            raise RuntimeError(f"MSE shown {shown}, expected {expected_mse(values)}")
        return (self.answered - sent) * 1000


@dataclass
class Round:
    sessions: int
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cpu_s: float | None = None
    rss_mb: float | None = None

    def summary(self) -> dict:
        q = np.percentile(self.latencies, [50, 95, 99]) if self.latencies else [np.nan] * 3
        n = len(self.latencies)
        return {
            "sessions": self.sessions, "releases": n, "errors": len(self.errors),
            "releases_per_s": n / self.seconds if self.seconds else 0.0,
            "p50_ms": q[0], "p95_ms": q[1], "p99_ms": q[2],
            "cpu_ms_per_release": self.cpu_s * 1000 / n if self.cpu_s and n else None,
            "server_core_share": self.cpu_s / self.seconds if self.cpu_s else None,
            "rss_mb": self.rss_mb, "first_errors": self.errors[:3],
        }


def proc_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def run_round(url: str, page: str, n: int, pid: int | None, *, seconds: float = 0,
                    releases: int = 0, think: float | None = 2.0, seed: int = 0,
                    students: list[Student] | None = None, keep_open: bool = False) -> Round:
    """N students open (not timed), then release until `seconds` pass or each has sent
    `releases`; think=None is closed-loop. `students`: these (opened if not yet) instead
    of N new ones; keep_open: their sessions stay open for the next round."""
    result = Round(n)
    students = students or [Student(url, page, seed * 1000 + k) for k in range(n)]
    waiting = [s for s in students if s.ws is None]
    for k in range(0, len(waiting), 8):  # open a few at a time, as a class arrives
        await asyncio.gather(*(s.open() for s in waiting[k:k + 8]))
    cpu0 = proc_cpu_s(pid) if pid else None
    start = time.perf_counter()
    stop = start + seconds if seconds else float("inf")

    async def student_loop(student: Student) -> None:
        if think:
            await asyncio.sleep(student.rng.uniform(0, think))  # random phase
        count = 0
        while time.perf_counter() < stop and (not releases or count < releases):
            due = time.perf_counter() + (think or 0)
            try:
                result.latencies.append(await student.release())
            except (RuntimeError, TimeoutError, websockets.WebSocketException) as error:
                result.errors.append(f"{type(error).__name__}: {error}")
                return
            count += 1
            if think:
                await asyncio.sleep(max(0.0, due - time.perf_counter()))

    await asyncio.gather(*(student_loop(s) for s in students))
    result.seconds = time.perf_counter() - start
    if pid:
        result.cpu_s = proc_cpu_s(pid) - cpu0
        result.rss_mb = proc_rss_mb(pid)
    if not keep_open:
        await asyncio.gather(*(s.close() for s in students))
    return result


SERVER_CPUS: set[int] | None = None  # --pin: the servers' cores (the clients get the rest)


def start_server(script: str, port: int, *extra: str) -> subprocess.Popen:
    run = ["run", str(ROOT / script), "--server.port", str(port),
           "--server.address", "127.0.0.1", *extra]
    command = ([sys.executable, __file__, "--serve", *run]
               if set(SERVE_MODES) & set(extra) else
               [sys.executable, "-m", "streamlit", *run])
    if SERVER_CPUS:  # every thread the server starts inherits the mask
        command = ["taskset", "-c", ",".join(map(str, sorted(SERVER_CPUS))), *command]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{script} did not start on port {port}")


def print_row(name: str, summary: dict) -> None:
    def fmt(value, spec):
        return "n/a" if value is None else format(value, spec)

    cpu, share, rss = (fmt(summary[k], s) for k, s in (
        ("cpu_ms_per_release", ".1f"), ("server_core_share", ".2f"), ("rss_mb", ".0f")))
    print(f"{name:<18} {summary['sessions']:>4} {summary['releases']:>6} "
          f"{summary['releases_per_s']:>7.1f} {summary['p50_ms']:>7.1f} "
          f"{summary['p95_ms']:>7.1f} {summary['p99_ms']:>7.1f} {summary['errors']:>4} "
          f"{cpu:>7} {share:>5} {rss:>6}",
          flush=True)
    for error in summary["first_errors"]:
        print(f"    error: {error}")


HEADER = (f"{'server':<18} {'N':>4} {'rel':>6} {'rel/s':>7} {'p50ms':>7} {'p95ms':>7} "
          f"{'p99ms':>7} {'err':>4} {'cpu ms':>7} {'core':>5} {'RSS MB':>6}")


SERVERS = {  # name -> (script, extra streamlit arguments)
    "bare default": ("benchmarks/bare_page.py", ["--runner.postScriptGC=true"]),
    "tuner forced gc": ("app.py", ["--runner.postScriptGC=true"]),
    "tuner": ("app.py", []),
}
EXPERIMENTS = {  # measured to choose the setting (--experiments)
    "tuner no forced gc": ("app.py", ["--runner.postScriptGC=false"]),
    "tuner gc+freeze": ("app.py", ["--runner.postScriptGC=true", "FREEZE"]),
    "tuner freeze": ("app.py", ["--runner.postScriptGC=false", "FREEZE"]),
    "tuner thresh": ("app.py", ["--runner.postScriptGC=false", "THRESHOLD"]),
}


SERVE_MODES = ("FREEZE", "THRESHOLD", "STREAMLIT_SERVING")


def serve(argv: list[str]) -> None:
    """`streamlit run`, with gc.freeze() after the heavy imports or raised gc thresholds:
    only to measure those options (--experiments); or STREAMLIT_SERVING: app.py served as
    if it had no st.App (Streamlit's own server, no ui/gzip_once.py), the baseline of
    --first-load."""
    import gc

    from streamlit.web import cli
    from streamlit.web.server import app_discovery

    if "STREAMLIT_SERVING" in argv:
        app_discovery.discover_asgi_app = lambda path, app_name=None: (
            app_discovery.AppDiscoveryResult(False, None, None))

    if "FREEZE" in argv:
        import pandas  # noqa: F401
        import plotly.graph_objects  # noqa: F401
        import pyarrow  # noqa: F401

        import nnsine.plots.figures  # noqa: F401
        gc.collect()
        gc.freeze()
    if "THRESHOLD" in argv:
        gc.set_threshold(50_000, 50, 100)
    sys.argv = ["streamlit", *(a for a in argv if a not in SERVE_MODES)]
    cli.main()


async def cpu_comparison(port: int, releases: int, names) -> dict:
    """Per-release server CPU, one closed-loop student, each server in turn (twice,
    interleaved, so a neighbour's burst does not land on one server only)."""
    table = SERVERS | EXPERIMENTS
    processes = {name: start_server(table[name][0], port + k, *table[name][1])
                 for k, name in enumerate(names)}
    out: dict[str, list[dict]] = {name: [] for name in names}
    try:
        for name in names:  # warm-up: first runs import and compile
            await run_round(f"http://127.0.0.1:{port + names.index(name)}",
                            "bare" if "bare" in name else "app", 1, None,
                            releases=20, think=None)
        for repeat in range(2):
            for k, name in enumerate(names):
                result = await run_round(f"http://127.0.0.1:{port + k}",
                                         "bare" if "bare" in name else "app", 1,
                                         processes[name].pid, releases=releases,
                                         think=None, seed=repeat + 1)
                out[name].append(result.summary())
                print_row(name, out[name][-1])
    finally:
        for process in processes.values():
            process.terminate()
            process.wait(timeout=20)
    return out


async def soak(port: int, name: str, one: int = 5000, many: int = 40) -> dict:
    """RSS after the first 500 releases of one session, after `one` (5,000), and after
    `many` (40) sessions × 200 releases more (closed-loop): memory must stay flat. RSS is
    read while the N sessions are still open, so "Nx5" (N sessions, 5 releases each) is
    printed too: the N sessions' own state, which is not growth."""
    table = SERVERS | EXPERIMENTS
    process = start_server(table[name][0], port, *table[name][1])
    url, rss = f"http://127.0.0.1:{port}", {}
    try:
        await run_round(url, "app", 1, None, releases=20, think=None)
        student = Student(url, "app", 7)
        await student.open()
        for k in range(1, max(one, 500) + 1):
            await student.release()
            if k % 500 == 0:
                rss[f"1x{k}"] = proc_rss_mb(process.pid)
                print(f"{name}: RSS after {k} releases in one session: "
                      f"{rss[f'1x{k}']:.1f} MB", flush=True)
        await student.close()
        if many:  # N sessions' own live state first, so growth can be told from it; the
            # same N sessions then go on to 200 releases each (new ones would be measured
            # beside the first N, which Streamlit keeps for server.disconnectedSessionTTL)
            students = [Student(url, "app", 5000 + k) for k in range(many)]
            result = await run_round(url, "app", many, process.pid, releases=5, think=None,
                                     students=students, keep_open=True)
            rss[f"{many}x5"] = result.rss_mb
            print_row(name, result.summary())
            result = await run_round(url, "app", many, process.pid, releases=195,
                                     think=None, students=students)
            rss[f"{many}x200"] = result.rss_mb
            print_row(name, result.summary())
    finally:
        process.terminate()
        process.wait(timeout=20)
    for key in rss:
        print(f"{name}: RSS {key} / RSS 1x500 = {rss[key] / rss['1x500']:.3f}", flush=True)
    return rss


async def sweep(port: int, sessions: list[int], seconds: float, think: float | None,
                name: str = "tuner") -> tuple[int, list[dict]]:
    """Rounds of N students on one server (the project's settings); the largest N whose
    p95 release → answer stays ≤ 250 ms with no error: the sessions one core holds; and
    each round's summary."""
    table = SERVERS | EXPERIMENTS
    process = start_server(table[name][0], port, *table[name][1])
    url, held, rounds = f"http://127.0.0.1:{port}", 0, []
    try:
        await run_round(url, "app", 1, None, releases=20, think=None)  # warm-up
        for n in sessions:
            summary = (await run_round(url, "app", n, process.pid, seconds=seconds,
                                       think=think, seed=n)).summary()
            print_row(name, summary)
            rounds.append(summary)
            if summary["p95_ms"] <= P95_LIMIT_MS and not summary["errors"]:
                held = max(held, n)
    finally:
        process.terminate()
        process.wait(timeout=20)
    if think:  # what one core's CPU could serve, whatever this machine's neighbours do
        cpu = np.median([r["cpu_ms_per_release"] for r in rounds if r["cpu_ms_per_release"]])
        print(f"CPU ceiling: {1000 / (cpu * 1 / think):.0f} students per fully busy core "
              f"at {cpu:.1f} ms per release, a release every {think:g} s each", flush=True)
    print(f"sessions held at p95 <= {P95_LIMIT_MS:.0f} ms"
          f"{'' if think is None else f', a release every {think:g} s each'}: {held} "
          f"(one server process = one core)", flush=True)
    return held, rounds


LABELS = {"streamlit": "baseline: app.py on Streamlit's own server",
          "direct": "`streamlit run app.py` (gzipped once, ui/gzip_once.py)",
          "haproxy": "through deploy/haproxy.cfg",
          "bare default": "bare Streamlit page, default settings",
          "tuner forced gc": "tuner, Streamlit's forced gc",
          "tuner": "tuner, `postScriptGC = false`"}


def first_load_table(out: dict) -> str:
    """The first-load figures (benchmarks/first_load.py's report) as the docs site's table."""
    return docs_tables.markdown(["route", "first load on the wire", "join p50 / p95 / max"], [
        [LABELS[name], f"{row['wire'] / 1e6:.2f} MB",
         " / ".join(f"{row['join'][k]:.1f} s" for k in ("p50", "p95", "max"))]
        for name, row in out.items()])


def load_table(comparison: dict[str, list[dict]], rounds: list[dict]) -> str:
    """One closed-loop student per server (each run), then the sweep's rounds."""
    def cpu(summary):
        return summary["cpu_ms_per_release"]

    def times(summary):
        return " / ".join(f"{summary[k]:.0f}" for k in ("p50_ms", "p95_ms", "p99_ms"))

    bare = comparison.get("bare default")
    rows = []
    for name, runs in comparison.items():
        known = [r for r in runs if cpu(r)]
        versus = "1" if name == "bare default" else ", ".join(
            f"{cpu(r) / cpu(b):.2f}×" for r, b in zip(runs, bare or [], strict=False)
            if cpu(r) and cpu(b)) if bare else ""
        rows.append([LABELS.get(name, name), "1",
                     ", ".join(f"{r['releases_per_s']:.1f}" for r in runs), times(runs[0]),
                     str(sum(r["errors"] for r in runs)),
                     ", ".join(f"{cpu(r):.1f} ms" for r in known), versus,
                     f"{max(r['rss_mb'] or 0 for r in runs):.0f} MB"])
    rows += [["tuner", str(r["sessions"]), f"{r['releases_per_s']:.1f}", times(r),
              str(r["errors"]), f"{cpu(r):.1f} ms" if cpu(r) else "n/a", "",
              f"{r['rss_mb'] or 0:.0f} MB"] for r in rounds]
    return docs_tables.markdown(["server", "students", "releases/s", "p50 / p95 / p99 ms",
                                 "errors", "server CPU per release", "vs bare page",
                                 "server RSS"], rows)


def main() -> None:
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="an existing server (server CPU and RSS n/a)")
    parser.add_argument("--port", type=int, default=8640)
    parser.add_argument("--sessions", default="20,40,60,80")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--think", type=float, default=2.0)
    parser.add_argument("--closed", action="store_true", help="no think time")
    parser.add_argument("--releases", type=int, default=150,
                        help="per-release CPU: closed-loop releases per server")
    parser.add_argument("--cpu-only", action="store_true")
    parser.add_argument("--soak", nargs="?", const="tuner", metavar="SERVER",
                        help="memory soak of one server (default: the project's)")
    parser.add_argument("--soak-one", type=int, default=5000,
                        help="releases in one session (--soak)")
    parser.add_argument("--soak-many", type=int, default=40,
                        help="sessions × 200 releases after it (--soak; 0: none)")
    parser.add_argument("--first-load", action="store_true",
                        help="bytes of a first visit and the wait of a class joining, "
                             "direct and through the proxy (benchmarks/first_load.py)")
    parser.add_argument("--students", type=int, default=40, help="--first-load: class size")
    parser.add_argument("--arrive", type=float, default=60.0,
                        help="--first-load: the class arrives within this many seconds")
    parser.add_argument("--experiments", action="store_true",
                        help="also the gc options that were measured to choose one")
    parser.add_argument("--no-docs", action="store_true",
                        help="print only; do not write docs/perf/class-load.md or first-load.md")
    parser.add_argument("--pin", action="store_true",
                        help="the server on the first core, the simulated students on the "
                             "others: the server's own figure on one machine")
    args = parser.parse_args()
    if args.pin:
        global SERVER_CPUS
        cpus = sorted(os.sched_getaffinity(0))
        if len(cpus) < 2:
            parser.error("--pin needs at least two cores")
        SERVER_CPUS = {cpus[0]}
        os.sched_setaffinity(0, set(cpus[1:]))
        print(f"server on core {cpus[0]}, students on cores {cpus[1:]}")
    command = " ".join(["benchmarks/class_load.py", *sys.argv[1:]])
    if args.first_load:
        from benchmarks.first_load import report

        out = report(args.port, args.students, args.arrive)
        if not args.no_docs:
            docs_tables.write("first-load", command, first_load_table(out),
                              f"{args.students} students arriving within {args.arrive:g} s, "
                              "each a first visit with an empty cache. " + docs_tables.machine())
        return
    print(HEADER)
    if args.url:
        for n in map(int, args.sessions.split(",")):
            result = asyncio.run(run_round(args.url.rstrip("/"), "app", n, None,
                                           seconds=args.seconds,
                                           think=None if args.closed else args.think))
            print_row("given url", result.summary())
        return
    if args.soak:
        asyncio.run(soak(args.port, args.soak, args.soak_one, args.soak_many))
        return
    names = list(SERVERS) + (list(EXPERIMENTS) if args.experiments else [])
    comparison = asyncio.run(cpu_comparison(args.port, args.releases, names))
    if not args.cpu_only:
        _, rounds = asyncio.run(sweep(args.port, [int(n) for n in args.sessions.split(",")],
                                      args.seconds, None if args.closed else args.think))
        if not args.no_docs:
            pinned = "Server and students on their own cores. " if args.pin else ""
            think = "closed loop" if args.closed else f"each releasing every {args.think:g} s"
            docs_tables.write("class-load", command, load_table(comparison, rounds),
                              f"{pinned}One closed-loop student per server, then "
                              f"{args.sessions} students {think} for {args.seconds:g} s. "
                              + docs_tables.machine())


if __name__ == "__main__":
    main()
