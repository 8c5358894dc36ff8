"""The book's figures (4-1 ... 4-34): each named in our words, one click from its state."""

from urllib.parse import urlencode

import streamlit as st

from nnsine.book import figure_map
from nnsine.i18n import _
from ui import figure_links, language, shell

shell.setup()  # first: page config, navigation, presenter mode (ui/shell.py)


TITLES = {page.url: page.title for page in shell.PAGES}

st.title(_("The book's figures"))
st.caption(_("Every figure of Chapter 4, in the book's order, said in our words. *Open* sets "
             "the page to the state that shows the figure; the link opens it in a new session, "
             "to share (the same map as the README's table)."))
chosen = None
page = None
lang = language.link_value()  # a shared link opens the figure in this page's language too
for view in figure_map.FIGURES:
    if view.page != page:
        page = view.page
        st.subheader(_(TITLES[page]))
    number, words, link, action = st.columns([1, 6, 2, 2], vertical_alignment="center")
    number.markdown(_("**Fig. {figure}**", figure=view.figure))
    words.markdown(view.caption)  # the map is in the current language
    # The link is for sharing (a new session); the button also does what `then` says.
    shared = view.link + (("&" if "?" in view.link else "?") + urlencode(lang) if lang else "")
    link.markdown(_("[link to share]({link}) (then {then})", link=shared, then=view.then)
                  if view.then else _("[link to share]({link})", link=shared))
    if action.button(_("Open Fig. {figure}", figure=view.figure), key=f"figure_{view.figure}",
                     width="stretch"):
        chosen = view
if chosen is not None:  # after the whole list: the page is drawn once, then left
    figure_links.open_view(chosen)
