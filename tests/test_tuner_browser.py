"""The sine tuner in a real Chromium: drag, keyboard, preset, shared link, screenshot."""

import json
import subprocess
import sys

import pytest

from nnsine.book import presets
from nnsine.engine.metrics import score
from nnsine.formats import params
from tests.conftest import ROOT, open_app, wait_idle

pytestmark = pytest.mark.browser

# The curve the tuner last drew on its live canvas (the browser's forward pass), and the
# canvas's pixels.
CURVE = "() => Array.from(document.querySelector('.nt-root').__nnsine.y)"
PIXELS = "() => document.querySelector('.nt-live').toDataURL()"


def metric_text(page, label):
    return page.locator('[data-testid="stMetric"]', has_text=label).locator(
        '[data-testid="stMetricValue"]').inner_text()


def wait_metric(page, label, value):
    page.locator('[data-testid="stMetric"]', has_text=label).locator(
        '[data-testid="stMetricValue"]', has_text=value).wait_for()


def slider(page, key):
    return page.locator(f".nt-root input[data-key={key}]")


def wait_sliders(page, fit):
    """Wait until every live slider shows the fit's value (pushes arrive after the rerun)."""
    wanted = {slot.key: value for slot, value in params.items(fit)}
    page.wait_for_function(
        "(wanted) => Object.entries(wanted).every(([key, value]) => {"
        " const input = document.querySelector(`.nt-root input[data-key=${key}]`);"
        " return input && Number(input.value) === value; })", arg=wanted)


def open_tuner(page, url):
    open_app(page, url)
    page.wait_for_selector(".nt-root[data-drawn]")


def test_the_curve_follows_a_drag_and_the_metrics_follow_the_release(app_url, page):
    open_tuner(page, app_url)
    page.locator(".st-key-preset_hand-tuned button").click()
    tuned = presets.preset("hand-tuned")
    start = tuned.b2[2]
    wait_sliders(page, tuned)
    wait_idle(page)
    mse_before = metric_text(page, "MSE")
    curve_before, pixels_before = page.evaluate(CURVE), page.evaluate(PIXELS)
    box = slider(page, "p3_b2").bounding_box()
    thumb_x = box["x"] + box["width"] * (0.5 + start / 20)  # where `start` is on [-10, 10]
    page.mouse.move(thumb_x, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(thumb_x + box["width"] * 0.1, box["y"] + box["height"] / 2, steps=8)
    # The button is still down: the curve has moved, Python has heard nothing.
    page.wait_for_function(f"(before) => ({CURVE})()[400] !== before[400]", arg=curve_before)
    page.wait_for_function(f"(before) => ({PIXELS})() !== before", arg=pixels_before)
    assert metric_text(page, "MSE") == mse_before
    page.mouse.up()
    value = float(slider(page, "p3_b2").input_value())
    assert value > start
    fit = tuned.replace(2, b2=value)
    wait_metric(page, "MSE", f"{score(fit).mse:.5f}")
    page.wait_for_function("(v) => new URL(location.href).searchParams.get('p3_b2') === v",
                           arg=f"{value:g}")


def test_keys_move_the_curve_live_and_commit_once(app_url, page):
    open_tuner(page, app_url)
    thumb = slider(page, "p8_b1")
    thumb.focus()
    curve_before = page.evaluate(CURVE)
    for _ in range(3):
        thumb.press("ArrowRight")
    assert thumb.input_value() == "0.03"
    page.wait_for_function("() => new URL(location.href).searchParams.get('p8_b1') === '0.03'")
    assert page.evaluate(CURVE) == curve_before  # b1 alone changes nothing while w_out is 0
    thumb = slider(page, "b_out")
    thumb.focus()
    thumb.press("ArrowLeft")
    page.wait_for_function(f"(before) => ({CURVE})()[0] !== before[0]", arg=curve_before)
    wait_metric(page, "MSE", f"{score(presets.preset('zeros').replace(b_out=-0.01)).mse:.5f}")


def test_a_preset_moves_the_sliders_and_the_link_reopens_the_fit(app_url, page):
    open_tuner(page, app_url)
    assert metric_text(page, "MSE") == "0.50000"
    page.locator(".st-key-preset_hand-tuned button").click()
    fit = presets.preset("hand-tuned")
    wait_metric(page, "MSE", f"{score(fit).mse:.5f}")
    wait_sliders(page, fit)
    wait_idle(page)
    link = page.url
    assert "p1_w1=6" in link
    (ROOT / "artifacts").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "artifacts" / "tuner.png"))
    page.goto(link)
    page.wait_for_selector(".nt-root[data-drawn]")
    wait_metric(page, "MSE", f"{score(fit).mse:.5f}")
    assert float(slider(page, "p4_b2").input_value()) == fit.b2[3]


def test_a_push_never_yanks_the_slider_being_dragged(app_url, page):
    open_tuner(page, app_url)
    box = slider(page, "p3_b2").bounding_box()
    middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(*middle)
    page.mouse.down()
    page.mouse.move(middle[0] + box["width"] * 0.1, middle[1], steps=4)
    dragged = slider(page, "p3_b2").input_value()
    assert float(dragged) > 0
    # What Python sends when it overrides the sliders (a preset, a correction): new values
    # under a new rev. It lands while the mouse is still down.
    page.evaluate("""() => {
        const s = document.querySelector('.nt-root').__nnsine;
        s.show({...s.data, rev: s.data.rev + 1, values: s.data.values.map(() => 0.5)});
    }""")
    assert slider(page, "p3_b2").input_value() == dragged  # still in the learner's hand
    assert slider(page, "p1_w1").input_value() == "0.5"  # every other slider took the push
    page.mouse.up()


def test_download_the_fit_and_grade_it_with_the_cli(app_url, page, tmp_path):
    open_tuner(page, app_url)
    page.locator(".st-key-preset_hand-tuned button").click()
    fit = presets.preset("hand-tuned")
    wait_metric(page, "MSE", f"{score(fit).mse:.5f}")
    with page.expect_download() as download:
        page.locator(".st-key-download button").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    graded = subprocess.run([sys.executable, "-m", "nnsine", "score", "--json", str(saved)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert graded.returncode == 0
    assert json.loads(graded.stdout)[0]["mse"] == score(fit).mse
