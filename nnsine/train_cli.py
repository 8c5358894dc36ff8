"""`python -m nnsine train FIT [--steps N] [--lock 1,2,b_out] [--out FILE] ...`: let an
optimizer finish a saved fit; `python -m nnsine grad FIT`: ∂MSE/∂parameter of a saved fit
as JSON keyed by the URL names (the book's chapters 9 and 10; issue 25)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnsine.engine import dense, gradient, optimizers, rounding, targets, training
from nnsine.engine.metrics import score
from nnsine.formats import checks, fitfile, params, provenance

MAX_SEED = 2**64 - 1
OPTIMIZERS = {"adam": optimizers.Adam, "sgd": optimizers.SGD}


@dataclass(frozen=True)
class Locks:
    """What --lock names: pairs counted from 0, and whether the output bias is locked."""

    pairs: tuple[int, ...] = ()
    b_out: bool = False


def whole_number(low: int, high: int):
    """An argparse type: a whole number in [low, high] read by nnsine.formats.checks; anything else
    is argparse's usage message and exit status 2 (ArgumentTypeError)."""
    def parse(text: str) -> int:
        try:
            return checks.whole(text, low, high, "value")
        except checks.ParamsError as error:
            raise argparse.ArgumentTypeError(str(error).removeprefix("value: ")) from None
    parse.__name__ = "whole number"  # argparse names the type in some messages
    return parse


def lock_list(text: str) -> Locks:
    """An argparse type: "1,2" or "3,b_out" -> Locks; a pair outside 1 to MAX_PAIRS or
    anything else is a usage message naming it (exit status 2)."""
    pairs, b_out = [], False
    for item in (part.strip() for part in text.split(",")):
        if item == "b_out":
            b_out = True
            continue
        try:
            pairs.append(checks.whole(item, 1, params.MAX_PAIRS, "pair") - 1)
        except checks.ParamsError as error:
            raise argparse.ArgumentTypeError(f"{error} (give pair numbers and b_out, "
                                             "e.g. 1,2,b_out)") from None
    return Locks(tuple(sorted(set(pairs))), b_out)


def learning_rate(text: str) -> float:
    """An argparse type: a learning rate read as every number is, then checked by the
    engine (0, negative, huge, NaN refused, naming the value)."""
    try:
        return optimizers.check_learning_rate(checks.to_float(text, "value", text=True))
    except (checks.ParamsError, ValueError) as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("value: ")) from None


def _read(name: str) -> fitfile.FitFile | None:
    try:
        return fitfile.read(fitfile.head(name))
    except (OSError, params.ParamsError) as error:
        detail = error.strerror if isinstance(error, OSError) and error.strerror else error
        print(f"nnsine: {name}: {detail}", file=sys.stderr)
        return None


def grad(args) -> int:
    """`grad FIT`: the gradient of the fit's MSE on its own target, as JSON on stdout;
    the MSE and any dead pairs (no gradient: why nothing moves) on stderr."""
    if (file := _read(args.file)) is None:
        return 2
    x, y = targets.sample(file.target)
    loss, slopes = gradient.loss_and_gradient(file.params, x, y, args.activation)
    print(json.dumps(gradient.named(slopes), indent=1))
    print(f"MSE {loss:.6e} on {targets.label(file.target)}", file=sys.stderr)
    for sentence in gradient.why_still(gradient.dead(file.params, x, args.activation)):
        print(sentence, file=sys.stderr)
    return 0


def train(args) -> int:
    """`train FIT`: the trained fit, on the sliders' 0.01 grid (locked values exactly as
    they were) so a student can load it as it is, as JSON on stdout or in --out; progress
    and MSE on stderr. Returns the exit status."""
    if (file := _read(args.file)) is None:
        return 2
    locks, fit, target = args.lock, file.params, file.target
    try:
        mask = optimizers.lock_mask(fit, locks.pairs, locks.b_out)
    except ValueError as error:
        print(f"nnsine: --lock: {error}", file=sys.stderr)
        return 2
    optimizer = OPTIMIZERS[args.optimizer](
        *([] if args.learning_rate is None else [args.learning_rate]))

    def report(step: int, loss: float) -> None:
        print(f"step {step:>6}/{args.steps}  MSE {loss:.3e}", file=sys.stderr)

    start = training.starting_point(fit, np.random.default_rng(args.seed), target, locks.pairs)
    run = training.sine_run(start, args.steps, pairwise=True, locked=locks.pairs,
                            lock_b_out=locks.b_out, optimizer=optimizer, progress=report,
                            every=max(1, args.steps // 10), target=target)
    trained = dense.to_params(run.best)
    on_grid = rounding.to_sliders(trained, target, mask)
    locked = [f"pair {i + 1}" for i in locks.pairs] + ["b_out"] * locks.b_out
    detail = f"{args.steps} steps, pairs wiring" + (
        f", {', '.join(locked)} locked" if locked else "")
    text = fitfile.dumps(on_grid, target, provenance.record(file.history, "optimizer", detail))
    if args.out is None:
        print(text)
    else:
        try:
            Path(args.out).write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            print(f"nnsine: {args.out}: {error.strerror or error}", file=sys.stderr)
            return 1
    print(f"MSE {run.losses[0]:.3e} -> {score(trained, target).mse:.3e} (lowest in "
          f"{args.steps} steps, at step {run.best_step}); on the sliders' 0.01 grid: "
          f"{score(on_grid, target).mse:.3e}", file=sys.stderr)
    return 0


def register(commands) -> None:
    """Add the `train` and `grad` commands to the CLI's sub-parsers."""
    parser = commands.add_parser("train", help="let an optimizer finish a saved fit")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--steps", type=whole_number(0, training.MAX_STEPS), default=2000,
                        help=f"optimizer steps, 0 to {training.MAX_STEPS:,} (default 2000)")
    parser.add_argument("--seed", type=whole_number(0, MAX_SEED), default=0,
                        help="seed for reviving dead pairs, 0 or more (default 0)")
    parser.add_argument("--lock", type=lock_list, default=Locks(), metavar="PAIRS",
                        help="pairs kept exactly as they are, e.g. 1,2; b_out locks the "
                             "output bias")
    parser.add_argument("--optimizer", choices=sorted(OPTIMIZERS), default="adam",
                        help="the book's Adam (default) or plain gradient descent (sgd)")
    parser.add_argument("--learning-rate", type=learning_rate, default=None, metavar="RATE",
                        help=f"above 0, at most {optimizers.MAX_LEARNING_RATE:g} "
                             f"(default: Adam {optimizers.Adam.learning_rate:g}, "
                             f"SGD {optimizers.SGD.learning_rate:g})")
    parser.add_argument("--out", metavar="FILE", help="write the fit here, not to stdout")
    parser.set_defaults(run=train)
    parser = commands.add_parser("grad", help="dMSE/dparameter of a saved fit, as JSON")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--activation", choices=gradient.HIDDEN, default="relu",
                        help="hidden layers' activation (default relu)")
    parser.set_defaults(run=grad)
