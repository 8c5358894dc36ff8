"""Probing one x: values equal the engine's forward pass; the book's two examples; the diagram."""

import numpy as np
import pytest

from nnsine.engine import network, probe
from nnsine.engine.activations import linear, sigmoid
from nnsine.formats import params
from nnsine.plots.probe_figures import INACTIVE, PAIR_COLORS, network_diagram
from tests.tuned import TUNED

HAND_TUNED = TUNED  # worked numbers below are for this fit


@pytest.mark.parametrize("x", [-0.3, 0.0, 0.08, 0.15, 0.51, 0.999, 1.4])
def test_probe_equals_the_forward_pass(x):
    rng = np.random.default_rng(5)
    for fit in (HAND_TUNED, params.from_flat(rng.uniform(-10, 10, 41))):
        p = probe.probe(fit, x)
        trace = network.forward(fit, np.array([x]))
        assert p.x == x and p.output == trace.output[0]
        for name in ("hidden1", "hidden2", "contributions"):
            assert np.array_equal(getattr(p, name), getattr(trace, name)[0])
        assert np.array_equal(p.active1, trace.hidden1[0] > 0)
        assert np.array_equal(p.active2, trace.hidden2[0] > 0)


def test_probe_uses_the_activation_given():
    p = probe.probe(HAND_TUNED, 0.51, linear)
    assert p.output == network.forward(HAND_TUNED, [0.51], linear).output[0]
    assert probe.probe(HAND_TUNED, 0.51, sigmoid).active1.all()  # sigmoid is never 0


def test_the_books_two_examples():
    at_008, at_051 = probe.probe(HAND_TUNED, 0.08), probe.probe(HAND_TUNED, 0.51)
    # Fig. 4-30: at x = 0.08 only pair 1 (and the offset pair) pass x on in layer 1.
    assert at_008.active1.tolist() == [True] + [False] * 6 + [True]
    assert at_008.active2.all()
    # Fig. 4-31: at x = 0.51 pairs 1-4 are on in layer 1, but 1-3 have switched off again.
    assert at_051.active1.tolist() == [True] * 4 + [False] * 3 + [True]
    assert at_051.active2.tolist() == [False] * 3 + [True] * 5
    assert at_051.hidden1[3] == pytest.approx(0.75) and at_051.hidden2[3] == pytest.approx(0.6)


def test_probe_is_frozen():
    p = probe.probe(HAND_TUNED, 0.3)
    with pytest.raises(ValueError):
        p.hidden1[0] = 1.0


def test_table_rows_and_the_sum():
    p = probe.probe(HAND_TUNED, 0.51)
    rows = probe.table(p, HAND_TUNED)
    assert len(rows) == 9
    assert [row["pair"] for row in rows[:8]] == [f"Pair {i}" for i in range(1, 9)]
    assert rows[3] == {"pair": "Pair 4", "does": probe.ROLES["active"], "layer 1": "0.7500",
                       "layer 2": "0.6000", "× output weight": "0.6900"}
    assert rows[-1]["× output weight"] == f"{p.output:.4f}"
    assert rows[-1]["does"] == "sum -0.0595 + output bias 0.0000"
    shifted = HAND_TUNED.replace(b_out=0.5)
    last = probe.table(probe.probe(shifted, 0.51), shifted)[-1]
    assert last["does"] == "sum -0.0595 + output bias 0.5000"
    assert last["× output weight"] == f"{0.5 - 0.0595:.4f}"
    cells = [value for row in rows for value in row.values()]
    assert all(isinstance(c, str) and c and c != "None" for c in cells)  # no empty cell
    assert not any(c.startswith("-0.0000") for c in cells)


def neurons(figure):
    return next(trace for trace in figure.data if trace.name == "neurons")


@pytest.mark.parametrize("x", [0.08, 0.51])
def test_diagram_colours_the_active_neurons(x):
    p = probe.probe(HAND_TUNED, x)
    figure = network_diagram(HAND_TUNED, p)
    marks = neurons(figure)
    assert len(marks.x) == len(marks.y) == 16 == len(marks.marker.color)
    assert [t.name for t in figure.data if t.mode == "markers+text"] == [
        "neurons", "input", "output"]
    expected = [PAIR_COLORS[i] if on else INACTIVE
                for actives in (p.active1, p.active2) for i, on in enumerate(actives)]
    assert list(marks.marker.color) == expected
    assert f"{p.hidden2[3]:.2f}" in marks.text
    assert figure.layout.xaxis.fixedrange and figure.layout.yaxis.fixedrange
    assert figure.layout.height == 520 and figure.layout.font.size == 18
    lines = [t for t in figure.data if t.mode == "lines"]
    assert len(lines) == 3 * 8
    first_link = lines[0]  # input -> pair 1's layer-1 neuron, active at both x
    assert first_link.line.color == PAIR_COLORS[0] and first_link.line.dash == "solid"
    assert lines[1].line.dash == "dash"  # layer-2 weight -1
    assert lines[0].line.width > lines[3 * 7].line.width  # |5| > |0|


def test_diagram_for_16_pairs_and_distinct_colours():
    assert len(set(PAIR_COLORS)) == 16 == params.MAX_PAIRS
    fit = params.from_flat(np.random.default_rng(2).uniform(-2, 2, 81))
    marks = neurons(network_diagram(fit, probe.probe(fit, 0.3)))
    assert len(marks.x) == 32


@pytest.mark.parametrize("x, active, constant, off", [
    (0.08, [0], [1, 2, 3, 4, 5, 6], []),
    (0.51, [3], [4, 5, 6], [0, 1, 2]),
])
def test_the_words_name_the_pairs_the_engine_finds(x, active, constant, off):
    p = probe.probe(HAND_TUNED, x)
    parts = probe.roles(p, HAND_TUNED)
    assert [i for i, r in enumerate(parts) if r == "active"] == active
    assert [i for i, r in enumerate(parts) if r == "constant"] == constant
    assert [i for i, r in enumerate(parts) if r == "off"] == off
    assert parts[7] == "offset"
    # active = both neurons on, with x passing through (nonzero weights)
    for i, role in enumerate(parts):
        both = bool(p.active1[i] and p.active2[i])
        assert (role in ("active", "offset")) == both
    words = dict(probe.explain(p, HAND_TUNED))
    names = ", ".join(str(i + 1) for i in active)
    assert f"pair {names}." in words["active"]
    assert "Pair 8 is always on: its layer-1 weight is 0" in words["offset"]
    assert ("off" in words) == bool(off)


@pytest.mark.app
def test_the_probe_panel_says_it_in_words_at_both_book_points():
    from tests.test_tuner_page import app

    at = app()
    at.button(key="preset_hand-tuned").click().run()
    at.session_state["tuner_tab"] = "Probe the network"
    at.run()
    fit = at.session_state["fit"]
    for button, x in (("probe_008", 0.08), ("probe_051", 0.51)):
        at.button(key=button).click().run()
        assert not at.exception
        shown = " ".join(m.value for m in at.markdown)
        for _, sentence in probe.explain(probe.probe(fit, x), fit):
            assert sentence in shown
        (frame,) = at.dataframe
        table = frame.value
        assert "None" not in table.astype(str).to_numpy().ravel().tolist()
        assert not table.isna().any().any()
