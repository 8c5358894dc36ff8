"""The probe's arithmetic: every neuron at one x worked by hand, as the book works a single
neuron (section 4.7: output = activation(weight · input + bias)), term by term, so that a
learner can redo the sum and land on the network's output to the last bit."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnsine.engine.activations import relu
from nnsine.engine.network import Params
from nnsine.i18n import _


@dataclass(frozen=True)
class PairSteps:
    """One pair at x: layer 1 z1 = w1·x + b1, a1 = f(z1); layer 2 z2 = w2·a1 + b2,
    a2 = f(z2); its contribution a2·w_out (all floats, exactly the engine's)."""

    pair: int  # counted from 1, as the page names pairs
    w1: float
    b1: float
    z1: float
    a1: float
    w2: float
    b2: float
    z2: float
    a2: float
    w_out: float
    contribution: float


@dataclass(frozen=True)
class Arithmetic:
    """Every pair's steps at x and the output: b_out + contribution 1 + ... (added in that
    order, as nnsine.engine.network.forward adds them)."""

    x: float
    pairs: tuple[PairSteps, ...]
    b_out: float
    output: float


def work(params: Params, x: float, activation=relu) -> Arithmetic:
    """The forward pass at the single input x, every multiplication and addition kept.

    Computed with the same float64 operations as nnsine.engine.network.forward (elementwise
    products, then the sum from b_out pair by pair), so `rebuild(work(p, x))` equals
    `forward(p, [x]).output[0]` bit for bit."""
    x = float(x)
    steps = []
    for i in range(params.n_pairs):
        w1, b1, w2, b2, w_out = (float(getattr(params, n)[i]) for n in
                                 ("w1", "b1", "w2", "b2", "w_out"))
        z1 = x * w1 + b1
        a1 = float(activation(np.float64(z1)))
        z2 = a1 * w2 + b2
        a2 = float(activation(np.float64(z2)))
        steps.append(PairSteps(i + 1, w1, b1, z1, a1, w2, b2, z2, a2, w_out, a2 * w_out))
    result = Arithmetic(x, tuple(steps), params.b_out, 0.0)
    return Arithmetic(x, result.pairs, params.b_out, rebuild(result))


def rebuild(arithmetic: Arithmetic) -> float:
    """The output from the shown terms alone: b_out + each contribution, left to right."""
    total = arithmetic.b_out
    for step in arithmetic.pairs:
        total = total + step.contribution
    return total


def lines(arithmetic: Arithmetic, digits: int = 4, activation: str = "relu") -> list[str]:
    """The worked sums as text, one line per neuron and one for the output, e.g.
    "Pair 1, layer 1: 6 · 0.08 + 0 = 0.48 → ReLU → 0.48" ("→ linear →" for "linear");
    a negative term is written "− 0.58", never "+ -0.58"; numbers to `digits` decimals
    (the exact values are in `arithmetic`). The words are in the current language; the
    numbers keep a decimal point, as NumPy prints them."""
    def n(value: float) -> str:
        text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text

    def plus(value: float) -> str:
        text = n(value)
        return f"− {text[1:]}" if text.startswith("-") else f"+ {text}"

    name = "ReLU" if activation == "relu" else _("linear") if activation == "linear" else (
        activation)
    out = []
    for s in arithmetic.pairs:
        out.append(_("Pair {pair}, layer 1: {w1} · {x} {b1} = {z1} → {f} → {a1}",
                     pair=s.pair, w1=n(s.w1), x=n(arithmetic.x), b1=plus(s.b1), z1=n(s.z1),
                     f=name, a1=n(s.a1)))
        out.append(_("Pair {pair}, layer 2: {w2} · {a1} {b2} = {z2} → {f} → {a2};  × output "
                     "weight {w_out} = {contribution}", pair=s.pair, w2=n(s.w2), a1=n(s.a1),
                     b2=plus(s.b2), z2=n(s.z2), f=name, a2=n(s.a2), w_out=n(s.w_out),
                     contribution=n(s.contribution)))
    terms = " ".join(plus(s.contribution) for s in arithmetic.pairs)
    out.append(_("Output: {b_out} (output bias) {terms} = {output}", b_out=n(arithmetic.b_out),
                 terms=terms, output=n(arithmetic.output)))
    return out
