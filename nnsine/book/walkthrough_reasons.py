"""The book's reasons for the walkthrough's steps (section 4.8), each computed from the
fits before and after the step so that it is said only where it is true. Every text is in
the current language (nnsine.i18n): whole sentences, joined by `sentences`."""

from __future__ import annotations

import math

import numpy as np
from babel.lists import format_list

from nnsine import i18n
from nnsine.engine.metrics import GOALS, evaluate, goals_met, score
from nnsine.engine.network import Params, line_formula, linear_collapse, predict
from nnsine.engine.targets import DEFAULT, label, sample
from nnsine.i18n import N_, _, ngettext


def _mse(fit: Params, mask: np.ndarray) -> float:
    x, y = sample()
    return float(np.mean((predict(fit, x[mask]) - y[mask]) ** 2))


def sentences(*texts: str) -> str:
    """Whole translated sentences as one text ('' ones left out): a space between them,
    none in Chinese, whose full stop (。) already parts them."""
    return ("" if i18n.current() == "zh" else " ").join(filter(None, texts))


def _listed(items: list[str]) -> str:
    """'≤ 0.10 and ≤ 0.05' in the current language's words (CLDR's, through Babel)."""
    return format_list(items, locale=i18n.cldr())


def slope_reason(w1: float) -> str:
    """Fig. 4-19: the steep line's slope, and where the book wants it to end."""
    return _("Why {w1:g}: the sine starts out climbing with slope 2π ≈ 6.28, so {w1:g} gets "
             "the initial slope right. But the line never ends: the pair never switches off. "
             "It should stop where it leaves the sine, at a height of about 0.7.", w1=w1)


def height_reason(w1: float, b1: float, b2: float) -> str:
    """Fig. 4-20: the layer-2 bias is a height, not an x."""
    x = (b2 - b1) / w1
    return _("Why {b2:g}: it is a height, not an x. The steep line {w1:g}x leaves the sine at "
             "about y = {b2:g}, at x = {x:.2f} (where sin(2πx) is {sine:.2f}). "
             "With layer-2 weight -1 next, the second neuron computes {b2:g} − {w1:g}x and "
             "reaches 0, switching the pair off, exactly at that height.",
             w1=w1, b2=b2, x=x, sine=math.sin(2 * math.pi * x))


# Shown as they are by the walkthrough and by the tuner's walkthrough panel: `_(OURS)`.
PLAN = N_("The plan: pairs 1 to 7 each shape one section of the wave, left to right; the "
          "last pair, 8, only offsets everything vertically (layer-1 weight 0, so it ignores "
          "x).")

OURS = N_("Only pair 1 uses the book's own numbers (Figs. 4-17 to 4-23). Pairs 2 to 8 are "
          "ours, found with the book's method, so the later figures show the same kind of "
          "step with other values.")


def weight_five_reason(w1: float, b1: float, last_b1: float, first_w1: float) -> str:
    """Why the shifted pairs get layer-1 weight 5 (our choice, within the book's method),
    where pair 1 used `first_w1`."""
    if w1 == first_w1:
        why = _("Why layer-1 weight {w1:g} here too: the neuron must reach 0 at the start x, "
                "so its bias is −{w1:g} × start ({b1:g}).", w1=w1, b1=b1)
    else:
        why = _("Why layer-1 weight {w1:g} here, not pair 1's {first_w1:g}: the neuron must "
                "reach 0 at the start x, so its bias is −{w1:g} × start ({b1:g}).",
                w1=w1, b1=b1, first_w1=first_w1)
    return sentences(why, _(
        "Any positive weight would do, since the output weight sets the piece's slope later; "
        "{w1:g} keeps every bias inside the sliders' ±10 (the last pair needs {last_b1:g}) "
        "while one 0.01 step of the bias moves the switch point by only {step:.3f}.",
        w1=w1, last_b1=last_b1, step=0.01 / w1))


def falling_reason(start: float, pair: int) -> str:
    """Fig. 4-28: the first pair whose piece goes down (`pair`, from 1) switches on where
    the wave turns."""
    return _("The book begins the activation of pair {pair} (the book's 3rd) where the slope "
             "should start going down (Fig. 4-28): here x = {start:.2f}, beside the sine's "
             "peak at x = 0.25, so this pair's piece is the one that will take the curve "
             "down.", pair=pair, start=start)


def offset_reason(before: Params, after: Params, shaped_to: float) -> str:
    """Why the MSE went up at an offset step (said only when it did), or ''."""
    old, new = score(before).mse, score(after).mse
    if new <= old:
        return ""
    x = sample()[0]
    left = x < shaped_to
    if not (_mse(after, left) < _mse(before, left) and _mse(after, ~left) > _mse(before, ~left)):
        return _("The MSE goes up ({old:.3f} → {new:.3f}).", old=old, new=new)
    flat_before, flat_after = (float(predict(fit, [0.999])[0]) for fit in (before, after))
    return _("Why the MSE goes up ({old:.3f} → {new:.3f}) though the start is now right: the "
             "offset moves every x. Left of x = {shaped_to:.2f}, where pairs are already "
             "shaped, the error falls; right of it no pair has bent the curve yet, and the "
             "flat line there moves from {flat_before:.2f} to {flat_after:.2f}, further from "
             "the sine. The next pairs bend that part down, and the MSE comes down with them.",
             old=old, new=new, shaped_to=shaped_to, flat_before=flat_before,
             flat_after=flat_after)


def lost_goal_reason(reached: Params, number: int, after: Params, pair: int) -> str:
    """Why `after` misses a goal that step `number` (fit `reached`, the same pair being
    shaped since) met; '' when it misses none of them."""
    lost = [g for g, was, now in zip(GOALS, goals_met(score(reached)), goals_met(score(after)),
                                     strict=True) if was and not now]
    if not lost:
        return ""
    p = after.pair(pair)
    start = -p["b1"] / p["w1"] if p["w1"] else 0.0
    constant = p["w_out"] * max(0.0, p["w2"] * max(0.0, p["b1"]) + p["b2"])  # at x = 0
    return _("Why the goal max |error| ≤ {goal:.2f}, met at step {number}, is lost: there "
             "pair {pair}'s ramp from x = {start:.2f}, still unbounded, happened to follow "
             "the sine's last climb, and the data end before x = 1, so it never had to switch "
             "off. Shaped the book's way, the pair now adds {constant:+.2f} everywhere left of "
             "x = {start:.2f}, moving the whole curve there; the next offset step takes it "
             "back.", goal=max(lost), number=number, pair=pair + 1, start=start,
             constant=constant)


def _goals_said(max_error: float, goals) -> str:
    """'It meets the goals ≤ 0.10 and ≤ 0.05.' for the goals max_error reaches; what it
    misses is said too, so no sentence claims a goal the score denies."""
    met = [f"≤ {g:.2f}" for g in goals if max_error <= g]
    missed = [f"≤ {g:.2f}" for g in goals if max_error > g]
    return sentences(
        ngettext("It meets the goal {goals}.", "It meets the goals {goals}.", len(met),
                 goals=_listed(met)) if met else "",
        ngettext("It misses the goal {goals}.", "It misses the goals {goals}.", len(missed),
                 goals=_listed(missed)) if missed else "")


def final_reason(fit: Params, target: str = DEFAULT, goals=GOALS) -> str:
    """Fig. 4-29: every section shaped and the offset set; how close the result is on
    `target` (ReLU hidden layers), against `goals`."""
    result = score(fit, target)
    if target == DEFAULT:
        said = _("Every section is shaped and offset: the book's final result, here with max "
                 "|error| {max_error:.4f}.", max_error=result.max_error)
    else:
        said = _("Every section is shaped and offset: the book's final result, here with max "
                 "|error| {max_error:.4f} on your target {target}.",
                 max_error=result.max_error, target=label(target))
    return sentences(said, _goals_said(result.max_error, goals))


def linear_note(fit: Params, target: str = DEFAULT, goals=GOALS) -> str:
    """What a step's fit is with linear hidden layers (section 4.6), its score on `target`
    computed with them: the step's words are about ReLU and are not true of it."""
    result = evaluate(fit, target, "linear").score
    slope, intercept = linear_collapse(fit)
    return sentences(_(
        "This step is about ReLU pairs (section 4.8), but the hidden layers are linear: no "
        "neuron switches on or off and no pair has an area of effect, so every pair adds at "
        "every x and this step's weights make the whole network one straight line, {line}. "
        "It has MSE {mse:.5f} and max |error| {max_error:.4f}.",
        line=line_formula(slope, intercept), mse=result.mse, max_error=result.max_error),
        _goals_said(result.max_error, goals))
