"""THE parameter table (names, labels, ranges, steps, defaults), its checks, and the
ways in and out that a page uses: flat lists for widgets, and the URL. The JSON file
format is nnsine.formats.fitfile."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from nnsine.engine.network import (
    BOUNDS,
    PAIR_NAMES,
    Params,
    from_vector,
    parameter_names,
    to_vector,
)

# ParamsError lives in nnsine.formats.checks (every number is checked there); params.ParamsError
# stays the name the rest of the code uses.
from nnsine.formats.checks import ParamsError, fmt, in_range, shorten, to_float, whole

N_PAIRS = 8
MAX_PAIRS = 16


@dataclass(frozen=True)
class Field:
    """One kind of number: its name, label, range, step and default."""
    name: str
    label: str
    low: float
    high: float
    step: float
    default: float


PAIR_FIELDS = (  # every range is the engine's BOUNDS (the trainer clips into it)
    Field("w1", "layer-1 weight", *BOUNDS, 0.01, 0.0),
    Field("b1", "layer-1 bias", *BOUNDS, 0.01, 0.0),
    Field("w2", "layer-2 weight", *BOUNDS, 0.01, 0.0),
    Field("b2", "layer-2 bias", *BOUNDS, 0.01, 0.0),
    Field("w_out", "output weight", *BOUNDS, 0.01, 0.0),
)
OUTPUT_FIELD = Field("b_out", "output bias", *BOUNDS, 0.01, 0.0)
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
        """The label a learner reads, e.g. "Pair 3 · layer-1 weight"."""
        return self.field.label.capitalize() if self.pair is None else (
            f"Pair {self.pair + 1} · {self.field.label}")


def slots(n_pairs: int = N_PAIRS) -> list[Slot]:
    """Every number in flat order: pair 1's five, pair 2's five, ..., then b_out."""
    # The keys are the engine's parameter names (nnsine.engine.network.parameter_names).
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


def check(field: Field, value, where: str, *, text: bool = False) -> float:
    """A finite float inside the field's range from a JSON number (or, with `text`, number
    text), or ParamsError naming `where` and the value (see nnsine.formats.checks.in_range)."""
    return in_range(value, field.low, field.high, where, text=text)


def snap(field: Field, value: float) -> float:
    """The nearest slider position (the step grid), clipped to the range."""
    decimals = max(0, -math.floor(math.log10(field.step)))
    return round(min(max(value, field.low), field.high), decimals) + 0.0  # + 0.0: no -0.0


def snap_all(params: Params) -> Params:
    """Every value moved to its slider position."""
    return from_flat([snap(s.field, v) for s, v in items(params)])


def from_values(values, base: Params) -> tuple[Params, list[str]]:
    """The browser's slider values, a list of 5*n_pairs + 1 JSON numbers -> (Params,
    problems). Values are kept exactly (an uploaded fit may lie between slider steps); one
    that is not a finite number stays at `base`, a finite one out of range is clipped."""
    if not isinstance(values, list) or len(values) != 5 * base.n_pairs + 1:
        return base, [f"expected {5 * base.n_pairs + 1} values, got {shorten(repr_of(values))}"]
    flat, problems = to_flat(base), []
    for k, (slot, value) in enumerate(zip(slots(base.n_pairs), values, strict=True)):
        try:
            flat[k] = check(slot.field, value, slot.label)
        except ParamsError as problem:
            try:
                number = to_float(value, slot.label)
            except ParamsError:
                problems.append(f"{problem}; kept {fmt(flat[k])}")
                continue
            flat[k] = min(max(number, slot.field.low), slot.field.high)
            problems.append(f"{problem}; clipped to {fmt(flat[k])}")
    return from_flat(flat), problems


def repr_of(value) -> str:
    """A short description of a payload that is not the list it should be."""
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return type(value).__name__


# --- URL query --------------------------------------------------------------


def to_query(params: Params) -> dict[str, str]:
    """Params -> query parameters: the pair count unless 8, and each value that is not
    its default."""
    count = {} if params.n_pairs == N_PAIRS else {"pairs": str(params.n_pairs)}
    return count | {s.key: fmt(v) for s, v in items(params) if v != s.field.default}


def from_query(query: Mapping[str, str], base: Params | None = None
               ) -> tuple[Params, list[str]]:
    """Query parameters (str -> str) -> (Params, problems): each bad value is named and
    left at `base`; keys that look like a slider's but name none are reported too."""
    base, problems = base or defaults(), []
    if "pairs" in query:
        try:
            base = resize(base, whole(query["pairs"], 1, MAX_PAIRS, "Number of pairs (pairs)"))
        except ParamsError as problem:
            problems.append(str(problem))
    values = to_flat(base)
    for k, s in enumerate(slots(base.n_pairs)):
        if s.key in query:
            where = f"{s.label} ({s.key}={shorten(str(query[s.key]))})"
            try:
                values[k] = check(s.field, query[s.key], where, text=True)
            except ParamsError as problem:
                problems.append(str(problem))
    known = {s.key for s in slots(base.n_pairs)}
    for key in sorted(query):  # a typo, or a pair beyond the count, would vanish unsaid
        if re.fullmatch(r"p\d+_\w+", key) and key not in known:
            problems.append(f"{shorten(key)}={shorten(str(query[key]))}: no such slider "
                            f"with {base.n_pairs} pairs")
    return from_flat(values), problems
