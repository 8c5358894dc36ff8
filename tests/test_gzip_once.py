"""A class on school wifi: Streamlit's static files and the live tuner's go out gzipped on
the plain route (`streamlit run app.py`, ui/gzip_once.py), compressed once per file, and
the live tuner's plotly.js is the basic bundle of the same plotly.js version as the pinned
plotly package. Sizes and times are benchmarks/class_load.py --first-load's, not asserted."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from nnsine import assets
from tests.conftest import running_server
from ui.gzip_once import GzipOnce

TEXT = b"const answer = 42;\n" * 400



def run(coroutine):
    """asyncio.run in a thread of its own: Playwright's sync API (other tests in this
    process) may keep an event loop running in the main thread."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()

def static_file(body: bytes = TEXT, kind: bytes = b"application/javascript", status=200):
    """An ASGI app that answers every request like Streamlit's static route; `calls` counts."""
    calls = []

    async def app(scope, receive, send):
        calls.append(dict(scope["headers"]))
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", kind), (b"content-length", str(len(body)).encode()),
            (b"etag", b'"abc"'), (b"cache-control", b"public, immutable")]})
        await send({"type": "http.response.body", "body": body[:100], "more_body": True})
        await send({"type": "http.response.body", "body": body[100:]})

    app.calls = calls
    return app


def ask(app, path="/static/js/index.js", method="GET", **headers) -> tuple[int, dict, bytes]:
    scope = {"type": "http", "method": method, "path": path, "root_path": "",
             "headers": [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()]}
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    run(app(scope, receive, send))
    head = {k.decode(): v.decode() for k, v in sent[0]["headers"]}
    return sent[0]["status"], head, b"".join(m.get("body", b"") for m in sent[1:])


def test_a_static_file_is_sent_gzipped_with_its_length_and_a_weak_etag():
    inner = static_file()
    status, head, body = ask(GzipOnce(inner), accept_encoding="gzip, deflate")
    assert status == 200 and head["content-encoding"] == "gzip"
    assert gzip.decompress(body) == TEXT and int(head["content-length"]) == len(body)
    assert head["etag"] == 'W/"abc"' and head["vary"] == "Accept-Encoding"
    assert head["cache-control"] == "public, immutable"
    # Streamlit's own gzip middleware is not asked to compress it again.
    assert b"accept-encoding" not in inner.calls[0]


def test_each_file_is_compressed_once_and_a_changed_file_again(monkeypatch):
    middleware = GzipOnce(static_file())
    packed = []
    real = gzip.compress
    monkeypatch.setattr(gzip, "compress", lambda *a, **k: packed.append(1) or real(*a, **k))
    first = ask(middleware, accept_encoding="gzip")[2]
    assert ask(middleware, accept_encoding="gzip")[2] == first and len(packed) == 1
    middleware.app = static_file(TEXT + b"// new\n")
    assert gzip.decompress(ask(middleware, accept_encoding="gzip")[2]).endswith(b"// new\n")
    assert len(packed) == 2


def test_a_class_arriving_at_once_shares_one_compression(monkeypatch):
    middleware = GzipOnce(static_file())
    packed = []
    real = gzip.compress
    monkeypatch.setattr(gzip, "compress", lambda *a, **k: packed.append(1) or real(*a, **k))
    sent: list[list] = [[] for _ in range(20)]

    async def one(k):
        async def receive():
            return {"type": "http.request", "body": b""}

        async def send(message):
            sent[k].append(message)

        scope = {"type": "http", "method": "GET", "path": "/static/a.js",
                 "headers": [(b"accept-encoding", b"gzip")]}
        await middleware(scope, receive, send)

    async def class_of_20():
        await asyncio.gather(*(one(k) for k in range(20)))

    run(class_of_20())
    assert len(packed) == 1
    assert all(gzip.decompress(s[1]["body"]) == TEXT for s in sent)


def test_what_gzip_cannot_help_passes_untouched():
    js, gz = b"application/javascript", {"accept_encoding": "gzip"}
    cases = [  # (request headers, path, method, the file's status, its type)
        ({}, "/static/js/index.js", "GET", 200, js),  # the browser asked for no gzip
        ({**gz, "range": "bytes=0-99"}, "/static/js/index.js", "GET", 200, js),
        (gz, "/static/media/font.woff2", "GET", 200, b"font/woff2"),
        (gz, "/tuner", "GET", 200, b"text/html"),  # a page, not a static path
        (gz, "/static/js/index.js", "HEAD", 200, js),
        (gz, "/static/js/index.js", "GET", 304, js),
    ]
    for headers, path, method, status, kind in cases:
        inner = static_file(kind=kind, status=status)
        got, head, body = ask(GzipOnce(inner), path, method, **headers)
        assert "content-encoding" not in head, (headers, path, method, status, kind)
        assert got == status and head["etag"] == '"abc"' and body == TEXT


def test_the_cache_is_bounded():
    middleware = GzipOnce(static_file(), limit_bytes=10)
    status, head, body = ask(middleware, accept_encoding="gzip")
    assert gzip.decompress(body) == TEXT and not middleware._kept


def test_the_vendored_plotly_is_the_basic_bundle_of_the_pinned_plotly_version():
    ours = assets.PLOTLY_JS.read_bytes()
    import plotly

    full = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    version = re.compile(rb"plotly\.js (?:\(basic - minified\) )?v(\d+\.\d+\.\d+)")
    assert b"plotly.js (basic - minified)" in ours[:200]
    assert version.search(ours[:200])[1] == version.search(full.read_bytes()[:200])[1]
    readme = (assets.PLOTLY_JS.parent / "README.md").read_text()
    assert hashlib.sha256(ours).hexdigest() in readme
    assert (assets.PLOTLY_JS.parent / "LICENSE").read_text().startswith("MIT License")


@pytest.mark.subprocess
def test_streamlit_run_app_py_serves_its_static_files_gzipped():
    with running_server() as url:
        page = urllib.request.urlopen(url + "/", timeout=60).read().decode()
        script = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', page)[1]
        plain = urllib.request.urlopen(f"{url}/{script}", timeout=60).read()
        request = urllib.request.Request(f"{url}/{script}",
                                         headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=60) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()) == plain
        tuner = f"{url}/_stcore/bidi-components/nnsine.plotly/plotly-basic.min.js"
        # The tuner's files are registered when a page first draws it: run the script once.
        urllib.request.urlopen(f"{url}/_stcore/script-health-check", timeout=120).read()
        request = urllib.request.Request(tuner, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=60) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()) == assets.PLOTLY_JS.read_bytes()
