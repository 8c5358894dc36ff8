"""Softmax laid out step by step (section 4.10): every intermediate a page shows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnsine.activations import softmax

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
