"""Shared fixtures: the repo on sys.path, a real server and a real Chromium for browser tests,
and the test tiers.

Tiers (markers, pyproject.toml): a test that starts a browser, a Streamlit page run, a
database server or a subprocess is in the tier of that name; every other test is `fast`
(`make check`). Tiers are given by fixture use here, or by a module's `pytestmark`; a test
left `fast` that starts a subprocess or an AppTest run fails with the marker it needs, so no
one can forget one.

Browser tests use APP_URL when it is set (e.g. the container under test), else they
start `streamlit run app.py` on a free port. Chromium is Debian's (/usr/bin/chromium, or
$CHROMIUM): `playwright install` cannot download browsers here.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


SLOW_TIERS = ("browser", "app", "db", "subprocess", "standard_route")
FIXTURE_TIERS = {"browser": "browser", "page": "browser", "app_url": "browser",
                 "postgres_url": "db"}


def pytest_collection_modifyitems(items) -> None:
    """Mark each test with the tiers its fixtures imply; a test in none of them is `fast`."""
    for item in items:
        for name in getattr(item, "fixturenames", ()):
            if name in FIXTURE_TIERS:
                item.add_marker(FIXTURE_TIERS[name])
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("database_url") == "postgresql":
            item.add_marker("db")
        if not any(item.get_closest_marker(tier) for tier in SLOW_TIERS):
            item.add_marker("fast")


class TierError(OSError):
    """A `fast` test tried to start what only a slower tier may start."""


@pytest.fixture(autouse=True)
def _fast_starts_nothing(request, monkeypatch):
    """In a `fast` test, starting a subprocess or an AppTest run raises TierError naming the
    marker the test needs (an OSError, so a library that tries a tool and falls back, such
    as matplotlib looking for fc-list, still falls back)."""
    if request.node.get_closest_marker("fast") is None:
        yield
        return
    from streamlit.testing.v1 import AppTest

    def refuse(tier):
        def start(*args, **kwargs):
            raise TierError(f"{request.node.nodeid} starts a {tier}: mark it "
                            f"@pytest.mark.{tier} (or its module: pytestmark)")
        return start

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse("subprocess"))
    monkeypatch.setattr(AppTest, "run", refuse("app"))
    yield


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)  # polling a server that is starting, not waiting on the UI
    raise RuntimeError(f"{url} not healthy after {timeout} s")


def warm_up(url: str) -> None:
    """Run app.py once (imports, compiles), for benchmarks that time what follows. Tests do
    not: every route must work on a cold server (ui/shell.py)."""
    with urllib.request.urlopen(f"{url}/_stcore/script-health-check", timeout=60) as response:
        response.read()


def start_server(port: int, *extra: str, streamlit: Path | None = None,
                 root: Path = ROOT) -> subprocess.Popen:
    """`streamlit run app.py` from `root` on 127.0.0.1:port, as the README's run command
    does (`streamlit`: that venv's streamlit script; default: this interpreter's)."""
    run = [str(streamlit)] if streamlit else [sys.executable, "-m", "streamlit"]
    command = [*run, "run", "app.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", *extra]
    return subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # an unread pipe could fill and block


@contextmanager
def running_server(*extra: str, **where) -> Iterator[str]:
    """A just-started server (nothing has asked it anything but /_stcore/health); its URL."""
    port = free_port()
    process = start_server(port, *extra, **where)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process, timeout=120)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def app_url():
    if os.environ.get("APP_URL"):
        url = os.environ["APP_URL"].rstrip("/")
        wait_healthy(url)
        yield url
        return
    with running_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def wait_idle(page) -> None:
    """Wait until Streamlit has finished the current script run."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')


def open_app(page, url: str) -> None:
    """Open a URL of the app and wait for its first run to finish."""
    page.goto(url)
    wait_idle(page)


def opened(script: str, query: dict | None = None, timeout: float = 30):
    """An AppTest of `script` (from the repository's root: "app.py", "pages/class.py")
    opened with `query` in its URL as a new session, run once, checked for exceptions."""
    from streamlit.testing.v1 import AppTest

    # A page script runs under app.py's st.navigation, as in the browser (its sidebar
    # links name the other pages, which only st.navigation knows).
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if script != "app.py":
        at.switch_page(script)
    at.run()
    assert not at.exception, at.exception
    return at
