"""The gradient on every slider (issue 25), Python's side: ∂MSE/∂parameter of the
session's fit on its target (nnsine.engine.gradient), and the scored points the browser's
copy (nnsine/frontend/gradient.js) needs to follow the thumb while it is dragged.

Sent to the live tuner as the optional `gradient` field of its data; left out when an
exercise hides the gradients. Python's values are the truth on every release."""

from __future__ import annotations

import math

import streamlit as st

from nnsine.engine import gradient, targets
from nnsine.engine.network import Params, to_vector
from nnsine.i18n import _
from ui import fit_state
from ui.state import session

TOGGLE = "gradients"  # the toggle that hides them for a pure hand-tuning lesson


def hidden() -> bool:
    """Whether the gradients are off: by the toggle, or by the exercise link
    (ex_hide=gradients)."""
    return fit_state.hides("gradients") or not session.get(TOGGLE, True)


def toggle(place=st) -> None:
    """The learner's switch (absent when the exercise hides the gradients)."""
    if fit_state.hides("gradients"):
        return
    place.toggle(_("Gradient on each slider"), key=TOGGLE, value=True, persist_state="session",
                 help=_("∂MSE/∂parameter: the bar beside each thumb points the way that "
                        "lowers the error, its length how strongly (the largest is longest). "
                        "Turn it off for a pure hand-tuning lesson."))


@st.cache_resource(show_spinner=False, max_entries=64)
def scored_points(target: str) -> dict:
    """The x and target values the fit is scored on, as two comma-separated strings of
    the floats' shortest round-trip text (so the browser reads the same bits)."""
    x, y = targets.sample(target)
    return {"x": ",".join(map(repr, x.tolist())), "y": ",".join(map(repr, y.tolist()))}


def values(fit: Params, target: str, activation: str = "relu") -> list[float | None]:
    """∂MSE/∂parameter for the 5 * n_pairs + 1 sliders in their order; None where it is
    not a finite number (a target undefined at some x)."""
    x, y = targets.sample(target)
    grad = to_vector(gradient.gradient(fit, x, y, activation)).tolist()
    return [g if math.isfinite(g) else None for g in grad]


def data(fit: Params, target: str, activation: str = "relu") -> dict | None:
    """The live tuner's `gradient` field: {"values", "x", "y"}; None when hidden."""
    if hidden():
        return None
    return {"values": values(fit, target, activation), **scored_points(target)}
