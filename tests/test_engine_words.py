"""The engine's and the figures' words go through the translation layer (issue 27): in the
pseudo-locale every sentence they make is wrapped in ⟦…⟧, with nothing but numbers,
symbols and code-like names outside (tests/pseudo_locale.py), for the cases that say the
most; lists follow the language's own pattern."""

from __future__ import annotations

import re

import numpy as np
import pytest

from nnsine import i18n
from nnsine.book import presets
from nnsine.engine import (
    activation_facts,
    fields,
    gradient,
    handles,
    neuron,
    pairs,
    probe,
    probe_arithmetic,
    softmax_steps,
    targets,
)
from nnsine.engine.activations import linear
from nnsine.engine.target_formula import TargetError
from nnsine.engine.wording import listed
from nnsine.plots import chapter_figures, figures, probe_figures, sketch_figures, softmax_figures
from tests.pseudo_locale import _figure_texts, leftovers

HAND_TUNED = presets.preset("hand-tuned")
INNERMOST = re.compile(r"⟦[^⟦⟧]*⟧")
CODE = {"argmax", "x₁", "x₂"}  # NumPy's name and the spiral's inputs: code in every language
X = np.linspace(0, 1, 11)


def unmarked(text: str) -> list[str]:
    """The words of `text` outside every ⟦…⟧, nested ones too (a clause of the sentence
    is a message of its own: "⟦Pair 3 is dead: … ⟦Raise its layer-2 bias …⟧⟧")."""
    while (inner := INNERMOST.sub(" ", text)) != text:
        text = inner
    return [word for word in leftovers(text.replace("|", " ")) if word not in CODE]


def sentences() -> list[str]:
    """What the engine says about a range of cases (every branch that has words)."""
    said = []
    for name in ("step", "sigmoid", "relu", "linear"):
        for weight, bias in ((1.0, 0.0), (0.001, 0.0), (5.0, 50.0)):
            said += [s for _key, s in activation_facts.notes(name, weight, bias)]
    for weight, bias in ((0.0, 1.0), (2.0, -1.0), (-2.0, 1.0)):
        said += [s for _key, s in neuron.neuron_notes(weight, bias)]
        point = neuron.switch(weight, bias)
        said += [point.label.replace("{x}", "0.5")] if point else []
    for w1, b1, w2, b2 in ((1, 0, 1, 0), (1, 0, -1, 0.5), (1, 0, 2, 0.3), (0, 1, 1, 0),
                           (-1, 0.5, 2, 0), (-1, 0.5, -1, 0.2)):
        view = neuron.pair(X, w1, b1, w2, b2)
        said += [s for _key, s in neuron.pair_notes(view, w2, b2)]
        said += [label.replace("{x}", "0.5") for label in neuron.pair_points(view)]
    odd = (HAND_TUNED.replace(0, w_out=0.0).replace(1, w2=0.0).replace(2, b1=-20.0)
           .replace(3, b1=-8.0, b2=8.0).replace(5, **HAND_TUNED.pair(4)))
    for fit in (HAND_TUNED, odd):
        said += pairs.warnings(fit)
        said += [pairs.describe(fit, i) for i in range(fit.n_pairs)]
        said += [handles.handles(fit, i)[1] or "" for i in range(fit.n_pairs)]
        for x in (0.08, 0.51):
            for activation in (None, linear):
                found = probe.probe(fit, x) if activation is None else probe.probe(
                    fit, x, activation)
                said += [s for _key, s in probe.explain(found, fit)]
                said += [cell for row in probe.table(found, fit) for cell in row.values()]
            said += probe_arithmetic.lines(probe_arithmetic.work(fit, x))
            said += probe_arithmetic.lines(probe_arithmetic.work(fit, x), activation="linear")
    said += gradient.why_still(gradient.Dead(pairs=(0,), layer1=(1, 2, 3)))
    said += gradient.why_still(gradient.Dead(pairs=(0, 4), layer1=(1,)))
    for logits in ([-1000.0] * 3, [1000.0, 1.21, 2.385], [1000.0, -1000.0, 0.0],
                   [0.0, -1000.0], [0.0, -740.0], [1000.0] * 2, [4.8, 1.21, 2.385]):
        for subtract in (False, True):
            laid_out = softmax_steps.steps(logits, subtract_max=subtract)
            said += [s for _key, s in softmax_steps.numerics(laid_out, subtract)]
    said += [slot.label for slot in fields.slots(2)]
    said += [targets.label(name) for name in ("triangle", "step", "pts:0,0;1,1")]
    return said


def figure_texts() -> list[str]:
    """Every title, axis title, annotation and legend name of each figure builder."""
    curves = {"a": X, "b": X}
    area = pairs.area(HAND_TUNED, 0)
    built = [
        chapter_figures.curves_figure(X, curves, (0, 1), (-1, 1), area=area,
                                      points={neuron.switch(1.0, -0.5).label: 0.5}),
        chapter_figures.fits_figure(X, X, {}, "0.5*x"),
        chapter_figures.errors_figure(X, X, {"a": X}),
        chapter_figures.loss_figure({}, 10), chapter_figures.weights_figure(np.eye(2), ""),
        figures.fit_figure(X, X, X, "0.5*x"),
        probe_figures.network_diagram(HAND_TUNED, probe.probe(HAND_TUNED, 0.08)),
        probe_figures.network_diagram(HAND_TUNED, probe.probe(HAND_TUNED, 0.08, linear)),
        sketch_figures.sketch_figure((X, X)),
        softmax_figures.probability_bars(np.array([0.5, 0.5])),
        softmax_figures.scale_figure(np.linspace(0, 1, 3), np.ones((3, 2)) / 2, 0.5,
                                     np.array([0.5, 0.5])),
        softmax_figures.exp_figure(X, np.exp(X), np.array([0.5]), np.exp(np.array([0.5]))),
        softmax_figures.spiral_figure(np.zeros((2, 2)), np.array([0, 1]), np.ones(2)),
    ]
    texts = [text for figure in built for _where, text in _figure_texts(figure.to_json())]
    texts += [note["text"] for note in figures.area_overlay(area, "#000", (0, 1), 0)[
        "annotations"]]
    laid_out = softmax_steps.steps([1.0, 2.0])
    texts += (softmax_figures.steps_table(laid_out, True).splitlines()[:1]
              + softmax_figures.steps_table(laid_out, False).splitlines()[-1:]
              + softmax_figures.overflow_table(laid_out, laid_out).splitlines()[:1]
              + softmax_figures.decisions_table([[0.5, 0.5]], np.array([0]),
                                                np.array([0.5])).splitlines()[:1])
    return texts


def test_every_sentence_of_the_engine_is_marked_for_translation():
    with i18n.using(i18n.PSEUDO):
        said = sentences()
    assert len(said) > 150
    assert [s for s in said if unmarked(s)] == []


def test_every_word_of_the_figures_is_marked_for_translation():
    with i18n.using(i18n.PSEUDO):
        texts = figure_texts()
    assert [t for t in texts if unmarked(t)] == []


@pytest.mark.parametrize("message, call", [
    ("⟦", lambda: targets.sample("nothing")),
    ("⟦", lambda: targets.sample("f:sin(")),
    ("⟦", lambda: targets.sample("f:y")),
    ("⟦", lambda: targets.sample("pts:0,0;0,1")),
    ("⟦", lambda: pairs.from_meaning(HAND_TUNED, 0, 0.5, 0.2, 1.0)),
])
def test_a_learners_error_is_marked_for_translation(message, call):
    with i18n.using(i18n.PSEUDO), pytest.raises(ValueError) as error:
        call()
    assert str(error.value).startswith(message) and not unmarked(str(error.value)), error


def test_lists_follow_the_language():
    assert listed([1, 2, 3]) == "1, 2 and 3" and listed([4]) == "4" and listed([]) == ""
    with i18n.using("es"):
        assert listed([1, 2, 3]) == "1, 2 y 3"
    with i18n.using("zh"):
        assert listed([1, 2, 3]) == "1、2和3"


def test_target_errors_still_name_the_value_in_english():
    with pytest.raises(TargetError, match="the formula 'y' uses 'y', which is not defined"):
        targets.sample("f:y")
