"""Named fits: data, not code."""

from __future__ import annotations

# The hand-tuned rows live beside the walkthrough that arrives at them; the
# walkthrough imports nothing from here, so there is no import cycle.
from nnsine.book.more_pairs import sixteen_pairs
from nnsine.book.walkthrough import HAND_TUNED, STEPS
from nnsine.engine.network import PAIR_NAMES, Params
from nnsine.formats.params import N_PAIRS, defaults
from nnsine.i18n import N_, _


def _from_rows(rows, b_out: float = 0.0) -> Params:
    columns = list(zip(*rows, strict=True))
    return Params(**dict(zip(PAIR_NAMES, columns, strict=True)), b_out=b_out)


PRESETS = {
    "zeros": lambda: defaults(N_PAIRS),
    "hand-tuned": lambda: _from_rows(HAND_TUNED),
    "sixteen-pairs": sixteen_pairs,  # Fig. 4-33: the same method, more areas of effect
    # The book's hand-tuning one change at a time: walkthrough-1 is all zeros and
    # the last one is hand-tuned.
    **{f"walkthrough-{k}": (lambda step=step: step.params) for k, step in enumerate(STEPS, 1)},
}

# What a learner reads for a preset (its name stays the key: URLs, files, the CLI).
TITLES = {
    "zeros": N_("all zeros"),
    "hand-tuned": N_("the hand-tuned fit"),
    "sixteen-pairs": N_("16 pairs (Fig. 4-33)"),
}


def title(name: str) -> str:
    """Preset `name` in the learner's words and language ("the hand-tuned fit", "walkthrough
    step 3"); a name that is no preset is returned as it is (user data)."""
    if name in TITLES:
        return _(TITLES[name])
    step = name.removeprefix("walkthrough-")
    if name in PRESETS and step.isdigit():
        return _("walkthrough step {step}", step=int(step))
    return name


def preset(name: str) -> Params:
    """The named fit; KeyError lists the known names."""
    if name not in PRESETS:
        known = [n for n in PRESETS if not n.startswith("walkthrough-")]
        known.append(f"walkthrough-1 ... walkthrough-{len(STEPS)}")
        raise KeyError(f"unknown preset {name!r}; known: {', '.join(known)}")
    return PRESETS[name]()
