"""A pair's area of effect (book 4.7-4.8): where it switches on and off, what it adds
there, and the raw values that put it somewhere else."""

from __future__ import annotations

import math
from dataclasses import dataclass

from nnsine.engine.fields import FIELDS, snap
from nnsine.engine.network import Params
from nnsine.i18n import _

SAME_AREA = 0.005  # two pairs whose on and off are this close do one pair's job
LIMIT = FIELDS["w1"].high  # every slider spans [-LIMIT, LIMIT]
STEP = FIELDS["w1"].step


@dataclass(frozen=True)
class Area:
    """The pair bends the output only on (on, off); it adds `left` before and `right`
    after (nan on a side that never ends)."""

    on: float
    off: float
    left: float
    right: float

    @property
    def height(self) -> float:
        """How much the pair raises the output from left of `on` to right of `off`."""
        return self.right - self.left


def _value(pair: dict, x: float) -> float:
    hidden1 = max(0.0, pair["w1"] * x + pair["b1"])
    return pair["w_out"] * max(0.0, pair["w2"] * hidden1 + pair["b2"])


def area(params: Params, i: int) -> Area | None:
    """Pair i's area of effect, or None if its contribution never changes with x."""
    pair = params.pair(i)
    w1, b1, w2, b2 = pair["w1"], pair["b1"], pair["w2"], pair["b2"]
    if w1 == 0 or w2 == 0 or pair["w_out"] == 0:
        return None
    # The slope is nonzero where both neurons are active: layer 1 on one side of
    # x = -b1/w1; there layer 2 sees w1*w2*x + (w2*b1 + b2), active on one side of its 0.
    first, second = -b1 / w1, -(w2 * b1 + b2) / (w1 * w2)
    on, off = (first, math.inf) if w1 > 0 else (-math.inf, first)
    if w1 * w2 > 0:
        on = max(on, second)
    else:
        off = min(off, second)
    if not on < off:
        return None
    # Evaluated a unit away from the edge, where both ReLUs clip to exact values.
    left = _value(pair, on - 1.0) if math.isfinite(on) else math.nan
    right = _value(pair, off + 1.0) if math.isfinite(off) else math.nan
    return Area(on + 0.0, off + 0.0, left + 0.0, right + 0.0)  # + 0.0: no -0.0


def _x(value: float) -> str:
    return f"{round(value, 2) + 0.0:.2f}"  # + 0.0: no "-0.00"


def _active_somewhere(pair: dict, lo: float, hi: float) -> bool:
    # The layer-2 neuron's input is monotone in x, so its largest value on [lo, hi)
    # is at an end (just left of hi counts, by continuity).
    def layer2_input(x):
        return pair["w2"] * max(0.0, pair["w1"] * x + pair["b1"]) + pair["b2"]
    return layer2_input(lo) > 0 or layer2_input(hi) > 0


def _span(a: Area, height: bool = True) -> str:
    if math.isinf(a.off):
        return _("on at x = {on} and never switches off (its layer-2 weight is positive)",
                 on=_x(a.on))
    if math.isinf(a.on):
        return _("on from the far left, off at x = {off} (its layer-2 weight is positive)",
                 off=_x(a.off))
    if height:
        return _("on at x = {on}, off at x = {off}, adds {height}", on=_x(a.on), off=_x(a.off),
                 height=_x(a.height))
    return _("on at x = {on}, off at x = {off}", on=_x(a.on), off=_x(a.off))


def describe(params: Params, i: int, lo: float = 0.0, hi: float = 1.0) -> str:
    """One sentence for a learner about what pair i does to the output on [lo, hi)."""
    pair = params.pair(i)
    if pair["w_out"] == 0:
        return _("never changes the output (its output weight is 0)")
    if not _active_somewhere(pair, lo, hi):
        return _("dead: never active on [{lo:g}, {hi:g})", lo=lo, hi=hi)
    a = area(params, i)
    if a is None:
        value = _x(_value(pair, lo))
        if pair["w1"] == 0:
            return _("adds {value} everywhere (its layer-1 weight is 0)", value=value)
        if pair["w2"] == 0:
            return _("adds {value} everywhere (its layer-2 weight is 0)", value=value)
        return _("adds {value} everywhere (it never bends)", value=value)
    if not (a.on < hi and a.off > lo):
        return _("adds {value} on [{lo:g}, {hi:g}): it bends the output only outside it "
                 "({span})", value=_x(_value(pair, lo)), lo=lo, hi=hi, span=_span(a))
    return _span(a)


def from_meaning(params: Params, i: int, on: float, off: float, height: float) -> Params:
    """A copy where pair i switches on at `on`, off at `off` and adds `height` (signed)
    in between, in the book's shape (layer-2 weight -1), values on the slider grid."""
    if not all(math.isfinite(v) for v in (on, off, height)):
        raise ValueError(_("on, off and height must be finite numbers: a pair whose area "
                           "never ends cannot be set from its meaning"))
    if not on < off:
        raise ValueError(_("it must switch on (x = {on:g}) before it switches off "
                           "(x = {off:g})", on=on, off=off))
    mirrored = params.w1[i] < 0  # keep "0 on the left, constant on the right"
    edge, width = (off if mirrored else on), off - on
    # Scale s: w1 = ±s, |b1| = s*|edge|, b2 = s*width, |w_out| = |height|/b2.
    lowest = max(abs(height) / (LIMIT * width), STEP / width, STEP)
    highest = min(LIMIT, LIMIT / width, LIMIT / abs(edge) if edge else math.inf)
    steps = min(max(round(abs(params.w1[i]) / STEP) or round(1 / STEP),
                    math.ceil(round(lowest / STEP, 9))), math.floor(round(highest / STEP, 9)))
    while steps * STEP <= highest:  # scale s = steps * STEP, a slider position
        s = snap(FIELDS["w1"], steps * STEP)
        # b2 from the snapped b1, so that both edges land within half a step / s.
        if mirrored:
            w1, b1 = -s, snap(FIELDS["b1"], s * off)
            b2 = snap(FIELDS["b2"], b1 - s * on)
        else:
            w1, b1 = s, snap(FIELDS["b1"], -s * on)
            b2 = snap(FIELDS["b2"], s * off + b1)
        w_out = height / b2 if mirrored else -height / b2
        if b2 > 0 and abs(w_out) <= LIMIT:  # rounding b2 down may push w_out out
            return params.replace(i, w1=w1, b1=b1, w2=-1.0, b2=b2,
                                  w_out=snap(FIELDS["w_out"], w_out))
        steps += 1
    raise ValueError(_("cannot switch on at x = {on:g}, off at x = {off:g} and add {height:g} "
                       "with every value in [{low:g}, {high:g}]", on=on, off=off,
                       height=height, low=-LIMIT, high=LIMIT))


def warnings(params: Params, lo: float = 0.0, hi: float = 1.0) -> list[str]:
    """Teaching warnings, at most one per pair: dead on [lo, hi), output weight 0, or bends
    only outside [lo, hi); then pairs with one area of effect. Pairs numbered from 1."""
    found, areas = [], {}
    where = f"[{lo:g}, {hi:g})"
    for i in range(params.n_pairs):
        pair = params.pair(i)
        if not any(pair.values()):
            continue  # an untouched pair is not a mistake
        if not _active_somewhere(pair, lo, hi):  # one warning per pair: the root cause
            found.append(_("Pair {pair} is dead: its layer-2 neuron is 0 for every x in "
                           "{where}, so it adds nothing there. {wake}", pair=i + 1,
                           where=where, wake=_wake(pair, lo, hi)))
            continue
        if pair["w_out"] == 0:
            found.append(_("Pair {pair}'s output weight is 0: whatever its neurons do, it "
                           "never changes the output.", pair=i + 1))
            continue
        if (a := area(params, i)) is None:
            continue
        areas[i] = a
        if not (a.on < hi and a.off > lo):
            found.append(_("Pair {pair} bends the output only outside {where} ({span}); on "
                           "{where} it just adds {value}.", pair=i + 1, where=where,
                           span=_span(a), value=_x(_value(pair, lo))))
    for i, a in areas.items():
        for j, b in areas.items():
            if i < j and _close(a.on, b.on) and _close(a.off, b.off):
                found.append(_("Pairs {first} and {second} have the same area of effect "
                               "({span}): together they do one pair's job. Move one of them "
                               "somewhere else.", first=i + 1, second=j + 1,
                               span=_span(a, height=False)))
    return found


def _wake(pair: dict, lo: float, hi: float) -> str:
    if pair["w2"] == 0:
        return _("Its layer-2 weight is 0, so layer 1 cannot reach it: give it a layer-2 "
                 "weight.")
    if max(pair["w1"] * lo, pair["w1"] * hi) + pair["b1"] <= 0:
        return _("Its layer-1 neuron is 0 there too: move its layer-1 bias so that it "
                 "switches on in between.")
    return _("Raise its layer-2 bias, or flip its layer-2 weight, to wake it up.")


def _close(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= SAME_AREA
