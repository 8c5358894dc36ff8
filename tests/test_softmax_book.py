"""Issue 18 item 6 and issue 10 case 5: the softmax page says what section 4.10 says, and
explains overflow, underflow or both truthfully for the case on screen, with NumPy's digits."""

from __future__ import annotations

import numpy as np
import pytest

from nnsine.engine import softmax_steps as calc
from nnsine.plots import softmax_figures as show
from tests.charts import chart, values
from tests.test_softmax_page import ok, softmax_page, table_column


@pytest.mark.parametrize("logits, keys", [
    ([-1000.0, -1000.0, -1000.0], ["underflow"]),
    ([1000.0, 1.21, 2.385], ["overflow"]),
    ([1000.0, -1000.0, 0.0], ["both"]),
    ([0.0, -1000.0], ["underflow_some"]),
    ([4.8, 1.21, 2.385], ["fine"]),
])
def test_numerics_name_what_float64_did(logits, keys):
    laid_out = calc.steps(logits)
    said = calc.numerics(laid_out, subtract_max=False)
    assert [key for key, _ in said] == keys
    exps = laid_out.exp_values
    if "underflow" in keys:  # every exp is 0 and 0 / 0 is nan: nothing overflowed
        assert np.all(exps == 0) and laid_out.total == 0
        assert np.all(np.isnan(laid_out.probabilities))
        assert "not overflow" in said[0][1] and "0 / 0" in said[0][1]
    if "overflow" in keys:
        assert np.isinf(exps).any() and not (exps == 0).any()
    if "both" in keys:
        assert np.isinf(exps).any() and (exps == 0).any()
    stable = calc.numerics(calc.steps(logits, subtract_max=True), subtract_max=True)
    assert [key for key, _ in stable][-1] == "protected"
    assert not {"overflow", "underflow", "both"} & {key for key, _ in stable}


def test_the_limits_are_float64s():
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(np.nextafter(calc.OVERFLOW_AT, np.inf)))
    assert np.isfinite(np.exp(calc.OVERFLOW_AT))
    assert np.exp(calc.UNDERFLOW_AT - 1e-9) == 0 and np.exp(calc.UNDERFLOW_AT + 1e-9) > 0


@pytest.mark.app
def test_all_minus_1000_is_called_underflow_on_the_page():
    at = softmax_page({"sm_logits": "-1000,-1000,-1000"})
    errors = " ".join(e.value for e in at.error)
    assert "Underflow, not overflow" in errors and "overflowed" not in errors
    naive = " ".join(m.value for m in at.markdown)
    assert "0 / 0 = nan" in naive
    assert table_column(at, 3) == ["0.", "0.", "0."]  # as print(np.exp(...)) shows them
    ok(at.toggle(key="sm_max").set_value(True).run())
    assert not at.error


@pytest.mark.app
def test_digits_follow_numpys_printing():
    laid_out = calc.steps([4.8, 1.21, 2.385])
    assert show.cells(laid_out.exp_values) == str(laid_out.exp_values)[1:-1].split()
    assert show.cells(laid_out.exp_values) == ["121.51041752", "3.35348465", "10.85906266"]
    assert show.cells([1e-300, 1.0]) == str(np.array([1e-300, 1.0]))[1:-1].split()
    at = softmax_page()
    assert table_column(at, 3) == ["121.51041752", "3.35348465", "10.85906266"]
    assert "as NumPy prints" in " ".join(c.value for c in at.caption)


@pytest.mark.app
def test_the_page_says_what_the_chapter_says():
    at = softmax_page()
    text = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    for words in ("Unbounded", "not normalised", "exclusive", "layer outputs", "logits",
                  "2.71828182846", "overflow", "scaled the same way", "Fig. 4-34"):
        assert words.lower() in text.lower(), words
    assert any("S_{i,j}" in latex.value for latex in at.latex)
    figure = chart(at, "sm_exp_chart")
    x, y = values(figure["data"][0]["x"]), values(figure["data"][0]["y"])
    np.testing.assert_allclose(y, np.exp(x))
    np.testing.assert_allclose(values(figure["data"][1]["x"]), [4.8, 1.21, 2.385])
    assert "Book's layer outputs" in at.button(key="sm_book").label
