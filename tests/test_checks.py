"""Issue 10 in the engine: one way in for every number (nnsine.formats.checks), link repair
(nnsine.formats.links), the release payload, and activations that warn nothing."""

import json
import warnings

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import activations
from nnsine.engine.metrics import score
from nnsine.formats import checks, fitfile, links, params
from nnsine.formats import softmax_settings as page_settings
from tests.input_fixtures import HUGE_INT, OFF_GRID, with_b_out

ParamsError = params.ParamsError


# --- case 1: a number too big for a float --------------------------------------------


def test_an_integer_too_big_for_a_float_is_named_not_raised():
    with pytest.raises(ParamsError, match=r"^b_out: 10000000…0000 \(401 digits\) is not a "
                                          r"finite number$"):
        fitfile.loads(HUGE_INT)
    with pytest.raises(ParamsError, match=r"b_out: 99999999…9999 \(5,000 digits\)"):
        fitfile.loads(with_b_out("9" * 5000))  # past int()'s 4300-digit limit
    with pytest.raises(ParamsError, match="is not a finite number"):
        params.check(params.OUTPUT_FIELD, 10**400, "b_out")
    with pytest.raises(ParamsError, match="an integer of about 5,000 digits"):
        params.check(params.OUTPUT_FIELD, 10**5000, "b_out")  # str() of it would raise
    with pytest.raises(ParamsError, match="b_out: 1E"):
        fitfile.loads(with_b_out("1e400"))


# --- case 2: digits that are not ASCII digits -----------------------------------------


@pytest.mark.parametrize("text", ["²", "٣", "６", "¹²", "3²", "Ⅻ", "½"])
def test_non_ascii_digits_are_named_and_the_default_used(text):
    fit, problems = params.from_query({"pairs": text, "p1_w1": text, "p1_b1": "1"})
    assert fit.n_pairs == 8 and fit.w1[0] == 0.0 and fit.b1[0] == 1.0
    assert len(problems) == 2 and all(repr(text) in p for p in problems)
    assert problems[0].startswith("Number of pairs (pairs): ")
    settings, problems = page_settings.from_query({"sm_logits": f"1,{text}", "sm_shift": text})
    assert settings == page_settings.Settings() and len(problems) == 2


# --- case 8: a rounding error past a bound is the bound; messages tell the truth -------


@pytest.mark.parametrize("value, expected", [
    (10.000000000000002, 10.0), (-10.000000000000002, -10.0), (10.0, 10.0),
    ("10.000000000000002", 10.0), ("1e1", 10.0), (" 5 ", 5.0), ("-0", 0.0), (".5", 0.5),
])
def test_values_a_rounding_error_past_a_bound_are_the_bound(value, expected):
    assert params.check(params.FIELDS["w1"], value, "w1", text=True) == expected


@pytest.mark.parametrize("value, message", [
    (10.00001, "w1: 10.00001 is outside [-10, 10]"),
    (10.000000001, "w1: 10.000000001 is outside [-10, 10]"),
    (-10.5, "w1: -10.5 is outside [-10, 10]"), (11, "w1: 11 is outside [-10, 10]"),
    (True, "w1: True is not a number"), ("6", "w1: '6' is not a number"),
    ([1.0], "w1: [1.0] is not a number"), (None, "w1: None is not a number"),
    (float("nan"), "w1: nan is not a finite number"),
    ("x" * 100, "w1: 'xxxxxxxxxxxxxxxxxxxxxxxxxxx…xxxxx' (102 characters) is not a number"),
])
def test_messages_name_the_value_with_enough_digits_to_be_true(value, message):
    with pytest.raises(ParamsError) as error:
        params.check(params.FIELDS["w1"], value, "w1")
    assert str(error.value) == message


def test_a_file_with_a_rounding_error_past_a_bound_loads():
    assert fitfile.loads(with_b_out("10.000000000000002")).b_out == 10.0
    with pytest.raises(ParamsError, match=r"^b_out: 10.00001 is outside \[-10, 10\]$"):
        fitfile.loads(with_b_out("10.00001"))


@pytest.mark.parametrize("text, message", [
    ("[" * 60_000, "nested too deeply"), ('{"format": "nnsine-pairs", "version": 1.5}',
                                         "version is 1.5, expected 1"),
    ('{"format": ["x"], "version": 1}', "format is ['x']"),
    ('{"format": "nnsine-pairs", "version": true}', "version is True"),
    # Decimal refuses this exponent with an ArithmeticError, not a ValueError
    (with_b_out("1e1000000000000000000"), "the number 1e1000000000000000000 is far beyond"),
])
def test_odd_files_are_refused_with_a_message(text, message):
    with pytest.raises(ParamsError, match=message.replace("[", r"\[").replace("]", r"\]")):
        fitfile.loads(text)


def test_a_file_with_a_thousand_unknown_keys_names_a_few():
    obj = fitfile.to_dict(presets.preset("hand-tuned")) | {f"k{i}": 1 for i in range(1000)}
    with pytest.raises(ParamsError) as error:
        fitfile.loads(json.dumps(obj))
    assert "and 995 more" in str(error.value) and len(str(error.value)) < 120


# --- the release payload: exact values kept, bad ones named --------------------------


def test_the_release_keeps_exact_values_and_names_bad_ones():
    base = presets.preset("hand-tuned")
    values = params.to_flat(OFF_GRID)
    assert params.from_values(values, base) == (OFF_GRID, [])  # no silent rounding
    values[:4] = [10**400, "٣", 12.5, True]
    fit, problems = params.from_values(values, base)
    assert fit.w1[0] == base.w1[0] and fit.b1[0] == base.b1[0] and fit.w2[0] == 10.0
    assert len(problems) == 4 and "(401 digits)" in problems[0] and "clipped to 10" in problems[2]
    assert params.from_values({"values": 1}, base)[1] == ["expected 41 values, got dict"]


# --- case 6: the score is the file's, exactly ----------------------------------------


def test_the_off_grid_fit_scores_0_0504_and_reaches_the_goal_only_rounded():
    assert f"{score(OFF_GRID).max_error:.4f}" == "0.0504"
    assert fitfile.loads(fitfile.dumps(OFF_GRID)) == OFF_GRID
    assert params.from_query(params.to_query(OFF_GRID)) == (OFF_GRID, [])
    assert score(params.snap_all(OFF_GRID)).max_error < 0.05


# --- case 4: links mangled on the way ------------------------------------------------

BOOK_PAIR = {"p1_w1": "6", "p1_b2": "0.7", "p1_w2": "-1", "p1_w_out": "-1"}


@pytest.mark.parametrize("query", [
    {"p1_w1": "6", "amp;p1_b2": "0.7", "amp;p1_w2": "-1", "amp;p1_w_out": "-1"},
    {"p1_w1": "6", "amp;amp;p1_b2": "0.7", "AMP;p1_w2": "-1", "amp%3Bp1_w_out": "-1"},
    {"p1_w1": "6&p1_b2=0.7&amp;p1_w2=-1&p1_w_out=-1"},  # %26 and %3D decoded
    {"p1_w1": "6", "p1_b2": "0.7", "p1_w2": "-1", "p1_w_out": "-1)."},
    {"p1_w1": "6", "p1_b2": "0.7", "p1_w2": "-1", "p1_w_out": "-1”"},
    {" p1_w1": "6 ", "?p1_b2": "0.7", "p1_w2": "-1", "p1_w_out": "-1"},
])
def test_mangled_links_are_repaired_and_each_repair_said(query):
    repaired, notes = links.repair(query)
    assert repaired == BOOK_PAIR and notes
    fit, problems = params.from_query(repaired)
    assert problems == [] and fit.pair(0) == {"w1": 6.0, "b1": 0.0, "w2": -1.0, "b2": 0.7,
                                              "w_out": -1.0}


def test_a_clean_link_is_left_alone_and_only_the_last_value_loses_punctuation():
    assert links.repair(BOOK_PAIR) == (BOOK_PAIR, [])
    repaired, _ = links.repair({"sm_logits": "1,2,3.", "target": "abs)"})
    assert repaired == {"sm_logits": "1,2,3.", "target": "abs"}
    assert links.repair({"": "5", "present": "1"}) == (
        {"present": "1"}, ["ignored '5': it has no name"])



@pytest.mark.parametrize("target", ["f:sin(4*pi*x)", "f:where(x<0.5, 0, (1))",
                                    "f:max(x, 0.5*(x+1))"])
def test_a_formulas_own_closing_bracket_stays_and_glued_punctuation_goes(target):
    """The tuner writes `target` last in its link: a formula ends the link with its `)`."""
    assert links.repair({"p1_w1": "6", "target": target}) == ({"p1_w1": "6", "target": target}, [])
    repaired, notes = links.repair({"target": target + ")."})
    assert repaired == {"target": target} and notes == ["dropped ').' from the end of the link"]

# --- odd but legal input to the activations warns nothing ----------------------------

ODD = np.array([[-np.inf, -np.inf, -np.inf], [np.inf, 1.0, np.inf], [1e308, -1e308, 0.0],
                [-1000.0, -1000.0, -1000.0], [np.inf, -np.inf, 5e-324], [0.0, -0.0, 1.0]])


def test_activations_of_infinities_warn_nothing_and_are_the_limits():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = activations.softmax(ODD)
        for function in (*activations.ACTIVATIONS.values(), activations.softmax_naive):
            function(ODD)
            function(np.array([np.nan, 1.0]))
        nan_row = activations.softmax(np.array([[np.nan, 1.0, 2.0], [1.0, 2.0, 3.0]]))
    np.testing.assert_allclose(result[:5], [[1 / 3] * 3, [0.5, 0, 0.5], [1, 0, 0], [1 / 3] * 3,
                                            [1, 0, 0]])
    assert np.all(np.isnan(nan_row[0])) and np.isclose(nan_row[1].sum(), 1.0)
    assert activations.sigmoid(np.array([-np.inf, np.inf])).tolist() == [0.0, 1.0]


def test_checks_shorten_and_format():
    assert checks.fmt(10.000000000000002) == "10.000000000000002" and checks.fmt(10.0) == "10"
    assert checks.fmt(0.0504) == "0.0504" and checks.fmt(float("inf")) == "inf"
    assert checks.shorten("a" * 10) == "a" * 10 and "(100 characters)" in checks.shorten("a" * 100)


def test_a_softmax_key_with_a_typo_is_named():
    settings, problems = page_settings.from_query({"sm_logit": "1,2,3", "p1_w1": "6"})
    assert settings == page_settings.Settings()
    assert problems == ["sm_logit=1,2,3: no such setting (known: sm_logits, sm_shift, sm_max, "
                        "sm_scale, sm_batch)"]


def test_commas_colons_and_semicolons_encoded_twice_are_read():
    from nnsine.formats import links

    repaired, notes = links.repair({"sm_logits": "1%2C2%2c3", "target": "pts%3A0,0%3B1,1"})
    assert repaired == {"sm_logits": "1,2,3", "target": "pts:0,0;1,1"} and len(notes) == 2
