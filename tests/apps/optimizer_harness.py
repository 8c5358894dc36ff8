"""A stand-in for the sine tuner page: the session's fit, its notices, and the optimizer
panel in its expander (tests/test_chapter_pages.py drives it with AppTest)."""

import streamlit as st

from ui import fit_state
from ui.tuner.optimizer_panel import optimizer_panel

fit_state.current()
fit_state.show_notices()
st.button("Load hand-tuned", key="harness_preset", on_click=fit_state.load_preset,
          args=("hand-tuned",))
with st.expander("Let the optimizer finish", expanded=True):
    optimizer_panel()
