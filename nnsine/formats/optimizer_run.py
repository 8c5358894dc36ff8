"""An optimizer run as the browser sends it back after Play (issue 25): the optimizer's
state, read by the engine (nnsine.engine.play.moments), and the MSE of each step, read
through the same number checks as every other value."""

from __future__ import annotations

from dataclasses import dataclass

from nnsine.engine import play
from nnsine.formats.checks import ParamsError, shorten, to_float
from nnsine.i18n import _

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
        raise ParamsError(_("optimizer run: expected an object, got {value}",
                            value=shorten(repr(sent))))
    try:
        moments = play.moments(sent)
    except ValueError as error:
        raise ParamsError(_("optimizer run: {problem}", problem=error)) from None
    if moments.momentum.size != n_params:
        raise ParamsError(_("optimizer run: {n} momenta for a network of {size} numbers",
                            n=moments.momentum.size, size=n_params))
    losses = sent.get("losses")
    if not isinstance(losses, list):
        raise ParamsError(_("optimizer run losses: expected a list of numbers, got {value}",
                            value=shorten(repr(losses))))
    losses = [to_float(v, _("optimizer run losses[{index}]", index=k))
              for k, v in enumerate(losses)]
    if any(v < 0 for v in losses):
        raise ParamsError(_("optimizer run losses: an MSE cannot be below 0 ({value})",
                            value=repr(min(losses))))
    return OptimizerRun(moments.momentum.tolist(), moments.cache.tolist(), moments.steps,
                        losses[-MAX_LOSSES:])
