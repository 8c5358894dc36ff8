"""A target sketched with the mouse on the tuner's sketch pad (Chromium)."""

import math
from urllib.parse import parse_qs, urlsplit

import pytest

from nnsine.engine import targets
from tests.conftest import open_app, wait_idle

pytestmark = pytest.mark.browser


def test_a_sketch_drawn_left_to_right_becomes_the_target(page, app_url):
    open_app(page, f"{app_url}/tuner?target=f:0.5")
    page.get_by_text("Your own target").click()
    page.get_by_role("tab", name="Sketch").click()
    pad = page.locator('[data-testid="stPlotlyChart"]').filter(
        has=page.locator(".js-plotly-plot")).last
    pad.scroll_into_view_if_needed()
    area = pad.locator(".nsewdrag").first.bounding_box()
    page.mouse.move(area["x"] + 2, area["y"] + area["height"] / 2)
    page.mouse.down()
    for k in range(41):  # one period of a sine, left to right
        t = k / 40
        page.mouse.move(area["x"] + 2 + t * (area["width"] - 4),
                        area["y"] + area["height"] * (0.5 - 0.3 * math.sin(2 * math.pi * t)))
    page.mouse.up()
    page.wait_for_function("() => new URL(location.href).searchParams.get('target')"
                           "?.startsWith('pts:')")
    wait_idle(page)
    spec = parse_qs(urlsplit(page.url).query)["target"][0]
    xs, ys = targets.sample(spec)
    assert xs.size >= 10 and xs[0] < 0.1 and xs[-1] > 0.9
    assert max(ys) > 0.5 and min(ys) < -0.5  # the sketch went up, then down
    assert page.get_by_text("Now fitting your sketch").is_visible()
