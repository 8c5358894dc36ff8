"""What every page does first, and the one table of pages that app.py, the tests and the
docs read.

Each page script calls `setup()` before it draws anything, so a page never depends on
app.py having run. That matters on a server's first run: Streamlit sees the pages/ folder
beside app.py and, until some session has run app.py's `st.navigation`, answers a deep
link with its older pages/-folder discovery, which runs the page file on its own. Both
ways a page runs, it gets the same page config, the same navigation (our own links in the
sidebar, drawn here from PAGES; Streamlit's own menus are hidden in .streamlit/config.toml
and app.py), presenter mode and page-wide CSS (tests/test_cold_start_browser.py).
"""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from nnsine.i18n import N_, _
from ui import language, presenter, state, theme_css


class Page(NamedTuple):
    """A page: its script under pages/, its title and emoji icon, and its URL path."""

    script: str
    title: str
    icon: str
    url: str


# A page's URL is its file name (pages/why-nonlinear.py is at /why-nonlinear), as
# Streamlit's pages/-folder discovery names it too. Icons are emoji, drawn by the browser:
# nothing is fetched from a font server.
PAGES = (
    Page("pages/tuner.py", N_("Sine tuner"), "🎛️", "tuner"),
    Page("pages/activations.py", N_("Activation functions"), "📈", "activations"),
    Page("pages/one-pair.py", N_("One neuron, one pair"), "🔀", "one-pair"),
    Page("pages/why-nonlinear.py", N_("Why nonlinear"), "📏", "why-nonlinear"),
    Page("pages/softmax.py", N_("Softmax"), "📊", "softmax"),
    Page("pages/class.py", N_("Class challenge"), "🏆", "class"),
    Page("pages/figures.py", N_("The book's figures"), "🖼️", "figures"),
)
TITLE = N_("nnsine · ReLU pairs fit a sine")


def navigation() -> list[st.Page]:
    """The pages for app.py's `st.navigation`: the tuner at / and at /tuner, then the rest."""
    language.activate()  # the pages' titles are in the session's language
    tuner, *others = PAGES
    return [
        # The tuner is the page at / (its url_path only keeps it apart from /tuner) ...
        st.Page(tuner.script, title=_(tuner.title), icon=tuner.icon, url_path="sine-tuner",
                default=True),
        *(st.Page(page.script, title=_(page.title), icon=page.icon, url_path=page.url)
          for page in others),
        # ... and at /tuner, its own URL, for links that name it.
        st.Page(tuner.script, title=_(tuner.title), icon=tuner.icon, url_path=tuner.url,
                visibility="hidden"),
    ]


def setup() -> None:
    """Page config, the sidebar's page links, presenter mode and the page-wide CSS: the
    first call of every page script."""
    code = language.activate()  # before any text: the page's title is a sentence too
    st.set_page_config(page_title=_(TITLE), page_icon="🎛️", layout="wide")
    with st.sidebar.container(key="nav"):
        try:
            for page in PAGES:
                st.page_link(page.script, label=_(page.title), icon=page.icon)
        except StreamlitPageNotFoundError:
            pass  # a page run on its own (AppTest of one page file) has no others to link
    language.picker(code)
    presenter.presenter_toggle()
    theme_css.apply()  # issue 13: chart text readable in light and dark
    state.note_url()  # a URL key no page reads is named, not dropped (`?P1_W1=6`)
