"""Exercises on the pages: own targets on the tuner, exercise links honoured, the
teacher's composer, how a fit was made (AppTest)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from nnsine.book import presets
from nnsine.engine import targets
from nnsine.engine.metrics import score
from nnsine.formats import exercise
from tests.conftest import ROOT
from tests.test_tuner_page import app, metric, shown, tuner_data, url_warnings

pytestmark = pytest.mark.app


def test_a_formula_becomes_the_target_score_chart_and_url():
    at = app()
    at.selectbox(key="target_pick").set_value("own").run()
    at.text_input(key="own_formula").set_value("abs(x - 0.3)").run()
    at.button(key="own_formula_use").click().run()
    assert not at.exception, at.exception
    assert at.query_params["target"] == "f:abs(x - 0.3)"
    assert metric(at, "MSE") == f"{score(presets.preset('zeros'), 'f:abs(x - 0.3)').mse:.5f}"
    assert tuner_data(at)["target"][0] == 0.3 and r"abs\(x \- 0\.3\)" in at.title[0].value


def test_a_bad_formula_is_named_and_the_target_kept():
    at = app({"target": "abs"})
    at.selectbox(key="target_pick").set_value("own").run()
    at.text_input(key="own_formula").set_value("__import__('os')").run()
    at.button(key="own_formula_use").click().run()
    assert any("__import__" in shown(e.value) and "unchanged" in e.value for e in at.error)
    assert at.session_state["fit_target"] == "abs"


def test_points_from_a_csv_become_the_target():
    at = app()
    at.selectbox(key="target_pick").set_value("own").run()
    at.file_uploader(key="own_csv").upload("pts.csv", b"x,y\n0,0\n0.5,1\n1,0\n").run()
    assert at.session_state["fit_target"] == "pts:0,0;0.5,1;1,0"
    assert metric(at, "MSE") == f"{(0 + 1 + 0) / 3:.5f}"
    at.file_uploader(key="own_csv").upload("bad.csv", b"x,y\n0,0\n0,1\n").run()
    assert any("bad.csv" in shown(e.value) and "x must increase" in e.value for e in at.error)
    assert at.session_state["fit_target"] == "pts:0,0;0.5,1;1,0"


def test_a_bad_target_in_the_url_is_named():
    at = app({"target": "f:1/0"})
    assert any("target=f:1/0" in w and "inf" in w for w in url_warnings(at))
    assert at.session_state["fit_target"] == "sine"


def test_an_exercise_link_hides_its_shortcuts_and_fixes_target_pairs_goals():
    task = exercise.Exercise("f:abs(x-0.3)", 2, (0.2, 0.1),
                             frozenset({"presets", "walkthrough", "optimizer", "probe"}))
    at = app(exercise.to_query(task))
    assert not at.exception, at.exception
    assert any("Exercise" in i.value for i in at.info)
    keys = {b.key for b in at.button}
    assert "preset_hand-tuned" not in keys and "walk_start" not in keys
    assert "preset_zeros" in keys
    assert all(s.key != "target_pick" for s in at.selectbox)
    assert [t.label for t in at.tabs] == ["Edit a pair"]  # absent, not disabled
    assert at.session_state["fit"].n_pairs == 2
    assert any("≤ 0.2" in i.value for i in at.info)  # the exercise's goals
    assert at.query_params["ex_hide"] == "presets,walkthrough,optimizer,probe"


def test_an_exercise_keeps_its_number_of_pairs_through_loads():
    at = app(exercise.to_query(exercise.Exercise("abs", 2, (0.1,), frozenset())))
    at.button(key="preset_zeros").click().run()
    assert at.session_state["fit"].n_pairs == 2
    at.button(key="preset_hand-tuned").click().run()  # 8 pairs: the first 2 are kept
    fit = at.session_state["fit"]
    assert fit.n_pairs == 2 and list(fit.w1) == list(presets.preset("hand-tuned").w1[:2])
    assert any("This exercise uses 2 pairs: the 8 pairs were cut to 2." in i.value
               for i in at.info)
    assert "with 2 ReLU pairs" in at.title[0].value


def test_how_the_fit_was_made_is_shown():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    assert any("preset hand-tuned" in c.value for c in at.caption)


def test_the_composer_makes_a_link_that_the_tuner_reads():
    at = AppTest.from_file(str(ROOT / "pages" / "class.py"), default_timeout=30)
    at.run()
    at.selectbox(key="ex_form_target").set_value("own")
    at.text_input(key="ex_form_formula").set_value("where(x<0.5, 0, 1)")
    at.number_input(key="ex_form_pairs").set_value(3)
    at.text_input(key="ex_form_goals").set_value("0.2")
    submit = [b for b in at.button if "Make the link" in b.label][0]
    submit.click().run()
    assert not at.exception, at.exception
    (link,) = [c.value for c in at.code]
    assert "/tuner?ex=1" in link and "ex_pairs=3" in link and "ex_goals=0.2" in link
    from urllib.parse import parse_qsl, urlsplit
    task, problems = exercise.from_query(dict(parse_qsl(urlsplit(link).query)))
    assert problems == [] and task.target == "f:where(x<0.5, 0, 1)" and task.n_pairs == 3
    assert targets.label(task.target) == "where(x<0.5, 0, 1)"


def test_the_composer_names_a_bad_formula():
    at = AppTest.from_file(str(ROOT / "pages" / "class.py"), default_timeout=30)
    at.run()
    at.selectbox(key="ex_form_target").set_value("own")
    at.text_input(key="ex_form_formula").set_value("x.real")
    [b for b in at.button if "Make the link" in b.label][0].click().run()
    assert any("Attribute" in e.value for e in at.error) and not at.code


def test_the_probe_works_its_arithmetic_at_its_x():
    at = app({"p1_w1": "6", "p1_b2": "0.7", "p1_w2": "-1", "p1_w_out": "-1"})
    at.session_state["tuner_tab"] = "Probe the network"
    at.run()
    (code,) = [c.value for c in at.code if "layer 1" in c.value]
    assert code.splitlines()[0] == "Pair 1, layer 1: 6 · 0.08 + 0 = 0.48 → ReLU → 0.48"
    assert code.splitlines()[-1].endswith("= -0.22")


def test_the_walkthrough_is_left_out_of_an_exercise_with_other_than_8_pairs():
    """Its 37 steps are 8-pair fits: cut to 3 pairs no step would ever be reached."""
    at = app(exercise.to_query(exercise.Exercise("sine", 3, (0.1,), frozenset())))
    assert "walk_start" not in {b.key for b in at.button}
    at8 = app(exercise.to_query(exercise.Exercise("sine", 8, (0.1,), frozenset())))
    assert "walk_start" in {b.key for b in at8.button}


def test_the_composer_shows_a_bad_formula_as_typed():
    at = AppTest.from_file(str(ROOT / "pages" / "class.py"), default_timeout=30)
    at.run()
    at.selectbox(key="ex_form_target").set_value("own")
    at.text_input(key="ex_form_formula").set_value("2*y*x")
    [b for b in at.button if "Make the link" in b.label][0].click().run()
    (error,) = at.error
    shown = re.sub(r"\\(.)", r"\1", error.value)  # what Markdown shows: escapes dropped
    assert "the formula '2*y*x' uses 'y'" in shown
