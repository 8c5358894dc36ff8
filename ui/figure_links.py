"""Open a book figure's page state in this session (the figure index's buttons): the
state nnsine.book.figure_map names, set before the page's widgets are drawn, then the page."""

from __future__ import annotations

import streamlit as st

from nnsine.book import figure_map, presets
from nnsine.formats import params
from ui import fit_state, language, shell
from ui.state import session
from ui.tuner import walkthrough_panel

SCRIPTS = {page.url: page.script for page in shell.PAGES}


def open_view(view: figure_map.FigureView) -> None:
    """Set the figure's state and switch to its page (does not return)."""
    state = session
    if view.page == "tuner":
        state["activation"] = "relu"  # the tuner's figures are all of ReLU pairs
        if "walk" in view.query:
            walkthrough_panel.load_step(int(view.query["walk"]) - 1)
        elif view.preset:
            fit_state.commit(presets.preset(view.preset), "preset", view.preset)
        else:
            fit_state.commit(params.from_query(view.query)[0], "link")
    elif view.page == "activations":
        state["act_name"] = view.query["act"]
    state.update(view.state)
    st.switch_page(SCRIPTS[view.page], query_params=view.query | language.link_value())
