"""An optimizer run as the browser sends it back after Play (issue 25): the optimizer's
state, read by the engine (nnsine.engine.play.moments), and the MSE of each step, read
through the same number checks as every other value."""

from __future__ import annotations

from dataclasses import dataclass

from nnsine.engine import play
from nnsine.formats.checks import ParamsError, shorten, to_float

MAX_LOSSES = 1000  # the MSE of the last steps kept (the chart's; sent on every rerun)


@dataclass(frozen=True)
class OptimizerRun:
    """momentum and cache (n_params,) as lists, steps taken and the MSE of the last
    steps (at most MAX_LOSSES, oldest first)."""

    momentum: list[float]
    cache: list[float]
    steps: int
    losses: list[float]


def read(sent, n_params: int) -> OptimizerRun:
    """The browser's {"momentum", "cache", "steps", "losses"} for a network of n_params
    numbers -> OptimizerRun (the losses cut to the last MAX_LOSSES). Raises ParamsError
    naming the field and the value for anything else (an MSE below 0 too)."""
    if not isinstance(sent, dict):
        raise ParamsError(f"optimizer run: expected an object, got {shorten(repr(sent))}")
    try:
        moments = play.moments(sent)
    except ValueError as error:
        raise ParamsError(f"optimizer run: {error}") from None
    if moments.momentum.size != n_params:
        raise ParamsError(f"optimizer run: {moments.momentum.size} momenta for a network "
                          f"of {n_params} numbers")
    losses = sent.get("losses")
    if not isinstance(losses, list):
        raise ParamsError(f"optimizer run losses: expected a list of numbers, got "
                          f"{shorten(repr(losses))}")
    losses = [to_float(v, f"optimizer run losses[{k}]") for k, v in enumerate(losses)]
    if any(v < 0 for v in losses):
        raise ParamsError(f"optimizer run losses: an MSE cannot be below 0 ({min(losses)!r})")
    return OptimizerRun(moments.momentum.tolist(), moments.cache.tolist(), moments.steps,
                        losses[-MAX_LOSSES:])
