"""The walkthrough's moves (section 4.8): each slider change of a pair as (role, title,
caption, values, reason), its words computed from the numbers and said in the current
language (nnsine.i18n) as whole sentences; roles key walkthrough.BOOK_FIGURES."""

from __future__ import annotations

from nnsine.book import walkthrough_reasons as why
from nnsine.book.walkthrough_reasons import sentences
from nnsine.engine.network import PAIR_NAMES, Params, predict
from nnsine.formats.params import FIELDS, snap
from nnsine.i18n import N_, _


def _x(value: float) -> str:
    return f"{round(value, 2) + 0.0:g}"


# A move: (role, title, caption, values, reason); roles key BOOK_FIGURES. Every text is
# built in the current language, whole sentences joined by `sentences`.
def first_ramp(row):
    """Pair 1 built up from y = x, as the book does (Figs. 4-18 to 4-22)."""
    w1, b1, w2, b2, w_out = row
    stop = (b2 - b1) / w1
    yield ("weights", _("Pair {pair}: weights to 1", pair=1), _(
        "Its layer-1 weight, layer-2 weight and output weight go to 1 and its biases stay 0. "
        "Both ReLUs pass any x ≥ 0 straight through, so the output is the line y = x."),
        {"w1": 1.0, "w2": 1.0, "w_out": 1.0}, "")
    yield ("w1", _("Pair {pair}: layer-1 weight {w1:g}", pair=1, w1=w1), _(
        "The layer-1 weight multiplies x before anything else, so the line is {w1:g} times "
        "as steep: y = {w1:g}x. It climbs about as fast as the sine does at first, but it "
        "never stops climbing.", w1=w1), {"w1": w1, "b1": b1}, why.slope_reason(w1))
    yield ("b2", _("Pair {pair}: layer-2 bias {b2:g}", pair=1, b2=b2), _(
        "The layer-2 bias is added after the first neuron, so the whole line moves up by "
        "{b2:g}.", b2=b2), {"b2": b2}, why.height_reason(w1, b1, b2))
    yield ("w2", _("Pair {pair}: layer-2 weight {w2:g}", pair=1, w2=w2), _(
        "A layer-2 weight of {w2:g} turns the rising line upside down: the second neuron now "
        "falls and reaches 0 at x = {stop}, where its ReLU starts to output 0. From there on "
        "the pair has switched off and adds nothing, whatever x does.", w2=w2, stop=_x(stop)),
        {"w2": w2}, _("This is the deactivation point the book wanted, where the line left "
                      "the sine."))
    yield _output_weight(0, row, first_down=False)


# The switch-off's first sentence, by where the pair switches off.
_SWITCH_OFF = {
    "end": N_("Layer-2 weight {w2:g} and layer-2 bias {b2:g} turn the line upside down and "
              "lift it: the second neuron reaches 0 at x = {stop}, the end of the data, and "
              "the pair switches off there."),
    "knot": N_("Layer-2 weight {w2:g} and layer-2 bias {b2:g} turn the line upside down and "
               "lift it: the second neuron reaches 0 at x = {stop}, the next knot, and the "
               "pair switches off there."),
    "first knot": N_("Layer-2 weight {w2:g} and layer-2 bias {b2:g} turn the line upside "
                     "down and lift it: the second neuron reaches 0 at x = {stop}, the next "
                     "knot (a knot is an x where the curve bends: a pair switches on or off "
                     "there, so the slope changes), and the pair switches off there."),
}


def next_ramp(k: int, row, first_down: bool, last_b1: float, first_w1: float):
    """Pairs 2, 3, ...: switched on from x = 0, then moved to their own stretch of x."""
    w1, b1, w2, b2, w_out = row
    start, stop = -b1 / w1, (b2 - b1) / w1
    knot = "end" if round(stop, 2) >= 1 else "knot" if k > 1 else "first knot"
    yield ("weights", _("Pair {pair}: weights to 1", pair=k + 1), _(
        "Weights and output weight 1 add another y = x. Pair {pair} is on from x = 0, so it "
        "also bends the curve where the pairs before it already fit: it starts too early and "
        "spoils their areas of effect.", pair=k + 1),
        {"w1": 1.0, "w2": 1.0, "w_out": 1.0}, _(why.OURS) if k == 1 else "")
    inequality = f"{w1:g}x {'+' if b1 >= 0 else '-'} {abs(b1):g} > 0"  # maths: no words
    yield ("on", _("Pair {pair}: switch on at x = {start}", pair=k + 1, start=_x(start)), _(
        "Layer-1 weight {w1:g} and layer-1 bias {b1:g} keep the first neuron at 0 until "
        "{inequality}, that is until x = {start}, where pair {previous} switches off. The "
        "curve left of that is back as it was; from there on pair {pair} adds a steep line.",
        w1=w1, b1=b1, inequality=inequality, start=_x(start),
        previous=k, pair=k + 1),
        {"w1": w1, "b1": b1}, why.weight_five_reason(w1, b1, last_b1, first_w1)
        if k == 1 else why.falling_reason(start, k + 1) if first_down else "")
    yield ("off", _("Pair {pair}: switch off at x = {stop}", pair=k + 1, stop=_x(stop)),
           sentences(_(_SWITCH_OFF[knot], w2=w2, b2=b2, stop=_x(stop)), _(
               "Now it adds {b2:g} left of x = {start} and falls to 0 across its area of "
               "effect.", b2=b2, start=_x(start))),
           {"w2": w2, "b2": b2}, "")
    yield _output_weight(k, row, first_down)


# What the output weight does to the pair's piece, by (what, whether the curve rises).
_PIECE = {
    ("flips", True): N_("Output weight {w_out:g} flips the pair's piece: from x = {start} to "
                        "{stop} the curve now rises by {rise:.2f} (slope {slope:.2f})."),
    ("flips", False): N_("Output weight {w_out:g} flips the pair's piece: from x = {start} to "
                         "{stop} the curve now falls by {rise:.2f} (slope {slope:.2f})."),
    ("flips and scales", True): N_(
        "Output weight {w_out:g} flips and scales the pair's piece: from x = {start} to "
        "{stop} the curve now rises by {rise:.2f} (slope {slope:.2f})."),
    ("flips and scales", False): N_(
        "Output weight {w_out:g} flips and scales the pair's piece: from x = {start} to "
        "{stop} the curve now falls by {rise:.2f} (slope {slope:.2f})."),
    ("keeps", True): N_("Output weight {w_out:g} keeps the pair's piece: from x = {start} to "
                        "{stop} the curve now rises by {rise:.2f} (slope {slope:.2f})."),
    ("keeps", False): N_("Output weight {w_out:g} keeps the pair's piece: from x = {start} to "
                         "{stop} the curve now falls by {rise:.2f} (slope {slope:.2f})."),
    ("scales", True): N_("Output weight {w_out:g} scales the pair's piece: from x = {start} "
                         "to {stop} the curve now rises by {rise:.2f} (slope {slope:.2f})."),
    ("scales", False): N_("Output weight {w_out:g} scales the pair's piece: from x = {start} "
                          "to {stop} the curve now falls by {rise:.2f} (slope {slope:.2f})."),
}


def _output_weight(pair: int, row, first_down: bool):
    w1, b1, w2, b2, w_out = row
    start, stop = -b1 / w1, (b2 - b1) / w1
    rise, slope = -w_out * b2, w_out * w2 * w1
    does = ("flips" if w_out == -1 else "flips and scales" if w_out < 0 else
            "keeps" if w_out == 1 else "scales")
    piece = _(_PIECE[does, rise > 0], w_out=w_out, start=_x(start), stop=_x(stop),
              rise=abs(rise), slope=slope)
    if round(start, 2) <= 0:
        begins = _("At x = 0 it adds {added:.2f}, so that is where the curve now starts.",
                   added=w_out * b2)
    else:
        begins = _("Up to x = {start} it adds a constant {added:.2f}, which moves the curve's "
                   "start at x = 0 too.", start=_x(start), added=w_out * b2)
    down = _("This is the first piece that goes down: the way down starts.") if first_down else ""
    reason = ""
    if not first_down and round(start, 2) <= 0:
        reason = _("Now the piece is the right shape, but it starts too low: it needs an "
                   "offset.")
    return ("w_out", _("Pair {pair}: output weight {w_out:g}", pair=pair + 1, w_out=w_out),
            sentences(piece, begins, down), {"w_out": w_out}, reason)


def offset(fit: Params, pair: int, adds: tuple[int, float] | None):
    """Pair `pair` made a constant (layer-1 weight 0) that puts the curve's start at 0;
    `adds`: (the pair just shaped, from 1; what it adds left of its area), None for the
    first."""
    old = fit.pair(pair)
    without = fit.replace(pair, **dict.fromkeys(PAIR_NAMES, 0.0))
    offset = snap(FIELDS["b1"], -float(predict(without, [0.0])[0]))
    values = {"w1": 0.0, "b1": abs(offset), "w2": 1.0, "b2": 0.0,
              "w_out": -1.0 if offset < 0 else 1.0}
    if fit.replace(pair, **values) == fit:
        return None
    at_zero = float(predict(fit, [0.0])[0])
    if adds is None:
        start = _("So far the curve starts at {y:.2f} instead of 0.", y=at_zero)
    else:
        start = _("Pair {pair} adds {added:.2f} left of its area, so the curve starts at "
                  "{y:.2f} instead of 0.", pair=adds[0], added=adds[1], y=at_zero)
    said = {"pair": pair + 1, "bias": abs(offset), "w_out": values["w_out"], "offset": offset}
    if not any(old.values()):
        caption = _("Pair {pair} gets layer-1 weight 0, so its neurons ignore x and pass on "
                    "its layer-1 bias, {bias:g}, times its output weight, {w_out:+g}: it adds "
                    "{offset:+g} everywhere and moves the whole curve up, so that it starts "
                    "at 0.", **said) if offset > 0 else _(
                    "Pair {pair} gets layer-1 weight 0, so its neurons ignore x and pass on "
                    "its layer-1 bias, {bias:g}, times its output weight, {w_out:+g}: it adds "
                    "{offset:+g} everywhere and moves the whole curve down, so that it starts "
                    "at 0.", **said)
    elif values["w_out"] != old["w_out"]:
        caption = _("Pair {pair}'s offset goes from {was:+g} to {offset:+g} to bring it back: "
                    "its output weight flips to {w_out:+g} and its layer-1 bias becomes "
                    "{bias:g}.", was=old["w_out"] * old["b1"], **said)
    else:
        caption = _("Pair {pair}'s offset goes from {was:+g} to {offset:+g} to bring it back "
                    "(layer-1 bias {bias:g}).", was=old["w_out"] * old["b1"], **said)
    return ("offset", _("Pair {pair}: offset {offset:+g}", pair=pair + 1, offset=offset),
            sentences(start, caption), values, "")
