"""What the network should fit: a name -> function table over the book's sine grid."""

from __future__ import annotations

import numpy as np
from nnfs.datasets import sine_data

DEFAULT = "sine"


def sine(x: np.ndarray) -> np.ndarray:
    """sin(2πx), the book's target: any shape in, same shape out."""
    return np.sin(2 * np.pi * x)


TARGETS = {DEFAULT: sine}
LABELS = {DEFAULT: "sin(2πx)"}


def grid() -> tuple[np.ndarray, np.ndarray]:
    """The book's sine data: x = 0, 0.001, ..., 0.999 and sin(2πx), both (1000,)."""
    # sine_data() draws no random numbers and touches no NumPy global state.
    x, y = sine_data()
    return x[:, 0], y[:, 0]


def sample(name: str = DEFAULT) -> tuple[np.ndarray, np.ndarray]:
    """The book's x grid (1000,) and the named target on it (1000,)."""
    if name not in TARGETS:
        raise KeyError(f"unknown target {name!r}; known: {', '.join(TARGETS)}")
    x, _ = grid()
    return x, TARGETS[name](x)
