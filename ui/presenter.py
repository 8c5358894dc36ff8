"""Presenter mode (`?present=1` or the sidebar toggle): larger text and charts, readable
from the back of a classroom, with the less-used controls folded away."""

from __future__ import annotations

import streamlit as st

from nnsine.i18n import _
from ui import fit_state
from ui.language import localized
from ui.state import session
from ui.widgets import sync_query

ON = "presenting"  # the session's truth; the toggle's own key is "present"
CSS = """<style>
html { font-size: 21px; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding-top: 2rem; }
</style>"""


def _toggled() -> None:
    on = session[ON] = session["present"]
    if on:
        st.query_params["present"] = "1"
    else:
        st.query_params.pop("present", None)


def presenter_toggle() -> bool:
    """The sidebar toggle (read from the URL on a session's first run); True when on.
    Every run puts the mode back into the URL: a sidebar page switch starts the new page
    with an empty query, and the link a teacher copies must reopen presenter mode."""
    fit_state.read_link()  # runs before any page reads the URL
    state = session
    if ON not in state:
        state[ON] = st.query_params.get("present", "").lower() in ("1", "true", "yes")
    state["present"] = state[ON]
    st.sidebar.toggle(_("Presenter mode"), key="present", on_change=localized(_toggled),
                      help=_("Larger text and charts for a projector; the link keeps it on."))
    sync_query({"present": "1"} if state[ON] else {}, ["present"])
    if state[ON]:
        st.html(CSS)
    return state[ON]


def is_on() -> bool:
    """Whether this session is presenting."""
    return bool(session.get(ON))
