"""Streamlit's own files and the live tuner's, gzipped once per server process.

Streamlit 1.67 serves its React bundle (/static/, 2.6 MB on a first visit) uncompressed on
purpose: its gzip middleware would compress every file again for every visitor
(streamlit/web/server/starlette/starlette_gzip_middleware.py), and it leaves compression to
a proxy. A classroom has no proxy: 40 phones on school wifi open the join link within a
minute. The files are the same for everyone (content-hashed, or ours from one folder), so
here each is compressed once, the bytes are kept, and every later visitor gets them:
one compression per file per process, about 0.8 MB instead of 2.6 MB a first visit
(benchmarks/class_load.py --first-load). The bytes are keyed by the file's own bytes, not
only its path, so a changed file is never answered with an old one.

Only what gzip helps: a GET whose browser accepts gzip, no Range, a 200 answer of a text
type. Everything else (the page, the websocket, fonts, media, uploads) passes untouched.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib

import anyio

PREFIXES = ("/static/", "/_stcore/bidi-components/")
TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")
MINIMUM_BYTES = 1024  # below this the gzip header outweighs the saving
LIMIT_BYTES = 64 * 2**20  # kept compressed bytes; Streamlit's whole static folder is ~26 MB raw
LEVEL = 9  # paid once per file, so the smallest output


def _wants_gzip(scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    if not any(marker in scope["path"] for marker in PREFIXES):  # after any base URL path
        return False
    headers = dict(scope["headers"])
    return b"range" not in headers and b"gzip" in headers.get(b"accept-encoding", b"")


class GzipOnce:
    """ASGI middleware: compressible static answers sent gzipped from a bounded cache.

    `app` is the ASGI app it wraps (Streamlit's, through st.App's middleware list). The
    cache maps (path, BLAKE2b of the body) to the gzip bytes: it only ever holds copies of
    files every visitor gets alike, never a session's data. Concurrent first requests for
    one file share one compression (a class arriving at once)."""

    def __init__(self, app, limit_bytes: int = LIMIT_BYTES):
        self.app, self.limit_bytes = app, limit_bytes
        self._kept: dict[tuple[str, bytes], bytes] = {}
        self._pending: dict[tuple[str, bytes], asyncio.Future] = {}
        self._size = 0

    async def __call__(self, scope, receive, send) -> None:
        if not _wants_gzip(scope):
            await self.app(scope, receive, send)
            return
        # Ask without gzip, so Streamlit's own middleware does not compress it per request.
        inner = dict(scope, headers=[(k, v) for k, v in scope["headers"]
                                     if k != b"accept-encoding"])
        start: dict = {}
        chunks: list[bytes] = []

        async def keep(message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(inner, receive, keep)
        body = b"".join(chunks)
        headers = [(k, v) for k, v in start.get("headers", [])]
        names = {k.lower(): v for k, v in headers}
        kind = names.get(b"content-type", b"").decode("latin-1")
        if (start.get("status") != 200 or b"content-encoding" in names
                or len(body) < MINIMUM_BYTES or not kind.startswith(TYPES)):
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        packed = await self._compressed(scope["path"], body)
        headers = [(k, v) for k, v in headers if k.lower() not in (
            b"content-length", b"vary", b"etag", b"accept-ranges")]
        if b"etag" in names:  # one file, two encodings: a weak validator covers both
            headers.append((b"etag", b"W/" + names[b"etag"].removeprefix(b"W/")))
        vary = b", ".join(filter(None, [names.get(b"vary"), b"Accept-Encoding"]))
        headers += [(b"content-encoding", b"gzip"), (b"vary", vary),
                    (b"content-length", str(len(packed)).encode())]
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": packed})

    async def _compressed(self, path: str, body: bytes) -> bytes:
        key = (path, hashlib.blake2b(body, digest_size=16).digest())
        if key in self._kept:
            return self._kept[key]
        if key in self._pending:
            return await asyncio.shield(self._pending[key])
        future = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        try:
            # Off the event loop: the websockets of students already in keep flowing.
            packed = await anyio.to_thread.run_sync(
                lambda: gzip.compress(body, compresslevel=LEVEL, mtime=0))
            if self._size + len(packed) <= self.limit_bytes:
                self._kept[key] = packed
                self._size += len(packed)
            future.set_result(packed)
            return packed
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # the waiters (if any) see it; nobody else needs a warning
            raise
        finally:
            del self._pending[key]
