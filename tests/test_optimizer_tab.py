"""The optimizer tab (Fig. 4-32) and the gradients on the sliders under AppTest (issue 25):
the controls, locks kept exactly, bad learning rates, a fit of zeros, Play and Pause as
the live tuner sees them, and a paused Play's release."""

import time

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import gradient, targets
from nnsine.engine.metrics import checksum, score
from nnsine.engine.network import predict, to_vector
from tests.test_tuner_page import app, shown, tuner_data
from ui.tuner import optimizer_panel


def opened(preset="hand-tuned", mode="pairs"):
    at = app()
    at.button(key=f"preset_{preset}").click().run()
    at.session_state["tuner_tab"] = optimizer_panel.TAB
    at.run()
    assert at.radio(key="opt_mode").value == "dense"  # the book's: all of the weights
    assert any(optimizer_panel.QUOTE in m.value for m in at.markdown)
    if mode == "pairs":
        at.radio(key="opt_mode").set_value("pairs").run()
    assert not at.exception, at.exception
    return at


@pytest.mark.app
def test_step_lowers_the_mse_and_undo_brings_the_hand_tuned_values_back():
    at = opened()
    tuned = presets.preset("hand-tuned")
    at.button(key="opt_step").click().run()
    stepped = at.session_state["fit"]
    assert score(stepped).mse < score(tuned).mse
    assert at.session_state["opt_live_run"]["steps"] == 1
    data = tuner_data(at)
    assert data["values"] == to_vector(stepped).tolist()  # the sliders move
    assert data["optimizer"]["state"]["steps"] == 1 and len(data["optimizer"]["losses"]) == 2
    x, y = targets.sample()
    assert data["gradient"]["values"] == to_vector(gradient.gradient(stepped, x, y)).tolist()
    at.button(key="opt_live_undo").click().run()
    assert at.session_state["fit"] == tuned


@pytest.mark.app
@pytest.mark.parametrize("kind", ["sgd", "adam"])
def test_a_locked_pair_and_output_bias_stay_bit_for_bit(kind):
    at = opened()
    at.radio(key="opt_kind").set_value(kind).run()
    at.multiselect(key="opt_locks").set_value(["pair 1", "output bias"]).run()
    before = at.session_state["fit"]
    for _ in range(3):
        at.button(key="opt_step").click().run()
    after = at.session_state["fit"]
    assert after.pair(0) == before.pair(0) and after.b_out == before.b_out
    assert after.pair(1) != before.pair(1)
    mask = tuner_data(at)["optimizer"]["mask"]
    assert mask[:5] == [0.0] * 5 and mask[-1] == 0.0 and mask[5:10] == [1.0] * 5


@pytest.mark.parametrize("typed, said", [
    ("0", "0.0"), ("-1", "-1.0"), ("1e9", "1000000000.0"), ("nan", "nan"),
    ("fast", "'fast' is not a number"), ("**2**", "'**2**'")])
@pytest.mark.app
def test_a_bad_learning_rate_is_named_and_nothing_moves(typed, said):
    at = opened()
    at.text_input(key="opt_rate_sgd").set_value(typed).run()
    assert any(said in shown(e.value) for e in at.error), [e.value for e in at.error]
    assert tuner_data(at)["optimizer"]["settings"] is None  # a running Play waits
    before = at.session_state["fit"]
    at.button(key="opt_step").click().run()
    assert at.session_state["fit"] == before
    at.button(key="opt_play").click().run()
    assert at.session_state.get("opt_playing", 0) <= 0


@pytest.mark.app
def test_play_on_zeros_says_why_nothing_moves():
    at = opened("zeros")
    at.button(key="opt_play").click().run()
    assert any("dead ReLU" in w.value for w in at.warning), [w.value for w in at.warning]
    assert at.session_state.get("opt_playing", 0) <= 0
    assert tuner_data(at)["optimizer"]["play"] <= 0


@pytest.mark.app
def test_play_runs_in_the_browser_and_a_paused_release_brings_the_run_back():
    at = opened()
    at.button(key="opt_play").click().run()
    assert tuner_data(at)["optimizer"]["play"] > 0
    at.button(key="opt_pause").click().run()
    assert tuner_data(at)["optimizer"]["play"] <= 0
    # What the browser sends when it has stopped: its fit and its run.
    fit = presets.preset("hand-tuned").replace(2, b2=0.5)
    values = to_vector(fit).tolist()
    run = {"momentum": [0.1] * 41, "cache": [0.2] * 41, "steps": 7, "losses": [0.3, 0.2]}
    at.session_state["live"] = {"release": {
        "values": values, "seq": time.time_ns(), "optimizer": run,
        "checksum": checksum(predict(fit, targets.grid()[0]))}}
    at.run()
    assert at.session_state["fit"] == fit
    assert at.session_state["opt_live_run"] == run
    assert tuner_data(at)["optimizer"]["state"]["steps"] == 7


@pytest.mark.app
def test_a_malformed_run_from_the_browser_is_named_and_dropped():
    at = opened()
    at.button(key="opt_play").click().run()
    fit = presets.preset("hand-tuned").replace(0, b2=0.25)
    bad = {"momentum": [0.0] * 41, "cache": [-1.0] + [0.0] * 40, "steps": 3, "losses": []}
    at.session_state["live"] = {"release": {
        "values": to_vector(fit).tolist(), "seq": time.time_ns(), "optimizer": bad,
        "checksum": checksum(predict(fit, targets.grid()[0]))}}
    at.run()
    assert at.session_state["fit"] == fit  # the values are a release like any other
    assert any("cache (squared gradients) cannot be negative" in shown(w.value) for w in at.warning)
    assert tuner_data(at)["optimizer"]["play"] <= 0
    assert tuner_data(at)["optimizer"]["state"]["steps"] == 0


@pytest.mark.app
def test_the_gradients_can_be_turned_off_and_the_tab_closed_stops_play():
    at = opened()
    assert len(tuner_data(at)["gradient"]["values"]) == 41
    at.toggle(key="gradients").set_value(False).run()
    assert tuner_data(at)["gradient"] is None
    at.session_state["tuner_tab"] = "Edit a pair"
    at.run()
    assert tuner_data(at)["optimizer"] is None
    assert np.isfinite(score(at.session_state["fit"]).mse)


@pytest.mark.app
def test_many_steps_on_the_server_keep_the_locked_pair_exactly():
    at = opened()
    at.multiselect(key="opt_locks").set_value(["pair 1"]).run()
    at.select_slider(key="opt_steps").set_value(500).run()
    at.button(key="opt_train").click().run()
    at.button(key="opt_load").click().run()
    loaded, tuned = at.session_state["fit"], presets.preset("hand-tuned")
    assert loaded.pair(0) == tuned.pair(0) and loaded != tuned
    assert score(loaded).mse < score(tuned).mse


@pytest.mark.app
def test_an_exercise_link_hides_the_gradients_and_their_toggle():
    at = app({"ex": "1", "ex_hide": "gradients"})
    assert not at.exception, at.exception
    assert tuner_data(at)["gradient"] is None
    with pytest.raises(KeyError):
        at.toggle(key="gradients")
    assert any("Hidden here: gradients" in shown(i.value) for i in at.info)
