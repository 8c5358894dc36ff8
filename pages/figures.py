"""The book's figures (4-1 ... 4-34): each named in our words, one click from its state."""

import streamlit as st

from nnsine.book import figure_map
from ui import figure_links, shell

shell.setup()  # first: page config, navigation, presenter mode (ui/shell.py)


TITLES = {page.url: page.title for page in shell.PAGES}

st.title("The book's figures")
st.caption("Every figure of Chapter 4, in the book's order, said in our words. *Open* sets "
           "the page to the state that shows the figure; the link opens it in a new session, "
           "to share (the same map as the README's table).")
chosen = None
page = None
for view in figure_map.FIGURES:
    if view.page != page:
        page = view.page
        st.subheader(TITLES[page])
    number, words, link, action = st.columns([1, 6, 2, 2], vertical_alignment="center")
    number.markdown(f"**Fig. {view.figure}**")
    words.markdown(view.caption)
    # The link is for sharing (a new session); the button also does what `then` says.
    link.markdown(f"[link to share]({view.link})" + (f" (then {view.then})" if view.then else ""))
    if action.button(f"Open Fig. {view.figure}", key=f"figure_{view.figure}",
                     width="stretch"):
        chosen = view
if chosen is not None:  # after the whole list: the page is drawn once, then left
    figure_links.open_view(chosen)
