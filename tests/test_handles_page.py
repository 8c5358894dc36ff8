"""The handle layer's messages on the tuner page (AppTest): a pick selects the pair being
edited and is checked; a handle release is an ordinary release."""

import pytest

from nnsine.book import presets
from nnsine.engine import handles
from nnsine.engine.metrics import score
from nnsine.formats import params
from tests.test_tuner_page import app, metric, tuner_data

pytestmark = pytest.mark.app

TUNED = presets.preset("hand-tuned")


def test_a_pick_on_the_chart_selects_the_pair_being_edited():
    at = app()
    assert tuner_data(at)["selected"] == 0
    at.session_state["live"] = {"select": {"pair": 3, "seq": 1}}
    at.run()
    assert at.selectbox(key="edit_pair").value == 3 and tuner_data(at)["selected"] == 3
    at.selectbox(key="edit_pair").set_value(5).run()  # and the select box still rules
    assert tuner_data(at)["selected"] == 5


def test_a_bad_pick_is_ignored_and_the_pair_kept():
    at = app()
    at.selectbox(key="edit_pair").set_value(2).run()
    for seq, pick in enumerate([8, -1, "3", True, None, 2.5], start=1):
        at.session_state["live"] = {"select": {"pair": pick, "seq": seq}}
        at.run()
        assert not at.exception
        assert at.selectbox(key="edit_pair").value == 2, pick


def test_a_handle_release_commits_like_a_slider_release():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    fit = handles.move_handle(TUNED, 1, "off", 0.3)
    at.session_state["live"] = {"release": {"values": params.to_flat(fit), "seq": 1}}
    at.run()
    assert at.session_state["fit"] == fit
    assert metric(at, "MSE") == f"{score(fit).mse:.5f}"
    assert at.query_params["p2_b2"] == f"{fit.b2[1]:g}"
