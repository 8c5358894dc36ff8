"""Named fits: data, not code."""

from __future__ import annotations

from nnsine.network import PAIR_NAMES, Params
from nnsine.params import N_PAIRS, defaults

# Found by hand with the book's method (section 4.8): each of pairs 1-7
# switches on where the previous one switches off (layer-1 weight 5, bias
# -5 * start), layer-2 weight -1 makes it switch off again after b2/5, and its
# output weight sets the slope there; pair 8 only offsets the whole curve.
#          w1     b1     w2    b2   w_out
HAND_TUNED = (
    (5.0,  0.00, -1.0, 0.75, -1.09),
    (5.0, -0.75, -1.0, 0.55, -0.34),
    (5.0, -1.30, -1.0, 0.50,  0.45),
    (5.0, -1.80, -1.0, 1.35,  1.15),
    (5.0, -3.15, -1.0, 0.55,  0.50),
    (5.0, -3.70, -1.0, 0.55, -0.34),
    (5.0, -4.25, -1.0, 0.75, -1.09),
    (0.0,  0.02,  1.0, 0.00, -1.00),
)


def _from_rows(rows, b_out: float = 0.0) -> Params:
    columns = list(zip(*rows, strict=True))
    return Params(**dict(zip(PAIR_NAMES, columns, strict=True)), b_out=b_out)


PRESETS = {
    "zeros": lambda: defaults(N_PAIRS),
    "hand-tuned": lambda: _from_rows(HAND_TUNED),
}


def preset(name: str) -> Params:
    """The named fit; KeyError lists the known names."""
    if name not in PRESETS:
        raise KeyError(f"unknown preset {name!r}; known: {', '.join(PRESETS)}")
    return PRESETS[name]()
