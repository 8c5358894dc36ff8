"""What every neuron does at one x (book Figs. 4-30, 4-31), with ReLU hidden layers or,
as in section 4.6, linear ones (then nothing switches: every pair adds at every x)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnsine.engine.activations import linear, relu
from nnsine.engine.network import Params, forward, line_formula, linear_collapse
from nnsine.i18n import N_, _, ngettext


@dataclass(frozen=True)
class Probe:
    """One forward pass at x: hidden1, hidden2, contributions, active1, active2 are
    (n_pairs,); a ReLU neuron is active when its output is > 0; a linear one (`linear`
    True) passes its weighted sum on whatever its sign, so it is always active."""

    x: float
    hidden1: np.ndarray
    hidden2: np.ndarray
    contributions: np.ndarray
    output: float
    active1: np.ndarray
    active2: np.ndarray
    linear: bool = False


def _frozen(row: np.ndarray) -> np.ndarray:
    row = row.copy()
    row.flags.writeable = False
    return row


def probe(params: Params, x: float, activation=relu) -> Probe:
    """Every neuron's value at the single input x (`activation` relu or linear)."""
    trace = forward(params, [x], activation)
    hidden1, hidden2 = trace.hidden1[0], trace.hidden2[0]
    straight = activation is linear
    on1, on2 = (np.ones_like(hidden1, bool),) * 2 if straight else (hidden1 > 0, hidden2 > 0)
    return Probe(float(x), _frozen(hidden1), _frozen(hidden2),
                 _frozen(trace.contributions[0]), float(trace.output[0]),
                 _frozen(on1), _frozen(on2), straight)


ROLES = {  # English, marked for the catalogs: `table` shows them in the learner's language
    "active": N_("active: x passes through"),
    "constant": N_("adds a constant (layer 1 off)"),
    "offset": N_("offset: always on, ignores x"),
    "off": N_("adds 0 (layer 2 off)"),
    "linear": N_("linear: adds its line at every x"),
}
# The table's columns: stable keys (the page's column_config names them) and the header a
# learner reads, `_(COLUMNS[key])`.
COLUMNS = {"pair": N_("pair"), "does": N_("does"), "layer 1": N_("layer 1"),
           "layer 2": N_("layer 2"), "× output weight": N_("× output weight")}


def roles(p: Probe, params: Params) -> list[str]:
    """Each pair's part at p.x, a key of ROLES: active (both neurons on and both weights
    nonzero: the book's "activated", in its area of effect), offset (both on but it
    ignores x: a layer-1 or layer-2 weight of 0), constant (layer 2 on with layer 1 off:
    it passes on only its bias), or off (layer 2 off: it adds 0). With linear hidden
    layers every pair is "linear": nothing switches, so every pair adds at every x."""
    if p.linear:
        return ["linear"] * params.n_pairs
    found = []
    for i in range(params.n_pairs):
        if not p.active2[i]:
            found.append("off")
        elif not p.active1[i]:
            found.append("constant")
        elif params.w1[i] == 0 or params.w2[i] == 0:
            found.append("offset")
        else:
            found.append("active")
    return found


def _numbers(indices: list[int]) -> str:
    return ", ".join(str(i + 1) for i in indices)


def explain(p: Probe, params: Params) -> list[tuple[str, str]]:
    """(key, sentence) for a learner about the pairs at p.x, each said only when it holds:
    active, constant, offset (one sentence per always-on pair), off; with linear hidden
    layers what a linear network does instead (linear, line)."""
    if p.linear:
        return explain_linear(p, params)
    parts = roles(p, params)
    group = {role: [i for i, r in enumerate(parts) if r == role] for role in ROLES}
    x = f"{p.x:.2f}"
    active = group["active"]
    said = [("active", ngettext(
        "Active at x = {x} (both neurons on, so x passes through the pair and bends the "
        "output): pair {pairs}.",
        "Active at x = {x} (both neurons on, so x passes through the pair and bends the "
        "output): pairs {pairs}.", len(active), x=x, pairs=_numbers(active)) if active else _(
        "Active at x = {x} (both neurons on, so x passes through the pair and bends the "
        "output): none.", x=x))]
    if group["constant"]:
        said.append(("constant", ngettext(
            "Only a constant: pair {pairs}. Its layer-1 neuron is off here, so the layer-2 "
            "neuron passes on just its bias: coloured in the diagram, but nothing there "
            "changes with x.",
            "Only a constant: pairs {pairs}. Their layer-1 neuron is off here, so the layer-2 "
            "neuron passes on just its bias: coloured in the diagram, but nothing there "
            "changes with x.", len(group["constant"]), pairs=_numbers(group["constant"]))))
    for i in group["offset"]:
        w1, b1, w2, b2 = params.w1[i], params.b1[i], params.w2[i], params.b2[i]
        adds = f"{p.contributions[i] + 0.0:.2f}"
        if w1 == 0:
            reason = _("its layer-1 weight is 0, so its layer-1 neuron outputs its bias {b1:g} "
                       "for every x, and its layer-2 neuron {w2:g} × {b1:g} + {b2:g} > 0",
                       b1=b1, w2=w2, b2=b2)
        else:
            reason = _("its layer-2 weight is 0, so its layer-2 neuron outputs its bias {b2:g} "
                       "whatever layer 1 does", b2=b2)
        if w1 == 0 and b1 > 0:
            sentence = _("Pair {pair} is always on: {reason}. It ignores x and adds {adds}: an "
                         "offset for the whole curve.", pair=i + 1, reason=reason, adds=adds)
        else:
            sentence = _("Pair {pair} is on here: {reason}. It ignores x and adds {adds}: an "
                         "offset for the whole curve.", pair=i + 1, reason=reason, adds=adds)
        said.append(("offset", sentence))
    if group["off"]:
        said.append(("off", ngettext(
            "Adding 0: pair {pairs} (layer-2 neuron off: switched off already, or not switched "
            "on).",
            "Adding 0: pairs {pairs} (layer-2 neuron off: switched off already, or not "
            "switched on).", len(group["off"]), pairs=_numbers(group["off"]))))
    return said


def explain_linear(p: Probe, params: Params) -> list[tuple[str, str]]:
    """(key, sentence) for a linear network at p.x (section 4.6): no neuron switches on or
    off, every pair adds its own line at every x, and the whole net is one line."""
    adds = ", ".join(_("pair {pair} {value:.2f}", pair=i + 1, value=c + 0.0)
                     for i, c in enumerate(p.contributions))
    slope, intercept = linear_collapse(params)
    x = f"{p.x:.2f}"
    return [("linear", _("Linear hidden layers: no neuron switches on or off, and there is no "
                         "area of effect, so every pair adds at every x. At x = {x}: {adds}.",
                         x=x, adds=adds)),
            ("line", _("Each pair is a line in x, and lines add up to a line: the whole network "
                       "is {line} (section 4.6), which at x = {x} gives {output:.4f}.",
                       line=line_formula(slope, intercept), x=x, output=p.output + 0.0))]


def _cell(value: float) -> str:
    return f"{value + 0.0:.4f}"  # + 0.0: no "-0.0000"


def table(p: Probe, params: Params) -> list[dict]:
    """One row per pair (what it does, its layer-1 and layer-2 outputs and its
    contribution, as text with 4 decimals), then the sum plus the output bias, which is
    the output. Every cell is text: a column holds one type, and no cell is empty. Keys
    are COLUMNS's (stable); the words in the cells are in the current language."""
    parts = roles(p, params)
    rows = [{"pair": _("Pair {pair}", pair=i + 1), "does": _(ROLES[parts[i]]),
             "layer 1": _cell(float(p.hidden1[i])), "layer 2": _cell(float(p.hidden2[i])),
             "× output weight": _cell(float(p.contributions[i]))}
            for i in range(params.n_pairs)]
    total = float(np.sum(p.contributions))
    rows.append({"pair": _("output"), "does": _("sum {sum} + output bias {bias}",
                                                sum=_cell(total), bias=_cell(params.b_out)),
                 "layer 1": "–", "layer 2": "–", "× output weight": _cell(p.output)})
    return rows
