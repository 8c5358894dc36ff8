"""Exact entry: number fields for one pair's five values and the output bias."""

from __future__ import annotations

import streamlit as st

from nnsine import params
from pages import fit_state


def _edited(slot: params.Slot, key: str) -> None:
    value = st.session_state[key]
    if value is None:  # an emptied number field: keep what was there
        return
    fit = fit_state.current()
    value = params.snap(slot.field, value)  # the live sliders move in 0.01 steps
    fit_state.commit(fit.replace(slot.pair, **{slot.field.name: value}))


def _seed(key: str, value: float) -> None:
    # Widgets show the truth: set before the widget is created in this run.
    st.session_state[key] = value


def exact_entry(fit: params.Params) -> None:
    """Number fields for the chosen pair's five values and the output bias."""
    pair = st.selectbox("Type exact values for", range(fit.n_pairs), key="exact_pair",
                        format_func=lambda i: f"Pair {i + 1}")
    slots = [s for s in params.slots(fit.n_pairs) if s.pair in (pair, None)]
    for slot, value in zip(slots, [*fit.pair(pair).values(), fit.b_out], strict=True):
        key = f"exact_{slot.field.name}"
        _seed(key, value)
        st.number_input(slot.label, slot.field.low, slot.field.high, step=slot.field.step,
                        key=key, format="%.2f", on_change=_edited, args=(slot, key))
