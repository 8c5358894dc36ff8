"""Each teaching control on the sine tuner changes what it should (AppTest, by key)."""

import pytest

from nnsine.book import presets, walkthrough
from nnsine.engine import pairs
from nnsine.engine.metrics import GOALS, score
from nnsine.engine.network import linear_collapse
from nnsine.formats import fitfile, params
from tests.test_tuner_page import app, metric, tuner_data, url_warnings

pytestmark = pytest.mark.app


def test_the_target_picker_changes_score_chart_and_url():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    at.selectbox(key="target_pick").set_value("abs").run()
    fit = presets.preset("hand-tuned")
    assert metric(at, "MSE") == f"{score(fit, 'abs').mse:.5f}"
    assert at.query_params["target"] == "abs" and tuner_data(at)["target"][0] == 0.5
    assert r"\|x − 0\.5\|" in at.title[0].value


def test_a_target_in_the_url_is_used_and_a_bad_one_named():
    at = app({"target": "triangle"})
    assert at.selectbox(key="target_pick").value == "triangle"
    at = app({"target": "cosine"})
    assert at.selectbox(key="target_pick").value == "sine"
    assert any("target=cosine" in w for w in url_warnings(at))


def test_the_pair_count_resizes_the_fit_sliders_and_url():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    at.number_input(key="pairs").set_value(12).run()
    fit = at.session_state["fit"]
    assert fit.n_pairs == 12 and fit.pair(0) == presets.preset("hand-tuned").pair(0)
    data = tuner_data(at)
    assert data["n_pairs"] == 12 and len(data["slots"]) == 61 and len(data["colors"]) == 12
    assert at.query_params["pairs"] == "12"
    at.number_input(key="pairs").set_value(1).run()
    assert at.session_state["fit"].n_pairs == 1 and len(tuner_data(at)["slots"]) == 6


def test_a_16_pair_file_loads_with_its_count():
    fit = params.resize(presets.preset("hand-tuned"), 16).replace(15, w1=1.0, w_out=0.5)
    at = app()
    at.file_uploader(key="upload").upload("big.json", fitfile.dumps(fit).encode(),
                                          "application/json").run()
    assert at.session_state["fit"] == fit and at.number_input(key="pairs").value == 16


def test_linear_hidden_layers_collapse_to_the_line_the_weights_give():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    at.segmented_control(key="activation").set_value("linear").run()
    slope, intercept = linear_collapse(presets.preset("hand-tuned"))
    info = " ".join(i.value for i in at.info)
    assert f"{slope:.4g}" in info and "straight line" in info
    assert tuner_data(at)["relu"] is False
    assert metric(at, "MSE") != f"{score(presets.preset('hand-tuned')).mse:.5f}"


def test_wide_view_and_contributions_reach_the_chart():
    at = app()
    at.toggle(key="wide").set_value(True).run()
    at.toggle(key="contributions").set_value(True).run()
    data = tuner_data(at)
    assert data["grid"] == {"start": -500, "count": 2000, "denominator": 1000}
    assert data["x_range"] == [-0.5, 1.5] and len(data["target"]) == 2000
    assert data["show_contributions"] is True


def test_the_edited_pairs_area_of_effect_is_shaded_and_labelled():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    at.selectbox(key="edit_pair").set_value(1).run()
    overlay = tuner_data(at)["overlay"]
    area = pairs.area(presets.preset("hand-tuned"), 1)
    assert overlay["shapes"][0]["x0"] == area.on and overlay["shapes"][0]["x1"] == area.off
    texts = [a["text"] for a in overlay["annotations"]]
    assert texts == [f"pair 2 switches on at x = {area.on:.2f}",
                     f"pair 2 switches off at x = {area.off:.2f}"]


def test_editing_a_pair_by_meaning_moves_its_raw_values():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    at.selectbox(key="edit_pair").set_value(2).run()
    at.number_input(key="meaning_off").set_value(0.40).run()
    fit = at.session_state["fit"]
    assert fit == pairs.from_meaning(presets.preset("hand-tuned"), 2, *[
        pairs.area(presets.preset("hand-tuned"), 2).on, 0.40,
        pairs.area(presets.preset("hand-tuned"), 2).height])
    assert pairs.area(fit, 2).off == pytest.approx(0.40, abs=0.005)
    assert at.number_input(key="exact_b2").value == fit.b2[2]  # the raw view follows


def test_an_impossible_meaning_is_explained_and_changes_nothing():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    at.number_input(key="meaning_off").set_value(-0.5).run()  # off before on
    assert at.session_state["fit"] == presets.preset("hand-tuned")
    assert any("not changed" in w.value for w in at.warning)


def test_the_challenge_says_when_each_goal_is_reached():
    at = app()
    assert not at.success and len([i for i in at.info if "Goal" in i.value]) == len(GOALS)
    at.button(key="preset_hand-tuned").click().run()
    reached = [s.value for s in at.success if "reached" in s.value]
    assert len(reached) == len(GOALS)


def test_teaching_warnings_name_the_pair():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    at.number_input(key="exact_w_out").set_value(0.0).run()
    assert any("Pair 1" in w.value for w in at.warning)


def test_the_walkthrough_steps_forward_and_back_to_the_hand_tuned_fit():
    at = app()
    at.button(key="walk_start").click().run()
    assert at.session_state["fit"] == walkthrough.STEPS[0].params
    for index in range(1, len(walkthrough.STEPS)):
        at.button(key="walk_next").click().run()
        assert at.session_state["fit"] == walkthrough.STEPS[index].params, index
    assert at.session_state["fit"] == presets.preset("hand-tuned")
    assert at.button(key="walk_next").disabled
    at.button(key="walk_back").click().run()
    assert at.session_state["fit"] == walkthrough.STEPS[-2].params
    assert tuner_data(at)["values"] == params.to_flat(walkthrough.STEPS[-2].params)


def test_only_the_open_tab_runs():
    at = app()
    assert at.number_input(key="exact_w1") and not at.dataframe  # "Edit a pair" is open
    at.session_state["tuner_tab"] = "Probe the network"
    at.run()
    assert at.dataframe and "exact_w1" not in [n.key for n in at.number_input]


def test_the_probe_table_follows_x():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    at.session_state["tuner_tab"] = "Probe the network"
    at.run()
    at.button(key="probe_051").click().run()
    assert at.number_input(key="probe_x").value == 0.51
    table = at.dataframe[0].value
    assert list(table["pair"])[:2] == ["Pair 1", "Pair 2"] and len(table) == 9


def test_presenter_mode_from_the_link_enlarges_the_chart_and_folds_the_files():
    at = app({"present": "1", "p1_w1": "5"})
    assert at.toggle(key="present").value is True
    data = tuner_data(at)
    assert data["height"] == 600 and data["font_size"] > 18
    assert any(e.label == "Save or load the fit" for e in at.expander)
    at.toggle(key="present").set_value(False).run()
    assert "present" not in at.query_params and tuner_data(at)["height"] == 440
    assert at.query_params["p1_w1"] == "5"  # the fit's link is untouched


def test_presenter_mode_survives_a_page_switch():
    at = app()
    at.toggle(key="present").set_value(True).run()
    assert at.query_params["present"] == "1"
    at.switch_page("pages/softmax.py").run()
    at.switch_page("pages/tuner.py").run()
    assert at.toggle(key="present").value is True and tuner_data(at)["height"] == 600


def test_a_release_in_the_wide_view_is_checked_on_the_wide_grid():
    from nnsine.engine import views
    from nnsine.engine.network import forward

    at = app()
    at.toggle(key="wide").set_value(True).run()
    fit = presets.preset("hand-tuned")
    wide = sum(forward(fit, views.grid("wide")).output.tolist())
    at.session_state["live"] = {"release": {"values": params.to_flat(fit), "seq": 1,
                                            "checksum": wide}}
    at.run()
    assert at.session_state["fit"] == fit and not [w for w in at.warning if "differ" in w.value]


def test_the_edited_pair_and_probe_x_survive_switching_tabs():
    at = app()
    at.selectbox(key="edit_pair").set_value(4).run()
    at.session_state["tuner_tab"] = "Probe the network"
    at.run()
    at.number_input(key="probe_x").set_value(0.51).run()
    at.session_state["tuner_tab"] = "Edit a pair"
    at.run()
    assert at.selectbox(key="edit_pair").value == 4
    at.session_state["tuner_tab"] = "Probe the network"
    at.run()
    assert at.number_input(key="probe_x").value == 0.51


def test_meaning_fields_take_values_beyond_the_slider_range():
    at = app({"p1_w1": "5", "p1_w2": "-1", "p1_b2": "10", "p1_w_out": "10"})
    assert at.number_input(key="meaning_height").value == pytest.approx(-100.0)


def test_linear_hidden_layers_drop_the_relu_only_teaching():
    at = app({"p1_w1": "1", "p1_b1": "-5", "p1_w2": "1", "p1_w_out": "1"})
    assert any("dead" in w.value for w in at.warning)
    at.segmented_control(key="activation").set_value("linear").run()
    assert not [w for w in at.warning if "dead" in w.value]
    assert tuner_data(at)["overlay"] == {"shapes": [], "annotations": []}
    assert "linear pairs" in at.title[0].value


def test_the_walkthrough_does_not_overwrite_a_hand_edited_fit():
    at = app()
    at.button(key="walk_start").click().run()
    at.button(key="walk_next").click().run()
    at.number_input(key="exact_b_out").set_value(0.3).run()  # the learner's own change
    assert "walk_next" not in [b.key for b in at.button]
    at.button(key="walk_onward").click().run()
    assert at.session_state["fit"] == walkthrough.STEPS[2].params
