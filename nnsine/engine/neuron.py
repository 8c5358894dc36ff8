"""One neuron and one pair up close (section 4.7): their outputs over x, where a neuron
switches on or off (read left to right), a pair's area of effect (where both neurons are
active), and which of the page's explanations hold for the values shown."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnsine.engine.activations import relu
from nnsine.engine.network import Params, forward
from nnsine.engine.pairs import Area, area
from nnsine.i18n import N_, _

# A chart marker's words: "{x}" is left for the figure to fill with the x it marks
# (nnsine.plots.chapter_figures.curves_figure), so a language can put the number anywhere.
MARKERS = {"on": N_("switches on at x = {x}"), "off": N_("switches off at x = {x}")}


def neuron(inputs: np.ndarray, weight: float, bias: float, activation=relu) -> np.ndarray:
    """One neuron with one input: activation(weight * inputs + bias), inputs (n,) -> (n,)."""
    return activation(weight * np.asarray(inputs, dtype=np.float64) + bias)


def activation_point(weight: float, bias: float) -> float | None:
    """The x where weight * x + bias crosses 0 (None when weight is 0: it never does)."""
    return None if weight == 0 else -bias / weight + 0.0  # + 0.0: no -0.0


@dataclass(frozen=True)
class Switch:
    """Where a ReLU (or step) neuron changes, read left to right: `turns` is "on" (weight
    > 0: 0 on the left, active on the right) or "off" (weight < 0: the book's
    deactivation, Fig. 4-12)."""

    x: float
    turns: str

    @property
    def label(self) -> str:
        """'switches on at x = {x}' or 'switches off at x = {x}' in the current language: a
        chart marker's text, "{x}" left for the figure to fill (curves_figure)."""
        return _(MARKERS[self.turns])


def switch(weight: float, bias: float) -> Switch | None:
    """The neuron's switch point, or None when weight is 0 (it is on or off for every x)."""
    point = activation_point(weight, bias)
    return None if point is None else Switch(point, "on" if weight > 0 else "off")


def neuron_notes(weight: float, bias: float) -> list[tuple[str, str]]:
    """(key, sentence) for each statement about y = max(0, weight·x + bias) that holds."""
    point = switch(weight, bias)
    if point is None:
        level = max(0.0, bias)
        return [("flat", _("Weight 0: the neuron ignores x and outputs max(0, bias) = {level:g} "
                           "everywhere; it never switches (Fig. 4-9 has bias 0 too).",
                           level=level))]
    where = f"{point.x:.2f}"
    if point.turns == "on":
        notes = [("switches_on", _("Weight {weight:g} > 0: reading left to right, the neuron "
                                   "outputs 0 until x = {x}, where it switches on; after that "
                                   "its output rises with slope {weight:g}.",
                                   weight=weight, x=where))]
    else:
        notes = [("switches_off", _("Weight {weight:g} < 0: reading left to right, the neuron "
                                    "is active first, its output falling with slope "
                                    "{weight:g}, and switches off at x = {x} (the book's 'see "
                                    "when this neuron deactivates', Fig. 4-12).",
                                    weight=weight, x=where))]
    if bias != 0:
        notes.append(("bias_moves", _("The bias {bias:g} moves that point from x = 0 to "
                                      "x = {x} (x = −bias / weight).", bias=bias, x=where)))
    return notes


@dataclass(frozen=True)
class PairView:
    """A pair over x: neuron 1's output and the pair's output (n,), and its area of effect
    (nnsine.engine.pairs.Area: where it switches on and off; None when the output is flat)."""

    hidden1: np.ndarray
    output: np.ndarray
    area: Area | None


def pair(inputs: np.ndarray, w1: float, b1: float, w2: float, b2: float) -> PairView:
    """Neuron 1 (weight w1, bias b1) feeding neuron 2 (w2, b2), both ReLU, over inputs (n,)."""
    alone = Params([w1], [b1], [w2], [b2], [1.0], 0.0)  # output weight 1: the pair as it is
    trace = forward(alone, inputs)
    return PairView(trace.hidden1[:, 0], trace.hidden2[:, 0], area(alone, 0))


def pair_points(view: PairView) -> dict[str, float]:
    """Chart markers for the pair: {'switches on at x = {x}': x, 'switches off at x = {x}':
    x} (Switch.label's words, "{x}" for the figure to fill), finite only."""
    a = view.area
    if a is None:
        return {}
    return {_(MARKERS[turns]): x for turns, x in (("on", a.on), ("off", a.off))
            if math.isfinite(x)}


def pair_notes(view: PairView, w2: float, b2: float) -> list[tuple[str, str]]:
    """(key, sentence) for each statement about the pair that holds for these values.
    Keys: flat, area, both_points, one_point, no_offset, lifted (book Figs. 4-13 to 4-16)."""
    a = view.area
    if a is None:
        return [("flat", _("No area of effect: the pair's output is the same for every x. Both "
                           "neurons must be active somewhere at once, with nonzero weights, for "
                           "the output to follow x."))]
    if math.isinf(a.on):
        where = _("from the far left and never stops") if math.isinf(a.off) else _(
            "from the far left to x = {off:.2f}", off=a.off)
    else:
        where = _("from x = {on:.2f} and never stops", on=a.on) if math.isinf(a.off) else _(
            "from x = {on:.2f} to x = {off:.2f}", on=a.on, off=a.off)
    notes = [("area", _("Area of effect: the output follows x {where}. There both neurons are "
                        "active; outside it at least one is not, and the pair gives a "
                        "constant.", where=where))]
    if math.isfinite(a.on) and math.isfinite(a.off):
        notes.append(("both_points", _("Neuron 2's weight {w2:g} is negative, so the pair has "
                                       "both an activation point (switches on at x = {on:.2f}) "
                                       "and a deactivation point (switches off at x = "
                                       "{off:.2f}), as in Figs. 4-15 and 4-16.",
                                       w2=w2, on=a.on, off=a.off)))
    else:
        notes.append(("one_point", _("Neuron 2's weight {w2:g} is positive, so neuron 2 just "
                                     "follows neuron 1: the pair switches only once. A negative "
                                     "neuron-2 weight would give it a second point.", w2=w2)))
    if w2 == 1 and b2 == 0:
        notes.append(("no_offset", _("Neuron 2's weight is 1 and its bias 0, so it passes "
                                     "neuron 1's output on unchanged: the pair's output lies "
                                     "exactly on neuron 1's (the dashed curve on the solid "
                                     "one), linear wherever it is not 0 (Fig. 4-13).")))
    elif w2 > 0 and b2 == 0:
        notes.append(("no_offset", _("Neuron 2's bias is 0, so it does no offsetting: the "
                                     "output is neuron 1's, scaled (Fig. 4-13).")))
    elif w2 > 0 and b2 > 0:
        notes.append(("lifted", _("Neuron 2's bias {b2:g} shifts the whole output up by "
                                  "{b2:g} (Fig. 4-14).", b2=b2)))
    return notes
