"""The chapter's listings (sections 4.9, 4.10) on the pages they belong to: the book's code
beside what it prints, computed by nnsine.book.listings (the CLI prints the same)."""

from __future__ import annotations

import streamlit as st

from nnsine.book import listings
from nnsine.book.listing_code import CODE


@st.cache_data(show_spinner=False)  # the same for every student: computed once per server
def _printed(numbers: tuple[int, ...]) -> list[tuple[int, str, list[str], list[str]]]:
    return listings.printed(numbers)


def listings_panel(numbers: tuple[int, ...], key: str, note: str = "") -> None:
    """Each listing's code and its printed output (element key f"{key}_{number}")."""
    if note:
        st.caption(note)
    for number, title, lines, warnings in _printed(tuple(numbers)):
        st.markdown(f"**In[{number}]**: {title}")
        code, output = st.columns(2)
        code.code(CODE[number], language="python")
        with output:
            st.code("\n".join(lines) or "(prints nothing)", language=None)
            with st.container(key=f"{key}_{number}"):
                for warning in warnings:
                    st.caption(f"NumPy also warns, as the book shows: {warning}")
