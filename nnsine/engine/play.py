"""What the browser's Play needs from the engine (issue 25): one JSON-ready dict with the
network, the target's grid, the optimizer's settings, the lock mask and the bounds, for
nnsine/frontend/optimizer.js (pair network: trainStep; dense: dense.js + step); and the
browser's optimizer state back as training.Moments, so Python can go on where it paused.
The browser thus gets every fact from Python and steps as training.sine_run would.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from nnsine.engine import dense, optimizers, targets, training
from nnsine.engine.network import BOUNDS, Params, parameter_names, to_vector
from nnsine.i18n import _


def setup(network: Params | dense.Dense, target: str = targets.DEFAULT,
          optimizer: optimizers.Optimizer = training.DEFAULT_OPTIMIZER,
          locked: Iterable[int] = (), lock_b_out: bool = False, pairwise: bool = False,
          activation: str = "relu") -> dict:
    """The browser's Play settings, all JSON numbers, strings and lists:
      vector (n_params,), dense (bool), n_pairs (the pair network's, or the dense width),
      names (the pair network's URL names; [] for dense), xs and ys (the target's grid,
      samples,), settings (optimizers.to_browser), mask (n_params,) or None, bounds
      [low, high], relu (bool).
    `locked` pairs count from 0; `pairwise` keeps a dense layer 2 diagonal (as sine_run).
    Raises ValueError for a pair that is not there or an activation other than relu or
    linear, TargetError for a bad target."""
    if activation not in ("relu", "linear"):
        raise ValueError(_("Play knows relu and linear hidden layers, not {activation}",
                           activation=repr(activation)))
    x, y = targets.sample(target)
    is_dense = isinstance(network, dense.Dense)
    mask = optimizers.lock_mask(network, locked, lock_b_out)
    if pairwise and is_dense:
        mask *= dense.pair_mask(network.sizes)
    vector = network.vector if is_dense else to_vector(network)
    return {
        "vector": vector.tolist(), "dense": is_dense,
        "n_pairs": network.sizes[1] if is_dense else network.n_pairs,
        "names": [] if is_dense else parameter_names(network.n_pairs),
        "xs": x.tolist(), "ys": y.tolist(), "settings": optimizers.to_browser(optimizer),
        "mask": None if np.all(mask == 1.0) else mask.tolist(),
        "bounds": list(BOUNDS), "relu": activation == "relu",
    }


MAX_PLAY_STEPS = 10**9  # far beyond any class; a larger count is not a browser's


def moments(state: dict) -> training.Moments:
    """optimizer.js's state {momentum, cache, steps} -> training.Moments, to resume the
    browser's run in Python (training.train(..., moments=...)). ValueError, naming what
    is wrong, unless momentum and cache are equally long lists of finite numbers (cache
    0 or more) and steps a whole number 0 to MAX_PLAY_STEPS."""
    try:
        momentum = np.asarray(state["momentum"], dtype=np.float64).reshape(-1)
        cache = np.asarray(state["cache"], dtype=np.float64).reshape(-1)
    except (KeyError, TypeError, ValueError) as error:
        problem = f"{type(error).__name__}: {str(error)[:80]}"  # Python's words, as it says them
        raise ValueError(_("the optimizer's momentum and cache must be lists of numbers "
                           "({problem})", problem=problem)) from None
    if momentum.shape != cache.shape or not np.all(np.isfinite(momentum) & np.isfinite(cache)):
        raise ValueError(_("the optimizer's momentum and cache must be finite numbers, as "
                           "many of each ({momentum} and {cache})", momentum=momentum.size,
                           cache=cache.size))
    if np.any(cache < 0):
        raise ValueError(_("the optimizer's cache (squared gradients) cannot be negative"))
    steps = state.get("steps")
    if isinstance(steps, bool) or not isinstance(steps, int) or not (
            0 <= steps <= MAX_PLAY_STEPS):
        raise ValueError(_("the optimizer's steps must be a whole number 0 to {most:,}, not "
                           "{value}", most=MAX_PLAY_STEPS, value=repr(str(steps)[:40])))
    return training.Moments(momentum, cache, steps)
