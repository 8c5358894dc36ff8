"""The chapter's listings (sections 4.9, 4.10) on the pages they belong to: the book's code
beside what it prints, computed by nnsine.book.listings (the CLI prints the same)."""

from __future__ import annotations

import streamlit as st

from nnsine import i18n
from nnsine.book import listings
from nnsine.book.listing_code import CODE
from nnsine.i18n import _


@st.cache_data(show_spinner=False)  # the same for every student: once per server and language
def _printed(numbers: tuple[int, ...], language: str) -> list[tuple[int, str, list[str],
                                                                  list[str]]]:
    return listings.printed(numbers)  # its titles are in `language` (the current one)


def listings_panel(numbers: tuple[int, ...], key: str, note: str = "") -> None:
    """Each listing's code and its printed output (element key f"{key}_{number}")."""
    if note:
        st.caption(note)
    for number, title, lines, warnings in _printed(tuple(numbers), i18n.current()):
        st.markdown(_("**In[{number}]**: {title}", number=number, title=title))
        code, output = st.columns(2)
        code.code(CODE[number], language="python")
        with output:
            st.code("\n".join(lines) or _("(prints nothing)"), language=None)
            with st.container(key=f"{key}_{number}"):
                for warning in warnings:
                    st.caption(_("NumPy also warns, as the book shows: {warning}",
                                 warning=warning))
