"""Finger drags on the live tuner's sliders, with real touch events (CDP), on a phone and
a tablet, portrait and landscape: the curve follows the finger, the page stays put during
a drag, a vertical swipe scrolls the page, and a cancelled drag rolls back."""

import pytest

from tests.device_fixtures import DEVICES, Finger, device_page, open_tuner

pytestmark = pytest.mark.browser

KEY = "p1_b2"  # pair 1 is the pair a phone shows first
STATE = """(key) => { const s = document.querySelector('.nt-root').__nnsine;
  const input = document.querySelector(`.nt-root input[data-key=${key}]`);
  return { value: s.values[Number(input.dataset.k)], drawn: s.drawn,
           scroll: document.querySelector('[data-testid=stMain]').scrollTop
                   + document.scrollingElement.scrollTop }; }"""


def grab(page, key=KEY):
    """The slider scrolled fully into view, under the sticky chart; where its thumb is."""
    slider = page.locator(f".nt-root input[data-key={key}]")
    slider.evaluate("(e) => e.scrollIntoView({block: 'end'})")
    page.wait_for_timeout(300)  # let a smooth scroll settle before measuring
    box = slider.bounding_box()
    low, high, value = (float(slider.evaluate(f"(e) => e.{a}")) for a in ("min", "max", "value"))
    thumb = box["x"] + 13 + (box["width"] - 26) * (value - low) / (high - low)
    return thumb, box["y"] + box["height"] / 2, box


@pytest.mark.parametrize("device", DEVICES)
def test_a_finger_drag_moves_the_curve_live_and_the_page_stays_put(app_url, browser, device):
    with device_page(browser, *DEVICES[device], touch=True) as page:
        open_tuner(page, app_url)
        x, y, box = grab(page)
        before = page.evaluate(STATE, KEY)
        url = page.url
        finger = Finger(page)
        finger.down(x, y)
        for k in range(1, 11):  # sideways, drifting down off the track at the end
            finger.move(x + box["width"] * 0.03 * k, y + max(0, k - 6) * 25)
        page.wait_for_function(f"() => document.querySelector('.nt-root').__nnsine.drawn"
                               f" > {before['drawn']}")
        during = page.evaluate(STATE, KEY)
        assert during["value"] > before["value"]     # the curve follows before release
        assert during["scroll"] == before["scroll"]  # and the page did not scroll
        finger.up()
        # The release reaches Python once: the shared link now holds the new value.
        page.wait_for_function("(url) => location.href !== url && location.href"
                               f".includes('{KEY}=')", arg=url)
        assert page.evaluate(STATE, KEY)["value"] == during["value"]


@pytest.mark.parametrize("device", ["phone-portrait", "tablet-landscape"])
def test_a_vertical_swipe_on_a_slider_scrolls_the_page_and_leaves_the_value(
        app_url, browser, device):
    with device_page(browser, *DEVICES[device], touch=True) as page:
        open_tuner(page, app_url)
        x, y, _ = grab(page)
        before = page.evaluate(STATE, KEY)
        Finger(page).drag((x + 20, y), (x + 22, y - 250), steps=12)
        page.wait_for_function(f"(s) => ({STATE})('{KEY}').scroll !== s", arg=before["scroll"])
        assert page.evaluate(STATE, KEY)["value"] == before["value"]


@pytest.mark.parametrize("device", ["phone-portrait", "tablet-portrait"])
def test_a_drag_the_browser_cancels_rolls_back(app_url, browser, device):
    with device_page(browser, *DEVICES[device], touch=True) as page:
        open_tuner(page, app_url)
        x, y, box = grab(page)
        before = page.evaluate(STATE, KEY)
        finger = Finger(page)
        finger.down(x, y)
        for k in range(1, 6):
            finger.move(x + box["width"] * 0.04 * k, y)
        page.wait_for_function(f"(v) => ({STATE})('{KEY}').value !== v", arg=before["value"])
        finger.cancel()
        page.wait_for_function(f"(v) => ({STATE})('{KEY}').value === v", arg=before["value"])
        shown = page.locator(f".nt-root input[data-key={KEY}]").evaluate(
            "(e) => [Number(e.value), e.closest('.nt-row').querySelector('.nt-number').value]")
        assert shown == [before["value"], f"{before['value']:.2f}"]
