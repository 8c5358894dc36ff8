"""Softmax laid out step by step (section 4.10): every intermediate a page shows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnsine.engine.activations import softmax
from nnsine.engine.wording import listed
from nnsine.i18n import _, ngettext

E = 2.71828182846  # the book's constant (listing In[5]); np.exp uses e to full precision
EXP_X = np.linspace(-5.0, 5.0, 401)  # Fig. 4-34's exponential, drawn on [-5, 5]
EXP_X.flags.writeable = False
# float64's limits for np.exp: above OVERFLOW_AT it gives inf; below UNDERFLOW_AT it
# rounds to 0 (half the smallest subnormal); below SUBNORMAL_AT it keeps fewer digits.
FLOAT = np.finfo(np.float64)
OVERFLOW_AT = float(np.log(FLOAT.max))  # ≈ 709.78
UNDERFLOW_AT = float(np.log(FLOAT.smallest_subnormal) - np.log(2.0))  # ≈ -745.13
SUBNORMAL_AT = float(np.log(FLOAT.smallest_normal))  # ≈ -708.40
SCALE_FACTORS = np.linspace(0.0, 5.0, 201)
SCALE_FACTORS.flags.writeable = False  # shared by every session: read-only
BOOK_CONFIDENCES = ((0.22, 0.6, 0.18), (0.32, 0.36, 0.32))  # same class, unlike confidence


@dataclass(frozen=True)
class Steps:
    """One softmax of (classes,) logits; arrays (classes,), sums as floats."""

    logits: np.ndarray
    exponents: np.ndarray  # what np.exp is given: the logits, or the logits minus their max
    exp_values: np.ndarray
    total: float
    probabilities: np.ndarray
    probability_sum: float

    @property
    def finite(self) -> bool:
        """Whether every probability is a finite number."""
        return bool(np.all(np.isfinite(self.probabilities)))

    @property
    def predicted(self) -> int | None:
        """np.argmax of the probabilities; None when they are not numbers."""
        return int(np.argmax(self.probabilities)) if self.finite else None

    @property
    def confidence(self) -> float:
        """The largest probability (nan when they are not numbers)."""
        return float(np.max(self.probabilities)) if self.finite else float("nan")


def steps(logits, shift: float = 0.0, subtract_max: bool = False, scale: float = 1.0
          ) -> Steps:
    """Softmax of (scale * logits + shift), (classes,), naive or with the max subtracted."""
    logits = scale * np.asarray(logits, dtype=np.float64) + shift
    exponents = logits - np.max(logits) if subtract_max else logits
    # Naive softmax overflows from logits of about 710: exp gives inf and
    # inf / inf gives nan. Those are what the page shows; NumPy must not warn.
    with np.errstate(over="ignore", invalid="ignore"):
        exp_values = np.exp(exponents)
        total = float(np.sum(exp_values))
        probabilities = exp_values / total
    return Steps(logits, exponents, exp_values, total, probabilities,
                 float(np.sum(probabilities)))


def shift_change(logits, shift: float) -> float:
    """The largest |change| in any probability that adding `shift` to (classes,) logits
    causes: 0 up to float rounding."""
    logits = np.asarray(logits, dtype=np.float64)
    return float(np.max(np.abs(softmax(logits + shift) - softmax(logits))))


def scale_curves(logits, factors: np.ndarray = SCALE_FACTORS) -> np.ndarray:
    """Softmax of factor * logits for each factor: (classes,), (f,) -> (f, classes)."""
    return softmax(np.outer(factors, np.asarray(logits, dtype=np.float64)))


@dataclass(frozen=True)
class Batch:
    """Softmax of a batch (n, classes), with the keepdims intermediates (n, 1)."""

    inputs: np.ndarray
    row_max: np.ndarray
    exp_values: np.ndarray
    row_sums: np.ndarray
    probabilities: np.ndarray


def batch(inputs) -> Batch:
    """The book's Activation_Softmax.forward on (n, classes), every step kept."""
    inputs = np.asarray(inputs, dtype=np.float64)
    row_max = np.max(inputs, axis=1, keepdims=True)
    exp_values = np.exp(inputs - row_max)
    row_sums = np.sum(exp_values, axis=1, keepdims=True)
    return Batch(inputs, row_max, exp_values, row_sums, exp_values / row_sums)


def complete_rows(table) -> tuple[np.ndarray, list[int]]:
    """Rows of an edited table (n, classes) with no empty cell, and the 0-based
    indices of the rows left out."""
    table = np.asarray(table, dtype=np.float64)
    complete = np.all(np.isfinite(table), axis=1)
    return table[complete], [int(i) for i in np.flatnonzero(~complete)]


def decisions(probabilities) -> tuple[np.ndarray, np.ndarray]:
    """(n, classes) -> predicted class (n,) by argmax, and its confidence (n,)."""
    probabilities = np.asarray(probabilities, dtype=np.float64)
    return np.argmax(probabilities, axis=1), np.max(probabilities, axis=1)


def exp_curve(x: np.ndarray = EXP_X) -> tuple[np.ndarray, np.ndarray]:
    """y = e^x over x (n,) for the exponential's graph (book Fig. 4-34)."""
    return x, np.exp(x)


def _classes(indices) -> str:
    numbers = [int(i) for i in indices]
    return ngettext("class {classes}", "classes {classes}", len(numbers),
                    classes=listed(numbers))


def numerics(laid_out: Steps, subtract_max: bool) -> list[tuple[str, str]]:
    """What float64 did in this softmax, as (key, sentence) for each statement that holds,
    in the current language: overflow (an e^z became inf), underflow (e^z became 0: all of
    them gives 0/0), both, lost (an underflow the stable softmax avoids), protected (the
    max subtracted), fine (nothing happened). Source of the limits: np.finfo(np.float64)."""
    exps, exponents = laid_out.exp_values, laid_out.exponents
    over = np.flatnonzero(np.isinf(exps))
    under = np.flatnonzero((exps == 0) & np.isfinite(exponents))
    tiny = np.flatnonzero((exps > 0) & (exps < FLOAT.smallest_normal))
    said = []
    limits = _("np.exp gives inf above z ≈ {over:.2f}, where e^z passes the largest float64, "
               "about 1.8·10³⁰⁸, and 0 below z ≈ {under:.2f}", over=OVERFLOW_AT,
               under=UNDERFLOW_AT)
    if len(over) and len(under):
        said.append(("both", _("Both overflow and underflow: e^z overflowed to inf for {over} "
                               "and underflowed to 0 for {under} ({limits}). The sum is inf, so "
                               "inf / inf = nan and 0 / inf = 0: no class can be predicted.",
                               over=_classes(over), under=_classes(under), limits=limits)))
    elif len(over) == len(exps):
        said.append(("overflow", ngettext(
            "Overflow: e^z became inf for {classes} ({limits}). The sum is inf, so inf / inf "
            "= nan for it: no class can be predicted.",
            "Overflow: e^z became inf for {classes} ({limits}). The sum is inf, so inf / inf "
            "= nan for them: no class can be predicted.",
            len(over), classes=_classes(over), limits=limits)))
    elif len(over):
        said.append(("overflow", ngettext(
            "Overflow: e^z became inf for {classes} ({limits}). The sum is inf, so inf / inf "
            "= nan for it and every other probability is x / inf = 0: no class can be "
            "predicted.",
            "Overflow: e^z became inf for {classes} ({limits}). The sum is inf, so inf / inf "
            "= nan for them and every other probability is x / inf = 0: no class can be "
            "predicted.",
            len(over), classes=_classes(over), limits=limits)))
    elif len(under) == len(exps):
        said.append(("underflow", _("Underflow, not overflow: every e^z became 0 ({limits}). "
                                    "The sum is 0, so every probability is 0 / 0 = nan: no "
                                    "class can be predicted, though the logits are ordinary "
                                    "numbers.", limits=limits)))
    elif len(under):
        stable = softmax(laid_out.logits)
        lost = [int(i) for i in under if stable[i] > 0]
        first = ngettext("e^z underflowed to 0 for {classes}: its probability comes out as 0.",
                         "e^z underflowed to 0 for {classes}: their probability comes out as "
                         "0.", len(under), classes=_classes(under))
        then = _("The stable softmax gives {classes} a tiny but nonzero probability: the naive "
                 "one lost it.", classes=_classes(lost)) if lost else _(
            "That is the right float64 answer: the true value is smaller than any float64.")
        said.append(("underflow_some", _("{first} {then}", first=first, then=then)))
    if len(tiny):
        said.append(("subnormal", _("e^z for {classes} is below the smallest normal float64 "
                                    "(about 2.2·10⁻³⁰⁸, z below ≈ {subnormal:.2f}): it keeps "
                                    "only a few significant digits (gradual underflow).",
                                    classes=_classes(tiny), subnormal=SUBNORMAL_AT)))
    if subtract_max:
        said.append(("protected", _("With the max subtracted every exponent is ≤ 0, so every "
                                    "e^z is at most 1 and nothing can overflow; the largest is "
                                    "e^0 = 1, so the sum is at least 1 and 0 / 0 cannot "
                                    "happen.")))
    elif not said:
        said.append(("fine", _("No overflow and no underflow: every e^z is an ordinary "
                               "float64.")))
    return said
