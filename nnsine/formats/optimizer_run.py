"""An optimizer run as the browser sends it back after Play (issue 25): the optimizer's
state (engine.training.Moments: Adam's momentum and cache, the steps taken) and the MSE
of each step, read through the same number checks as every other value."""

from __future__ import annotations

from dataclasses import dataclass

from nnsine.engine.training import MAX_STEPS
from nnsine.formats.checks import ParamsError, shorten, to_float, whole

MAX_LOSSES = 1000  # the MSE of the last steps kept (the chart's; sent on every rerun)


@dataclass(frozen=True)
class OptimizerRun:
    """momentum and cache (n_params,) as lists, steps taken (0..MAX_STEPS) and the MSE of
    the last steps (at most MAX_LOSSES, oldest first)."""

    momentum: list[float]
    cache: list[float]
    steps: int
    losses: list[float]


def _numbers(value, length: int | None, where: str, low: float | None = None) -> list[float]:
    if not isinstance(value, list) or (length is not None and len(value) != length):
        wanted = f"a list of {length} numbers" if length is not None else "a list of numbers"
        raise ParamsError(f"{where}: expected {wanted}, got {shorten(repr(value))}")
    numbers = [to_float(v, f"{where}[{k}]") for k, v in enumerate(value)]
    for k, v in enumerate(numbers):
        if low is not None and v < low:
            raise ParamsError(f"{where}[{k}]: {v!r} is below {low:g}")
    return numbers


def read(sent, n_params: int) -> OptimizerRun:
    """The browser's {"momentum", "cache", "steps", "losses"} for a network of n_params
    numbers -> OptimizerRun (the losses cut to the last MAX_LOSSES). Raises ParamsError
    naming the field and the value for anything else (a cache or an MSE below 0 too)."""
    if not isinstance(sent, dict):
        raise ParamsError(f"optimizer run: expected an object, got {shorten(repr(sent))}")
    return OptimizerRun(
        _numbers(sent.get("momentum"), n_params, "optimizer run momentum"),
        _numbers(sent.get("cache"), n_params, "optimizer run cache", 0.0),
        whole(sent.get("steps"), 0, MAX_STEPS, "optimizer run steps"),
        _numbers(sent.get("losses"), None, "optimizer run losses", 0.0)[-MAX_LOSSES:])
