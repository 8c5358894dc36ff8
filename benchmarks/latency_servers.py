"""The servers benchmarks/latency.py measures: Streamlit scripts on free loopback ports,
and the static page with its two scripts on a tiny http.server."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from nnsine import assets

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit(script: Path):
    """`streamlit run script` on 127.0.0.1:<free port> (repo config); yields (url, log path)."""
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix=f"bench-{script.stem}-", suffix=".log",
                                      delete=False)
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port",
               str(port), "--server.headless", "true", "--server.address", "127.0.0.1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield url, log.name
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode} ({url})")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)  # polling a server that is still starting
    raise RuntimeError(f"{url} not healthy after {timeout:.0f} s")


def static_files() -> dict[str, tuple[Path, str]]:
    """URL path -> (file, content type) of the static limit page."""
    return {
        "/": (HERE / "static_page.html", "text/html; charset=utf-8"),
        "/forward.js": (assets.FRONTEND / "forward.js", "text/javascript; charset=utf-8"),
        "/plotly.min.js": (assets.PLOTLY_JS, "text/javascript; charset=utf-8"),
    }


@contextmanager
def static_site():
    """The static page on 127.0.0.1:<free port>, served from memory; yields its URL."""
    files = {path: (file.read_bytes(), kind) for path, (file, kind) in static_files().items()}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            found = files.get(urlsplit(self.path).path)
            if found is None:
                self.send_error(404)
                return
            body, kind = found
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
