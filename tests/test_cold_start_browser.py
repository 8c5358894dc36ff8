"""Cold deep links: on a server that has just started (nothing has run app.py yet), a link to
a page shows that page: no "Page not found" dialog, no redirect (ui/shell.py)."""

from __future__ import annotations

import os

import pytest

from tests.conftest import running_server, wait_idle
from ui import shell

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(bool(os.environ.get("APP_URL")), reason="starts its own servers"),
]

# link -> the page's title (h1) starts with
LINKS = {
    "/softmax": "Softmax",
    "/why-nonlinear": "Why nonlinear",
    "/tuner?p1_w1=6": "Fit sin(2πx)",
    "/class": "Class challenge",
}
# The app's own navigation (ui/shell.py), not Streamlit's list of the files in pages/.
NAVIGATION = [page.title for page in shell.PAGES]


def assert_shows(page, url: str, link: str) -> None:
    """The page behind `link` is shown at `link`, with no "Page not found" on the way."""
    wait_idle(page)
    page.locator("h1", has_text=LINKS[link]).first.wait_for()
    assert page.url == url + link  # no redirect
    assert page.get_by_text("Page not found").count() == 0  # the dialog stays until closed
    assert page.locator('[data-testid="stException"]').count() == 0
    links = page.locator('.st-key-nav a')
    links.nth(len(NAVIGATION) - 1).wait_for()
    assert [text.split()[-1] for text in links.all_inner_texts()] == [
        title.split()[-1] for title in NAVIGATION]  # each text is "<icon> <title>"


def check_cold_link(browser, url: str, link: str) -> None:
    """Open `link` and check it; the tuner link also shows its value in the live tuner."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        page.goto(url + link)
        assert_shows(page, url, link)
        if link.startswith("/tuner"):
            page.wait_for_function(
                "() => document.querySelector('.nt-root input[data-key=p1_w1]')?.value === '6'")
        assert page.get_by_role("dialog").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("link", list(LINKS))
def test_a_deep_link_is_the_first_request_of_a_new_server(browser, link):
    with running_server() as url:
        check_cold_link(browser, url, link)


def test_a_class_opening_different_links_at_once_on_a_new_server(browser):
    """Forty students open the teacher's links at the same moment: each gets its page."""
    with running_server() as url:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        pages = []
        try:
            # All sessions start before any has finished. /why-nonlinear trains its default
            # run on a new server's first visit (tens of seconds): it has its own cold test
            # above, and here it only starved the others' first paint past the timeout.
            for link in (link for link in LINKS if link != "/why-nonlinear"):
                page = context.new_page()
                page.set_default_timeout(120_000)
                page.goto(url + link, wait_until="commit")
                pages.append((page, link))
            for page, link in pages:
                # Each first run imports our modules while the others do: an import
                # cycle showed one of them Python's _DeadlockError (test_import_graph.py).
                assert_shows(page, url, link)
        finally:
            context.close()
