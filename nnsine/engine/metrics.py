"""How good a fit is: MSE, max |error|, mean |error| against a target."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnsine.engine import targets
from nnsine.engine.activations import ACTIVATIONS
from nnsine.engine.network import Params, Trace, forward, predict


@dataclass(frozen=True)
class Score:
    """How close a fit is: MSE, max |error|, mean |error|."""
    mse: float
    max_error: float
    mean_error: float


def rank_key(mse: float, max_error: float, *arrival) -> tuple:
    """THE ranking of fits, best first, wherever fits are ranked (the class board, a
    student's standing, `nnsine score` and the class page): lower MSE, then lower
    max |error|, then earlier arrival. `arrival` is what orders equal scores where it is
    known (on the board: hand-in time, then join order); ranking with a stable sort keeps
    equal scores in the order given (files: as uploaded or named on the command line)."""
    return (mse, max_error, *arrival)


def compare(output: np.ndarray, target: np.ndarray) -> Score:
    """Score of an output (n,) against a target (n,)."""
    error = np.asarray(output, dtype=np.float64) - np.asarray(target, dtype=np.float64)
    return Score(float(np.mean(error**2)), float(np.max(np.abs(error))),
                 float(np.mean(np.abs(error))))


def score(params: Params, target: str = targets.DEFAULT) -> Score:
    """Score of a fit on the book's grid; the one function the page and the CLI share."""
    x, y = targets.sample(target)
    return compare(predict(params, x), y)


@dataclass(frozen=True)
class Evaluation:
    """One fit on one target: grid x (n,), target (n,), the forward-pass trace, its score."""

    x: np.ndarray
    target: np.ndarray
    trace: Trace
    score: Score


def evaluate(params: Params, target: str = targets.DEFAULT, activation: str = "relu"
             ) -> Evaluation:
    """Everything a page shows about a fit, from one forward pass on the book's grid
    (hidden activation "relu", or "linear" to show the collapse of section 4.6)."""
    x, y = targets.sample(target)
    trace = forward(params, x, ACTIVATIONS[activation])
    return Evaluation(x, y, trace, compare(trace.output, y))


def checksum(output: np.ndarray) -> float:
    """Sum of an output (n,) added left to right, as the browser adds it: equal sums
    mean the browser drew the engine's curve."""
    total = 0.0
    for value in output.tolist():
        total += value
    return total


# The challenge: reach each max |error| in turn (the score the CLI gives, too).
GOALS = (0.10, 0.05)


def goals_met(result: Score) -> list[bool]:
    """For each goal in GOALS, whether the fit's max |error| reaches it."""
    return [result.max_error <= goal for goal in GOALS]
