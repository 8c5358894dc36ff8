"""One neuron and one pair up close (section 4.7): their outputs over x, where a neuron
switches, and a pair's area of effect (where both neurons are active)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnsine.activations import relu
from nnsine.network import Params, forward
from nnsine.pairs import Area, area


def neuron(inputs: np.ndarray, weight: float, bias: float, activation=relu) -> np.ndarray:
    """One neuron with one input: activation(weight * inputs + bias), inputs (n,) -> (n,)."""
    return activation(weight * np.asarray(inputs, dtype=np.float64) + bias)


def activation_point(weight: float, bias: float) -> float | None:
    """The x where weight * x + bias crosses 0 (None when weight is 0: it never does)."""
    return None if weight == 0 else -bias / weight + 0.0  # + 0.0: no -0.0


@dataclass(frozen=True)
class PairView:
    """A pair over x: neuron 1's output and the pair's output (n,), and its area of effect
    (nnsine.pairs.Area: where it switches on and off; None when the output is flat)."""

    hidden1: np.ndarray
    output: np.ndarray
    area: Area | None


def pair(inputs: np.ndarray, w1: float, b1: float, w2: float, b2: float) -> PairView:
    """Neuron 1 (weight w1, bias b1) feeding neuron 2 (w2, b2), both ReLU, over inputs (n,)."""
    alone = Params([w1], [b1], [w2], [b2], [1.0], 0.0)  # output weight 1: the pair as it is
    trace = forward(alone, inputs)
    return PairView(trace.hidden1[:, 0], trace.hidden2[:, 0], area(alone, 0))
