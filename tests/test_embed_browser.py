"""Inside a course page or a slide: the app in a cross-site iframe (`?embed=true`), as a
Moodle or Canvas page embeds it. The host page is served from http://localhost:<port>, the
app from http://127.0.0.1:<port>: another origin and another site, so the browser's
third-party rules apply as on a real course page.

The server runs with the one setting a teacher needs for uploads in an iframe:
`server.enableXsrfProtection = false`. With it on, an upload needs Streamlit's XSRF cookie,
a third-party cookie inside another site's page: SameSite=Lax (the default) keeps it out,
and even `server.xsrfCookieSameSite = "none"` (HTTPS only) fails wherever the browser blocks
third-party cookies (Safari does by default, and so does the Chromium these tests drive):
the upload gets a 403."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from nnsine.book import presets
from nnsine.engine.activations import softmax
from nnsine.formats import fitfile
from tests.conftest import free_port, running_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(bool(os.environ.get("APP_URL")), reason="starts its own server"),
]

EMBED_SETTING = "--server.enableXsrfProtection=false"
WAIT = 120_000  # ms: reruns are slow on a shared machine (generous, never a timed assertion)
PAGES = {"/": "Fit sin(2πx)", "/tuner": "Fit sin(2πx)", "/activations": "Activation",
         "/one-pair": "One neuron", "/why-nonlinear": "Why nonlinear",
         "/softmax": "Softmax", "/class": "Class challenge"}


@contextmanager
def course_page() -> Iterator[str]:
    """A host site on http://localhost:<port>/?src=<app URL> that shows the URL in an iframe
    (a stand-in for a course page or a slide)."""
    html = (b"<!doctype html><title>Course page</title><h1>Week 4</h1>"
            b"<iframe id=app width=1300 height=1100></iframe><script>"
            b"document.getElementById('app').src ="
            b" new URLSearchParams(location.search).get('src');</script>")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://localhost:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def embedded(browser):
    """open(path_and_query) -> the app's frame inside the course page."""
    with running_server(EMBED_SETTING) as app_url, course_page() as host:
        context = browser.new_context(viewport={"width": 1400, "height": 1200})
        page = context.new_page()
        page.set_default_timeout(120_000)

        def open_in_iframe(link: str):
            separator = "&" if "?" in link else "?"
            src = f"{app_url}{link}{separator}embed=true"
            page.goto(host + "?src=" + src.replace("&", "%26").replace("?", "%3F"))
            frame = page.frame_locator("#app")
            frame.locator('[data-testid="stApp"][data-test-script-state="notRunning"]') \
                .wait_for()
            return frame

        yield open_in_iframe
        context.close()


def wait_idle(frame) -> None:
    frame.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for()


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_works_in_a_cross_site_iframe(embedded, path):
    frame = embedded(path)
    frame.locator("h1", has_text=PAGES[path]).first.wait_for()
    expect(frame.locator('[data-testid="stException"]')).to_have_count(0, timeout=WAIT)
    expect(frame.get_by_text("Page not found")).to_have_count(0, timeout=WAIT)


def test_a_widget_reruns_the_page_inside_the_iframe(embedded):
    frame = embedded("/softmax")
    confidence = frame.locator('.st-key-sm_result [data-testid="stMetricValue"]').nth(1)
    field = frame.locator(".st-key-sm_exact_1 input")
    field.fill("4.8")
    field.press("Enter")
    expect(confidence).to_have_text(f"{softmax([4.8, 4.8, 2.385])[0]:.2%}", timeout=WAIT)


def test_an_upload_inside_the_iframe_loads_the_fit(embedded, tmp_path):
    fit = presets.preset("hand-tuned")
    path = tmp_path / "hand-tuned.json"
    path.write_text(fitfile.dumps(fit))
    frame = embedded("/")
    frame.locator('.st-key-upload input[type="file"]').set_input_files(path)
    wait_idle(frame)
    weight = frame.locator(".nt-root input[data-key=p1_w1]")
    expect(weight).to_have_value(f"{fit.w1[0]:g}", timeout=WAIT)  # pushed after the rerun
    expect(frame.locator('[data-testid="stException"]')).to_have_count(0, timeout=WAIT)


@pytest.mark.parametrize(("link", "shown"), [
    ("/tuner?p1_w1=6&p1_b2=0.7", {".nt-root input[data-key=p1_w1]": "6",
                                  ".nt-root input[data-key=p1_b2]": "0.7"}),
    ("/softmax?sm_logits=1,2,3", {".st-key-sm_exact_0 input": "1.000",
                                ".st-key-sm_exact_2 input": "3.000"}),
])
def test_a_link_opens_one_view_inside_the_iframe(embedded, link, shown):
    frame = embedded(link)
    for selector, value in shown.items():
        expect(frame.locator(selector)).to_have_value(value, timeout=WAIT)
