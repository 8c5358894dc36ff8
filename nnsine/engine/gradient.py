"""∂MSE/∂parameter for every parameter of the pair network (5 * n_pairs + 1 numbers),
by the chain rule backwards through the pair network (the book's chapter 9).

Every sum over the samples is taken left to right (np.cumsum), never pairwise or by
BLAS, and every product in a fixed order, so that the browser's copy
(nnsine/frontend/gradient.js) gives the same bits. The ReLU's derivative at 0 is 0, as
the book's Activation_ReLU.backward (`dinputs[inputs <= 0] = 0`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnsine.engine.activations import ACTIVATIONS
from nnsine.engine.network import (
    Params,
    Trace,
    forward,
    from_vector,
    parameter_names,
    to_vector,
)
from nnsine.engine.wording import listed
from nnsine.i18n import ngettext

HIDDEN = ("relu", "linear")  # hidden activations whose derivative this module knows


def _total(values: np.ndarray) -> np.ndarray:
    """Sum over the samples (axis 0), strictly left to right: (n, ...) -> (...)."""
    return np.cumsum(values, axis=0)[-1]


def _through(dvalues: np.ndarray, outputs: np.ndarray, relu: bool) -> np.ndarray:
    """Back through an activation: ReLU passes the gradient only where its output is
    above 0 (its input > 0); linear passes all of it."""
    return np.where(outputs > 0, dvalues, 0.0) if relu else dvalues


def _check(activation: str) -> None:
    if activation not in HIDDEN:
        raise ValueError(f"the gradient knows {', '.join(HIDDEN)}, not {activation!r}")


def backward(params: Params, trace: Trace, target: np.ndarray, activation: str = "relu"
             ) -> tuple[float, Params]:
    """MSE of a forward pass (network.forward) against target (n,) and its gradient as
    Params: each field ∂MSE/∂(that field), shaped like `params` (n_pairs,) and b_out.
    Raises ValueError for an activation other than relu or linear."""
    _check(activation)
    relu = activation == "relu"
    x = trace.inputs  # (n, 1)
    error = trace.output - np.asarray(target, dtype=np.float64).reshape(-1)
    n = error.shape[0]
    loss = float(_total(error * error)) / n
    doutput = ((2.0 / n) * error)[:, None]  # ∂MSE/∂output, (n, 1)
    dsum2 = _through(doutput * params.w_out, trace.hidden2, relu)  # layer-2 input, (n, P)
    dsum1 = _through(dsum2 * params.w2, trace.hidden1, relu)  # layer-1 input, (n, P)
    return loss, Params(
        w1=_total(dsum1 * x), b1=_total(dsum1),
        w2=_total(dsum2 * trace.hidden1), b2=_total(dsum2),
        w_out=_total(doutput * trace.hidden2), b_out=float(_total(doutput)[0]),
    )


def loss_and_gradient(params: Params, inputs: np.ndarray, target: np.ndarray,
                      activation: str = "relu") -> tuple[float, Params]:
    """MSE of the pair network on inputs (n,) against target (n,), and ∂MSE/∂parameter
    as Params (see backward). The MSE's sum runs left to right: it may differ from
    metrics.compare's (pairwise) in the last bits."""
    _check(activation)
    return backward(params, forward(params, inputs, ACTIVATIONS[activation]), target,
                    activation)


def gradient(params: Params, inputs: np.ndarray, target: np.ndarray,
             activation: str = "relu") -> Params:
    """∂MSE/∂parameter as Params (see loss_and_gradient)."""
    return loss_and_gradient(params, inputs, target, activation)[1]


def named(gradient: Params) -> dict[str, float]:
    """A gradient (or any Params) keyed by the URL names: p1_w1 ... pN_w_out, b_out."""
    return dict(zip(parameter_names(gradient.n_pairs), to_vector(gradient).tolist(),
                    strict=True))


class PairBatch:
    """The pair network's MSE on one batch as a function of its flat vector
    (5 * n_pairs + 1,), network.to_vector's order, for the trainer (engine.training)."""

    def __init__(self, inputs: np.ndarray, target: np.ndarray, activation: str = "relu"):
        _check(activation)
        self.inputs = np.asarray(inputs, dtype=np.float64).reshape(-1)
        self.target = np.asarray(target, dtype=np.float64).reshape(-1)
        self.activation = activation

    def loss(self, vector: np.ndarray) -> float:
        """MSE of the fit `vector` (summed left to right)."""
        return self.loss_and_gradient(vector)[0]

    def loss_and_gradient(self, vector: np.ndarray) -> tuple[float, np.ndarray]:
        """MSE and its gradient (5 * n_pairs + 1,), both in to_vector's order."""
        loss, grad = loss_and_gradient(from_vector(vector), self.inputs, self.target,
                                       self.activation)
        return loss, to_vector(grad)


@dataclass(frozen=True)
class Dead:
    """Pairs (counted from 0) that get no gradient on a grid: `pairs`, whose layer-2
    neuron is 0 for every x (none of the pair's five numbers can move), and `layer1`,
    whose layer-1 neuron alone is 0 for every x (its w1, b1 and w2 cannot move)."""

    pairs: tuple[int, ...]
    layer1: tuple[int, ...]


def dead(params: Params, inputs: np.ndarray, activation: str = "relu") -> Dead:
    """Which pairs the optimizer cannot move, and why (see Dead): with ReLU, a neuron
    that is 0 for every input passes no gradient back (the book, chapter 9). With linear
    hidden layers nothing is dead."""
    _check(activation)
    if activation == "linear":
        return Dead((), ())
    trace = forward(params, inputs)
    off1, off2 = np.all(trace.hidden1 <= 0, axis=0), np.all(trace.hidden2 <= 0, axis=0)
    return Dead(tuple(np.flatnonzero(off2).tolist()),
                tuple(np.flatnonzero(off1 & ~off2).tolist()))


def why_still(found: Dead) -> list[str]:
    """A learner's sentences on what the optimizer cannot move and why (none if every
    pair can move), in the current language: the lesson of a fit of zeros is the dead
    ReLU (chapter 9)."""
    said = []
    if found.pairs:
        said.append(ngettext(
            "Pair {pairs} gets no gradient: the layer-2 neuron is 0 for every x, and a ReLU "
            "passes no gradient back where it is 0 (a dead ReLU), so the optimizer cannot move "
            "any of the pair's five numbers.",
            "Pairs {pairs} get no gradient: the layer-2 neuron is 0 for every x, and a ReLU "
            "passes no gradient back where it is 0 (a dead ReLU), so the optimizer cannot move "
            "any of the pair's five numbers.",
            len(found.pairs), pairs=listed(i + 1 for i in found.pairs)))
    if found.layer1:
        said.append(ngettext(
            "Pair {pairs} gets no gradient for the layer-1 weight, layer-1 bias and layer-2 "
            "weight: the layer-1 neuron is 0 for every x (a dead ReLU); only the layer-2 bias "
            "and output weight can move.",
            "Pairs {pairs} get no gradient for the layer-1 weight, layer-1 bias and layer-2 "
            "weight: the layer-1 neuron is 0 for every x (a dead ReLU); only the layer-2 bias "
            "and output weight can move.",
            len(found.layer1), pairs=listed(i + 1 for i in found.layer1)))
    return said
