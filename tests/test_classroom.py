"""Ten students at once on one server: every session keeps its own fit, none sees an error."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from nnsine.engine.metrics import score
from nnsine.formats import params
from tests.conftest import wait_idle

pytestmark = pytest.mark.browser

SESSIONS = 10
# What a page shows: every slider, both metrics, its URL, and anything that means trouble.
SHOWN = """() => {
  const count = (selector) => document.querySelectorAll(selector).length;
  const metric = (label) => [...document.querySelectorAll('[data-testid="stMetric"]')]
    .find((box) => box.textContent.includes(label))
    .querySelector('[data-testid="stMetricValue"]').textContent;
  return {
    sliders: Object.fromEntries([...document.querySelectorAll('.nt-root input[type=range]')]
      .map((input) => [input.dataset.key, Number(input.value)])),
    mse: metric("MSE"), max_error: metric("max |error|"), url: location.href,
    trouble: { exceptions: count('[data-testid="stException"]'),
               error_alerts: count('[data-testid="stAlertContentError"]'),
               connection_status: count('[data-testid="stConnectionStatus"]'),
               dialogs: count('[role="dialog"], [data-testid="stDialog"]'),
               notices: count('.st-key-notices [data-testid="stAlertContainer"]') },
  };
}"""


def own_fit(i: int) -> params.Params:
    """Session i's fit: its link sets pair 1 with layer-1 weight i + 1 (the rest of pair 1
    is shared), then i + 1 presses of ArrowRight move the output bias to 0.01 * (i + 1)."""
    link = params.defaults().replace(0, w1=i + 1.0, w2=1.0, w_out=-1.0)
    return link.replace(b_out=round(0.01 * (i + 1), 2))


def expected(fit: params.Params) -> dict:
    result = score(fit)
    return {"sliders": {slot.key: value for slot, value in params.items(fit)},
            "mse": f"{result.mse:.5f}", "max_error": f"{result.max_error:.4f}",
            "query": params.to_query(fit),
            "trouble": dict.fromkeys(("exceptions", "error_alerts", "connection_status",
                                      "dialogs", "notices"), 0)}


def test_ten_sessions_at_once_keep_their_own_fits_and_see_no_error(app_url, browser):
    fits = [own_fit(i) for i in range(SESSIONS)]
    wanted = [expected(fit) for fit in fits]
    assert len({w["mse"] for w in wanted}) == SESSIONS  # a leak could not hide
    contexts, pages, page_errors = [], [], []
    try:
        for i in range(SESSIONS):  # ten students, each in a browser of their own
            context = browser.new_context(viewport={"width": 1200, "height": 900})
            contexts.append(context)
            page = context.new_page()
            page.set_default_timeout(120_000)  # ten pages load at once on a shared machine
            page.on("pageerror", lambda error, i=i: page_errors.append((i, str(error))))
            page.goto(f"{app_url}/?p1_w1={i + 1}&p1_w2=1&p1_w_out=-1", wait_until="commit")
            pages.append(page)
        for page in pages:  # all are loading meanwhile
            page.wait_for_selector(".nt-root[data-drawn]")
            wait_idle(page)
        for i, page in enumerate(pages):  # each commits while the others' reruns go on
            thumb = page.locator(".nt-root input[data-key=b_out]")
            for _ in range(i + 1):
                thumb.press("ArrowRight")
        for page, want in zip(pages, wanted, strict=True):
            page.locator('[data-testid="stMetric"]', has_text="MSE").locator(
                '[data-testid="stMetricValue"]', has_text=want["mse"]).wait_for()
            page.wait_for_function("(v) => new URL(location.href).searchParams.get('b_out') "
                                   "=== v", arg=want["query"]["b_out"])
            wait_idle(page)
        for i, (page, want) in enumerate(zip(pages, wanted, strict=True)):  # all done: check
            shown = page.evaluate(SHOWN)
            shown["query"] = dict(parse_qsl(urlsplit(shown.pop("url")).query))
            assert shown == want, f"session {i}"
        assert page_errors == []
    finally:
        for context in contexts:
            context.close()
