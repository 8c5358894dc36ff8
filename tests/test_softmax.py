"""Softmax engine: against an exact Decimal/math oracle, at the extremes, and the book's
seeded chapter run bit for bit against the real nnfs in a subprocess."""

from __future__ import annotations

import math
import subprocess
import sys
import warnings
from decimal import Context, Decimal

import numpy as np
import pytest

from nnsine.book import book_code
from nnsine.engine import softmax_steps as calc
from nnsine.engine import spiral
from nnsine.engine.activations import softmax, softmax_naive
from nnsine.formats import softmax_settings as page_settings
from nnsine.plots import softmax_figures as show


def exact_softmax(row) -> list[float]:
    """The oracle: exp and sum in 60-digit decimal arithmetic, no shift, no overflow."""
    context = Context(prec=60, Emax=10**9, Emin=-(10**9))
    exps = [context.exp(Decimal(float(x))) for x in row]
    total = Decimal(0)
    for value in exps:
        total = context.add(total, value)
    return [float(context.divide(e, total)) for e in exps]


@pytest.fixture(autouse=True)
def no_warnings():
    # NumPy's default error state warns on overflow and invalid (nan) results:
    # as errors, any that the engine does not silence itself fails the test.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


@pytest.mark.parametrize("scale", [1.0, 30.0, 1000.0])
def test_softmax_matches_the_decimal_oracle_on_random_logits(scale):
    rng = np.random.default_rng(4)
    for classes in (1, 2, 3, 7, 10):
        logits = scale * rng.standard_normal((40, classes))
        expected = np.array([exact_softmax(row) for row in logits])
        # atol covers probabilities below the smallest normal float (e^-709 and less)
        np.testing.assert_allclose(softmax(logits), expected, rtol=1e-13, atol=1e-300)


def test_softmax_matches_math_exp_and_fsum():
    rng = np.random.default_rng(5)
    for row in rng.uniform(-50, 50, (100, 4)):
        exps = [math.exp(x) for x in row]
        expected = [e / math.fsum(exps) for e in exps]
        np.testing.assert_allclose(softmax(row), expected, rtol=1e-13)


def test_the_books_layer_outputs():
    probabilities = softmax([4.8, 1.21, 2.385])
    assert str(probabilities) == "[0.89528266 0.02470831 0.08000903]"
    np.testing.assert_allclose(probabilities, [0.89528266, 0.02470831, 0.08000903], atol=5e-9)


@pytest.mark.parametrize(("logits", "expected"), [
    ([1e308, -1e308], [1.0, 0.0]),
    ([-1e308, 1e308], [0.0, 1.0]),
    ([1e308, 1e308], [0.5, 0.5]),
    ([-1e308, -1e308, -1e308, -1e308], [0.25] * 4),
    ([7.5] * 5, [0.2] * 5),
    ([1000.0, 0.0], [1.0, 0.0]),
    ([3.0], [1.0]),
    ([-1e308], [1.0]),
])
def test_softmax_extremes(logits, expected):
    np.testing.assert_array_equal(softmax(np.array(logits)), expected)
    np.testing.assert_array_equal(softmax(np.array([logits]))[0], expected)


def test_softmax_is_row_wise_and_shift_invariant():
    rows = np.array([[1, 2, 3], [-2, -1, 0], [0.5, 1, 1.5]])
    probabilities = softmax(rows)
    assert probabilities.shape == (3, 3)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-15)
    np.testing.assert_array_equal(probabilities[0], probabilities[1])
    assert str(probabilities[:1]) == "[[0.09003057 0.24472847 0.66524096]]"


def test_naive_softmax_overflows_quietly():
    result = softmax_naive(np.array([1000.0, 0.0]))
    assert np.isnan(result[0]) and result[1] == 0.0


# --- the page's step-by-step engine -----------------------------------------


def test_steps_lay_out_the_stable_softmax_exactly():
    logits = [4.8, 1.21, 2.385]
    stable = calc.steps(logits, subtract_max=True)
    np.testing.assert_array_equal(stable.probabilities, softmax(logits))
    np.testing.assert_array_equal(stable.exponents, np.array(logits) - 4.8)
    assert np.max(stable.exponents) == 0.0
    assert stable.predicted == 0 and stable.confidence == pytest.approx(0.89528266)
    naive = calc.steps(logits)
    np.testing.assert_allclose(naive.exp_values, [121.51041752, 3.35348465, 10.85906266])
    np.testing.assert_allclose(naive.probabilities, stable.probabilities, rtol=1e-15)


def test_steps_shift_leaves_probabilities_and_scale_moves_them():
    logits = [1.0, 2.0, 3.0]
    base = calc.steps(logits).probabilities
    for shift in (-20.0, -3.3, 7.0, 20.0):
        shifted = calc.steps(logits, shift=shift)
        np.testing.assert_array_equal(shifted.logits, np.array(logits) + shift)
        np.testing.assert_allclose(shifted.probabilities, base, rtol=1e-14)
    assert calc.shift_change(logits, 0.0) == 0.0
    assert calc.shift_change([4.8, 1.21, 2.385], 7.3) < 1e-15
    assert calc.shift_change([1000.0, 0.0], 20.0) == 0.0
    halved = calc.steps(logits, scale=0.5).probabilities
    np.testing.assert_allclose(halved, softmax([0.5, 1, 1.5]), rtol=1e-15)
    assert halved[2] < base[2]


def test_steps_show_overflow_as_inf_and_nan():
    naive = calc.steps([1000.0, 1.21, 2.385])
    assert naive.exp_values[0] == np.inf and naive.total == np.inf
    assert np.isnan(naive.probabilities[0]) and not naive.finite
    assert naive.predicted is None and math.isnan(naive.confidence)
    stable = calc.steps([1000.0, 1.21, 2.385], subtract_max=True)
    assert stable.finite and stable.predicted == 0 and stable.probability_sum == 1.0


def test_scale_curves():
    logits = [4.8, 1.21, 2.385]
    curves = calc.scale_curves(logits)
    assert curves.shape == (calc.SCALE_FACTORS.size, 3)
    np.testing.assert_array_equal(curves[0], [1 / 3] * 3)  # factor 0: no preference
    one = int(np.flatnonzero(calc.SCALE_FACTORS == 1.0)[0])
    np.testing.assert_allclose(curves[one], softmax(logits), rtol=1e-15)
    assert np.all(np.diff(curves[:, 0]) >= 0)  # the argmax only gains as the factor grows
    big = calc.scale_curves([1000.0, -1000.0], np.array([5.0]))
    np.testing.assert_array_equal(big, [[1.0, 0.0]])


def test_batch_keeps_dims_and_drops_incomplete_rows():
    table = [[4.8, 1.21, 2.385], [8.9, np.nan, 0.2], [1.41, 1.051, 0.026]]
    rows, left_out = calc.complete_rows(table)
    assert rows.shape == (2, 3) and left_out == [1]
    result = calc.batch(rows)
    assert result.row_max.shape == result.row_sums.shape == (2, 1)
    np.testing.assert_array_equal(result.probabilities, softmax(rows))
    empty = calc.batch(calc.complete_rows(np.empty((0, 3)))[0])
    assert empty.probabilities.shape == (0, 3) and empty.row_max.shape == (0, 1)


def test_argmax_is_not_confidence():
    predicted, confidence = calc.decisions(calc.BOOK_CONFIDENCES)
    assert predicted.tolist() == [1, 1]
    assert confidence.tolist() == [0.6, 0.36]


# --- settings and the URL ---------------------------------------------------


def test_default_settings_make_an_empty_query_and_round_trip():
    assert page_settings.to_query(page_settings.Settings()) == {}
    settings = page_settings.Settings(
        logits=(1000.0, -2.5, 0.1 + 0.2, 0.0), shift=-3.3, subtract_max=True, scale=0.5,
        batch=((1.0, 2.0, 3.0),))
    query = page_settings.to_query(settings)
    assert query["sm_logits"] == "1000,-2.5,0.30000000000000004,0"
    assert page_settings.from_query(query) == (settings, [])
    empty = page_settings.Settings(batch=())
    assert page_settings.from_query(page_settings.to_query(empty)) == (empty, [])


@pytest.mark.parametrize(("key", "text"), [
    ("sm_logits", "1,abc"), ("sm_logits", "5"), ("sm_logits", ",".join(["1"] * 11)),
    ("sm_logits", "1,1001"), ("sm_logits", "1,nan"), ("sm_shift", "21"), ("sm_shift", "inf"),
    ("sm_max", "yes"), ("sm_scale", "-1"), ("sm_scale", ""), ("sm_batch", "1,2"),
    ("sm_batch", ";".join(["1,2,3"] * 11)),
])
def test_bad_url_values_are_named_and_defaulted(key, text):
    settings, problems = page_settings.from_query({key: text})
    assert len(problems) == 1 and problems[0].startswith(f"{key}: ")
    name = page_settings.READERS[key][0]
    assert getattr(settings, name) == getattr(page_settings.Settings(), name)


def test_settings_edits():
    settings = page_settings.Settings()
    assert settings.with_classes(5).logits == (4.8, 1.21, 2.385, 0.0, 0.0)
    assert settings.with_classes(2).logits == (4.8, 1.21)
    assert settings.with_logit(1, 7).logits == (4.8, 7.0, 2.385)
    assert settings.changed(2, -1).logits == (4.8, 1.21, -1.0)
    assert settings.changed("classes", 2).logits == (4.8, 1.21)
    assert settings.changed("scale", 0.5).scale == 0.5
    assert page_settings.slider_limit(10.0) == 10.0
    assert page_settings.slider_limit(-10.5) == page_settings.LOGIT_LIMIT


# --- figures ----------------------------------------------------------------


def test_figures_show_nan_in_red_and_keep_fixed_ranges():
    assert show.number(float("inf")) == ":red[**inf**]"
    assert show.number(float("nan")) == ":red[**nan**]"
    assert show.number(0.9999999999999999, exact=True) == "0.9999999999999999"
    naive = calc.steps([1000.0, 0.0])
    bars = show.probability_bars(naive.probabilities)
    assert list(bars.data[0].text) == ["nan", "0.0%"]
    assert list(bars.data[0].y) == [0.0, 0.0]
    assert bars.layout.yaxis.range == (0, 1.12)
    table = show.steps_table(naive, subtract_max=False)
    assert ":red[**inf**]" in table and ":red[**nan**]" in table
    figure = show.scale_figure(calc.SCALE_FACTORS, calc.scale_curves([1, 2]), 0.5,
                               calc.steps([1, 2], scale=0.5).probabilities)
    assert len(figure.data) == 3 and figure.layout.shapes[0].x0 == 0.5
    assert figure.layout.xaxis.range == (0.0, 5.0)


# --- the seeded chapter run against the real nnfs ------------------------------

NNFS_RUN = """
import sys
import numpy as np
import nnfs
from nnfs.datasets import spiral_data

nnfs.init()
X, y = spiral_data(samples=100, classes=3)
weights1 = 0.01 * np.random.randn(2, 3)
biases1 = np.zeros((1, 3))
weights2 = 0.01 * np.random.randn(3, 3)
biases2 = np.zeros((1, 3))
dense1 = np.dot(X, weights1) + biases1
relu1 = np.maximum(0, dense1)
dense2 = np.dot(relu1, weights2) + biases2
exp_values = np.exp(dense2 - np.max(dense2, axis=1, keepdims=True))
probabilities = exp_values / np.sum(exp_values, axis=1, keepdims=True)
np.savez(sys.argv[1], inputs=X, labels=y, dense1=dense1, relu1=relu1, dense2=dense2,
         probabilities=probabilities)
"""


@pytest.mark.subprocess
def test_chapter_pass_is_bit_for_bit_the_nnfs_run(tmp_path):
    path = tmp_path / "nnfs_run.npz"
    subprocess.run([sys.executable, "-c", NNFS_RUN, str(path)], check=True, timeout=120)
    ours = spiral.chapter_pass()
    with np.load(path) as book:
        for name in ("inputs", "labels", "dense1", "relu1", "dense2", "probabilities"):
            mine = getattr(ours, name)
            assert mine.dtype == book[name].dtype, name
            assert mine.tobytes() == book[name].tobytes(), name
    assert ours.inputs.dtype == np.float32 and ours.labels.dtype == np.uint8
    assert ours.largest_logit < 1e-3  # why every row is about 1/3


def test_chapter_pass_uses_only_its_own_generator():
    state = np.random.get_state(legacy=False)
    first, second = spiral.chapter_pass(), spiral.chapter_pass()
    assert first.probabilities.tobytes() == second.probabilities.tobytes()
    after = np.random.get_state(legacy=False)
    assert np.array_equal(after["state"]["key"], state["state"]["key"])
    assert after["state"]["pos"] == state["state"]["pos"]


@pytest.mark.subprocess
def test_the_program_shown_on_the_page_prints_what_the_page_shows():
    result = subprocess.run([sys.executable, "-c", book_code.BOOK_PROGRAM], check=True,
                            capture_output=True, text=True, timeout=120)
    assert result.stdout == str(spiral.chapter_pass().probabilities[:5]) + "\n"
