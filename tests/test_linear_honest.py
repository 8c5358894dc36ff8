"""Issue 24, point 1: with linear hidden layers the walkthrough and the probe say what a
linear network does (no switch points, every pair adds at every x, one line), offer a way
back to ReLU, and claim no goal the page's own metrics deny."""

from __future__ import annotations

import re

import pytest

from nnsine.book import walkthrough, walkthrough_reasons
from nnsine.engine import probe
from nnsine.engine.activations import linear
from nnsine.engine.metrics import evaluate
from nnsine.engine.network import line_formula, linear_collapse
from nnsine.engine.probe_arithmetic import lines, work
from nnsine.formats import params
from tests.test_tuner_page import app, metric

LAST = len(walkthrough.STEPS)


def linear_app(step: int):
    at = app({**params.to_query(walkthrough.STEPS[step - 1].params), "walk": str(step)})
    at.segmented_control(key="activation").set_value("linear").run()
    assert not at.exception
    return at


def every_text(at) -> str:
    kinds = ("markdown", "caption", "info", "warning", "success", "error")
    return " ".join(e.value for kind in kinds for e in at.get(kind))


def test_line_formulas_have_one_sign():
    assert line_formula(5.45, -2.011) == "y = 5.45·x − 2.011"
    assert line_formula(-6, 0.7) == "y = -6·x + 0.7"
    assert line_formula(0.0, -0.0) == "y = 0·x + 0"


@pytest.mark.app
def test_the_last_step_in_linear_mode_claims_no_goal_the_page_denies():
    at = linear_app(LAST)
    text = every_text(at)
    fit = at.session_state["fit"]
    shown_max = float(metric(at, "max |error|"))
    assert shown_max == round(evaluate(fit, activation="linear").score.max_error, 4)
    assert "0.0346" not in text and "which meets the goal" not in text
    assert "misses the goals" in text and f"{shown_max:.4f}" in text
    assert line_formula(*linear_collapse(fit)) in text
    assert "+ -" not in text and "+ +" not in text
    assert not at.success or all("reached" not in s.value for s in at.success)


@pytest.mark.app
def test_a_relu_step_in_linear_mode_says_what_linear_does_and_switches_back():
    at = linear_app(5)  # "reaches 0 at x = 0.12, where its ReLU starts to output 0"
    text = every_text(at)
    assert "where its ReLU starts" not in text
    assert "no neuron switches on or off" in text and "every pair adds at every x" in text
    assert walkthrough_reasons.linear_note(walkthrough.STEPS[4].params) in text
    at.button(key="walk_relu").click().run()
    assert at.session_state["activation"] == "relu"
    assert walkthrough.STEPS[4].caption in every_text(at)


def test_the_probe_in_linear_mode_adds_every_pair():
    fit = walkthrough.STEPS[-1].params
    p = probe.probe(fit, 0.51, linear)
    words = " ".join(sentence for _, sentence in probe.explain(p, fit))
    assert "Adding 0" not in words and "Active at" not in words
    off_with_relu = [i for i, r in enumerate(probe.roles(probe.probe(fit, 0.51), fit))
                     if r == "off"]
    assert off_with_relu and all(abs(p.contributions[i]) > 0.01 for i in off_with_relu)
    assert all(f"pair {i + 1} {p.contributions[i] + 0.0:.2f}" in words
               for i in range(fit.n_pairs))
    assert all(role == "linear" for role in probe.roles(p, fit))
    assert all(row["does"] == probe.ROLES["linear"] for row in probe.table(p, fit)[:-1])
    assert line_formula(*linear_collapse(fit)) in words
    arithmetic = lines(work(fit, 0.08, linear), activation="linear")
    assert "→ linear →" in arithmetic[0] and "ReLU" not in " ".join(arithmetic)
    assert not any(re.search(r"\+ -\d", line) for line in arithmetic)


@pytest.mark.app
def test_the_probe_tab_in_linear_mode_on_the_page():
    at = linear_app(LAST)
    at.session_state["tuner_tab"] = "Probe the network"
    at.run()
    fit = at.session_state["fit"]
    p = probe.probe(fit, 0.08, linear)
    shown = " ".join(m.value for m in at.markdown)
    for _, sentence in probe.explain(p, fit):
        assert sentence in shown
    assert "Adding 0" not in shown
    assert any("no pair switches on or off" in w.value for w in at.warning)
    at.button(key="probe_relu").click().run()
    assert at.session_state["activation"] == "relu"
    assert any("Adding 0" in m.value or "Active at" in m.value for m in at.markdown)
