"""Small Streamlit helpers the pages share."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import streamlit as st


def kept(widget, label: str, key: str, default, *options, **more):
    """A widget whose value survives visits to other pages (persist_state)."""
    st.session_state.setdefault(key, default)
    return widget(label, *options, key=key, persist_state="session", **more)


def sync_query(wanted: Mapping[str, str], ours: Iterable[str]) -> None:
    """Make the URL's parameters among `ours` exactly `wanted` (others are left alone)."""
    for key in ours:
        if key not in wanted:
            st.query_params.pop(key, None)
        elif st.query_params.get(key) != wanted[key]:
            st.query_params[key] = wanted[key]
