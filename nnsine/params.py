"""THE parameter table (names, labels, ranges, steps, defaults), its checks, and the
ways in and out that a page uses: flat lists for widgets, and the URL. The JSON file
format is nnsine.fitfile."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from nnsine.network import PAIR_NAMES, Params

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


PAIR_FIELDS = (
    Field("w1", "layer-1 weight", -10.0, 10.0, 0.01, 0.0),
    Field("b1", "layer-1 bias", -10.0, 10.0, 0.01, 0.0),
    Field("w2", "layer-2 weight", -10.0, 10.0, 0.01, 0.0),
    Field("b2", "layer-2 bias", -10.0, 10.0, 0.01, 0.0),
    Field("w_out", "output weight", -10.0, 10.0, 0.01, 0.0),
)
OUTPUT_FIELD = Field("b_out", "output bias", -10.0, 10.0, 0.01, 0.0)
FIELDS = {f.name: f for f in (*PAIR_FIELDS, OUTPUT_FIELD)}
assert tuple(f.name for f in PAIR_FIELDS) == PAIR_NAMES


class ParamsError(ValueError):
    """A fit that cannot be loaded; the message names the problem and where."""


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
    pairs = [Slot(f"p{i + 1}_{f.name}", f, i) for i in range(n_pairs) for f in PAIR_FIELDS]
    return [*pairs, Slot(OUTPUT_FIELD.name, OUTPUT_FIELD, None)]


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
    per_pair = np.stack([getattr(params, name) for name in PAIR_NAMES], axis=1)
    return [float(v) for v in per_pair.reshape(-1)] + [params.b_out]


def from_flat(values) -> Params:
    """The 5*n_pairs + 1 numbers in slots() order -> Params (not validated)."""
    values = np.asarray(values, dtype=np.float64)
    per_pair = values[:-1].reshape(-1, len(PAIR_NAMES))
    return Params(**{name: per_pair[:, k] for k, name in enumerate(PAIR_NAMES)},
                  b_out=values[-1])


def check(field: Field, value, where: str) -> float:
    """A finite number inside the field's range, or ParamsError naming `where`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ParamsError(f"{where}: {value!r} is not a number")
    value = float(value)
    if not math.isfinite(value):
        raise ParamsError(f"{where}: {value} is not a finite number")
    if not field.low <= value <= field.high:
        raise ParamsError(f"{where}: {value:g} is outside [{field.low:g}, {field.high:g}]")
    return value


def snap(field: Field, value: float) -> float:
    """The nearest slider position (the step grid), clipped to the range."""
    decimals = max(0, -math.floor(math.log10(field.step)))
    return round(min(max(value, field.low), field.high), decimals) + 0.0  # + 0.0: no -0.0


def snap_all(params: Params) -> Params:
    """Every value moved to its slider position."""
    return from_flat([snap(s.field, v) for s, v in items(params)])


def from_values(values, base: Params) -> tuple[Params, list[str]]:
    """The browser's slider values -> (Params on the slider grid, problems); a value
    that is not a finite number stays at `base`, one out of range is clipped."""
    if not isinstance(values, list) or len(values) != 5 * base.n_pairs + 1:
        return base, [f"expected {5 * base.n_pairs + 1} values, got something else"]
    flat, problems = to_flat(base), []
    for k, (slot, value) in enumerate(zip(slots(base.n_pairs), values, strict=True)):
        try:
            flat[k] = snap(slot.field, check(slot.field, value, slot.label))
        except ParamsError as problem:
            if isinstance(value, (int, float)) and not isinstance(value, bool) and (
                    math.isfinite(value)):
                flat[k] = snap(slot.field, value)
                problems.append(f"{problem}; clipped to {flat[k]:g}")
            else:
                problems.append(f"{problem}; kept {flat[k]:g}")
    return from_flat(flat), problems


# --- URL query --------------------------------------------------------------


def to_query(params: Params) -> dict[str, str]:
    """Params -> query parameters: the pair count unless 8, and each value that is not
    its default."""
    count = {} if params.n_pairs == N_PAIRS else {"pairs": str(params.n_pairs)}
    return count | {s.key: f"{v:g}" if snap(s.field, v) == v else repr(v)
                    for s, v in items(params) if v != s.field.default}


def from_query(query: Mapping[str, str], base: Params | None = None
               ) -> tuple[Params, list[str]]:
    """Query parameters -> (Params, problems): each bad value is named and left at `base`."""
    base, problems = base or defaults(), []
    if "pairs" in query:
        text = query["pairs"]
        if text.isdigit() and 1 <= int(text) <= MAX_PAIRS:
            base = resize(base, int(text))
        else:
            problems.append(f"Number of pairs (pairs={text}): expected 1 to {MAX_PAIRS}")
    values = to_flat(base)
    for k, s in enumerate(slots(base.n_pairs)):
        if s.key not in query:
            continue
        text = query[s.key]
        try:
            number = float(text)
        except (TypeError, ValueError):
            number = text
        try:
            values[k] = check(s.field, number, f"{s.label} ({s.key}={text})")
        except ParamsError as problem:
            problems.append(str(problem))
    known = {s.key for s in slots(base.n_pairs)}
    for key in sorted(query):  # a typo, or a pair beyond the count, would vanish unsaid
        if re.fullmatch(r"p\d+_\w+", key) and key not in known:
            problems.append(f"{key}={query[key]}: no such slider with {base.n_pairs} pairs")
    return from_flat(values), problems
