"""Fig. 4-33: "More neurons can enable more unique areas of effect". The book's method of
section 4.8 with 16 pairs instead of 8: each pair shapes one sixteenth of the wave, so there
are 16 areas of effect where the 8 hand-tuned pairs have 7 (no offset pair is needed: the
pieces start at sin(0) = 0 and end at sin(2π) = 0)."""

from __future__ import annotations

import math

from nnsine.book.walkthrough import HAND_TUNED
from nnsine.engine import pairs
from nnsine.engine.metrics import score
from nnsine.engine.network import PAIR_NAMES, Params
from nnsine.i18n import N_, _

N_PAIRS = 16
# The book's words (Fig. 4-33), shown translated: `_(WORDS)`.
WORDS = N_("More neurons can enable more unique areas of effect, we need two or more hidden "
           "layers, we need nonlinear activation functions to map nonlinear problems.")


def _params(rows) -> Params:
    return Params(**dict(zip(PAIR_NAMES, zip(*rows, strict=True), strict=True)), b_out=0.0)


def sixteen_pairs() -> Params:
    """16 pairs on the sliders' grid: pair k (1..16) switches on at knot k - 1 and off at
    knot k (knots at multiples of 1/16, to 0.01) with layer-1 weight 5, layer-2 weight -1,
    and its output weight sets the slope of the sine's chord there."""
    knots = [round(k / N_PAIRS, 2) for k in range(N_PAIRS + 1)]
    rows = []
    for start, stop in zip(knots[:-1], knots[1:], strict=True):
        chord = (math.sin(2 * math.pi * stop) - math.sin(2 * math.pi * start)) / (stop - start)
        rows.append((5.0, round(-5 * start, 2) + 0.0, -1.0, round(5 * (stop - start), 2),
                     round(-chord / 5, 2) + 0.0))
    return _params(rows)


def note(fit: Params) -> str:
    """Our words beside the book's, with both fits' scores on the book's sine (ReLU), in the
    current language."""
    hand = _params(HAND_TUNED)
    more, eight = score(fit), score(hand)
    areas = [sum(pairs.area(f, i) is not None for i in range(f.n_pairs)) for f in (fit, hand)]
    return _("Fig. 4-33, the book's words: “{words}” Here: the book's method with {pairs} "
             "pairs, so {areas} areas of effect (the {hand_pairs} hand-tuned pairs have "
             "{hand_areas}), each a shorter stretch of the wave. Max |error| {max_error:.4f} "
             "and MSE {mse:.5f}, against {hand_max_error:.4f} and {hand_mse:.5f} for the "
             "{hand_pairs} hand-tuned pairs. Select a pair to shade its area.",
             words=_(WORDS), pairs=fit.n_pairs, areas=areas[0], hand_pairs=hand.n_pairs,
             hand_areas=areas[1], max_error=more.max_error, mse=more.mse,
             hand_max_error=eight.max_error, hand_mse=eight.mse)
