"""The probe's worked arithmetic rebuilds the engine's output exactly."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsine.book import presets
from nnsine.engine.activations import linear
from nnsine.engine.network import Params, forward
from nnsine.engine.probe_arithmetic import lines, rebuild, work

VALUE = st.floats(-10, 10, allow_nan=False)


@st.composite
def fits(draw):
    n = draw(st.integers(1, 16))
    rows = draw(st.lists(st.lists(VALUE, min_size=5, max_size=5), min_size=n, max_size=n))
    columns = np.array(rows).T
    return Params(*columns, b_out=draw(VALUE))


@settings(max_examples=300, deadline=None)
@given(fits(), st.floats(-0.5, 1.5, allow_nan=False), st.booleans())
def test_terms_rebuild_the_output_bit_for_bit(fit, x, is_linear):
    activation = linear if is_linear else forward.__defaults__[0]
    worked = work(fit, x, activation)
    trace = forward(fit, [x], activation)
    assert worked.output == trace.output[0] == rebuild(worked)
    for k, step in enumerate(worked.pairs):
        assert step.a1 == trace.hidden1[0, k] and step.a2 == trace.hidden2[0, k]
        assert step.contribution == trace.contributions[0, k]


def test_the_books_pair_worked_by_hand():
    worked = work(presets.preset("hand-tuned"), 0.08)
    text = lines(worked)
    assert text[0] == "Pair 1, layer 1: 6 · 0.08 + 0 = 0.48 → ReLU → 0.48"
    assert text[1].startswith("Pair 1, layer 2: -1 · 0.48 + 0.7 = 0.22 → ReLU → 0.22")
    assert text[-1].startswith("Output: ") and text[-1].endswith(f"{worked.output:.4f}"[:6])
