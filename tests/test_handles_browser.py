"""Handles on the live chart in a real Chromium: drag each kind on the hand-tuned fit
(mouse and finger), arrow keys, the ±10 bound, picking a pair, pairs without handles."""

from urllib.parse import urlencode

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import handles, views
from nnsine.engine.metrics import score
from nnsine.engine.network import forward
from nnsine.formats import params
from nnsine.plots.figures import Y_RANGE
from tests.conftest import open_app, wait_idle

pytestmark = pytest.mark.browser

TUNED = presets.preset("hand-tuned")
CURVE = "() => Array.from(document.querySelector('.nt-root').__nnsine.y)"
NOTE = ".nt-handle-note"


def slider_values(page, pair):
    return [float(page.locator(f".nt-root input[data-key=p{pair + 1}_{name}]").input_value())
            for name in ("w1", "b1", "w2", "b2", "w_out")]


def wait_metric(page, fit):
    page.locator('[data-testid="stMetric"]', has_text="MSE").locator(
        '[data-testid="stMetricValue"]', has_text=f"{score(fit).mse:.5f}").wait_for()


def open_fit(page, app_url, fit):
    open_app(page, f"{app_url}/?{urlencode(params.to_query(fit))}")
    page.wait_for_selector(".nt-root[data-drawn] .nt-handle")
    wait_idle(page)


def pick(page, pair):
    """Pick a pair by clicking its slider group's legend."""
    page.locator(".nt-root .nt-pair legend", has_text=f"Pair {pair + 1}").first.click()
    page.wait_for_function(f"() => document.querySelector('{NOTE}').textContent"
                           f".startsWith('Pair {pair + 1}')")


def grip(page, name):
    box = page.locator(f".nt-handle-{name} .nt-grip").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def data_per_px(page):
    """Data units per CSS pixel along x and y of the plot area."""
    box = page.locator(".nt-handles").bounding_box()
    return 1.0 / box["width"], (Y_RANGE[1] - Y_RANGE[0]) / box["height"]  # book view


def check_live_then_commit(page, pair, name, start_at, expected_to):
    """While the pointer is still down: the handle's target, the sliders and the curve are
    the engine's. Returns the expected fit."""
    g = page.locator(f".nt-handle-{name}")
    near = 0.02 if name == "height" else 0.004  # a pixel or two
    # Input events may still be on their way: wait until the last move has arrived.
    page.wait_for_function("([sel, want, near]) => Math.abs(Number(document.querySelector("
                           "sel).dataset.to) - want) <= near",
                           arg=[f".nt-handle-{name}", expected_to, near])
    to = float(g.get_attribute("data-to"))
    fit = handles.move_handle(TUNED, pair, name, to)
    assert fit != TUNED
    assert slider_values(page, pair) == list(fit.pair(pair).values())
    for other in range(TUNED.n_pairs):
        if other != pair:
            assert slider_values(page, other) == list(TUNED.pair(other).values())
    page.wait_for_function(
        "(want) => { const y = (" + CURVE + ")(); return y[0] === want[0] && y[500] === want[1]; }",
        arg=forward(fit, views.grid("book")).output[[0, 500]].tolist())
    assert np.array_equal(page.evaluate(CURVE), forward(fit, views.grid("book")).output)
    return fit


@pytest.mark.parametrize("name, dx, dy", [("on", 30, 0), ("off", 40, 0), ("height", 0, -45)])
def test_drag_each_handle_sliders_curve_and_metrics_follow(app_url, page, name, dx, dy):
    open_fit(page, app_url, TUNED)
    pick(page, 1)
    start_at = float(page.locator(f".nt-handle-{name}").get_attribute("data-at"))
    x, y = grip(page, name)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y + dy, steps=6)
    per_x, per_y = data_per_px(page)
    expected_to = start_at + (dx * per_x if name != "height" else -dy * per_y)
    fit = check_live_then_commit(page, 1, name, start_at, expected_to)
    page.mouse.up()
    wait_metric(page, fit)
    field = handles.handles(TUNED, 1)[0][name].field
    page.wait_for_function("([k, v]) => new URL(location.href).searchParams.get(k) === v",
                           arg=[f"p2_{field}", f"{fit.pair(1)[field]:g}"])
    assert page.locator(".nt-root .nt-pair.nt-selected legend").inner_text() == "Pair 2"


def test_a_finger_drags_the_switch_off_point(app_url, page):
    open_fit(page, app_url, TUNED)
    start_at = float(page.locator(".nt-handle-off").get_attribute("data-at"))
    x, y = grip(page, "off")
    cdp = page.context.new_cdp_session(page)

    def touch(kind, px):
        points = [] if kind == "touchEnd" else [{"x": px, "y": y, "id": 1}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", x)
    for k in range(1, 6):
        touch("touchMove", x + 6 * k)
    per_x, _ = data_per_px(page)
    fit = check_live_then_commit(page, 0, "off", start_at, start_at + 30 * per_x)
    touch("touchEnd", x + 30)
    wait_metric(page, fit)


def test_arrow_keys_move_a_focused_handle_one_step_or_ten_with_shift(app_url, page):
    open_fit(page, app_url, TUNED)
    pick(page, 2)
    page.locator(".nt-handle-on").focus()
    page.keyboard.press("ArrowRight")
    fit = handles.nudge_handle(TUNED, 2, "on", 1)
    assert slider_values(page, 2) == list(fit.pair(2).values())
    wait_metric(page, fit)
    wait_idle(page)  # the release's rerun redraws the handles: focus the new one
    page.locator(".nt-handle-height").focus()
    page.keyboard.press("Shift+ArrowDown")
    fit = handles.nudge_handle(fit, 2, "height", -10)
    assert slider_values(page, 2) == list(fit.pair(2).values())
    wait_metric(page, fit)


def test_a_drag_past_the_bound_stops_at_ten(app_url, page):
    steep = TUNED.replace(0, w1=10.0)  # on at 0: b1 = -10 x reaches -10 at x = 1
    open_fit(page, app_url, steep)
    x, y = grip(page, "on")
    right = page.locator(".nt-handles").bounding_box()
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(right["x"] + right["width"] * 1.3, y, steps=10)
    assert slider_values(page, 0)[1] == -10.0
    assert float(page.locator(".nt-handle-on").get_attribute("data-at")) == 1.0
    page.mouse.up()
    wait_metric(page, steep.replace(0, b1=-10.0))


def test_click_a_contribution_curve_to_pick_its_pair(app_url, page):
    open_fit(page, app_url, TUNED)
    page.locator(".st-key-contributions label").click()
    wait_idle(page)
    # The click picks among every pair only once the component has the rerun's data.
    page.wait_for_function(
        "() => document.querySelector('.nt-root').__nnsine.data.show_contributions")
    x = views.grid("book")
    parts = forward(TUNED, x).contributions
    # An x where pair 5's curve is far (in y) from every other pair's.
    gap = np.min(np.abs(np.delete(parts, 4, axis=1) - parts[:, [4]]), axis=1)
    j = int(np.argmax(gap))
    box = page.locator(".nt-handles").bounding_box()
    low, high = Y_RANGE
    page.mouse.click(box["x"] + box["width"] * x[j],
                     box["y"] + box["height"] * (high - parts[j, 4]) / (high - low))
    page.wait_for_function(f"() => document.querySelector('{NOTE}').textContent"
                           ".startsWith('Pair 5')")
    # Python heard it: the "Edit a pair" tab now edits pair 5.
    page.wait_for_function(
        "() => document.querySelector('.st-key-edit_pair input').value === 'Pair 5'")


def test_pairs_without_a_shape_and_linear_layers_say_why(app_url, page):
    open_app(page, app_url)  # all zeros
    page.wait_for_selector(".nt-root[data-drawn]")
    note = page.locator(NOTE)
    note.filter(has_text="has no handles: its layer-1 weight is 0").wait_for()
    assert page.locator(".nt-handle:visible").count() == 0
    open_fit(page, app_url, TUNED)
    page.locator(".st-key-activation button", has_text="linear").click()
    note.filter(has_text="Handles need ReLU hidden layers").wait_for()
    assert page.locator(".nt-handle:visible").count() == 0
