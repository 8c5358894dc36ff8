"""Exercise links and how a fit was made: round trips, named problems, honest seals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsine.formats import provenance as prov
from nnsine.formats.exercise import HIDEABLE, Exercise, from_query, parse_goals, to_query


def test_an_exercise_link_round_trips():
    exercise = Exercise("f:abs(x-0.3)", 2, (0.1, 0.02), frozenset({"presets", "probe"}))
    query = to_query(exercise)
    assert query["ex_hide"] == "presets,probe"
    assert from_query(query) == (exercise, [])
    exact = Exercise("sine", 8, (0.123456789, 0.05), frozenset())  # no :g rounding
    assert from_query(to_query(exact)) == (exact, [])


def test_no_exercise_without_the_flag():
    assert from_query({"p1_w1": "6"}) == (None, [])


@pytest.mark.parametrize(("query", "words"), [
    ({"ex": "1", "ex_target": "f:__import__('os')"}, "ex_target"),
    ({"ex": "1", "ex_pairs": "²"}, "(ex_pairs): '²' is not a whole number (only the digits"),
    ({"ex": "1", "ex_pairs": "17"}, "17 is outside 1 to 16"),
    ({"ex": "1", "ex_pairs": "1" * 4301}, "characters) is not a whole number"),  # int() fails
    ({"ex": "1", "ex_goals": "0.1,nan"}, "goal: nan is not a finite number"),
    ({"ex": "1", "ex_goals": ""}, "1 to 4 goals"),
    ({"ex": "1", "ex_hide": "presets,answers"}, "'answers'"),
])
def test_bad_parts_are_named_and_the_rest_holds(query, words):
    exercise, problems = from_query(query)
    assert exercise is not None and len(problems) == 1 and words in problems[0]


def test_goals_sorted_easiest_first():
    assert parse_goals("0.05, 0.1") == (0.1, 0.05)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["ex", "ex_target", "ex_pairs", "ex_goals", "ex_hide"]),
                       st.text(max_size=40)))
def test_any_exercise_query_is_an_exercise_or_named_problems(query):
    exercise, problems = from_query(query)
    assert (exercise is None) == ("ex" not in query)
    if exercise is not None:
        assert 1 <= exercise.n_pairs <= 16 and exercise.hide <= set(HIDEABLE)
        assert all(isinstance(p, str) for p in problems)


def test_slider_edits_are_counted_and_described():
    events = ()
    for _ in range(3):
        events = prov.record(events, "sliders")
    assert prov.describe(events) == "hand-tuned (3 slider edits)"
    assert prov.shortcuts(events) == set()


def test_shortcuts_are_named():
    events = prov.record(prov.record((), "preset", "hand-tuned"), "sliders")
    events = prov.record(prov.record(events, "walkthrough", "12"), "optimizer", "200 steps")
    assert prov.shortcuts(events) == {"presets", "walkthrough", "optimizer"}
    assert prov.describe(events) == ("preset hand-tuned, then 1 slider edit, then walkthrough "
                                     "12, then optimizer 200 steps")
    assert prov.shortcuts(prov.record((), "preset", "zeros")) == set()


def test_events_round_trip_and_bad_ones_are_named():
    events = prov.record(prov.record((), "upload", "ada.json"), "sliders")
    assert prov.from_list(prov.to_list(events)) == events
    with pytest.raises(ValueError, match="event 1"):
        prov.from_list([{"kind": "magic", "detail": "", "count": 1}])
    with pytest.raises(ValueError, match="event 1"):
        prov.from_list([{"kind": "sliders", "detail": "", "count": True}])


def test_the_seal_changes_with_any_value():
    events = prov.record((), "sliders")
    values = [0.0] * 41
    seal = prov.seal(values, "sine", events)
    assert seal == prov.seal(list(values), "sine", events)
    assert seal != prov.seal([0.01] + values[1:], "sine", events)
    assert seal != prov.seal(values, "abs", events)
    assert seal != prov.seal(values, "sine", prov.record(events, "optimizer", "1 steps"))


def test_fit_files_carry_target_and_provenance_and_version_1_still_loads():
    import json

    from nnsine.book import presets
    from nnsine.formats import fitfile

    fit = presets.preset("hand-tuned")
    history = prov.record((), "preset", "hand-tuned")
    text = fitfile.dumps(fit, "f:abs(x-0.3)", history)
    file = fitfile.read(text)
    assert (file.params, file.target, file.history, file.sealed) == (
        fit, "f:abs(x-0.3)", history, True)
    edited = json.loads(text)
    edited["pairs"][0]["w1"] = 5.0
    assert fitfile.read(json.dumps(edited)).made().endswith("(edited outside nnsine: the "
                                                            "seal differs)")
    old = {k: v for k, v in json.loads(text).items()
           if k not in ("target", "provenance", "seal")} | {"version": 1}
    file = fitfile.read(json.dumps(old))
    assert file.params == fit and file.target == "sine" and file.sealed is None


@pytest.mark.subprocess
def test_score_shows_how_fits_were_made_and_flags_forbidden_shortcuts(tmp_path):
    import subprocess
    import sys

    from nnsine.book import presets
    from nnsine.formats import fitfile

    (tmp_path / "ada.json").write_text(fitfile.dumps(
        presets.preset("hand-tuned"), history=prov.record((), "preset", "hand-tuned")))
    (tmp_path / "bob.json").write_text(fitfile.dumps(
        presets.preset("zeros"), history=prov.record((), "sliders")))
    (tmp_path / "pts.csv").write_text("x,y\n0,0\n1,1\n")
    run = subprocess.run([sys.executable, "-m", "nnsine", "score", "ada.json", "bob.json",
                          "--forbid", "presets,optimizer"], cwd=tmp_path, capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    assert "preset hand-tuned  FLAGGED: used presets" in run.stdout
    assert "hand-tuned (1 slider edit)" in run.stdout
    for option, value, words in (("--target-expr", "__import__('os')", "not defined"),
                                 ("--target-file", "pts.csv", None)):
        run = subprocess.run([sys.executable, "-m", "nnsine", "score", "ada.json", option,
                              value], cwd=tmp_path, capture_output=True, text=True)
        if words:
            assert run.returncode == 2 and words in run.stderr
        else:
            assert run.returncode == 0 and "ada.json" in run.stdout


@pytest.mark.subprocess
def test_own_targets_export_and_render(tmp_path):
    import subprocess
    import sys

    from nnsine.book.presets import preset
    from nnsine.engine.metrics import score
    from nnsine.formats.export import nnfs_program

    fit = preset("hand-tuned")
    for target in ("f:abs(x-0.3)", "pts:0,0;0.5,1;1,0"):
        run = subprocess.run([sys.executable, "-c", nnfs_program(fit, target)],
                             capture_output=True, text=True, check=True)
        expected = score(fit, target)
        assert run.stdout.strip() == (f"MSE: {expected.mse:.5f}  "
                                      f"max |error|: {expected.max_error:.4f}")
