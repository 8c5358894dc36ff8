"""Issue 24, points 5, 7 and 8: smooth curves drawn smooth and ReLU's corner exactly where
it switches; one sign in formulas; the smaller words a second read beside the book found."""

from __future__ import annotations

import numpy as np
import pytest

from nnsine.book import figure_map, more_pairs
from nnsine.engine.neuron import pair, pair_notes
from nnsine.engine.views import with_kinks
from nnsine.plots.chapter_figures import curves_figure, fits_figure, loss_figure
from tests.charts import chart, values
from tests.conftest import opened


def test_curves_keep_every_point():
    x = np.linspace(-6, 6, 1201)
    for figure in (curves_figure(x, {"a": x, "b": x}, (-6, 6), (-1, 1)),
                   fits_figure(x, np.sin(x), {"fit": x})):
        assert all(trace.line.simplify is False for trace in figure.data)


def test_relu_bends_exactly_at_its_switch_point():
    x = np.linspace(-1, 1, 801)
    drawn = with_kinks(x, [0.1234, None, float("inf"), 5.0])
    assert 0.1234 in drawn and len(drawn) == 802 and np.all(np.diff(drawn) > 0)
    assert with_kinks(x, []) is x


@pytest.mark.app
def test_the_sigmoid_and_the_sine_are_drawn_smooth_on_their_pages():
    at = opened("pages/activations.py", {"act": "sigmoid"}, timeout=120)
    (curve, *_) = chart(at, "act_chart")["data"]
    assert curve["line"]["simplify"] is False and len(values(curve["y"])) >= 1000
    at = opened("pages/why-nonlinear.py", timeout=300)
    sine = chart(at, "why_fit_relu")["data"][0]
    assert sine["line"]["simplify"] is False and len(values(sine["y"])) >= 1000
    text = " ".join(m.value for m in at.markdown)
    assert "shirts" in text and "price of a home" in text
    assert any("Fig. 4-5 " in c.value for c in at.caption)  # named on screen (issue 24)
    assert any("(Fig. 4-8)" in h.value for h in at.header)


def test_the_loss_chart_names_its_steps_as_training_steps():
    figure = loss_figure({"relu": np.ones(11)}, 10)
    assert figure.layout.xaxis.title.text.startswith("training step")


def test_fig_4_13_says_the_two_curves_coincide_and_draws_both():
    view = pair(np.linspace(-1, 1, 5), -1.0, 0.5, 1.0, 0.0)
    assert np.array_equal(view.output, view.hidden1)
    words = dict(pair_notes(view, 1.0, 0.0))["no_offset"]
    assert "lies exactly on neuron 1's" in words and "Fig. 4-13" in words
    figure = curves_figure(np.zeros(2), {"pair": np.zeros(2), "neuron 1": np.zeros(2)},
                           (0, 1), (0, 1))
    assert figure.data[0].line.dash == "solid" and figure.data[1].line.dash == "dash"


@pytest.mark.app
def test_softmax_says_the_books_two_reasons_and_names_the_largest_logit_rightly():
    at = opened("pages/softmax.py", timeout=120)
    text = " ".join(m.value for m in at.markdown)
    assert "**dead neurons**" in text and "**exploding**" in text
    assert "(the largest is" not in text and "none is further from 0 than" in text


@pytest.mark.app
def test_the_tuner_explains_the_dashed_curve_and_the_colours():
    at = opened("app.py", timeout=120)
    caption = " ".join(c.value for c in at.caption)
    assert "Dashed: pair 1's own contribution" in caption
    assert "green sine wave" in caption and "red fitment line" in caption


def test_fig_4_32_and_4_33_words_are_data():
    assert "enable all of the weights" in figure_map.FIG_4_32_BOOK
    assert figure_map.by_figure("4-33").preset == "sixteen-pairs"
    assert "More neurons can enable more unique areas of effect" in more_pairs.WORDS


@pytest.mark.app
def test_linear_mode_names_no_dashed_curve():
    at = opened("app.py", timeout=120)
    at.segmented_control(key="activation").set_value("linear").run()
    caption = " ".join(c.value for c in at.caption)
    assert "Dashed:" not in caption and "green sine wave" in caption


def test_the_live_tuners_target_keeps_every_point():
    from pathlib import Path
    chart_js = (Path(__file__).resolve().parents[1] / "nnsine" / "frontend" / "tuner_chart.js")
    assert "line: { color: TARGET_COLOR, width: 4, simplify: false }" in chart_js.read_text()


def test_fig_4_33_pairs_all_shape_the_wave():
    from nnsine.engine import pairs
    from nnsine.engine.metrics import score
    fit = more_pairs.sixteen_pairs()
    assert fit.n_pairs == 16 and not pairs.warnings(fit)
    assert all(pairs.area(fit, i) is not None for i in range(16))
    assert score(fit).max_error < 0.0346  # closer than the 8 hand-tuned pairs
