"""Let an optimizer finish the fit: full-batch backprop (engine.dense for the dense
network, engine.gradient for the pair network's own 5 * n_pairs + 1 numbers) and the
book's chapter-10 optimizers (engine.optimizers), with locked parameters kept exactly."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from nnsine.engine import dense, dense_order, gradient, optimizers, targets
from nnsine.engine.network import BOUNDS, Params, forward, from_vector, to_vector
from nnsine.engine.optimizers import SGD, Adam, Optimizer  # noqa: F401 (training.SGD as training.Adam)

Progress = Callable[[int, float], None]
Network = dense.Dense | Params
DEFAULT_OPTIMIZER = Adam()  # the book's Adam: learning rate 0.005, no decay
MAX_STEPS = 1_000_000  # a run keeps one MSE per step (8 MB at most); the CLI's limit too


@dataclass(frozen=True)
class Moments:
    """The optimizer's running state: Adam's momentum and cache (n_params,), zero for SGD,
    and the steps taken so far (for the decay and Adam's bias correction)."""

    momentum: np.ndarray
    cache: np.ndarray
    steps: int = 0


@dataclass(frozen=True)
class Run:
    """A training run: the network after the last step, the MSE before each step and after
    the last (steps + 1,), the optimizer's state to continue from, and the lowest-MSE
    network seen (full-batch Adam can spike: a finished fit should never be worse than an
    earlier one). Networks are Dense, or Params when the run trained the pair network."""

    network: Network
    losses: np.ndarray
    moments: Moments
    best: Network
    best_step: int

    @property
    def best_loss(self) -> float:
        """The lowest loss the run reached."""
        return float(self.losses[self.best_step])


def _batch(start: Network, inputs, target, activation: str, exact: bool):
    if isinstance(start, Params):
        return gradient.PairBatch(inputs, target, activation), to_vector(start), from_vector
    batch = (dense_order.Batch(inputs, target, activation) if exact else
             dense.Batch(inputs, target, start.sizes, activation))
    return (batch, start.vector.astype(np.float64, copy=True),
            lambda vector: dense.Dense(vector, start.sizes))


def train(start: Network, inputs: np.ndarray, target: np.ndarray, steps: int, *,
          optimizer: Optimizer = DEFAULT_OPTIMIZER, mask: np.ndarray | None = None,
          activation: str = "relu", moments: Moments | None = None,
          bounds: tuple[float, float] | None = BOUNDS, progress: Progress | None = None,
          every: int = 100, until: float = -1.0, exact: bool = False) -> Run:
    """Full-batch SGD or Adam on the MSE of inputs (n,) against target (n,), on a Dense
    network's vector or on the pair network's own 5 * n_pairs + 1 numbers (Params start).
    After each step every parameter is clipped into bounds; parameters whose mask
    (n_params,) is 0 get no gradient and are then put back bit for bit (a lock: see
    optimizers.lock_mask). Stops early, with fewer losses, once the MSE is `until` or
    lower. steps=1 is one step (the UI's Step); pass run.moments to go on (see resume).
    `exact` trains a Dense network in the browser's order (engine.dense_order: slower,
    the same bits as nnsine/frontend/dense.js); a Params start always is."""
    batch, vector, rebuild = _batch(start, inputs, target, activation, exact)  # in place
    kept = vector.copy()
    locked = None if mask is None else mask == 0
    moments = moments or Moments(np.zeros_like(vector), np.zeros_like(vector))
    momentum, cache = moments.momentum.copy(), moments.cache.copy()
    losses = np.empty(steps + 1)
    best_vector, best_step = vector.copy(), 0
    for k in range(steps + 1):
        losses[k], grad = batch.loss_and_gradient(vector)
        if losses[k] < losses[best_step]:
            best_vector, best_step = vector.copy(), k
        if k == steps or losses[k] <= until:
            losses, steps = losses[:k + 1], k
            break
        if mask is not None:
            grad *= mask  # zero gradient, zero moments: a masked parameter never moves
        optimizers.update(vector, grad, momentum, cache, moments.steps + k + 1, optimizer)
        if bounds is not None:
            np.clip(vector, *bounds, out=vector)
        if locked is not None:  # exactly: no -0.0 for 0.0, no clip of a locked value
            vector[locked] = kept[locked]
        if progress is not None and (k + 1) % every == 0:
            progress(k + 1, float(losses[k]))
    return Run(rebuild(vector), losses, Moments(momentum, cache, moments.steps + steps),
               rebuild(best_vector), best_step)


def resume(run: Run, inputs: np.ndarray, target: np.ndarray, steps: int, **options) -> Run:
    """`steps` more steps of a run, as if it had been one run (pass the same options)."""
    more = train(run.network, inputs, target, steps, moments=run.moments, **options)
    losses = np.concatenate([run.losses[:-1], more.losses])
    if run.best_loss <= more.best_loss:
        return Run(more.network, losses, more.moments, run.best, run.best_step)
    return Run(more.network, losses, more.moments, more.best, len(run.losses) - 1 + more.best_step)


def revive(fit: Params, inputs: np.ndarray, rng: np.random.Generator,
           keep: Iterable[int] = ()) -> Params:
    """A neuron that is 0 for every input gets no gradient and can never learn. Give each
    pair with such a neuron a random layer-1 ramp that starts inside the inputs, wired so
    the network's output is unchanged: layer-2 weight 0 if layer 2 was alive (it still
    sees only its bias), else layer-2 weight 1 and output weight 0. Other pairs, and the
    pairs in `keep` (locked ones, counted from 0), are kept."""
    trace = forward(fit, inputs)
    dead1, dead2 = (np.all(trace.hidden1 <= 0, axis=0), np.all(trace.hidden2 <= 0, axis=0))
    for i in np.setdiff1d(np.flatnonzero(dead1 | dead2), list(keep)):
        weight = rng.choice([-1.0, 1.0]) * rng.uniform(2.0, 6.0)
        ramp = {"w1": weight, "b1": -weight * rng.uniform(np.min(inputs), np.max(inputs))}
        if dead2[i]:
            fit = fit.replace(i, **ramp, w2=1.0, b2=0.0, w_out=0.0)
        else:
            fit = fit.replace(i, **ramp, w2=0.0)
    return fit


def starting_point(fit: Params, rng: np.random.Generator, target: str = targets.DEFAULT,
                   keep: Iterable[int] = ()) -> dense.Dense:
    """A pair fit as the dense network training starts from, its dead pairs revived
    (except those in `keep`)."""
    return dense.from_params(revive(fit, targets.sample(target)[0], rng, keep))


def sine_run(start: Network | Run, steps: int, *, pairwise: bool = False,
             locked: Iterable[int] = (), lock_b_out: bool = False,
             target: str = targets.DEFAULT, **options) -> Run:
    """Train a network, or continue a run, on the target's grid. A Params start trains
    the pair network's own numbers; a Dense one all its weights, or with `pairwise` only
    the pair network's (layer 2 stays diagonal). `locked` pairs (counted from 0) and the
    output bias (`lock_b_out`) stay exactly as they are (ValueError for a pair that is not
    there). Options go to train (optimizer, activation, progress, every, until, exact)."""
    x, y = targets.sample(target)
    network = start.network if isinstance(start, Run) else start
    mask = optimizers.lock_mask(network, locked, lock_b_out)
    if pairwise and isinstance(network, dense.Dense):
        mask *= dense.pair_mask(network.sizes)
    mask = None if np.all(mask == 1.0) else mask
    if isinstance(start, Run):
        return resume(start, x, y, steps, mask=mask, **options)
    return train(start, x, y, steps, mask=mask, **options)
