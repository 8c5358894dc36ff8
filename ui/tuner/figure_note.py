"""The book's words beside the tuner when its fit is a figure's state (Fig. 4-33: the same
method with 16 pairs), said only when they are true of what the page shows."""

from __future__ import annotations

import streamlit as st

from nnsine.book import more_pairs
from nnsine.engine import targets
from nnsine.engine.network import Params
from nnsine.i18n import _


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
    dashed = {
        (True, False): _("Dashed: pair {pair}'s own contribution, what it adds to the output "
                         "after its output weight (pick another pair under *Edit a pair* or "
                         "on the chart); shaded: its area of effect, between the dotted lines "
                         "where it switches on and off.", pair=pair + 1),
        (True, True): _("Dashed: pair {pair}'s own contribution, what it adds to the output "
                        "after its output weight (pick another pair under *Edit a pair* or on "
                        "the chart); shaded: its area of effect, between the dotted lines "
                        "where it switches on and off; thin numbered lines: every pair's "
                        "contribution.", pair=pair + 1),
        (False, True): _("Thin numbered lines: every pair's contribution."),
    }.get((relu, contributions))  # the live chart draws the selected pair only with ReLU
    colours = _("The book draws a “green sine wave” and a “red fitment line”: the fit is red "
                "here too, but the sine is grey, since red beside green is the pair "
                "colour-blind learners most often cannot tell apart (and green is pair 2's "
                "colour).")
    st.caption(colours if dashed is None else f"{dashed} {colours}")
