"""Handles on the chart (book 4.8): grab a pair's switch-on point, switch-off point or
plateau and drag it. Each handle changes ONE raw value, the one the book turns for that
move, so the sliders show numbers the book would have written:

    on      the layer-1 knot's x: the layer-1 bias (the whole ramp slides sideways, as
            the book moves pair 2 "horizontally" to start where pair 1 ends)
    off     the layer-2 knot's x: the layer-2 bias (the ramp ends elsewhere at the same
            slope, as the book's 0.7 ends pair 1 "where we want")
    height  the plateau's y (the pair's contribution where layer 1 is off): the output
            weight (on and off stay)

A knot is the layer-1 knot when it is x = -b1/w1, else the layer-2 knot. Mirrored
bit for bit in nnsine/frontend/handles.js (tests/test_handles_js.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from nnsine.engine.fields import FIELDS, snap
from nnsine.engine.network import Params
from nnsine.engine.pairs import area
from nnsine.i18n import N_, _

NAMES = ("on", "off", "height")
STEP = FIELDS["b1"].step
# The browser shows these; handles.js holds the same English strings (`why_texts` gives
# them in the learner's language).
WHY = {
    "w1": N_("its layer-1 weight is 0, so it never switches on or off"),
    "w2": N_("its layer-2 weight is 0, so layer 1 cannot switch it"),
    "w_out": N_("its output weight is 0, so it never changes the output"),
    "flat": N_("it never bends: its layer-2 neuron is always on or always off"),
    "no_off": N_("it never switches off (its layer-2 weight is positive), so it has no "
                 "switch-off point and no plateau: what it adds keeps growing"),
    "no_on": N_("it is on from the far left (its layer-2 weight is positive), so it has no "
                "switch-on point and no plateau: what it adds keeps growing"),
}


def why_texts() -> dict[str, str]:
    """WHY in the current language, by the same keys (for the browser's copy)."""
    return {key: _(text) for key, text in WHY.items()}


@dataclass(frozen=True)
class Handle:
    """One handle: its name, the raw value it changes, and where it is (x for on and
    off, the plateau's y for height)."""

    name: str
    field: str
    at: float


def handles(params: Params, i: int) -> tuple[dict[str, Handle], str | None]:
    """Pair i's handles by name (only those it has) and, if any is missing, why (in the
    current language)."""
    pair = params.pair(i)
    a = area(params, i)
    if a is None:
        why = next((WHY[k] for k in ("w1", "w2", "w_out") if pair[k] == 0), WHY["flat"])
        return {}, _(why)
    found = {}
    for name, x in (("on", a.on), ("off", a.off)):
        if math.isfinite(x):
            found[name] = Handle(name, _knot_field(pair, x), x)
    if "on" in found and "off" in found:
        # Bounded only if w2 < 0, so layer 2 is on (b2 > 0) wherever layer 1 is off.
        found["height"] = Handle("height", "w_out", pair["w_out"] * pair["b2"])
        return found, None
    return found, _(WHY["no_on" if "off" in found else "no_off"])


def _knot_field(pair: dict, x: float) -> str:
    return "b1" if x == -pair["b1"] / pair["w1"] or pair["b2"] == 0 else "b2"


def _keep_sign(value: float, old: float) -> float:
    # A layer-2 knot exists only while b2 keeps its sign: the handle stops one step
    # before the two knots meet (and the pair would lose its shape).
    return max(value, STEP) if old > 0 else min(value, -STEP)


def _not_zero(value: float, up: bool) -> float:
    # Output weight 0 would flatten the pair and take its handles away: skip over it.
    return value if value != 0 else (STEP if up else -STEP)


def _get(params: Params, i: int, name: str) -> tuple[dict, Handle]:
    found, why = handles(params, i)
    if name not in found:
        raise ValueError(_("pair {pair} has no {handle} handle: {why}", pair=i + 1,
                           handle=repr(name), why=why))
    return params.pair(i), found[name]


def move_handle(params: Params, i: int, name: str, to: float) -> Params:
    """A copy where pair i's handle `name` ("on", "off", "height") is moved to `to` (x for
    on and off, y for height), changing its one raw value, snapped to the slider grid
    and kept in [-10, 10] (a drag past the bound stops there). ValueError if the pair
    has no such handle."""
    pair, handle = _get(params, i, name)
    w1, b1, w2, b2 = pair["w1"], pair["b1"], pair["w2"], pair["b2"]
    field = FIELDS[handle.field]
    if handle.field == "b1":  # x = -b1/w1
        value = snap(field, -(w1 * to))
    elif handle.field == "b2":  # x = -(w2*b1 + b2)/(w1*w2)
        value = _keep_sign(snap(field, -(w2 * (w1 * to + b1))), b2)
    else:  # y = w_out * b2
        value = _not_zero(snap(field, to / b2), to > 0 or (to == 0 and pair["w_out"] > 0))
    return params.replace(i, **{handle.field: value})


def nudge_handle(params: Params, i: int, name: str, steps: int) -> Params:
    """A copy where pair i's handle moves `steps` slider steps of its raw value: right
    (on, off) or up (height) for steps > 0. ValueError if the pair has no such handle."""
    pair, handle = _get(params, i, name)
    w1, b1, w2, b2 = pair["w1"], pair["b1"], pair["w2"], pair["b2"]
    field = FIELDS[handle.field]
    if handle.field == "b1":  # dx/db1 = -1/w1
        value = snap(field, b1 - math.copysign(1.0, w1) * steps * STEP)
    elif handle.field == "b2":  # dx/db2 = -1/(w1*w2)
        value = _keep_sign(snap(field, b2 - math.copysign(1.0, w1 * w2) * steps * STEP), b2)
    else:  # dy/dw_out = b2 > 0
        value = _not_zero(snap(field, pair["w_out"] + steps * STEP), steps > 0)
    return params.replace(i, **{handle.field: value})
