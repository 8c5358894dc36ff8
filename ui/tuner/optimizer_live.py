"""Watch the optimizer learn on the sliders (issue 25), Python's side: Step (one step
here, nnsine.engine.training), Play and Pause (the steps run in the browser,
nnsine/frontend/optimizer.js: the server does not carry the animation), Undo, and the
run's state between them (settings: ui/tuner/optimizer_settings.py).

The run reaches the live tuner as the optional `optimizer` field of its data; a paused
Play comes back as a normal release carrying the run's state (accept_run)."""

from __future__ import annotations

from dataclasses import asdict

import numpy as np

from nnsine.engine import gradient, optimizers, targets, training
from nnsine.engine.network import BOUNDS, Params, to_vector
from nnsine.formats import optimizer_run
from nnsine.formats.checks import ParamsError
from nnsine.i18n import _
from ui import fit_state
from ui.state import session
from ui.tuner.optimizer_settings import SPEED, SPEEDS, settings
from ui.widgets import markdown_literal

RUN, PLAYING, UNDO = "opt_live_run", "opt_playing", "opt_undo"  # session keys


def run_state(n_pairs: int) -> dict:
    """The run so far: {"momentum", "cache" (lists), "steps", "losses"}; a new one (zero
    moments) when there is none or the number of pairs changed."""
    run = session.get(RUN)
    if not run or len(run["momentum"]) != 5 * n_pairs + 1:
        zeros = [0.0] * (5 * n_pairs + 1)
        run = {"momentum": zeros, "cache": list(zeros), "steps": 0, "losses": []}
    return run


def why_still(fit: Params, target: str, mask: np.ndarray, activation: str) -> str | None:
    """Why nothing would move (every unlocked gradient 0), or None: the lesson of a fit of
    zeros is the dead ReLU (the engine's sentences, gradient.why_still)."""
    x, y = targets.sample(target)
    grad = to_vector(gradient.gradient(fit, x, y, activation)) * mask
    # The output bias of a fit of zeros has a gradient of rounding noise (the mean of a
    # sine over whole periods is 0): it is no reason to Play.
    if np.any(grad[:-1] != 0) or abs(grad[-1]) > 1e-12:
        return None
    said = gradient.why_still(gradient.dead(fit, x, activation))
    if not said:
        return _("Nothing moves: every unlocked number's gradient is 0 (are the pairs that "
                 "could learn locked?).")
    return " ".join([_("Nothing moves: every gradient is 0."), *said,
                     _("The output bias already sits where the error is lowest. Move a "
                       "slider by hand to bring a pair to life (or load the hand-tuned "
                       "preset), then try again.")])


def _begin(fit: Params) -> None:
    state = session
    if UNDO not in state:
        state[UNDO] = fit  # the hand-tuned values Undo brings back


def _ready():
    """(fit, target, optimizer, mask, activation) when a step can be taken, else None
    after a message saying why not (a bad learning rate, nothing that can move)."""
    fit, target = fit_state.current(), fit_state.target()
    optimizer, mask, problem = settings(fit.n_pairs)
    activation = session.get("activation") or "relu"
    if problem or (problem := why_still(fit, target, mask, activation)):
        fit_state.notice("warning", problem)
        return None
    return fit, target, optimizer, mask, activation


def step() -> None:
    """on_click of Step: one optimizer step from the session's fit, here in Python."""
    if (ready := _ready()) is None:
        return
    fit, target, optimizer, mask, activation = ready
    so_far, (x, y) = run_state(fit.n_pairs), targets.sample(target)
    moments = training.Moments(np.array(so_far["momentum"]), np.array(so_far["cache"]),
                               so_far["steps"])
    run = training.train(fit, x, y, 1, optimizer=optimizer, mask=mask, moments=moments,
                         activation=activation)
    _begin(fit)
    # The MSE before the step is the list's last unless the sliders moved by hand since.
    losses = list(so_far["losses"])
    if not losses or losses[-1] != run.losses[0]:
        losses.append(float(run.losses[0]))
    session[RUN] = {
        "momentum": run.moments.momentum.tolist(), "cache": run.moments.cache.tolist(),
        "steps": run.moments.steps,
        "losses": (losses + [float(run.losses[1])])[-optimizer_run.MAX_LOSSES:]}
    fit_state.commit(run.network, "optimizer", f"1 step, {type(optimizer).__name__}")


def play() -> None:
    """on_click of Play: the browser steps until Pause (or says why it cannot start)."""
    if (ready := _ready()) is not None:
        _begin(ready[0])
        session[PLAYING] = abs(session.get(PLAYING, 0)) + 1  # run's number


def pause() -> None:
    """on_click of Pause: the browser stops and sends its fit back as a release."""
    session[PLAYING] = -abs(session.get(PLAYING, 0))


def undo() -> None:
    """on_click of Undo: the hand-tuned values from before the first Step or Play."""
    pause()
    fit_state.commit(session.pop(UNDO), "sliders")
    session.pop(RUN, None)
    fit_state.notice("info", _("Back to your hand-tuned values."))


def accept_run(sent, n_pairs: int) -> bool:
    """A release's `optimizer` field (the browser's run, sent when its Play has stopped:
    Pause, or the tab closed): Python pauses too, and the run's state becomes the session's
    (nnsine.formats.optimizer_run reads it). False, with a message, if it is malformed."""
    pause()
    try:
        run = optimizer_run.read(sent, 5 * n_pairs + 1)
    except ParamsError as error:
        fit_state.notice("warning", _("The optimizer's run was not kept: {error}. The next "
                                      "step starts afresh.", error=markdown_literal(error)))
        session.pop(RUN, None)
        return False
    session[RUN] = asdict(run)
    return True


def data(fit: Params) -> dict:
    """The live tuner's `optimizer` field: {"play": run number (> 0 playing, <= 0 paused),
    "settings" (optimizers.to_browser; None while the typed learning rate is bad), "mask",
    "speed" (steps a frame), "bounds", "state" (momentum, cache, steps), "losses"}."""
    optimizer, mask, _problem = settings(fit.n_pairs)
    run = run_state(fit.n_pairs)
    return {"play": session.get(PLAYING, 0),
            "settings": None if optimizer is None else optimizers.to_browser(optimizer),
            "mask": mask.tolist(), "speed": session.get(SPEED, SPEEDS[0]),
            "bounds": list(BOUNDS), "state": {k: run[k] for k in ("momentum", "cache", "steps")},
            "losses": run["losses"]}
