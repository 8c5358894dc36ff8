"""Small Streamlit helpers the pages share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import streamlit as st
from babel.lists import format_list

from nnsine import i18n


def kept(widget, label: str, key: str, default, *options, **more):
    """A widget whose value survives visits to other pages (persist_state)."""
    st.session_state.setdefault(key, default)
    return widget(label, *options, key=key, persist_state="session", **more)


def sync_query(wanted: Mapping[str, str], ours: Iterable[str]) -> None:
    """Make the URL's parameters among `ours` exactly `wanted` (others are left alone).
    One update: every parameter set on its own costs the server a message to the browser
    (a fit's 41 values were 41 messages per slider release)."""
    ours = set(ours)
    query = st.query_params
    now = {key: query.get_all(key) for key in query}
    new = {key: value for key, value in now.items() if key not in ours}
    new |= {key: [value] for key, value in wanted.items() if key in ours}
    if new != now:
        query.from_dict(new)


def markdown_literal(text: str) -> str:
    """`text` for a Markdown element, shown as typed: every ASCII punctuation mark
    backslash-escaped (CommonMark allows it), so no *, [link](...), ![image](...), <tag>,
    :color[...] or $math$ in a name, a link's value or a formula is read as markup.
    Prefer plain-text elements; use this where a message mixes text and values."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", str(text))


def word_list(items: Iterable[str]) -> str:
    """`items` as the session's language lists them ("a, b" in English, "a y b" in Spanish,
    "a和b" in Chinese: CLDR's list patterns, through Babel)."""
    items = list(items)
    if i18n.cldr() == i18n.DEFAULT or not items:
        return ", ".join(items)
    return format_list(items, locale=i18n.cldr())


def said_in_every_language(text: str) -> set[str]:
    """`text` (an English message) as every language of the app says it: a label the
    session kept (an open tab's) is recognised after a change of language."""
    said = set()
    for code in i18n.CODES:
        with i18n.using(code):
            said.add(i18n.gettext(text))
    return said
