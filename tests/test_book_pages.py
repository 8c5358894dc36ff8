"""Issue 18: the One-pair and Activation pages say what Chapter 4 says, and every
explanation shown is true of the values on screen (AppTest and the engine's notes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from nnsine.engine import activation_facts, neuron
from nnsine.plots.chapter_figures import loss_figure
from tests.charts import chart
from tests.conftest import opened

ROOT = Path(__file__).resolve().parents[1]


def page(name: str, query: dict | None = None) -> AppTest:
    return opened(f"pages/{name.replace('_', '-')}.py", query, timeout=60)


def ok(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    return "\n".join(e.value for kind in ("markdown", "success", "info", "caption")
                     for e in getattr(at, kind))


# --- switches on / switches off, read left to right ---------------------------------------


def test_switch_points_are_named_by_what_happens_left_to_right():
    assert neuron.switch(1.0, 0.5) == neuron.Switch(-0.5, "on")
    assert neuron.switch(-1.0, 0.5) == neuron.Switch(0.5, "off")
    assert neuron.switch(0.0, 0.5) is None
    keys = [key for key, _ in neuron.neuron_notes(-1.0, 0.5)]
    assert keys == ["switches_off", "bias_moves"]
    assert [key for key, _ in neuron.neuron_notes(0.0, 0.0)] == ["flat"]


@pytest.mark.app
def test_fig_4_12_marks_a_switch_off_point_and_says_off():
    at = page("one_pair")
    ok(at.button(key="one_fig_3").click().run())  # Fig. 4-12: weight -1, bias 0.5
    layout = json.dumps(chart(at, "one_chart")["layout"])
    assert "switches off at x = 0.50" in layout and "switches on" not in layout
    assert "activation point" not in texts(at).lower().split("pair")[0]
    assert "switches off at x = 0.50" in texts(at)
    ok(at.button(key="one_fig_1").click().run())  # Fig. 4-10: weight 1, bias 0
    assert "switches on at x = 0.00" in json.dumps(chart(at, "one_chart")["layout"])


@pytest.mark.app
def test_buttons_are_numbered_by_the_figure_they_load():
    at = page("one_pair")
    labels = [b.label for b in at.button]
    assert [label.split(":")[0] for label in labels] == [f"Fig. 4-{k}" for k in range(9, 17)]
    expected = {"4-13": (1.0, 0.0), "4-14": (1.0, 1.0), "4-15": (-2.0, 1.0), "4-16": (-2.0, 1.0)}
    for k, (figure, (w2, b2)) in enumerate(expected.items()):
        ok(at.button(key=f"pair_fig_{k}").click().run())
        assert (at.slider(key="pair_w1").value, at.slider(key="pair_b1").value) == (-1.0, 0.5)
        assert (at.slider(key="pair_w2").value, at.slider(key="pair_b2").value) == (w2, b2)
        assert at.toggle(key="pair_shade").value == (figure == "4-16")
        assert at.query_params["fig"] in (figure, [figure])


@pytest.mark.app
@pytest.mark.parametrize("figure, shown, hidden", [
    ("4-13", {"area", "one_point", "no_offset"}, {"both_points", "lifted", "flat"}),
    ("4-14", {"area", "one_point", "lifted"}, {"both_points", "no_offset"}),
    ("4-15", {"area", "both_points"}, {"one_point", "lifted", "no_offset"}),
])
def test_pair_notes_hold_for_the_state_shown(figure, shown, hidden):
    at = page("one_pair", {"fig": figure})
    w2, b2 = at.slider(key="pair_w2").value, at.slider(key="pair_b2").value
    view = neuron.pair(neuron.np.linspace(-1, 1, 5), -1.0, 0.5, w2, b2)
    keys = {key for key, _ in neuron.pair_notes(view, w2, b2)}
    assert shown <= keys and not hidden & keys
    text = texts(at)
    for _, sentence in neuron.pair_notes(view, w2, b2):
        assert sentence in text
    # The green note about a negative neuron-2 weight only where that weight is negative.
    assert ("is negative" in text) == (w2 < 0)


# --- activation functions (4.1-4.4) -------------------------------------------------------


def test_sigmoid_is_not_blamed_for_the_steps_flaw():
    uses = activation_facts.USES
    assert "3000" in uses["step"] and "granular" in uses["sigmoid"]
    assert "information" in uses["sigmoid"] and "3000" not in uses["sigmoid"]
    assert "close to linear" in uses["relu"] and "bend at 0" in uses["relu"]


@pytest.mark.app
def test_readout_follows_the_sliders_and_statements_hold():
    at = page("activations")
    ok(at.radio(key="act_name").set_value("sigmoid").run())
    assert "x = 3 → y = 0.9525741268" in texts(at)
    assert "different outputs" in texts(at) and "same output" not in texts(at)
    ok(at.slider(key="act_weight").set_value(-2.0).run())
    r = activation_facts.readout("sigmoid", -2.0, 0.0)
    assert f"x = 3 → y = {r.outputs[0]:.10g}" in texts(at)
    ok(at.radio(key="act_name").set_value("step").run())
    ok(at.slider(key="act_weight").set_value(1.0).run())
    assert "same output" in texts(at)  # the step's flaw, shown on the step
    ok(at.radio(key="act_name").set_value("relu").run())
    assert "different outputs" in texts(at)


@pytest.mark.app
def test_sigmoid_shows_its_s_shape_at_the_default_setting():
    at = page("activations", {"act": "sigmoid"})
    assert at.radio(key="act_name").value == "sigmoid"
    figure = chart(at, "act_chart")
    from tests.charts import values
    y = values(figure["data"][0]["y"])
    assert y.min() < 0.01 and y.max() > 0.99  # both flat ends and the rise between


# --- the loss chart's ticks ---------------------------------------------------------------


def test_loss_axis_ticks_are_powers_of_ten_not_si_prefixes():
    axis = loss_figure({"MSE": neuron.np.geomspace(1, 1e-6, 50)}, 49).layout.yaxis
    assert axis.type == "log" and axis.exponentformat == "power" and axis.dtick == 1


def test_every_note_holds_for_random_values():
    """Each conditional sentence is said exactly when the engine's numbers make it true."""
    rng = neuron.np.random.default_rng(18)
    x = neuron.np.linspace(-60, 60, 24001)
    for w1, b1, w2, b2 in rng.choice(neuron.np.arange(-3, 3.05, 0.5), size=(400, 4)):
        view = neuron.pair(x, w1, b1, w2, b2)
        keys = {key for key, _ in neuron.pair_notes(view, w2, b2)}
        slope = neuron.np.diff(view.output) != 0
        assert ("flat" in keys) == (not slope.any())
        if "both_points" in keys:  # flat, a ramp, flat again: it switches on and off
            assert w2 < 0 and not slope[0] and not slope[-1] and slope.any()
        if "one_point" in keys:  # the ramp reaches one end of x
            assert w2 > 0 and (slope[0] or slope[-1])
        if "lifted" in keys or "no_offset" in keys:
            assert neuron.np.allclose(view.output, w2 * view.hidden1 + b2)
        point = neuron.switch(w1, b1)
        single = neuron.neuron(x, w1, b1)
        left, right = single[0] > 0, single[-1] > 0
        notes = {key for key, _ in neuron.neuron_notes(w1, b1)}
        if "switches_on" in notes:
            assert point.turns == "on" and not left and right
        if "switches_off" in notes:
            assert point.turns == "off" and left and not right
        if "flat" in notes:
            assert neuron.np.all(single == single[0])
