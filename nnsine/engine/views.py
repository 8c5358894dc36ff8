"""What the tuner's chart spans: the book's x in [0, 1), or a wider view that shows a
ReLU network going on as straight lines outside its data."""

from __future__ import annotations

import numpy as np

from nnsine.engine import targets

# name: (first j, count, denominator): x = j / denominator, as nnfs's sine_data does.
VIEWS = {"book": (0, 1000, 1000), "wide": (-500, 2000, 1000)}
X_RANGES = {"book": (0.0, 1.0), "wide": (-0.5, 1.5)}


def grid(view: str = "book") -> np.ndarray:
    """The view's x values (count,); the book view is exactly the book's grid."""
    start, count, denominator = VIEWS[view]
    return np.arange(start, start + count) / denominator


def target_curve(target: str, view: str = "book") -> tuple[np.ndarray, np.ndarray]:
    """x (count,) and the target on it (count,; NaN where undefined), for drawing."""
    x = grid(view)
    return x, targets.curve(target, x)


def target_text(target: str, view: str = "book") -> str:
    """The target on the view's grid as one comma-separated string for the live chart:
    5 decimals (drawn only, never scored), an empty entry (a gap) where it is undefined
    or infinite. One string, not a list: JSON-encoding and hashing 1,000 numbers on every
    release cost the server about a millisecond (benchmarks/class_load.py)."""
    _, y = target_curve(target, view)
    return ",".join(repr(v) if np.isfinite(v) else "" for v in np.round(y, 5).tolist())


def with_kinks(x: np.ndarray, kinks) -> np.ndarray:
    """x (n,) sorted with the kinks (the x where a ReLU switches) that lie inside it
    added, so a drawn ReLU bends exactly there instead of cutting the corner between two
    samples; None and non-finite kinks are left out. Returns (n + added,)."""
    inside = [float(k) for k in kinks if k is not None and np.isfinite(k) and x[0] < k < x[-1]]
    return np.union1d(x, inside) if inside else x
