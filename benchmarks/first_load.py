"""A class on school wifi: the bytes of a student's first visit, and how long 40 students
arriving within a minute wait for their first complete page.

    .venv/bin/python benchmarks/class_load.py --first-load       # ~5 min
    .venv/bin/python benchmarks/class_load.py --first-load --students 40 --arrive 60

Bytes: a first visit of the tuner (the page a join link opens) in a fresh Chromium context
(empty cache) until the live tuner has drawn and plotly.js has drawn its axes, counted on
the wire (CDP's encodedDataLength) and decoded (what an uncompressed server would send).

Routes, in turn, in the same run: the baseline, app.py on Streamlit's own server (as if it
had no st.App: Streamlit 1.67 sends /static/ uncompressed), then `streamlit run app.py`
(ui/gzip_once.py) straight and through deploy/haproxy.cfg. The ratios to the baseline are
printed last.

Join: each student fetches what that browser visit fetched (the same URLs, six at a time
as a browser does, asking for gzip), then opens Streamlit's websocket and waits for the
page's first script run to finish (benchmarks/class_load.py's Student). Arrivals are spread
at random over --arrive seconds; "one alone" is one student before the class arrives, on
the same server. No browser per student (40 Chromiums would measure
the client on 2 cores, not the server); the wifi's own bandwidth is not simulated, so
bytes × students is printed beside it.
"""

from __future__ import annotations

import asyncio
import os
import random
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import numpy as np

PAGE_READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def first_visit(url: str) -> dict:
    """One browser's first visit: bytes on the wire and decoded, and the URLs fetched."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        urls, decoded, wire = {}, {}, {}
        cdp.on("Network.requestWillBeSent",
               lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.dataReceived", lambda e: decoded.__setitem__(
            e["requestId"], decoded.get(e["requestId"], 0) + e["dataLength"]))
        cdp.on("Network.loadingFinished",
               lambda e: wire.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.goto(url + "/")
        page.wait_for_selector(PAGE_READY, timeout=120_000)
        page.wait_for_selector(".nt-root[data-drawn]", timeout=120_000)
        page.wait_for_selector(".nt-plot .main-svg", timeout=120_000)  # plotly.js is in
        page.wait_for_load_state("networkidle")
        browser.close()
    fetched = [urls[k] for k in wire if urls.get(k, "").startswith("http")]
    return {"wire": sum(wire.values()), "decoded": sum(decoded.values()),
            "requests": len(wire), "urls": fetched}


def _fetch(address: str) -> int:
    request = urllib.request.Request(address, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return len(response.read())


def join(url: str, urls: list[str], seed: int) -> float:
    """One student: the visit's files, six at a time, then the page's first script run
    over the websocket; seconds from arriving to the complete page."""
    from benchmarks.class_load import Student

    start = time.perf_counter()
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(_fetch, urls))
    student = Student(url, "app", seed)

    async def open_page():
        await student.open()
        await student.close()

    asyncio.run(open_page())
    return time.perf_counter() - start


def class_arrives(url: str, urls: list[str], students: int, arrive_s: float) -> dict:
    """`students` joins at random times within `arrive_s` seconds; their waits (s)."""
    rng = random.Random(40)
    delays = sorted(rng.uniform(0, arrive_s) for _ in range(students))
    begin = time.perf_counter()

    def arrive(k: int) -> float:
        time.sleep(max(0.0, begin + delays[k] - time.perf_counter()))
        return join(url, urls, 1000 + k)

    alone = join(url, urls, 999)  # the baseline: nobody else on the server
    begin = time.perf_counter()
    with ThreadPoolExecutor(students) as pool:
        waits = list(pool.map(arrive, range(students)))
    p50, p95 = np.percentile(waits, [50, 95])
    return {"alone": alone, "p50": p50, "p95": p95, "max": max(waits)}


ROUTES = {  # name -> what answers
    "streamlit": "app.py on Streamlit's own server (no st.App: /static/ uncompressed)",
    "direct": "streamlit run app.py (ui/gzip_once.py)",
    "haproxy": "the same through deploy/haproxy.cfg",
}


def _measure(name: str, url: str, students: int, arrive_s: float) -> dict:
    visit = first_visit(url)
    print(f"first load {name:<9} {visit['wire'] / 1e6:5.2f} MB on the wire "
          f"({visit['decoded'] / 1e6:.2f} MB uncompressed) in {visit['requests']} requests; "
          f"× {students} students: {visit['wire'] * students / 1e6:.0f} MB", flush=True)
    waits = class_arrives(url, visit["urls"], students, arrive_s)
    print(f"join       {name:<9} {students} students within {arrive_s:g} s: "
          f"p50 {waits['p50']:.1f} s, p95 {waits['p95']:.1f} s, max {waits['max']:.1f} s; "
          f"one alone {waits['alone']:.1f} s", flush=True)
    return {**visit, "join": waits}


def report(port: int, students: int = 40, arrive_s: float = 60.0) -> dict:
    """Each route in turn (the baseline first), its bytes then its class's joins."""
    import shutil
    import tempfile

    from benchmarks.class_load import start_server
    from tests.test_failover import start_proxy

    for name, what in ROUTES.items():
        print(f"{name}: {what}")
    out = {}
    baseline = start_server("app.py", port + 1, "STREAMLIT_SERVING")
    try:
        url = f"http://127.0.0.1:{port + 1}"
        urllib.request.urlopen(f"{url}/_stcore/script-health-check", timeout=60).read()
        out["streamlit"] = _measure("streamlit", url, students, arrive_s)
    finally:
        baseline.terminate()
        baseline.wait(timeout=20)
    server = start_server("app.py", port)
    try:
        url = f"http://127.0.0.1:{port}"
        urllib.request.urlopen(f"{url}/_stcore/script-health-check", timeout=60).read()
        out["direct"] = _measure("direct", url, students, arrive_s)
        if shutil.which("haproxy"):
            with tempfile.TemporaryDirectory() as folder:
                proxy, proxied = start_proxy([port], folder)
                try:
                    out["haproxy"] = _measure("haproxy", proxied, students, arrive_s)
                finally:
                    proxy.terminate()
                    proxy.wait(timeout=20)
    finally:
        server.terminate()
        server.wait(timeout=20)
    base = out["streamlit"]
    for name in ("direct", "haproxy"):
        if name in out:
            print(f"{name} / streamlit: bytes {out[name]['wire'] / base['wire']:.2f}, "
                  f"join p95 {out[name]['join']['p95'] / base['join']['p95']:.2f}", flush=True)
    return out
