"""The sine tuner in a real Chromium: keyboard, preset, shared link, screenshot."""

import pytest

from nnsine import presets
from nnsine.metrics import score
from tests.conftest import ROOT, open_app, wait_idle

pytestmark = pytest.mark.browser


def metric_text(page, label):
    return page.locator('[data-testid="stMetric"]', has_text=label).locator(
        '[data-testid="stMetricValue"]').inner_text()


def test_keyboard_preset_and_shared_link(app_url, page):
    open_app(page, app_url)
    assert metric_text(page, "MSE") == "0.50000"
    thumb = page.locator(".st-key-p8_b1 input[type=range]")
    thumb.focus()
    for _ in range(3):
        thumb.press("ArrowRight")
    page.wait_for_function("() => new URL(location.href).searchParams.get('p8_b1') === '0.03'")
    page.locator(".st-key-preset_hand-tuned button").click()
    expected = f"{score(presets.preset('hand-tuned')).mse:.5f}"
    page.wait_for_function(
        "(want) => [...document.querySelectorAll('[data-testid=stMetricValue]')]"
        ".some(e => e.innerText === want)", arg=expected)
    wait_idle(page)
    link = page.url
    assert "p1_w1=5" in link
    (ROOT / "artifacts").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "artifacts" / "tuner.png"), full_page=False)
    page.goto(link)
    wait_idle(page)
    assert metric_text(page, "MSE") == expected
    assert page.locator(".st-key-p4_b2 input[type=range]").input_value() == "1.35"
