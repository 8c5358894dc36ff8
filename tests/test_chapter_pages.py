"""The chapter's other pages and the optimizer panel under Streamlit's AppTest: every page
runs from the app's navigation, widgets are found by key, the figure buttons load the
book's settings, and the optimizer's Load changes the fit and Undo restores it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from nnsine.book import presets
from nnsine.engine.metrics import score
from nnsine.formats import params
from tests.charts import chart, values
from tests.conftest import opened

ROOT = Path(__file__).resolve().parents[1]
HARNESS = str(ROOT / "tests" / "apps" / "optimizer_harness.py")
TIMEOUT = 120  # training runs in the script; the machine is shared


def ok(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    return at


def page(name: str) -> AppTest:
    return ok(opened(f"pages/{name.replace('_', '-')}.py", timeout=TIMEOUT))




@pytest.mark.app
@pytest.mark.parametrize("path", ["pages/activations.py", "pages/one-pair.py",
                                  "pages/why-nonlinear.py"])
def test_each_page_runs_from_the_app(path):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    ok(at.switch_page(path).run())
    assert at.title  # the page drew something


@pytest.mark.app
def test_pages_keep_their_values_while_you_visit_others():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    ok(at.switch_page("pages/one-pair.py").run())
    ok(at.slider(key="pair_w2").set_value(2.5).run())
    ok(at.switch_page("pages/activations.py").run())
    ok(at.radio(key="act_name").set_value("sigmoid").run())
    ok(at.switch_page("pages/why-nonlinear.py").run())
    ok(at.number_input(key="why_seed").set_value(4).run())
    ok(at.switch_page("pages/one-pair.py").run())
    assert at.slider(key="pair_w2").value == 2.5
    ok(at.switch_page("pages/activations.py").run())
    assert at.radio(key="act_name").value == "sigmoid"
    ok(at.switch_page("pages/why-nonlinear.py").run())
    assert at.number_input(key="why_seed").value == 4


@pytest.mark.app
@pytest.mark.parametrize("name", ["step", "linear", "sigmoid", "relu"])
def test_activation_page_applies_weight_and_bias_to_the_chosen_function(name):
    at = page("activations")
    at.radio(key="act_name").set_value(name)
    at.slider(key="act_weight").set_value(2.0)
    ok(at.slider(key="act_bias").set_value(-1.0).run())
    figure = chart(at, "act_chart")
    x, y = values(figure["data"][0]["x"]), values(figure["data"][0]["y"])
    expected = {"step": (2 * x - 1 > 0).astype(float), "linear": 2 * x - 1,
                "sigmoid": 1 / (1 + np.exp(-(2 * x - 1))), "relu": np.maximum(2 * x - 1, 0)}
    np.testing.assert_allclose(y, expected[name], atol=1e-12)
    assert "x = 0.50" in json.dumps(figure["layout"])  # the activation point, marked
    assert any("3000" in m.value for m in at.markdown)
    assert at.info[0].value.startswith("Where it is used")


@pytest.mark.app
def test_one_pair_buttons_load_the_books_settings():
    at = page("one_pair")
    expected = [(0.0, 0.0), (1.0, 0.0), (1.0, 0.5), (-1.0, 0.5)]
    for k, (weight, bias) in enumerate(expected):
        ok(at.button(key=f"one_fig_{k}").click().run())
        assert (at.slider(key="one_w").value, at.slider(key="one_b").value) == (weight, bias)
    pairs = [(1.0, 0.0), (1.0, 1.0), (-2.0, 1.0)]
    for k, (w2, b2) in enumerate(pairs):
        ok(at.button(key=f"pair_fig_{k}").click().run())
        assert (at.slider(key="pair_w1").value, at.slider(key="pair_b1").value) == (-1.0, 0.5)
        assert (at.slider(key="pair_w2").value, at.slider(key="pair_b2").value) == (w2, b2)
    # Layer-2 weight -2: on at x = 0, off at x = 0.5, the area between shaded.
    assert "from x = 0.00 to x = 0.50" in at.success[0].value
    layout = json.dumps(chart(at, "pair_chart")["layout"])
    assert "on at x = 0.00" in layout and "off at x = 0.50" in layout


@pytest.mark.app
def test_one_pair_explains_a_flat_pair():
    at = page("one_pair")
    ok(at.slider(key="pair_w2").set_value(0.0).run())
    assert "No area of effect" in at.info[0].value


@pytest.mark.app
def test_why_nonlinear_shows_the_default_seed_first_and_trains_on_demand():
    at = page("why_nonlinear")  # issue 13: the default seed's result, before any click
    assert any("Trained from seed 13 for 2000 steps" in c.value for c in at.caption)
    assert {m.label for m in at.metric} == {"MSE, linear", "MSE, relu"}
    at.select_slider(key="why_steps").set_value(1000)
    ok(at.button(key="why_train").click().run())
    mse = {m.label: float(m.value) for m in at.metric}
    assert mse["MSE, linear"] > 0.15  # a straight line cannot follow a sine
    assert mse["MSE, relu"] < 0.01
    assert any("differ by at most" in c.value for c in at.caption)
    collapse = chart(at, "why_collapse")["data"]
    np.testing.assert_allclose(values(collapse[1]["y"]), values(collapse[2]["y"]), atol=1e-12)
    ok(at.run())  # a rerun reads the shared cache and shows the same
    assert {m.label: float(m.value) for m in at.metric} == mse


def harness() -> AppTest:
    at = ok(AppTest.from_file(HARNESS, default_timeout=TIMEOUT).run())
    ok(at.button(key="harness_preset").click().run())
    assert at.session_state["fit"] == presets.preset("hand-tuned")
    return at


@pytest.mark.app
def test_optimizer_load_changes_the_sliders_and_undo_restores_them():
    at = harness()
    hand_tuned = at.session_state["fit"]
    at.radio(key="opt_mode").set_value("pairs")
    at.select_slider(key="opt_steps").set_value(1000)
    ok(at.button(key="opt_train").click().run())
    assert at.session_state["fit"] == hand_tuned  # training alone changes nothing
    ok(at.button(key="opt_load").click().run())
    loaded = at.session_state["fit"]
    assert loaded != hand_tuned and params.snap_all(loaded) == loaded
    assert score(loaded).mse < score(hand_tuned).mse
    assert any("rounded" in s.value for s in at.success)
    assert at.button(key="opt_load").disabled  # already in the sliders
    ok(at.button(key="opt_live_undo").click().run())  # the pairs' Undo (issue 25)
    assert at.session_state["fit"] == hand_tuned
    assert at.button(key="opt_live_undo").disabled


@pytest.mark.app
def test_optimizer_dense_mode_shows_the_cross_weights_and_keeps_the_sliders():
    at = harness()
    at.radio(key="opt_mode").set_value("dense")
    at.select_slider(key="opt_steps").set_value(500)
    ok(at.button(key="opt_train").click().run())
    assert at.session_state["fit"] == presets.preset("hand-tuned")
    z = chart(at, "opt_weights")["data"][0]["z"]
    weights = values(z).reshape(8, 8)
    assert np.count_nonzero(weights - np.diag(np.diag(weights))) > 0  # cross weights moved
    assert "no longer tell the whole story" in at.warning[0].value
    with pytest.raises(KeyError):
        at.button(key="opt_load")


# --- real clicks in Chromium ------------------------------------------------------------


def metric_value(page, label: str):
    return page.locator('[data-testid="stMetric"]', has_text=label).locator(
        '[data-testid="stMetricValue"]')


@pytest.mark.browser
def test_browser_figure_buttons_and_training(app_url, page):
    from tests.conftest import open_app, wait_idle

    open_app(page, f"{app_url}/one-pair")
    page.locator(".st-key-pair_fig_2 button").click()
    page.get_by_text("from x = 0.00 to x = 0.50").wait_for()
    open_app(page, f"{app_url}/why-nonlinear")
    page.locator(".st-key-why_steps").get_by_role("slider").focus()
    page.keyboard.press("Home")  # the fewest steps: a quick run on a shared machine
    wait_idle(page)
    page.locator(".st-key-why_train button").click()
    metric_value(page, "MSE, relu").wait_for()
    wait_idle(page)
    assert float(metric_value(page, "MSE, linear").inner_text()) > 0.15
    assert page.locator(".st-key-why_collapse").is_visible()
