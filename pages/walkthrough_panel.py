"""The book's hand-tuning replayed step by step (Figs. 4-17 to 4-29): Back / Next load
each step's values into the sliders."""

from __future__ import annotations

import streamlit as st

from nnsine import walkthrough
from pages import fit_state

STEP = "walk_step"  # index of the step last loaded, or None before the first


def _go(index: int) -> None:
    steps = walkthrough.STEPS
    index = min(max(index, 0), len(steps) - 1)
    st.session_state[STEP] = index
    fit_state.commit(steps[index].params)


def walkthrough_panel() -> None:
    """Step counter, caption, and Back / Start / Next buttons."""
    steps = walkthrough.STEPS
    index = st.session_state.get(STEP)
    if index is None:
        st.write("Replay how the book tunes the pairs by hand, one change at a time: "
                 "each step loads its values into the sliders.")
        st.button("Start the walkthrough", key="walk_start", on_click=_go, args=(0,),
                  type="primary", width="stretch")
        return
    step = steps[index]
    if fit_state.current() != step.params:  # the learner moved on by hand: do not overwrite
        st.write(f"You changed the fit after step {index + 1} of {len(steps)}. Next "
                 "would replace your values with the walkthrough's.")
        again, onward = st.columns(2)
        again.button(f"Back to step {index + 1}", key="walk_again", on_click=_go,
                     args=(index,), width="stretch")
        onward.button(f"Go on to step {min(index + 2, len(steps))}", key="walk_onward",
                      on_click=_go, args=(index + 1,), width="stretch")
        return
    st.markdown(f"**Step {index + 1} of {len(steps)} · {step.title}**")
    st.write(step.caption)
    back, forth = st.columns(2)
    back.button("Back", key="walk_back", on_click=_go, args=(index - 1,),
                disabled=index == 0, width="stretch")
    forth.button("Next", key="walk_next", on_click=_go, args=(index + 1,),
                 disabled=index == len(steps) - 1, type="primary", width="stretch")
    if index == len(steps) - 1:
        st.success("That is the hand-tuned fit. Now improve it yourself!")
