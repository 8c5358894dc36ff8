"""What the tuner's chart spans: the book's x in [0, 1), or a wider view that shows a
ReLU network going on as straight lines outside its data."""

from __future__ import annotations

import numpy as np

from nnsine import targets

# name: (first j, count, denominator): x = j / denominator, as nnfs's sine_data does.
VIEWS = {"book": (0, 1000, 1000), "wide": (-500, 2000, 1000)}
X_RANGES = {"book": (0.0, 1.0), "wide": (-0.5, 1.5)}


def grid(view: str = "book") -> np.ndarray:
    """The view's x values (count,); the book view is exactly the book's grid."""
    start, count, denominator = VIEWS[view]
    return np.arange(start, start + count) / denominator


def target_curve(target: str, view: str = "book") -> tuple[np.ndarray, np.ndarray]:
    """x (count,) and the named target on it (count,), for drawing."""
    x = grid(view)
    return x, targets.TARGETS[target](x)
