"""Let an optimizer finish the fit: full-batch backprop (engine.dense) and the book's Adam."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnsine.engine import dense, rounding, targets
from nnsine.engine.metrics import score
from nnsine.engine.network import Params, forward
from nnsine.formats import fitfile, params, provenance

BOUNDS = (params.FIELDS["w1"].low, params.FIELDS["w1"].high)  # every slider's range
assert all((field.low, field.high) == BOUNDS for field in params.FIELDS.values())
Progress = Callable[[int, float], None]
MAX_STEPS = 1_000_000  # the CLI's limit: a run keeps one MSE per step (8 MB at most)


@dataclass(frozen=True)
class Adam:
    """The book's Optimizer_Adam settings; the step size decays as 1 / (1 + decay * step)."""

    learning_rate: float = 0.005
    decay: float = 0.0
    epsilon: float = 1e-7
    beta_1: float = 0.9
    beta_2: float = 0.999


@dataclass(frozen=True)
class Moments:
    """Adam's running state: momentum and cache (n_params,) and the steps taken so far."""

    momentum: np.ndarray
    cache: np.ndarray
    steps: int = 0


@dataclass(frozen=True)
class Run:
    """A training run: the network after the last step, the MSE before each step and after
    the last (steps + 1,), Adam's state to continue from, and the lowest-MSE network seen
    (full-batch Adam can spike: a finished fit should never be worse than an earlier one)."""

    network: dense.Dense
    losses: np.ndarray
    moments: Moments
    best: dense.Dense
    best_step: int

    @property
    def best_loss(self) -> float:
        """The lowest loss the run reached."""
        return float(self.losses[self.best_step])


def train(start: dense.Dense, inputs: np.ndarray, target: np.ndarray, steps: int, *,
          adam: Adam = Adam(), mask: np.ndarray | None = None, activation: str = "relu",
          moments: Moments | None = None, bounds: tuple[float, float] | None = BOUNDS,
          progress: Progress | None = None, every: int = 100, until: float = -1.0) -> Run:
    """Full-batch Adam on the MSE of inputs (n,) against target (n,). Parameters whose mask
    (n_params,) is 0 never move; after each step every parameter is clipped into bounds.
    Stops early, with fewer losses, once the MSE is `until` or lower."""
    batch = dense.Batch(inputs, target, start.sizes, activation)
    vector = start.vector.astype(np.float64, copy=True)  # updated in place
    moments = moments or Moments(np.zeros_like(vector), np.zeros_like(vector))
    momentum, cache = moments.momentum.copy(), moments.cache.copy()
    losses = np.empty(steps + 1)
    best_vector, best_step = vector.copy(), 0
    for k in range(steps + 1):
        losses[k], gradient = batch.loss_and_gradient(vector)
        if losses[k] < losses[best_step]:
            best_vector, best_step = vector.copy(), k
        if k == steps or losses[k] <= until:
            losses, steps = losses[:k + 1], k
            break
        if mask is not None:
            gradient *= mask  # zero gradient, zero moments: a masked parameter never moves
        t = moments.steps + k + 1
        momentum *= adam.beta_1
        momentum += (1.0 - adam.beta_1) * gradient
        cache *= adam.beta_2
        cache += (1.0 - adam.beta_2) * gradient**2
        # The book's  -rate * m_hat / (sqrt(v_hat) + epsilon), with the bias corrections
        # folded into scalars (as PyTorch does) so the vectors are touched fewer times.
        rate = adam.learning_rate / (1.0 + adam.decay * (t - 1))
        denominator = np.sqrt(cache)
        denominator *= 1.0 / np.sqrt(1.0 - adam.beta_2**t)
        denominator += adam.epsilon
        vector -= (rate / (1.0 - adam.beta_1**t)) * momentum / denominator
        if bounds is not None:
            np.clip(vector, *bounds, out=vector)
        if progress is not None and (k + 1) % every == 0:
            progress(k + 1, float(losses[k]))
    return Run(dense.Dense(vector, start.sizes), losses,
               Moments(momentum, cache, moments.steps + steps),
               dense.Dense(best_vector, start.sizes), best_step)


def resume(run: Run, inputs: np.ndarray, target: np.ndarray, steps: int, **options) -> Run:
    """`steps` more steps of a run, as if it had been one run (pass the same options)."""
    more = train(run.network, inputs, target, steps, moments=run.moments, **options)
    losses = np.concatenate([run.losses[:-1], more.losses])
    if run.best_loss <= more.best_loss:
        return Run(more.network, losses, more.moments, run.best, run.best_step)
    return Run(more.network, losses, more.moments, more.best, len(run.losses) - 1 + more.best_step)


def revive(fit: Params, inputs: np.ndarray, rng: np.random.Generator) -> Params:
    """A neuron that is 0 for every input gets no gradient and can never learn. Give each
    pair with such a neuron a random layer-1 ramp that starts inside the inputs, wired so
    the network's output is unchanged: layer-2 weight 0 if layer 2 was alive (it still
    sees only its bias), else layer-2 weight 1 and output weight 0. Other pairs are kept."""
    trace = forward(fit, inputs)
    dead1, dead2 = (np.all(trace.hidden1 <= 0, axis=0), np.all(trace.hidden2 <= 0, axis=0))
    for i in np.flatnonzero(dead1 | dead2):
        weight = rng.choice([-1.0, 1.0]) * rng.uniform(2.0, 6.0)
        ramp = {"w1": weight, "b1": -weight * rng.uniform(np.min(inputs), np.max(inputs))}
        if dead2[i]:
            fit = fit.replace(i, **ramp, w2=1.0, b2=0.0, w_out=0.0)
        else:
            fit = fit.replace(i, **ramp, w2=0.0)
    return fit


def starting_point(fit: Params, rng: np.random.Generator,
                   target: str = targets.DEFAULT) -> dense.Dense:
    """A pair fit as the dense network training starts from, its dead pairs revived."""
    return dense.from_params(revive(fit, targets.sample(target)[0], rng))


def sine_run(start: dense.Dense | Run, steps: int, *, pairwise: bool = False,
             target: str = targets.DEFAULT, **options) -> Run:
    """Train a network, or continue a run, on the book's grid; pairwise keeps layer 2's
    weights diagonal. Options go to train (adam, activation, progress, every)."""
    x, y = targets.sample(target)
    sizes = start.network.sizes if isinstance(start, Run) else start.sizes
    mask = dense.pair_mask(sizes) if pairwise else None
    if isinstance(start, Run):
        return resume(start, x, y, steps, mask=mask, **options)
    return train(start, x, y, steps, mask=mask, **options)


def cli(args) -> int:
    """`python -m nnsine train FILE [--steps N] [--seed S]`: the trained fit, on the
    sliders' 0.01 grid so a student can load it as it is, as JSON on stdout; progress and
    MSE on stderr. Returns the exit status."""
    try:
        file = fitfile.read(fitfile.head(args.file))
    except (OSError, params.ParamsError) as error:
        print(f"nnsine: {args.file}: {error}", file=sys.stderr)
        return 2
    if not 0 <= args.steps <= MAX_STEPS:
        print(f"nnsine: --steps must be 0 to {MAX_STEPS}, not {args.steps}", file=sys.stderr)
        return 2

    def report(step: int, loss: float) -> None:
        print(f"step {step:>6}/{args.steps}  MSE {loss:.3e}", file=sys.stderr)

    target = file.target  # the fit is trained toward the target it was made for
    start = starting_point(file.params, np.random.default_rng(args.seed), target)
    run = sine_run(start, args.steps, pairwise=True, progress=report,
                   every=max(1, args.steps // 10), target=target)
    trained = dense.to_params(run.best)
    on_grid = rounding.to_sliders(trained, target)
    history = provenance.record(file.history, "optimizer", f"{args.steps} steps, pairs wiring")
    print(fitfile.dumps(on_grid, target, history))
    print(f"MSE {run.losses[0]:.3e} -> {score(trained, target).mse:.3e} (lowest in "
          f"{args.steps} steps, at step {run.best_step}); printed on the sliders' 0.01 grid: "
          f"{score(on_grid, target).mse:.3e}", file=sys.stderr)
    return 0
