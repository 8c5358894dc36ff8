"""A teacher's own targets: formulas and points, checked against NumPy written out by hand,
and property-based: no text can crash the parsers or reach Python."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsine.engine import targets
from nnsine.engine.target_formula import MAX_FORMULA_CHARS, TargetError, formula
from nnsine.engine.target_points import parse_csv, parse_points_spec, points, points_spec

X, _ = targets.grid()


@pytest.mark.parametrize(("text", "expected"), [
    ("0.5*sin(4*pi*x) + x**2", 0.5 * np.sin(4 * np.pi * X) + X**2),
    ("abs(x-0.3)", np.abs(X - 0.3)),
    ("where(x<0.5, 0, 1)", np.where(X < 0.5, 0.0, 1.0)),
    ("(x >= 0.5) * 2 - 1", (X >= 0.5) * 2.0 - 1),
    ("0.25", np.full(1000, 0.25)),
    ("max(x, 0.5) - min(x, 0.2)", np.maximum(X, 0.5) - np.minimum(X, 0.2)),
])
def test_formulas_are_numpy(text, expected):
    x, y = targets.sample("f:" + text)
    assert np.array_equal(x, X)
    assert np.array_equal(y, expected)


@pytest.mark.parametrize(("text", "words"), [
    ("__import__('os')", "not defined"),
    ("().__class__", "Attribute"),
    ("x.real", "Attribute"),
    ("x[0]", "Subscript"),
    ("[x for x in x]", "not available"),
    ("open('f')", "not defined"),
    ("'a' * 9", "not a number"),
    ("True", "not a number"),
    ("lambda: 1", "not available"),
    ("x if x else 1", "not available"),
    ("sin(x, x)", "takes 1 argument"),  # np.sin's out= would write into the grid
    ("clip(x, a_min=0)", "positional"),
    ("9**9**9", "inf"),
    ("1" + "0" * 150, "1e+150"),
    ("1e400 * x", "gives nan"),
    ("log(x)", "-inf at x = 0.0"),
    ("x / 0", "at x = 0.0"),
    ("sin(", "not valid"),
    ("", "empty"),
    ("x" * (MAX_FORMULA_CHARS + 1), f"at most {MAX_FORMULA_CHARS}"),
    ("x\x00", "printable"),
    ("200 * x + 1", "[-100, 100]"),
    ("sin(2*pi*x) # ![t](https://example.com/p.png)", "has a '#'"),  # text, not maths
    ("x in x", "the operator 'in' is not available"),  # simpleeval raised KeyError
    ("x is not x", "the operator 'is not' is not available"),
    ("x // 2", "the operator '//' is not available"),
])
def test_bad_formulas_are_named(text, words):
    with pytest.raises(TargetError, match=None) as error:
        formula(text, X.copy())
    assert words in str(error.value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_is_a_target_or_an_error(text):
    x = X.copy()
    try:
        y = formula(text, x)
    except TargetError:
        pass
    else:
        assert y.shape == x.shape and np.isfinite(y).all()
    assert np.array_equal(x, X)  # nothing a formula does can change its input


ATOMS = st.sampled_from(["x", "pi", "e", "0.5", "2", "3"])
FORMULAS = st.recursive(ATOMS, lambda inner: st.one_of(
    st.tuples(inner, st.sampled_from(["+", "-", "*", "/", "**", "<", "%"]), inner).map(
        lambda t: f"({t[0]} {t[1]} {t[2]})"),
    st.tuples(st.sampled_from(["sin", "exp", "sqrt", "abs", "tanh", "log"]), inner).map(
        lambda t: f"{t[0]}({t[1]})"),
), max_leaves=8)


@settings(max_examples=200, deadline=None)
@given(FORMULAS)
def test_well_formed_formulas_evaluate_or_explain(text):
    try:
        y = formula(text, X)
    except TargetError as error:
        assert "at x =" in str(error) or "characters" in str(error)
    else:
        assert y.shape == (1000,) and np.isfinite(y).all()


def test_points_from_csv_with_header_and_separators():
    for text in ("x,y\n0,0\n0.5,1\n1,0\n", "0;0\n0.5;1\n1;0", "x\ty\n0\t0\n0.5\t1\n1\t0",
                 b"\xef\xbb\xbfx,y\r\n0,0\r\n0.5,1\r\n1,0\r\n"):
        xs, ys = parse_csv(text)
        assert xs.tolist() == [0, 0.5, 1] and ys.tolist() == [0, 1, 0]


@pytest.mark.parametrize(("text", "words"), [
    ("0,0\n0,1", "x must increase"),
    ("0.5,0\n0.2,1", "x must increase"),
    ("0,nan\n1,1", "not finite"),
    ("0,inf\n1,1", "not finite"),
    ("0,0\n1,2,3", "line 2: expected 2 columns"),
    ("0,0\nzero,1", "line 2"),
    ("0,0\n١,1", "line 2"),  # Arabic-Indic digit: float() would take it
    # A first row with a number in it is data, not a header to skip in silence
    ("0,1)\n0.5,1\n1,0", "line 1: '0,1)' is not two numbers"),
    ("0;0,5,1\n0.5;1\n1;0", "line 1: '0;0,5,1' is not two numbers"),  # a 1,000s comma
    ("0,5,0,7\n1,1", "line 1: expected 2 columns (x, y), got 4: with decimal commas (0,5) "
                     "separate the columns by semicolons (0,5;0,7)"),
    ("0,1_0\n1,0", "line 1"),  # float() reads 1_0 as 10
    ("0,0", "2 to 1000"),
    ("0,0\n2,1", "outside [-0.5, 1.5]"),
    ("0,0\n1,1000", "outside [-100, 100]"),
    ("\n".join(f"{k / 2000},0" for k in range(1001)), "more than 1000"),
])
def test_bad_points_are_named(text, words):
    with pytest.raises(TargetError) as error:
        parse_csv(text)
    assert words in str(error.value)


@pytest.mark.parametrize("text", [
    "x;y\n0,5;0,7\n0,75;-1\n",  # Excel's CSV where the decimal mark is a comma
    "0,5;0,7\r\n0,75;-1",
    "0,5\t0,7\n0,75\t-1",  # tab-separated, decimal commas
    "0.5;0.7\n0,75;-1",  # a mix, as typed by hand
])
def test_decimal_commas_are_read_with_semicolons_or_tabs(text):
    xs, ys = parse_csv(text)
    assert xs.tolist() == [0.5, 0.75] and ys.tolist() == [0.7, -1.0]


def test_a_formula_with_an_unknown_name_says_the_names_it_knows():
    with pytest.raises(TargetError) as error:
        formula("2*y*x", X)
    assert str(error.value) == ("the formula '2*y*x' uses 'y', which is not defined: its "
                                "only names are x, pi and e")  # the formula once, as typed
    with pytest.raises(TargetError, match="calls 'foo', which is not defined: .*sin, sinh"):
        formula("foo(x)", X)


def test_a_csv_that_is_not_text():
    with pytest.raises(TargetError, match="UTF-8"):
        parse_csv(b"0,0\n\xff,1")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_any_csv_is_points_or_an_error(data):
    try:
        xs, ys = parse_csv(data)
    except TargetError:
        return
    assert xs.size == ys.size >= 2 and np.all(np.diff(xs) > 0)


FINITE = st.floats(-100, 100, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(-0.5, 1.5, allow_nan=False), FINITE), min_size=2,
                max_size=50, unique_by=lambda p: p[0]))
def test_points_round_trip_exactly(pairs):
    pairs.sort()
    xs, ys = points(*zip(*pairs, strict=True))
    back = parse_points_spec(points_spec(xs, ys))
    assert np.array_equal(back[0], xs) and np.array_equal(back[1], ys)
    assert targets.check(points_spec(xs, ys))


def test_points_target_is_scored_on_its_points_and_drawn_between_them():
    x, y = targets.sample("pts:0,0;0.5,1;1,0")
    assert x.tolist() == [0, 0.5, 1] and y.tolist() == [0, 1, 0]
    drawn = targets.curve("pts:0,0;0.5,1", np.array([-1, 0, 0.25, 0.9]))
    assert np.isnan(drawn[0]) and drawn[1:3].tolist() == [0, 0.5] and np.isnan(drawn[3])


def test_formula_drawn_with_gaps_where_undefined():
    drawn = targets.curve("f:log(x + 1)", np.array([-1.0, 0.0]))
    assert np.isnan(drawn[0]) and drawn[1] == 0.0


@pytest.mark.parametrize("spec", ["cosine", "f:", "pts:", "pts:0,0", 5, None])
def test_unknown_targets_are_errors(spec):
    with pytest.raises(TargetError):
        targets.check(spec)


def test_a_stroke_becomes_points_left_to_right():
    from nnsine.engine.target_points import from_stroke

    t = np.linspace(0, 1, 400)
    xs, ys = from_stroke(t[::-1], np.sin(2 * np.pi * t[::-1]))  # drawn right to left
    assert xs.size == 50 and np.all(np.diff(xs) > 0)
    assert np.max(np.abs(ys - np.sin(2 * np.pi * xs))) < 0.1
    with pytest.raises(TargetError, match="too short"):
        from_stroke([0.5, 0.51], [0, 0])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.floats(allow_nan=True), st.floats(allow_nan=True)), max_size=60))
def test_any_stroke_is_points_or_an_error(path):
    from nnsine.engine.target_points import from_stroke

    xs, ys = (list(c) for c in zip(*path, strict=True)) if path else ([], [])
    try:
        px, py = from_stroke(xs, ys)
    except TargetError:
        return
    assert np.all(np.diff(px) > 0) and np.isfinite(py).all()


@pytest.mark.parametrize("text", ["x; __import__('os')", "x\nimport os", "x = 1", "pass"])
def test_statements_and_several_expressions_are_refused(text):
    with pytest.raises(TargetError, match="not valid|printable"):
        formula(text, X)
