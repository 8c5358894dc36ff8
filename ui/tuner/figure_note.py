"""The book's words beside the tuner when its fit is a figure's state (Fig. 4-33: the same
method with 16 pairs), said only when they are true of what the page shows."""

from __future__ import annotations

import streamlit as st

from nnsine.book import more_pairs
from nnsine.engine import targets
from nnsine.engine.network import Params


def figure_note(fit: Params, target: str, activation: str) -> None:
    """Fig. 4-33's words and scores when the fit is its 16 pairs, ReLU, on the sine."""
    if activation != "relu" or target != targets.DEFAULT:
        return
    if fit == more_pairs.sixteen_pairs():
        with st.container(key="fig_4_33"):
            st.info(more_pairs.note(fit), icon=":material/menu_book:")


def chart_key(pair: int, relu: bool, contributions: bool) -> None:
    """Words for what the chart draws besides the two curves (the selected pair, 0-based),
    and why the sine is not the book's green."""
    parts = []
    if relu:  # the live chart draws the selected pair's own curve only with ReLU
        parts.append(f"Dashed: pair {pair + 1}'s own contribution, what it adds to the output "
                     "after its output weight (pick another pair under *Edit a pair* or on the "
                     "chart); shaded: its area of effect, between the dotted lines where it "
                     "switches on and off")
    if contributions:
        parts.append("thin numbered lines: every pair's contribution")
    parts.append("The book draws a “green sine wave” and a “red fitment line”: the fit is red "
                 "here too, but the sine is grey, since red beside green is the pair "
                 "colour-blind learners most often cannot tell apart (and green is pair 2's "
                 "colour).")
    st.caption("; ".join(parts[:-1]) + (". " if len(parts) > 1 else "") + parts[-1])
