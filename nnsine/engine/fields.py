"""THE parameter table: each of the 5*n_pairs + 1 numbers of the pair network with its
name, label, range, slider step and default, and the slider grid (`snap`). These are facts
of the network a learner tunes, so they live in the engine; how a value gets in (files, the
URL, the browser's messages, number fields) is nnsine.formats (params, checks, fitfile).

The browser gets the ranges and steps from here too (ui/tuner/live_panel.py sends them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from nnsine.engine.network import (
    BOUNDS,
    PAIR_NAMES,
    Params,
    from_vector,
    parameter_names,
    to_vector,
)
from nnsine.i18n import N_, _

N_PAIRS = 8
MAX_PAIRS = 16


@dataclass(frozen=True)
class Field:
    """One kind of number: its name, label (English, marked for the catalogs: show it as
    `_(field.label)`), range, step and default."""
    name: str
    label: str
    low: float
    high: float
    step: float
    default: float


PAIR_FIELDS = (  # every range is the network's BOUNDS (the trainer clips into it)
    Field("w1", N_("layer-1 weight"), *BOUNDS, 0.01, 0.0),
    Field("b1", N_("layer-1 bias"), *BOUNDS, 0.01, 0.0),
    Field("w2", N_("layer-2 weight"), *BOUNDS, 0.01, 0.0),
    Field("b2", N_("layer-2 bias"), *BOUNDS, 0.01, 0.0),
    Field("w_out", N_("output weight"), *BOUNDS, 0.01, 0.0),
)
OUTPUT_FIELD = Field("b_out", N_("output bias"), *BOUNDS, 0.01, 0.0)
FIELDS = {f.name: f for f in (*PAIR_FIELDS, OUTPUT_FIELD)}
assert tuple(f.name for f in PAIR_FIELDS) == PAIR_NAMES


@dataclass(frozen=True)
class Slot:
    """One of the 8*5+1 numbers: its key (widget and URL), field and pair (None: b_out)."""

    key: str
    field: Field
    pair: int | None

    @property
    def label(self) -> str:
        """The label a learner reads, in the current language, e.g. "Pair 3 · layer-1
        weight", "Output bias"."""
        words = _(self.field.label)
        if self.pair is None:
            return words[:1].upper() + words[1:]
        return _("Pair {pair} · {field}", pair=self.pair + 1, field=words)


def slots(n_pairs: int = N_PAIRS) -> list[Slot]:
    """Every number in flat order: pair 1's five, pair 2's five, ..., then b_out."""
    # The keys are the network's parameter names (nnsine.engine.network.parameter_names).
    fields = [(f, i) for i in range(n_pairs) for f in PAIR_FIELDS] + [(OUTPUT_FIELD, None)]
    return [Slot(key, f, i) for key, (f, i) in zip(parameter_names(n_pairs), fields,
                                                     strict=True)]


def defaults(n_pairs: int = N_PAIRS) -> Params:
    """Every slot at its table default."""
    return from_flat([s.field.default for s in slots(n_pairs)])


def items(params: Params) -> list[tuple[Slot, float]]:
    """Each slot with its value in params, in flat order."""
    return list(zip(slots(params.n_pairs), to_flat(params), strict=True))


def resize(params: Params, n_pairs: int) -> Params:
    """The first n_pairs pairs, with default pairs added when there were fewer."""
    flat = to_flat(params)
    pairs = flat[:-1][:5 * n_pairs]
    pairs += [s.field.default for s in slots(n_pairs)[len(pairs):-1]]
    return from_flat([*pairs, flat[-1]])


def to_flat(params: Params) -> list[float]:
    """Params -> the 5*n_pairs + 1 numbers in slots() order."""
    return to_vector(params).tolist()


def from_flat(values) -> Params:
    """The 5*n_pairs + 1 numbers in slots() order -> Params (not validated)."""
    return from_vector(values)


def snap(field: Field, value: float) -> float:
    """The nearest slider position (the step grid), clipped to the range."""
    decimals = max(0, -math.floor(math.log10(field.step)))
    return round(min(max(value, field.low), field.high), decimals) + 0.0  # + 0.0: no -0.0


def snap_all(params: Params) -> Params:
    """Every value moved to its slider position."""
    return from_flat([snap(s.field, v) for s, v in items(params)])
