"""The book's hand-tuning replayed one slider change at a time (Figs. 4-17 to 4-29):
from all zeros to the hand-tuned fit, a caption saying why the curve moved.

`STEPS` is the walkthrough in the current language (nnsine.i18n): built once per language
and kept, since its words are computed from the fits (module `__getattr__`, PEP 562)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from nnsine import i18n
from nnsine.book import walkthrough_moves as moves
from nnsine.book import walkthrough_reasons as why
from nnsine.book.walkthrough_reasons import sentences
from nnsine.engine.metrics import GOALS, goals_met, score
from nnsine.engine.network import PAIR_NAMES, Params, predict
from nnsine.engine.targets import DEFAULT
from nnsine.formats.params import defaults
from nnsine.i18n import _

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
        for move in moves.first_ramp(row) if k == 0 else moves.next_ramp(
                k, row, down, last_b1, rows[0][0]):
            apply(k, k, move)
        if move := moves.offset(fit, last, None if k == 0 else (k + 1, row[4] * row[3])):
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
