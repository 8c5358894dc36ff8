"""The tuner's teaching tools in a real Chromium: the walkthrough and the probe."""

import pytest

from nnsine import params, presets, probe, walkthrough
from nnsine.figures import PAIR_COLORS
from nnsine.metrics import score
from nnsine.probe_figures import INACTIVE
from tests.conftest import open_app, wait_idle
from tests.test_tuner_browser import wait_metric, wait_sliders

pytestmark = pytest.mark.browser


def test_next_through_every_step_reaches_the_hand_tuned_fit(app_url, page):
    open_app(page, app_url)
    page.locator(".st-key-walk_start button").click()
    steps = walkthrough.STEPS
    for index in range(1, len(steps)):
        page.locator(".st-key-walk_next button").click()
        page.get_by_text(f"Step {index + 1} of {len(steps)}").wait_for()
    wait_idle(page)
    fit = presets.preset("hand-tuned")
    wait_metric(page, "MSE", f"{score(fit).mse:.5f}")
    wait_sliders(page, fit)
    assert page.locator(".st-key-walk_next button").is_disabled()


def test_the_probe_at_0_08_lights_the_pairs_the_engine_says_are_active(app_url, page):
    fit = presets.preset("hand-tuned")
    open_app(page, f"{app_url}/?{'&'.join(f'{k}={v}' for k, v in params.to_query(fit).items())}")
    page.get_by_role("tab", name="Probe the network").click()
    chart = page.locator(".st-key-probe_chart .js-plotly-plot")
    chart.wait_for()
    colors = chart.evaluate(
        "gd => gd.data.find(t => t.name === 'neurons').marker.color")
    expected = probe.probe(fit, 0.08)
    lit = [PAIR_COLORS[i] if on else INACTIVE
           for actives in (expected.active1, expected.active2) for i, on in enumerate(actives)]
    assert colors == lit
    assert any(expected.active1) and not all(expected.active1)  # some lit, some grey
