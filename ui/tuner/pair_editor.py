"""Edit one pair exactly: its five raw numbers, or by meaning (where it switches on and
off, and how much it adds). Both views show the same fit and follow each other."""

from __future__ import annotations

import math

import streamlit as st

from nnsine.engine import pairs
from nnsine.formats import params
from nnsine.i18n import N_, _
from ui import fit_state
from ui.language import in_language, localized
from ui.state import session

PAIR = "edit_pair"  # the pair being edited; its area of effect is shaded on the chart
MEANING = ("on", "off", "height")
LABELS = (N_("switches on at x"), N_("switches off at x"), N_("adds (signed)"))  # MEANING's


def _raw_edited(slot: params.Slot, key: str) -> None:
    value = session[key]
    if value is None:  # an emptied number field: keep what was there
        return
    try:  # the one check every number passes (nnsine.formats.checks)
        value = params.check(slot.field, value, slot.label)
    except params.ParamsError as error:
        fit_state.notice("warning", _("Not changed: {error}", error=error))
        return
    value = params.snap(slot.field, value)  # a typed value moves in the sliders' 0.01 steps
    fit_state.commit(fit_state.current().replace(slot.pair, **{slot.field.name: value}))


def _meaning_edited(i: int) -> None:
    on, off, height = (session[f"meaning_{name}"] for name in MEANING)
    if None in (on, off, height):
        return
    try:
        fit_state.commit(pairs.from_meaning(fit_state.current(), i, on, off, height))
    except ValueError as error:
        fit_state.notice("warning", _("Pair {pair} not changed: {error}", pair=i + 1,
                                      error=error))


def _seed(key: str, value: float) -> None:
    # Widgets show the truth: set before the widget is created in this run.
    session[key] = value


def chosen_pair(n_pairs: int) -> int:
    """The pair being edited (kept in range when the pair count shrinks)."""
    pair = session.get(PAIR, 0)
    return pair if isinstance(pair, int) and 0 <= pair < n_pairs else 0


def pair_picker(n_pairs: int) -> int:
    """The select box for the pair being edited; returns its index."""
    _seed(PAIR, chosen_pair(n_pairs))
    return st.selectbox(_("Pair being edited"), range(n_pairs), key=PAIR,
                        format_func=in_language(lambda i: _("Pair {pair}", pair=i + 1)),
                        persist_state="session")


def raw_fields(fit: params.Params, pair: int) -> None:
    """Number fields for the pair's five values and the output bias."""
    slots = [s for s in params.slots(fit.n_pairs) if s.pair in (pair, None)]
    for slot, value in zip(slots, [*fit.pair(pair).values(), fit.b_out], strict=True):
        key = f"exact_{slot.field.name}"
        _seed(key, value)
        # An exact value between the steps (a file's) is shown with its 4 decimals.
        digits = "%.2f" if params.snap(slot.field, value) == value else "%.4f"
        st.number_input(slot.label, slot.field.low, slot.field.high, step=slot.field.step,
                        key=key, format=digits, on_change=localized(_raw_edited),
                        args=(slot, key))


def meaning_fields(fit: params.Params, pair: int) -> None:
    """On, off and height fields for the pair, or why it has no such shape."""
    st.caption(_("Pair {pair}: {shape}", pair=pair + 1, shape=pairs.describe(fit, pair)))
    area = pairs.area(fit, pair)
    bounded = area is not None and math.isfinite(area.on) and math.isfinite(area.off)
    current = (area.on, area.off, area.height) if bounded else (0.0, 0.1, 0.0)
    for name, label, value in zip(MEANING, LABELS, current, strict=True):
        _seed(f"meaning_{name}", round(value, 3))
        # No bounds: a pair can switch on far outside [0, 1) or add more than 10;
        # from_meaning says when a request cannot be met.
        st.number_input(_(label), step=0.01, format="%.3f", key=f"meaning_{name}",
                        on_change=localized(_meaning_edited), args=(pair,))
    if not bounded:
        st.caption(_("Set all three to give this pair the book's shape: flat, a ramp "
                     "between the two points, then flat again."))
