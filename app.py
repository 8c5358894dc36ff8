"""nnsine: Chapter 4 of Neural Networks from Scratch, hands on. `streamlit run app.py`.

The pages are in ui/shell.py's table; each page draws the shared parts itself
(`shell.setup()`), so the navigation here stays hidden."""

import streamlit as st

from ui import shell

st.navigation(shell.navigation(), position="hidden").run()
