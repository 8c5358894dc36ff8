"""What the network should fit: a name -> function table over the book's sine grid."""

from __future__ import annotations

import numpy as np
from nnfs.datasets import sine_data

DEFAULT = "sine"


def sine(x: np.ndarray) -> np.ndarray:
    """sin(2πx), the book's target: any shape in, same shape out (as every target)."""
    return np.sin(2 * np.pi * x)


def triangle(x: np.ndarray) -> np.ndarray:
    """Triangle wave with the sine's extremes: 0 at x = 0, 1 at 0.25, -1 at 0.75, 0 at 1."""
    return 4 * np.abs((np.asarray(x, dtype=np.float64) - 0.25) % 1 - 0.5) - 1


def absolute(x: np.ndarray) -> np.ndarray:
    """|x - 0.5|: one kink, which a single pair can make exactly."""
    return np.abs(np.asarray(x, dtype=np.float64) - 0.5)


def step(x: np.ndarray) -> np.ndarray:
    """0 for x < 0.5, 1 from 0.5 on: ReLU pairs can only approximate the jump."""
    return np.where(np.asarray(x) >= 0.5, 1.0, 0.0)


def nielsen(x: np.ndarray) -> np.ndarray:
    """0.2 + 0.4x² + 0.3x·sin(15x) + 0.05·cos(50x), Nielsen's visual-proof challenge."""
    x = np.asarray(x, dtype=np.float64)
    return 0.2 + 0.4 * x**2 + 0.3 * x * np.sin(15 * x) + 0.05 * np.cos(50 * x)


TARGETS = {DEFAULT: sine, "triangle": triangle, "abs": absolute, "step": step,
           "nielsen": nielsen}
LABELS = {DEFAULT: "sin(2πx)", "triangle": "a triangle wave", "abs": "|x − 0.5|",
          "step": "a step at x = 0.5",
          "nielsen": "0.2 + 0.4x² + 0.3x·sin(15x) + 0.05·cos(50x)"}


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
