"""Chapter 4's activation functions, batched: rows are samples, columns neurons."""

from __future__ import annotations

import numpy as np


def step(inputs: np.ndarray) -> np.ndarray:
    """Step: 1 where inputs > 0, else 0; any shape in, same shape out."""
    return np.where(np.asarray(inputs) > 0, 1.0, 0.0)


def linear(inputs: np.ndarray) -> np.ndarray:
    """Linear (identity): any shape in, same shape out (float64)."""
    return np.asarray(inputs, dtype=np.float64)


def sigmoid(inputs: np.ndarray) -> np.ndarray:
    """Sigmoid 1 / (1 + e^-x): any shape in, same shape out, no overflow warning."""
    inputs = np.asarray(inputs, dtype=np.float64)
    # exp of a large positive number overflows; exp(-|x|) never does.
    z = np.exp(-np.abs(inputs))
    return np.where(inputs >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def relu(inputs: np.ndarray) -> np.ndarray:
    """ReLU max(0, x): any shape in, same shape out."""
    return np.maximum(inputs, 0.0)


def softmax(inputs: np.ndarray) -> np.ndarray:
    """Row-wise softmax: (n, classes) or (classes,) in, same shape out, rows sum to 1.

    Infinite logits have the limits' answer, without a warning: a row with +inf shares its
    confidence equally among its +inf entries; a row of -inf alone is uniform (equal
    logits, however low). NaN in a row gives NaN in that row. Raises ValueError for a
    row with no classes (NumPy's: a maximum of nothing)."""
    inputs = np.asarray(inputs, dtype=np.float64)
    top = np.max(inputs, axis=-1, keepdims=True)
    # Subtracting the row max leaves the result unchanged (shift invariance)
    # and keeps every exponent <= 0, so logits of +-1000 cannot overflow.
    # An infinite max cannot be subtracted (inf - inf is NaN): there the limit is
    # 1 for the entries equal to the max and 0 for the others.
    infinite = np.isinf(top)
    with np.errstate(over="ignore"):  # 1e308 - (-1e308) is -inf: exp gives 0, rightly
        shifted = np.where(infinite, np.where(inputs == top, 0.0, -np.inf),
                           inputs - np.where(infinite, 0.0, top))
    exp_values = np.exp(shifted)
    return exp_values / np.sum(exp_values, axis=-1, keepdims=True)


def softmax_naive(inputs: np.ndarray) -> np.ndarray:
    """Softmax without the max shift, to show overflow: same shapes as softmax; may be inf/nan."""
    inputs = np.asarray(inputs, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        exp_values = np.exp(inputs)
        return exp_values / np.sum(exp_values, axis=-1, keepdims=True)


ACTIVATIONS = {"step": step, "linear": linear, "sigmoid": sigmoid, "relu": relu}
