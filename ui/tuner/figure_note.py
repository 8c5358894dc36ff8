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
