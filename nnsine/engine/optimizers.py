"""The book's chapter-10 optimizers, one step at a time on a flat parameter vector: plain
SGD (Optimizer_SGD without momentum) and Adam (Kingma & Ba 2015, as Optimizer_Adam),
and the lock masks that keep chosen parameters exactly where they are.

The browser's copy is nnsine/frontend/optimizer.js (same operations in the same order):
the trainer (engine.training) and the browser's Play give the same bits.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import numpy as np

from nnsine.engine import dense
from nnsine.engine.network import Params
from nnsine.i18n import _

MAX_LEARNING_RATE = 10.0  # every slider spans 20: a larger step only slams into the ends


def check_learning_rate(value) -> float:
    """A learning rate as a float in (0, MAX_LEARNING_RATE]; ValueError naming the value
    for 0, a negative, a huge one, NaN, infinity or anything not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        raise ValueError(_("learning rate must be a number, not {value}",
                           value=repr(value)[:60]))
    if not 0.0 < float(value) <= MAX_LEARNING_RATE:
        raise ValueError(_("learning rate must be above 0 and at most {most:g}, not {value}",
                           most=MAX_LEARNING_RATE, value=repr(float(value))))
    return float(value)


def _check_decay(value) -> None:
    if not (isinstance(value, int | float | np.number) and math.isfinite(value) and value >= 0):
        raise ValueError(_("learning-rate decay must be a finite number, 0 or more, not {value}",
                           value=repr(value)[:60]))


@dataclass(frozen=True)
class SGD:
    """The book's Optimizer_SGD without momentum: params -= rate * gradient, the rate
    decaying as learning_rate / (1 + decay * step). Raises ValueError for a bad rate.
    The default is 0.1, not the book's 1.0: on the hand-tuned fit 1.0 diverges (MSE
    3.9e-4 -> 0.59 in two steps), 0.1 lowers the MSE every step."""

    learning_rate: float = 0.1
    decay: float = 0.0

    def __post_init__(self):
        check_learning_rate(self.learning_rate)
        _check_decay(self.decay)


@dataclass(frozen=True)
class Adam:
    """The book's Optimizer_Adam settings; the step size decays as 1 / (1 + decay * step).
    Raises ValueError for a bad learning rate or decay."""

    learning_rate: float = 0.005
    decay: float = 0.0
    epsilon: float = 1e-7
    beta_1: float = 0.9
    beta_2: float = 0.999

    def __post_init__(self):
        check_learning_rate(self.learning_rate)
        _check_decay(self.decay)


Optimizer = SGD | Adam


def to_browser(optimizer: Optimizer) -> dict:
    """The settings as nnsine/frontend/optimizer.js takes them: kind ("sgd" or "adam")
    and the dataclass's own fields by name (JSON-ready)."""
    kind = "sgd" if isinstance(optimizer, SGD) else "adam"
    return {"kind": kind, **asdict(optimizer)}


def power(base: float, exponent: int) -> float:
    """base ** exponent by repeated squaring: the same bits in Python and JavaScript
    (C's pow and V8's Math.pow differ in the last bit for about 5 % of Adam's steps)."""
    result = 1.0
    while exponent > 0:
        if exponent & 1:
            result *= base
        base *= base
        exponent >>= 1
    return result


def update(vector: np.ndarray, gradient: np.ndarray, momentum: np.ndarray, cache: np.ndarray,
           t: int, optimizer: Optimizer) -> None:
    """Step t (from 1) of `optimizer`, in place: vector, momentum and cache (n_params,)
    change; SGD leaves momentum and cache alone."""
    rate = optimizer.learning_rate / (1.0 + optimizer.decay * (t - 1))
    if isinstance(optimizer, SGD):
        vector -= rate * gradient
        return
    momentum *= optimizer.beta_1
    momentum += (1.0 - optimizer.beta_1) * gradient
    cache *= optimizer.beta_2
    cache += (1.0 - optimizer.beta_2) * gradient**2
    # The book's  -rate * m_hat / (sqrt(v_hat) + epsilon), with the bias corrections
    # folded into scalars (as PyTorch does) so the vectors are touched fewer times.
    denominator = np.sqrt(cache)
    denominator *= 1.0 / math.sqrt(1.0 - power(optimizer.beta_2, t))
    denominator += optimizer.epsilon
    vector -= (rate / (1.0 - power(optimizer.beta_1, t))) * momentum / denominator


def _pairs(pairs: Iterable[int], n_pairs: int) -> list[int]:
    pairs = list(pairs)
    for i in pairs:
        if not (isinstance(i, int | np.integer) and 0 <= i < n_pairs):
            shown = i + 1 if isinstance(i, int | np.integer) else repr(i)
            raise ValueError(_("there is no pair {pair}: the network has pairs 1 to {last}",
                               pair=shown, last=n_pairs))
    return pairs


def lock_mask(network: Params | dense.Dense, pairs: Iterable[int] = (),
              b_out: bool = False) -> np.ndarray:
    """1.0 for each parameter the optimizer may move, 0.0 for the locked ones, shaped like
    the network's flat vector: (5 * n_pairs + 1,) for Params, (n_params,) for Dense.
    A locked pair i (counted from 0) keeps w1, b1, b2, w_out and every weight into its
    layer-2 neuron (in a Dense network, column i of layer 2), so its contribution stays
    exactly what it was; `b_out` locks the output bias. ValueError names a pair that is
    not there."""
    if isinstance(network, Params):
        mask = np.ones(5 * network.n_pairs + 1)
        for i in _pairs(pairs, network.n_pairs):
            mask[5 * i:5 * i + 5] = 0.0
        if b_out:
            mask[-1] = 0.0
        return mask
    if len(network.sizes) != 4 or network.sizes[1] != network.sizes[2]:
        raise ValueError(f"pairs can be locked only in a 1 -> n -> n -> 1 network, "
                         f"not {network.sizes}")
    mask = np.ones_like(network.vector)
    first, second, output = dense.Dense(mask, network.sizes).matrices  # views of mask
    for i in _pairs(pairs, network.sizes[1]):
        first[:, i] = second[:, i] = output[i] = 0.0
    if b_out:
        output[-1] = 0.0
    return mask
