"""The parameter table's checks and the ways in and out that a page uses: flat lists for
widgets, and the URL. The table itself (names, labels, ranges, steps, defaults, the slider
grid) is an engine fact, nnsine.engine.fields, and is re-exported here under the names the
rest of the code uses. The JSON file format is nnsine.formats.fitfile."""

from __future__ import annotations

import re
from collections.abc import Mapping

from nnsine.engine.fields import (  # noqa: F401 (re-exported: the table's one home is the engine)
    FIELDS,
    MAX_PAIRS,
    N_PAIRS,
    OUTPUT_FIELD,
    PAIR_FIELDS,
    Field,
    Slot,
    defaults,
    from_flat,
    items,
    resize,
    slots,
    snap,
    snap_all,
    to_flat,
)
from nnsine.engine.network import PAIR_NAMES, Params  # noqa: F401 (PAIR_NAMES re-exported)

# ParamsError lives in nnsine.formats.checks (every number is checked there); params.ParamsError
# stays the name the rest of the code uses.
from nnsine.formats.checks import ParamsError, fmt, in_range, shorten, to_float, whole
from nnsine.i18n import _, ngettext


def check(field: Field, value, where: str, *, text: bool = False,
          comma: bool | None = None) -> float:
    """A finite float inside the field's range from a JSON number (or, with `text`, number
    text; `comma` as in checks.to_float), or ParamsError naming `where` and the value (see
    nnsine.formats.checks.in_range)."""
    return in_range(value, field.low, field.high, where, text=text, comma=comma)


def from_values(values, base: Params) -> tuple[Params, list[str]]:
    """The browser's slider values, a list of 5*n_pairs + 1 JSON numbers -> (Params,
    problems). Values are kept exactly (an uploaded fit may lie between slider steps); one
    that is not a finite number stays at `base`, a finite one out of range is clipped."""
    if not isinstance(values, list) or len(values) != 5 * base.n_pairs + 1:
        return base, [ngettext("expected {n} value, got {got}", "expected {n} values, got {got}",
                               5 * base.n_pairs + 1, got=shorten(repr_of(values)))]
    flat, problems = to_flat(base), []
    for k, (slot, value) in enumerate(zip(slots(base.n_pairs), values, strict=True)):
        try:
            flat[k] = check(slot.field, value, slot.label)
        except ParamsError as problem:
            try:
                number = to_float(value, slot.label)
            except ParamsError:
                problems.append(_("{problem}; kept {value}", problem=problem,
                                  value=fmt(flat[k])))
                continue
            flat[k] = min(max(number, slot.field.low), slot.field.high)
            problems.append(_("{problem}; clipped to {value}", problem=problem,
                              value=fmt(flat[k])))
    return from_flat(flat), problems


def repr_of(value) -> str:
    """A short description of a payload that is not the list it should be."""
    if isinstance(value, list):
        return _("a list of {n}", n=len(value))
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
    left at `base`; keys that look like a slider's but name none are reported too. A URL
    keeps the decimal point in every language (`p1_w1=0,7` is refused, also in Spanish)."""
    base, problems = base or defaults(), []
    if "pairs" in query:
        try:
            base = resize(base, whole(query["pairs"], 1, MAX_PAIRS,
                                      _("Number of pairs ({key})", key="pairs")))
        except ParamsError as problem:
            problems.append(str(problem))
    values = to_flat(base)
    for k, s in enumerate(slots(base.n_pairs)):
        if s.key in query:
            where = f"{s.label} ({s.key}={shorten(str(query[s.key]))})"
            try:
                values[k] = check(s.field, query[s.key], where, text=True, comma=False)
            except ParamsError as problem:
                problems.append(str(problem))
    known = {s.key for s in slots(base.n_pairs)}
    for key in sorted(query):  # a typo, or a pair beyond the count, would vanish unsaid
        if re.fullmatch(r"p\d+_\w+", key) and key not in known:
            problems.append(ngettext(
                "{key}={value}: no such slider with {n} pair",
                "{key}={value}: no such slider with {n} pairs", base.n_pairs,
                key=shorten(key), value=shorten(str(query[key]))))
    return from_flat(values), problems
