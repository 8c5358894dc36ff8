"""The book's hand-tuning replayed one slider change at a time (Figs. 4-17 to 4-29):
from all zeros to the hand-tuned fit, a caption saying why the curve moved."""

from __future__ import annotations

from dataclasses import dataclass

from nnsine.book import walkthrough_reasons as why
from nnsine.engine.metrics import GOALS, goals_met, score
from nnsine.engine.network import PAIR_NAMES, Params, predict
from nnsine.engine.targets import DEFAULT
from nnsine.formats.params import FIELDS, defaults, snap

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
        """Which book figure this step is, in words."""
        if not self.pictured:
            return (f"On the way to Fig. {self.figure}: the book does not picture this "
                    "change on its own.")
        if self.pair in (None, 0):
            return f"Fig. {self.figure}, with the book's own numbers."
        return f"Fig. {self.figure}: the book's step, done with our values."


def _x(value: float) -> str:
    return f"{round(value, 2) + 0.0:g}"


# A move: (role, title, caption, values, reason); roles key BOOK_FIGURES.
def _first_ramp(row):
    """Pair 1 built up from y = x, as the book does (Figs. 4-18 to 4-22)."""
    w1, b1, w2, b2, w_out = row
    stop = (b2 - b1) / w1
    yield ("weights", "weights to 1", "Its layer-1 weight, layer-2 weight and output weight go "
           "to 1 and its biases stay 0. Both ReLUs pass any x ≥ 0 straight through, so the "
           "output is the line y = x.", {"w1": 1.0, "w2": 1.0, "w_out": 1.0}, "")
    yield ("w1", f"layer-1 weight {w1:g}", f"The layer-1 weight multiplies x before anything "
           f"else, so the line is {w1:g} times as steep: y = {w1:g}x. It climbs about as fast "
           "as the sine does at first, but it never stops climbing.", {"w1": w1, "b1": b1},
           why.slope_reason(w1))
    yield ("b2", f"layer-2 bias {b2:g}", f"The layer-2 bias is added after the first neuron, "
           f"so the whole line moves up by {b2:g}.", {"b2": b2}, why.height_reason(w1, b1, b2))
    yield ("w2", f"layer-2 weight {w2:g}", f"A layer-2 weight of {w2:g} turns the rising line "
           f"upside down: the second neuron now falls and reaches 0 at x = {_x(stop)}, where "
           "its ReLU starts to output 0. From there on the pair has switched off and adds "
           "nothing, whatever x does.", {"w2": w2},
           "This is the deactivation point the book wanted, where the line left the sine.")
    yield _output_weight(row, first_down=False)


def _next_ramp(k: int, row, first_down: bool, last_b1: float, first_w1: float):
    """Pairs 2, 3, ...: switched on from x = 0, then moved to their own stretch of x."""
    w1, b1, w2, b2, w_out = row
    start, stop = -b1 / w1, (b2 - b1) / w1
    knot = ("the end of the data" if round(stop, 2) >= 1 else "the next knot" if k > 1 else
            "the next knot (a knot is an x where the curve bends: a pair switches on or off "
            "there, so the slope changes)")
    yield ("weights", "weights to 1", f"Weights and output weight 1 add another y = x. Pair "
           f"{k + 1} is on from x = 0, so it also bends the curve where the pairs before it "
           "already fit: it starts too early and spoils their areas of effect.",
           {"w1": 1.0, "w2": 1.0, "w_out": 1.0}, why.OURS if k == 1 else "")
    sign = "+" if b1 >= 0 else "-"
    yield ("on", f"switch on at x = {_x(start)}", f"Layer-1 weight {w1:g} and layer-1 bias "
           f"{b1:g} keep the first neuron at 0 until {w1:g}x {sign} {abs(b1):g} > 0, that is "
           f"until x = {_x(start)}, where pair {k} switches off. The curve left of that is "
           f"back as it was; from there on pair {k + 1} adds a steep line.",
           {"w1": w1, "b1": b1}, why.weight_five_reason(w1, b1, last_b1, first_w1)
           if k == 1 else why.falling_reason(start, k + 1) if first_down else "")
    yield ("off", f"switch off at x = {_x(stop)}", f"Layer-2 weight {w2:g} and layer-2 bias "
           f"{b2:g} turn the line upside down and lift it: the second neuron reaches 0 at x = "
           f"{_x(stop)}, {knot}, and the pair switches off there. Now it adds {b2:g} "
           f"left of x = {_x(start)} and falls to 0 across its area of effect.",
           {"w2": w2, "b2": b2}, "")
    yield _output_weight(row, first_down)


def _output_weight(row, first_down: bool):
    w1, b1, w2, b2, w_out = row
    start, stop = -b1 / w1, (b2 - b1) / w1
    rise, slope = -w_out * b2, w_out * w2 * w1
    does = ("flips" if w_out == -1 else "flips and scales" if w_out < 0 else
            "keeps" if w_out == 1 else "scales")
    caption = (f"Output weight {w_out:g} {does} "
               f"the pair's piece: from x = {_x(start)} to {_x(stop)} the curve now "
               f"{'rises' if rise > 0 else 'falls'} by {abs(rise):.2f} (slope {slope:.2f}). "
               + (f"At x = 0 it adds {w_out * b2:.2f}, so that is where the curve now starts."
                  if round(start, 2) <= 0 else f"Up to x = {_x(start)} it adds a constant "
                  f"{w_out * b2:.2f}, which moves the curve's start at x = 0 too."))
    reason = ""
    if first_down:
        caption += " This is the first piece that goes down: the way down starts."
    elif round(start, 2) <= 0:
        reason = "Now the piece is the right shape, but it starts too low: it needs an offset."
    return "w_out", f"output weight {w_out:g}", caption, {"w_out": w_out}, reason


def _offset(fit: Params, pair: int, reason: str):
    """Pair `pair` made a constant (layer-1 weight 0) that puts the curve's start at 0."""
    old = fit.pair(pair)
    without = fit.replace(pair, **dict.fromkeys(PAIR_NAMES, 0.0))
    offset = snap(FIELDS["b1"], -float(predict(without, [0.0])[0]))
    values = {"w1": 0.0, "b1": abs(offset), "w2": 1.0, "b2": 0.0,
              "w_out": -1.0 if offset < 0 else 1.0}
    if fit.replace(pair, **values) == fit:
        return None
    start = f"{reason} the curve starts at {float(predict(fit, [0.0])[0]):.2f} instead of 0."
    if not any(old.values()):
        caption = (f"{start} Pair {pair + 1} gets layer-1 weight 0, so its neurons ignore x "
                   f"and pass on its layer-1 bias, {abs(offset):g}, times its output weight, "
                   f"{values['w_out']:+g}: it adds {offset:+g} everywhere and moves the whole "
                   f"curve {'up' if offset > 0 else 'down'}, so that it starts at 0.")
    else:
        was = old["w_out"] * old["b1"]
        caption = (f"{start} Pair {pair + 1}'s offset goes from {was:+g} to {offset:+g} "
                   "to bring it back")
        caption += (f": its output weight flips to {values['w_out']:+g} and its layer-1 "
                    f"bias becomes {abs(offset):g}." if values["w_out"] != old["w_out"]
                    else f" (layer-1 bias {abs(offset):g}).")
    return "offset", f"offset {offset:+g}", caption, values, ""


def _figure(section, role: str) -> tuple[str, bool]:
    return BOOK_FIGURES.get((section, role), LATER)


def steps(rows=HAND_TUNED) -> tuple[Step, ...]:
    """The walkthrough that ends at the fit `rows` (ramps, then the offset pair last)."""
    last = len(rows) - 1
    fit = defaults(len(rows))
    result = [Step("All zeros", "Every weight and bias is 0, so every neuron outputs 0 and "
                   "the output is the flat line y = 0: the sine is 1 away at its peaks.", fit,
                   None, *_figure(None, "start"), "The book starts with the first pair. "
                   + why.OURS)]
    last_b1 = min((row[1] for row in rows[:last]), default=0.0)
    reached = None  # (step number, fit) of the last step that met a goal, while one pair is shaped

    def apply(section: int, pair: int, move) -> None:
        nonlocal fit, reached
        role, title, caption, values, reason = move
        before, fit = fit, fit.replace(pair, **values)
        scored = ""
        if role == "offset":
            scored = why.offset_reason(before, fit, _shaped_to(rows, section))
            reason = " ".join(filter(None, [why.PLAN if section == 0 else "", scored]))
        elif reached and reached[2] == pair:
            scored = why.lost_goal_reason(reached[1], reached[0], fit, pair)
            reason = scored or reason
        result.append(Step(f"Pair {pair + 1}: {title}", caption, fit, pair,
                           *_figure(section, role), reason, bool(scored)))
        if any(goals_met(score(fit))):
            reached = (len(result), fit, pair)
        elif reached and reached[2] != pair:
            reached = None

    for k, row in enumerate(rows[:last]):
        down = row[4] * row[2] * row[0] < 0 and all(r[4] * r[2] * r[0] >= 0 for r in rows[:k])
        for move in _first_ramp(row) if k == 0 else _next_ramp(k, row, down, last_b1,
                                                                     rows[0][0]):
            apply(k, k, move)
        lead = ("So far" if k == 0 else
                f"Pair {k + 1} adds {row[4] * row[3]:.2f} left of its area, so")
        if move := _offset(fit, last, lead):
            apply(k, last, move)
    before = fit
    final = dict(zip(PAIR_NAMES, rows[last], strict=True))
    if before.replace(last, **final) != before:
        fit = before.replace(last, **final)
        old, new = score(before).mse, score(fit).mse
        shift = float(predict(fit, [0.0])[0] - predict(before, [0.0])[0])
        result.append(Step("Fine-tune the offset", f"Starting exactly at 0 is not what fits "
                           f"best: moving the whole curve {'up' if shift > 0 else 'down'} by "
                           f"{abs(shift):.2f} with pair {last + 1}'s offset cuts the mean "
                           f"squared error from {old:.5f} to {new:.5f}. This is the "
                           "hand-tuned fit.", fit, last))
    end = result[-1]
    result[-1] = Step(end.title, end.caption, end.params, end.pair, *FINAL,
                      why.final_reason(end.params), True)
    return tuple(result)


def _shaped_to(rows, section: int) -> float:
    """The x up to which pairs 1 .. section + 1 have shaped the curve (the last one's off)."""
    w1, b1, _, b2, _ = rows[section]
    return (b2 - b1) / w1


STEPS = steps()


def reason_on_page(index: int, target: str = DEFAULT, goals=GOALS) -> str:
    """Step `index`'s reason as the tuner shows it with ReLU hidden layers while fitting
    `target` towards `goals`: the last step's score is computed on that target and those
    goals; another step's scores are the book's sine's, and it says so for other targets."""
    step = STEPS[index]
    if index == len(STEPS) - 1:
        return why.final_reason(step.params, target, goals)
    if target != DEFAULT and step.scored:
        return f"(These scores are against the book's sin(2πx), not your target.) {step.reason}"
    return step.reason


def changed(index: int, walk: tuple[Step, ...] = STEPS) -> tuple[str, ...]:
    """The names (PAIR_NAMES order) of the values step `index` changed in its pair."""
    if index == 0 or walk[index].pair is None:
        return ()
    before, after = walk[index - 1].params.pair(walk[index].pair), walk[index].params.pair(
        walk[index].pair)
    return tuple(name for name in PAIR_NAMES if before[name] != after[name])
