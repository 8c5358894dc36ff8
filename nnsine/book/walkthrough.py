"""The book's hand-tuning replayed one slider change at a time (Figs. 4-17 to 4-29):
from all zeros to the hand-tuned fit, a caption saying why the curve moved.

`STEPS` is the walkthrough in the current language (nnsine.i18n): built once per language
and kept, since its words are computed from the fits (module `__getattr__`, PEP 562)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from nnsine import i18n
from nnsine.book import walkthrough_reasons as why
from nnsine.book.walkthrough_reasons import sentences
from nnsine.engine.metrics import GOALS, goals_met, score
from nnsine.engine.network import PAIR_NAMES, Params, predict
from nnsine.engine.targets import DEFAULT
from nnsine.formats.params import FIELDS, defaults, snap
from nnsine.i18n import N_, _

# Found by hand with the book's method (section 4.8). Pair 1 is the book's own
# (Figs. 4-17 to 4-22): layer-1 weight 6, layer-2 bias 0.7, layer-2 weight -1, output
# weight -1. Each of pairs 2-7 switches on where the previous one switches off (layer-1
# weight 5, bias -5 * start), layer-2 weight -1 makes it switch off again after b2/5,
# and its output weight sets the slope there; pair 8 only offsets the whole curve.
#          w1     b1     w2    b2   w_out
HAND_TUNED = (
    (6.0,  0.00, -1.0, 0.70, -1.00),
    (5.0, -0.58, -1.0, 0.62, -0.53),
    (5.0, -1.20, -1.0, 0.60,  0.38),
    (5.0, -1.80, -1.0, 1.30,  1.17),
    (5.0, -3.10, -1.0, 0.60,  0.52),
    (5.0, -3.70, -1.0, 0.55, -0.36),
    (5.0, -4.25, -1.0, 0.75, -1.07),
    (0.0,  0.03,  1.0, 0.00, -1.00),
)


# Which book figure each step reproduces, by (section, role): section k is the building
# of pair k + 1 (0-based) and the offset that follows it; None is the start. `pictured`:
# the book shows this very change; otherwise the step is on the way to that figure.
#                   section, role        figure  pictured
BOOK_FIGURES = {
    (None, "start"): ("4-17", True),
    (0, "weights"): ("4-18", True), (0, "w1"): ("4-19", True), (0, "b2"): ("4-20", True),
    (0, "w2"): ("4-21", True), (0, "w_out"): ("4-22", True), (0, "offset"): ("4-23", True),
    (1, "weights"): ("4-24", True), (1, "on"): ("4-25", True), (1, "off"): ("4-26", False),
    (1, "w_out"): ("4-26", True), (1, "offset"): ("4-27", True),
    # Fig. 4-28 is the switch-on: "begin the activation for the 3rd pair ... when we wish
    # the slope to start going down".
    (2, "weights"): ("4-28", False), (2, "on"): ("4-28", True), (2, "off"): ("4-29", False),
    (2, "w_out"): ("4-29", False),
}
LATER = ("4-29", False)  # the book: "repeat the process for each section"
FINAL = ("4-29", True)


@dataclass(frozen=True)
class Step:
    """One change of the walkthrough: what it is called, why the curve reacted, the fit
    after it, the pair it changed (0-based; None for the start), the book figure it
    reproduces ("4-17" ... "4-29"; `pictured` False: on the way to it) and the book's
    reason for it where there is one ('' otherwise); `scored`: the reason quotes scores
    against the book's sine (true of that target only)."""

    title: str
    caption: str
    params: Params
    pair: int | None = None
    figure: str = "4-29"
    pictured: bool = False
    reason: str = ""
    scored: bool = False

    @property
    def selects(self) -> int:
        """The pair to select and shade: the one changed (pair 1 at the start)."""
        return 0 if self.pair is None else self.pair

    @property
    def figure_note(self) -> str:
        """Which book figure this step is, in words (the current language)."""
        if not self.pictured:
            return _("On the way to Fig. {figure}: the book does not picture this change on "
                     "its own.", figure=self.figure)
        if self.pair in (None, 0):
            return _("Fig. {figure}, with the book's own numbers.", figure=self.figure)
        return _("Fig. {figure}: the book's step, done with our values.", figure=self.figure)


def _x(value: float) -> str:
    return f"{round(value, 2) + 0.0:g}"


# A move: (role, title, caption, values, reason); roles key BOOK_FIGURES. Every text is
# built in the current language, whole sentences joined by `sentences`.
def _first_ramp(row):
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


def _next_ramp(k: int, row, first_down: bool, last_b1: float, first_w1: float):
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


def _offset(fit: Params, pair: int, adds: tuple[int, float] | None):
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


def _figure(section, role: str) -> tuple[str, bool]:
    return BOOK_FIGURES.get((section, role), LATER)


def steps(rows=HAND_TUNED) -> tuple[Step, ...]:
    """The walkthrough that ends at the fit `rows` (ramps, then the offset pair last), its
    words in the current language."""
    last = len(rows) - 1
    fit = defaults(len(rows))
    result = [Step(_("All zeros"), _(
        "Every weight and bias is 0, so every neuron outputs 0 and the output is the flat "
        "line y = 0: the sine is 1 away at its peaks."), fit, None, *_figure(None, "start"),
        sentences(_("The book starts with the first pair."), _(why.OURS)))]
    last_b1 = min((row[1] for row in rows[:last]), default=0.0)
    reached = None  # (step number, fit) of the last step that met a goal, while one pair is shaped

    def apply(section: int, pair: int, move) -> None:
        nonlocal fit, reached
        role, title, caption, values, reason = move
        before, fit = fit, fit.replace(pair, **values)
        scored = ""
        if role == "offset":
            scored = why.offset_reason(before, fit, _shaped_to(rows, section))
            reason = sentences(_(why.PLAN) if section == 0 else "", scored)
        elif reached and reached[2] == pair:
            scored = why.lost_goal_reason(reached[1], reached[0], fit, pair)
            reason = scored or reason
        result.append(Step(title, caption, fit, pair, *_figure(section, role), reason,
                           bool(scored)))
        if any(goals_met(score(fit))):
            reached = (len(result), fit, pair)
        elif reached and reached[2] != pair:
            reached = None

    for k, row in enumerate(rows[:last]):
        down = row[4] * row[2] * row[0] < 0 and all(r[4] * r[2] * r[0] >= 0 for r in rows[:k])
        for move in _first_ramp(row) if k == 0 else _next_ramp(k, row, down, last_b1,
                                                                     rows[0][0]):
            apply(k, k, move)
        if move := _offset(fit, last, None if k == 0 else (k + 1, row[4] * row[3])):
            apply(k, last, move)
    before = fit
    final = dict(zip(PAIR_NAMES, rows[last], strict=True))
    if before.replace(last, **final) != before:
        fit = before.replace(last, **final)
        old, new = score(before).mse, score(fit).mse
        shift = float(predict(fit, [0.0])[0] - predict(before, [0.0])[0])
        said = {"shift": abs(shift), "pair": last + 1, "old": old, "new": new}
        result.append(Step(_("Fine-tune the offset"), _(
            "Starting exactly at 0 is not what fits best: moving the whole curve up by "
            "{shift:.2f} with pair {pair}'s offset cuts the mean squared error from {old:.5f} "
            "to {new:.5f}. This is the hand-tuned fit.", **said) if shift > 0 else _(
            "Starting exactly at 0 is not what fits best: moving the whole curve down by "
            "{shift:.2f} with pair {pair}'s offset cuts the mean squared error from {old:.5f} "
            "to {new:.5f}. This is the hand-tuned fit.", **said), fit, last))
    end = result[-1]
    result[-1] = replace(end, figure=FINAL[0], pictured=FINAL[1],
                         reason=why.final_reason(end.params), scored=True)
    return tuple(result)


def _shaped_to(rows, section: int) -> float:
    """The x up to which pairs 1 .. section + 1 have shaped the curve (the last one's off)."""
    w1, b1, __, b2, __ = rows[section]
    return (b2 - b1) / w1


@cache  # one walkthrough per language: the numbers are the same, the words are not
def _steps_in(code: str) -> tuple[Step, ...]:
    with i18n.using(code):
        return steps()


def walk() -> tuple[Step, ...]:
    """The book's walkthrough (from HAND_TUNED) in the current language; also `STEPS`."""
    return _steps_in(i18n.current())


def __getattr__(name: str):
    if name == "STEPS":  # computed, so that its words follow the current language
        return walk()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def reason_on_page(index: int, target: str = DEFAULT, goals=GOALS) -> str:
    """Step `index`'s reason as the tuner shows it with ReLU hidden layers while fitting
    `target` towards `goals`: the last step's score is computed on that target and those
    goals; another step's scores are the book's sine's, and it says so for other targets."""
    steps_here = walk()
    step = steps_here[index]
    if index == len(steps_here) - 1:
        return why.final_reason(step.params, target, goals)
    if target != DEFAULT and step.scored:
        return sentences(_("(These scores are against the book's sin(2πx), not your "
                           "target.)"), step.reason)
    return step.reason


def changed(index: int, steps_of: tuple[Step, ...] | None = None) -> tuple[str, ...]:
    """The names (PAIR_NAMES order) of the values step `index` of `steps_of` (the book's
    walkthrough by default) changed in its pair."""
    book = steps_of or _steps_in(i18n.DEFAULT)  # its values: the same in every language
    if index == 0 or book[index].pair is None:
        return ()
    before, after = book[index - 1].params.pair(book[index].pair), book[index].params.pair(
        book[index].pair)
    return tuple(name for name in PAIR_NAMES if before[name] != after[name])
