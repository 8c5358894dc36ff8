"""The params table's ways in and out: JSON file, URL query, slider grid."""

import json

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.formats import fitfile, params


def test_table_covers_41_numbers_with_book_wide_ranges():
    slots = params.slots()
    assert len(slots) == 41 and len({s.key for s in slots}) == 41
    assert slots[10].label == "Pair 3 · layer-1 weight" and slots[-1].key == "b_out"
    for s in slots:
        assert s.field.low <= -10 and s.field.high >= 10 and s.field.step == 0.01


@pytest.mark.parametrize("n_pairs", [1, 8, 16])
def test_json_round_trip_is_exact(n_pairs):
    rng = np.random.default_rng(n_pairs)
    for _ in range(20):
        fit = params.from_flat(rng.uniform(-10, 10, 5 * n_pairs + 1))  # arbitrary doubles
        assert fitfile.loads(fitfile.dumps(fit)) == fit
    assert fitfile.loads(fitfile.dumps(presets.preset("hand-tuned"))) == presets.preset(
        "hand-tuned")


def good():
    return fitfile.to_dict(presets.preset("hand-tuned"))


def edited(change):
    obj = good()
    change(obj)
    return json.dumps(obj)


REJECTIONS = {
    "invalid JSON": ("{not json", "not valid JSON"),
    "not UTF-8": (b"\xff\xfe\x00", "not valid JSON"),
    "a list": ("[1, 2]", "not a JSON object"),
    "another format": (edited(lambda o: o.update(format="keras")), "format is 'keras'"),
    "another version": (edited(lambda o: o.update(version=3)), "version is 3"),
    "v1 with v2 keys": (edited(lambda o: o.update(version=1)), "unknown keys: provenance"),
    "bad target": (edited(lambda o: o.update(target="f:x.real")), "target: the formula"),
    "bad provenance": (edited(lambda o: o.update(provenance=[{"kind": "magic"}])),
                       "provenance: provenance event 1"),
    "missing key": (edited(lambda o: o.pop("b_out")), "lacks b_out"),
    "extra key": (edited(lambda o: o.update(comment="hi")), "unknown keys: comment"),
    "missing pair key": (edited(lambda o: o["pairs"][2].pop("w2")), "pair 3 lacks w2"),
    "extra pair key": (edited(lambda o: o["pairs"][0].update(w3=1)), "pair 1 has unknown keys"),
    "text value": (edited(lambda o: o["pairs"][1].update(b1="0.5")), "pair 2 b1: '0.5' is not"),
    "bool value": (edited(lambda o: o["pairs"][1].update(b1=True)), "pair 2 b1: True is not"),
    "NaN": (edited(lambda o: o.update(b_out=float("nan"))), "b_out: nan is not a finite"),
    "inf": (edited(lambda o: o["pairs"][0].update(w1=float("inf"))), "not a finite"),
    "1e999": (json.dumps(good()).replace('"b_out": 0.0', '"b_out": 1e999'),
              "b_out: 1E+999 is not a finite number"),
    "out of range": (edited(lambda o: o["pairs"][4].update(w_out=10.5)),
                     "pair 5 w_out: 10.5 is outside [-10, 10]"),
    "17 pairs": (edited(lambda o: o.update(pairs=o["pairs"] * 3)), "1 to 16 pairs"),
    "no pairs": (edited(lambda o: o.update(pairs=[])), "1 to 16 pairs"),
    "pair not an object": (edited(lambda o: o["pairs"].__setitem__(0, 5)), "pair 1 is not"),
}


@pytest.mark.parametrize("case", REJECTIONS)
def test_loading_rejects_with_a_message_naming_the_problem(case):
    text, message = REJECTIONS[case]
    with pytest.raises(params.ParamsError) as error:
        fitfile.loads(text)
    assert message in str(error.value)


def test_url_round_trip_keeps_only_changed_values():
    fit = presets.preset("hand-tuned")
    query = params.to_query(fit)
    assert query["p1_w1"] == "6" and "p1_b1" not in query  # 0 is the default: left out
    assert params.from_query(query) == (fit, [])
    assert params.to_query(presets.preset("zeros")) == {}
    off_grid = fit.replace(0, b1=0.123456789)
    assert params.from_query(params.to_query(off_grid))[0] == off_grid


@pytest.mark.parametrize("value, message", [
    ("abc", "'abc' is not a number"), ("nan", "nan is not a finite"),
    ("inf", "inf is not a finite"), ("1e999", "1e999 is not a finite"),
    ("-11", "-11 is outside [-10, 10]"), ("", "'' is not a number"),
])
def test_bad_url_values_are_named_and_left_at_the_base(value, message):
    base = presets.preset("hand-tuned")
    fit, problems = params.from_query({"p2_w1": value, "b_out": "0.5", "present": "1"}, base)
    assert fit == base.replace(b_out=0.5)
    assert len(problems) == 1 and "Pair 2 · layer-1 weight" in problems[0]
    assert message in problems[0]


def test_snap_moves_values_to_the_slider_grid():
    field = params.FIELDS["w1"]
    assert params.snap(field, 0.123) == 0.12 and params.snap(field, 12) == 10.0
    assert str(params.snap(field, -0.001)) == "0.0"


def test_the_pair_count_travels_in_the_url():
    fit = params.resize(presets.preset("hand-tuned"), 12).replace(11, w1=2.0)
    query = params.to_query(fit)
    assert query["pairs"] == "12" and query["p12_w1"] == "2"
    assert params.from_query(query) == (fit, [])
    assert "pairs" not in params.to_query(presets.preset("hand-tuned"))
    for bad in ("0", "17", "x", "-3"):
        fit, problems = params.from_query({"pairs": bad, "p1_w1": "4"})
        assert fit.n_pairs == 8 and fit.w1[0] == 4.0
        assert "Number of pairs (pairs)" in problems[0] and bad in problems[0]


def test_resize_keeps_the_first_pairs_and_the_output_bias():
    fit = presets.preset("hand-tuned").replace(b_out=0.3)
    small = params.resize(fit, 3)
    assert small.n_pairs == 3 and small.pair(2) == fit.pair(2) and small.b_out == 0.3
    big = params.resize(small, 10)
    assert big.pair(2) == fit.pair(2) and big.pair(9) == dict.fromkeys(big.pair(9), 0.0)


def test_url_keys_that_name_no_slider_are_reported():
    fit, problems = params.from_query({"p9_w1": "5", "p1_wl": "2", "p1_w1": "3", "present": "1"})
    assert fit.w1[0] == 3.0 and fit.n_pairs == 8
    assert problems == ["p1_wl=2: no such slider with 8 pairs",
                        "p9_w1=5: no such slider with 8 pairs"]


@pytest.mark.parametrize("change, named", [
    ({"b_out": 12.5}, "b_out"),
    ({"b_out": float("nan")}, "b_out"),
    ({"w1": np.array([0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -10.5])}, "pair 8 w1"),
])
def test_dumps_never_writes_what_loads_refuses(change, named):
    import dataclasses

    fit = dataclasses.replace(presets.preset("hand-tuned"), **change)
    with pytest.raises(params.ParamsError, match=named) as refused:
        fitfile.dumps(fit)
    obj = fitfile.to_dict(fit)
    with pytest.raises(params.ParamsError) as read:
        fitfile.loads(json.dumps(obj))
    assert str(refused.value) == str(read.value)  # the reader's message, word for word
    with pytest.raises(params.ParamsError, match="target"):
        fitfile.dumps(presets.preset("hand-tuned"), target="no such target")
