"""The softmax page under Streamlit's AppTest: widgets by key, URL state, overflow without
warnings, NumPy left as it was, and 1,500 reruns in one session."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from nnsine.engine import spiral
from nnsine.engine.activations import softmax
from tests.charts import chart, values
from tests.conftest import opened
from tests.test_listings import assert_numpy_untouched, numpy_globals
from tests.test_tuner_page import shown

pytestmark = pytest.mark.app

ROOT = Path(__file__).resolve().parents[1]


def softmax_page(query: dict | None = None) -> AppTest:
    return opened("pages/softmax.py", query)


def batch_code(at: AppTest) -> str:
    """The batch section's text (the page also shows the book's listings as code)."""
    return next(c.value for c in at.code if c.value.startswith("inputs"))


def ok(at: AppTest) -> AppTest:
    """The AppTest after a run, checked for exceptions."""
    assert not at.exception, at.exception
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def markdown_with(at: AppTest, text: str) -> str:
    return next(m.value for m in at.markdown if text in m.value)


def table_column(at: AppTest, column: int) -> list[str]:
    """One column of the step-by-step table's class rows."""
    table = markdown_with(at, "| class | logit | exponent")
    rows = [line.split("|")[1:-1] for line in table.splitlines()[2:-1]]
    return [row[column].strip() for row in rows]




def url(at: AppTest) -> dict:
    return {key: value for key, value in at.query_params.items() if key.startswith("sm_")}


def test_defaults_show_the_books_numbers():
    at = softmax_page()
    assert metric(at, "Predicted class (argmax)") == "0"
    assert metric(at, "Confidence") == "89.53%"
    assert metric(at, "Sum of probabilities") == "0.9999999999999999"
    assert table_column(at, 4) == ["0.89528266", "0.02470831", "0.08000903"]  # as the book prints
    assert [bar for bar in chart(at, "sm_bars")["data"][0]["text"]] == ["89.5%", "2.5%", "8.0%"]
    printed = str(spiral.chapter_pass().probabilities[:5])
    assert printed.startswith("[[0.33333334 0.33333334 0.33333334]")
    assert any(code.value == printed for code in at.code)
    assert not at.warning and not at.error and url(at) == {}


def test_the_page_runs_inside_the_app():
    # Straight to the page through app.py's st.navigation (not via the default page).
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    ok(at.switch_page("pages/softmax.py").run())
    assert metric(at, "Confidence") == "89.53%"


def test_exact_entry_moves_its_slider_the_numbers_and_the_url():
    at = softmax_page()
    ok(at.number_input(key="sm_exact_1").set_value(3.0).run())
    assert at.slider(key="sm_logit_1").value == 3.0
    assert table_column(at, 1) == ["4.8", "3.", "2.385"]  # NumPy prints 3.0 in an array as "3."
    assert metric(at, "Confidence") == f"{softmax([4.8, 3.0, 2.385])[0]:.2%}"
    assert url(at) == {"sm_logits": "4.8,3,2.385"}
    ok(at.slider(key="sm_logit_2").set_value(-1.5).run())
    assert at.number_input(key="sm_exact_2").value == -1.5
    assert url(at) == {"sm_logits": "4.8,3,-1.5"}


def test_number_of_classes():
    at = softmax_page()
    ok(at.number_input(key="sm_n").set_value(5).run())
    assert [at.slider(key=f"sm_logit_{i}").value for i in range(5)] == [4.8, 1.21, 2.385, 0, 0]
    assert len(chart(at, "sm_scale_chart")["data"]) == 6  # five curves and the markers
    ok(at.number_input(key="sm_n").set_value(2).run())
    assert "sm_logit_2" not in [slider.key for slider in at.slider]
    assert url(at) == {"sm_logits": "4.8,1.21"}
    ok(at.button(key="sm_book").click().run())
    assert url(at) == {} and metric(at, "Confidence") == "89.53%"


def test_overflow_is_shown_in_red_and_warns_no_one():
    at = softmax_page()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ok(at.button(key="sm_push").click().run())
        assert at.slider(key="sm_logit_0").value == 1000.0
        assert at.slider(key="sm_logit_0").max == 1000.0  # widened to show the typed value
        assert table_column(at, 3)[0] == ":red[**inf**]"
        assert table_column(at, 4)[0] == ":red[**nan**]"
        assert "inf / inf = nan" in at.error[0].value
        overflow = markdown_with(at, "naive exp(logit)")
        assert ":red[**inf**]" in overflow and ":red[**nan**]" in overflow
        assert overflow.splitlines()[2].endswith("| 1. | 1. |")  # the stable softmax is fine
        ok(at.toggle(key="sm_max").set_value(True).run())
        assert not at.error and metric(at, "Confidence") == "100.00%"
    assert not [w for w in caught if issubclass(w.category, RuntimeWarning)], caught
    assert url(at) == {"sm_logits": "1000,1.21,2.385", "sm_max": "1"}


def test_shift_moves_the_logits_not_the_probabilities():
    at = softmax_page()
    before = table_column(at, 4)
    ok(at.slider(key="sm_shift").set_value(7.0).run())
    assert table_column(at, 1) == ["11.8", "8.21", "9.385"]
    assert table_column(at, 4) == before
    assert any("from the shift of 7: " in caption.value for caption in at.caption)
    ok(at.toggle(key="sm_max").set_value(True).run())
    assert "logit − max" in markdown_with(at, "| class | logit |")
    assert table_column(at, 2)[0] == "0." and table_column(at, 4) == before
    assert url(at) == {"sm_shift": "7", "sm_max": "1"}


def test_scale_marks_the_current_factor_on_each_curve():
    at = softmax_page()
    ok(at.slider(key="sm_scale").set_value(0.5).run())
    figure = chart(at, "sm_scale_chart")
    markers = figure["data"][-1]
    np.testing.assert_allclose(values(markers["y"]), softmax([2.4, 0.605, 1.1925]))
    assert figure["layout"]["shapes"][0]["x0"] == 0.5
    assert url(at) == {"sm_scale": "0.5"}


def test_the_url_restores_every_setting():
    at = softmax_page({"sm_logits": "1,2,3,0", "sm_shift": "-2", "sm_max": "1",
                       "sm_scale": "2", "sm_batch": "1,2,3;-2,-1,0"})
    assert not at.warning
    assert [at.number_input(key=f"sm_exact_{i}").value for i in range(4)] == [1, 2, 3, 0]
    assert at.number_input(key="sm_n").value == 4
    assert at.slider(key="sm_shift").value == -2.0 and at.toggle(key="sm_max").value
    assert at.slider(key="sm_scale").value == 2.0
    assert "inputs                                    (2, 3)" in batch_code(at)


def test_bad_url_values_are_named_and_replaced_by_defaults():
    at = softmax_page({"sm_logits": "1,x", "sm_scale": "9", "sm_max": "maybe",
                       "sm_shift": "1.5"})
    warned = " ".join(shown(w.value) for w in at.warning)
    for key in ("sm_logits", "sm_scale", "sm_max"):
        assert key in warned
    assert at.slider(key="sm_logit_0").value == 4.8 and at.slider(key="sm_scale").value == 1.0
    assert at.slider(key="sm_shift").value == 1.5  # the good value is kept
    assert url(at) == {"sm_shift": "1.5"}


def test_batch_edits_drop_incomplete_rows_and_reach_the_url():
    at = softmax_page()
    at.session_state["sm_batch"] = {
        "edited_rows": {1: {"class 1": None}}, "deleted_rows": [0],
        "added_rows": [{"class 0": 1.0, "class 1": 2.0, "class 2": 3.0}]}
    ok(at.run())
    assert "Left out row(s) 1 " in at.warning[0].value
    assert "inputs                                    (2, 3)" in batch_code(at)
    assert "[0.09003057 0.24472847 0.66524096]]" in batch_code(at)
    assert url(at) == {"sm_batch": "1.41,1.051,0.026;1,2,3"}


def test_the_page_leaves_numpy_as_it_was():
    np.random.seed(99)
    before = numpy_globals()
    at = softmax_page({"sm_logits": "1000,0"})
    ok(at.slider(key="sm_scale").set_value(3.0).run())
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    ok(app.switch_page("pages/softmax.py").run())
    assert_numpy_untouched(before)


def test_1500_reruns_in_one_session():
    at = softmax_page()
    for _ in range(1500):
        at.run()
    assert not at.exception, at.exception
    assert metric(at, "Confidence") == "89.53%"
    assert any(str(spiral.chapter_pass().probabilities[:5]) == code.value for code in at.code)
