"""The one way to a session's state and the URL's unknown keys (with ui/widgets.py for the
URL's round trip and ui/fit_state.py for the fit). Every key is declared, with its type,
default and owner, in the pure table nnsine.formats.state_keys; tests/test_state.py checks
that every key the app uses is there and that no other module touches st.session_state.

`session` is a mapping over the current session's state: it holds nothing itself (one
server process serves every student), each access reads Streamlit's per-session state.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping

import streamlit as st

from nnsine.formats import links, state_keys
from nnsine.i18n import _
from ui.widgets import markdown_literal

NOTED = "url_noted"  # the URL notes this session has shown (each once)


class _Session(MutableMapping):
    """st.session_state, as a mapping (get, setdefault, pop, update, `in` ...)."""

    def __getitem__(self, key: str):
        return st.session_state[key]

    def __setitem__(self, key: str, value) -> None:
        st.session_state[key] = value

    def __delitem__(self, key: str) -> None:
        del st.session_state[key]

    def __contains__(self, key: object) -> bool:
        return key in st.session_state

    def __iter__(self) -> Iterator[str]:
        return iter(list(st.session_state.keys()))

    def __len__(self) -> int:
        return len(st.session_state)


session = _Session()


def note_url() -> None:
    """Name, once per session, each URL key no page reads (another letter case, a typo):
    a warning at the top of the page instead of a value dropped in silence. Reads the
    link as ui.fit_state will after repairing it (nnsine.formats.links)."""
    query, _repairs = links.repair(st.query_params.to_dict())
    noted = session.setdefault(NOTED, set())
    for problem in state_keys.url_problems(query):
        if problem not in noted:
            noted.add(problem)
            st.warning(markdown_literal(_("Ignored a URL value: {problem}", problem=problem)))
