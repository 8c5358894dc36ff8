"""Nothing leaves the machine: every page and every tab asks the server and no other host,
and the live tuner's files (plotly.js included) come from the server itself."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import wait_idle
from ui import shell

pytestmark = pytest.mark.browser

# Every URL the app answers with a page (the tuner is at / and at /tuner).
PAGES = ("/", *(f"/{page.url}" for page in shell.PAGES))
PLOTLY = "/_stcore/bidi-components/nnsine.plotly/plotly-basic.min.js"
# Streamlit's own probes for a base URL path (/softmax/_stcore/health, ...): 404 is its answer.
PROBES = ("/_stcore/health", "/_stcore/host-config")


class Traffic:
    """Every request a browser context makes: off-server ones are recorded and refused, so
    a failing test leaks nothing either."""

    def __init__(self, context, app_url: str):
        self.server = urlsplit(app_url).netloc
        self.outside: list[str] = []
        self.broken: list[str] = []  # the server's own answers >= 400
        self.served: set[str] = set()
        context.route("**/*", self._route)
        context.on("response", self._response)
        context.on("page", lambda page: page.on("websocket", self._websocket))

    def _off_server(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.server

    def _route(self, route):
        if self._off_server(route.request.url):
            self.outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def _websocket(self, websocket):
        if self._off_server(websocket.url):
            self.outside.append(websocket.url)

    def _response(self, response):
        path = urlsplit(response.url).path
        if response.status >= 400 and not (response.status == 404 and path.endswith(PROBES)):
            self.broken.append(f"{response.status} {response.url}")
        else:
            self.served.add(path)


def visit_every_tab(page) -> int:
    """Open each tab of the page in turn (each may rerun the script); how many there were."""
    tabs = page.get_by_role("tab")
    for k in range(tabs.count()):
        tabs.nth(k).click()
        # The tab's rerun may not have started when the click returns: wait for the tab.
        expect(tabs.nth(k)).to_have_attribute("aria-selected", "true", timeout=60_000)
        wait_idle(page)
    return tabs.count()


def test_every_page_and_tab_asks_only_the_server(app_url, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    traffic = Traffic(context, app_url)
    page = context.new_page()
    page.set_default_timeout(120_000)  # a cold page trains or imports on a shared machine
    tabs = 0
    try:
        for path in PAGES:
            page.goto(app_url + path)
            wait_idle(page)
            page.locator("h1").first.wait_for()
            assert page.locator('[data-testid="stException"]').count() == 0, path
            tabs += visit_every_tab(page)
            if path in ("/", "/tuner"):  # the live tuner's chart is drawn by Plotly
                page.wait_for_selector(".nt-plot .main-svg")
    finally:
        context.close()
    assert tabs >= 3  # the tuner's three tabs at least
    assert not traffic.outside, traffic.outside
    assert not traffic.broken, traffic.broken
    assert PLOTLY in traffic.served
