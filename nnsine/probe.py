"""What every neuron does at one x (book Figs. 4-30, 4-31)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnsine.activations import relu
from nnsine.network import Params, forward


@dataclass(frozen=True)
class Probe:
    """One forward pass at x: hidden1, hidden2, contributions, active1, active2 are
    (n_pairs,); a neuron is active when its output is > 0."""

    x: float
    hidden1: np.ndarray
    hidden2: np.ndarray
    contributions: np.ndarray
    output: float
    active1: np.ndarray
    active2: np.ndarray


def _frozen(row: np.ndarray) -> np.ndarray:
    row = row.copy()
    row.flags.writeable = False
    return row


def probe(params: Params, x: float, activation=relu) -> Probe:
    """Every neuron's value at the single input x."""
    trace = forward(params, [x], activation)
    hidden1, hidden2 = trace.hidden1[0], trace.hidden2[0]
    return Probe(float(x), _frozen(hidden1), _frozen(hidden2),
                 _frozen(trace.contributions[0]), float(trace.output[0]),
                 _frozen(hidden1 > 0), _frozen(hidden2 > 0))


def table(p: Probe, params: Params) -> list[dict]:
    """One row per pair (its layer-1 and layer-2 outputs and its contribution), then
    the sum plus the output bias, which is the output."""
    # "pair" is text in every row: a table column (Arrow) holds one type.
    rows = [{"pair": f"Pair {i + 1}", "layer 1": float(p.hidden1[i]),
             "layer 2": float(p.hidden2[i]), "× output weight": float(p.contributions[i]) + 0.0}
            for i in range(params.n_pairs)]
    total = float(np.sum(p.contributions))
    rows.append({"pair": f"sum {total:.2f} + output bias {params.b_out:.2f} =",
                 "layer 1": None, "layer 2": None, "× output weight": p.output})
    return rows
