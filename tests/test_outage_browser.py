"""The class server restarts mid-drag: the page says so in the class's words (not only
Streamlit's "Are you connected to the internet?"), the slider let go while the server is
away is kept by the browser, and once the server is back that release is the new
session's fit: on screen, in the URL (which a restart's new session starts from) and in
the engine's MSE (nnsine/frontend/tuner_outage.js)."""

from __future__ import annotations

import signal
from urllib.parse import parse_qsl, urlsplit

import pytest

from nnsine.engine.metrics import score
from nnsine.formats import params
from tests.conftest import free_port, start_server, wait_healthy, wait_idle
from tests.test_failover import TROUBLE, stop

pytestmark = pytest.mark.browser

STATUS = ".nt-outage"
AWAY = "The class server is not answering"
KEPT = "Your last change is kept on this page"
SENT = "The class server is back: your last change was sent."


def fit_in_url(page):
    fit, problems = params.from_query(dict(parse_qsl(urlsplit(page.url).query)))
    assert not problems
    return fit


def test_a_release_made_while_the_server_restarts_is_sent_when_it_is_back(browser):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = start_server(port)
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        wait_healthy(url, process)
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{url}/?p1_w1=6&p1_w2=1&p1_w_out=1&b_out=0.3")
        wait_idle(page)
        page.wait_for_selector(".nt-root[data-drawn]")
        slider = page.locator(".nt-root input[data-key=b_out]")
        slider.scroll_into_view_if_needed()
        box = slider.bounding_box()
        # The thumb of 0.30 on [-10, 10] is near the middle; press it, then the server goes.
        x, y = box["x"] + box["width"] * (0.3 + 10) / 20, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        page.mouse.down()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        status = page.locator(STATUS)
        status.filter(has_text=AWAY).wait_for()
        page.mouse.move(x + box["width"] * 0.1, y, steps=5)  # about +2
        page.mouse.up()
        status.filter(has_text=KEPT).wait_for()
        moved = float(slider.input_value())
        assert moved != 0.3
        assert fit_in_url(page).b_out == 0.3  # nothing reached the server yet

        process = start_server(port)
        wait_healthy(url, process, timeout=120)
        status.filter(has_text=SENT).wait_for(timeout=90_000)
        page.wait_for_function(  # the session's fit, which a restart's new session reads
            "() => new URLSearchParams(location.search).get('b_out') !== '0.3'")
        wait_idle(page)
        fit = fit_in_url(page)
        assert fit.b_out == moved and float(slider.input_value()) == moved
        expected = f"{score(fit).mse:.5f}"
        page.locator('[data-testid="stMetric"]', has_text="MSE").locator(
            '[data-testid="stMetricValue"]', has_text=expected).wait_for()
        assert page.locator(TROUBLE).count() == 0
    finally:
        context.close()
        stop(process)


def test_the_status_line_stays_hidden_while_the_server_answers(app_url, page):
    page.goto(app_url + "/")
    wait_idle(page)
    page.wait_for_selector(".nt-root[data-drawn]")
    page.wait_for_timeout(1500)  # three of the status line's looks at the connection
    assert page.locator(STATUS).count() == 1 and not page.locator(STATUS).is_visible()
