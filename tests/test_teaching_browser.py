"""The tuner's teaching tools in a real Chromium: the walkthrough and the probe."""

import pytest

from nnsine.book import presets, walkthrough
from nnsine.engine import probe
from nnsine.engine.metrics import score
from nnsine.formats import params
from nnsine.plots.figures import PAIR_COLORS
from nnsine.plots.probe_figures import INACTIVE
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


def test_a_walkthrough_step_outlines_the_sliders_it_changed(app_url, page):
    """Issue 18: step 9 changes pair 2's layer-1 weight and bias; its sliders are marked."""
    step = walkthrough.STEPS[8]
    open_app(page, f"{app_url}/?walk=9")
    page.get_by_text("Step 9 of").wait_for()
    wait_sliders(page, step.params)
    group = page.locator(".nt-root .nt-pair").nth(1)  # pair 2's sliders
    group.wait_for()
    page.wait_for_function(
        "() => getComputedStyle(document.querySelectorAll('.nt-root .nt-pair')[1])"
        ".outlineStyle === 'solid'", timeout=60_000)
    assert page.evaluate(
        "() => getComputedStyle(document.querySelectorAll('.nt-root .nt-pair')[0])"
        ".outlineStyle") == "none"  # pair 1 is not the one changed
    tinted = page.evaluate(
        """() => [...document.querySelectorAll('.nt-root .nt-row')]
              .filter(r => getComputedStyle(r).backgroundColor !== 'rgba(0, 0, 0, 0)')
              .map(r => r.querySelector('input[type=range]').dataset.key)""")
    assert tinted == ["p2_w1", "p2_b1"]
    page.get_by_text("Fig. 4-25:").wait_for()  # the book figure it reproduces


def test_figure_links_open_in_a_fresh_browser(app_url, page):
    """Issue 18's figure map: a deep link to a One-pair figure opens it, switch-off named."""
    from nnsine.book import figure_map

    view = next(v for v in figure_map.FIGURES if v.figure == "4-12")
    open_app(page, f"{app_url}{view.link}")
    page.get_by_text("switches off at x = 0.50").first.wait_for()
    page.locator(".st-key-one_w").get_by_text("-1.00").wait_for()  # the slider's value
