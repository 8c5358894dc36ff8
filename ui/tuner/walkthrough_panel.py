"""The book's hand-tuning replayed step by step (Figs. 4-17 to 4-29): Back / Next load
each step's values into the sliders, select the pair it changes (its area of effect is
shaded) and mark the sliders it moved."""

from __future__ import annotations

import streamlit as st

from nnsine.book import walkthrough, walkthrough_reasons
from nnsine.formats import params
from nnsine.formats.params import FIELDS
from nnsine.i18n import _
from nnsine.plots.figures import PAIR_COLORS
from ui import fit_state
from ui.language import localized
from ui.state import session
from ui.tuner import pair_editor, relu_switch
from ui.widgets import sync_query

STEP = "walk_step"  # index of the step last loaded, or None before the first
LINK = "walk"  # ?walk=K (1-based) with the step's fit reopens step K


def _go(index: int) -> None:
    steps = walkthrough.STEPS
    index = min(max(index, 0), len(steps) - 1)
    session[STEP] = index
    session[pair_editor.PAIR] = steps[index].selects  # shade the pair it changes
    fit_state.commit(steps[index].params, "walkthrough", f"step {index + 1}")


def load_step(index: int) -> None:
    """Be at step `index` (0-based): its fit, its pair selected (the figure index calls this)."""
    _go(index)


def _from_link() -> None:
    """A session's first run with ?walk=K: be at step K when the URL holds step K's fit,
    or load it when the URL holds no fit (a short link); otherwise the fit is the link's."""
    steps, state = walkthrough.STEPS, session
    link = st.query_params.get(LINK, "")
    if STEP in state or not (link.isascii() and link.isdigit()):
        return
    index = int(link) - 1
    if not 0 <= index < len(steps):
        return
    if fit_state.current() == steps[index].params:
        state[STEP] = index
        state[pair_editor.PAIR] = steps[index].selects
    elif not params.to_query(fit_state.current()):  # no fit in the link: the step's
        _go(index)
        st.rerun()  # the page above was drawn with the old fit


def _mark(index: int) -> None:
    """Outline the changed pair's sliders in the live tuner and tint the ones it moved."""
    step = walkthrough.STEPS[index]
    color = PAIR_COLORS[step.selects]
    keys = [f'input[data-key="p{step.selects + 1}_{name}"]'
            for name in walkthrough.changed(index)]
    rules = [f".nt-root .nt-pair:has(input[data-key^=\"p{step.selects + 1}_\"]) "
             f"{{outline: 3px solid {color}; outline-offset: 2px;}}"]
    rules += [f".nt-root .nt-row:has({key}) {{background: {color}22; border-radius: 4px;}}"
              for key in keys]
    st.html(f"<style>{' '.join(rules)}</style>")


def walkthrough_panel(activation: str = "relu") -> None:
    """Step counter, the book figure, caption and reason, and Back / Start / Next. With
    linear hidden layers (`activation`) the step's ReLU words are replaced by what the
    linear network does, with a button back to ReLU; the last step's score is the page's
    target's (every reason is true of the state it is shown with)."""
    _from_link()
    steps = walkthrough.STEPS
    index = session.get(STEP)
    at_step = index is not None and fit_state.current() == steps[index].params
    sync_query({LINK: str(index + 1)} if at_step else {}, [LINK])
    if index is None:
        st.write(_("Replay how the book tunes the pairs by hand (Figs. 4-17 to 4-29), one "
                   "change at a time: each step loads its values into the sliders and shades "
                   "the pair it changes."))
        st.caption(_(walkthrough_reasons.OURS))
        if activation != "relu":
            st.warning(_("The walkthrough tunes ReLU pairs; the hidden layers are linear now."))
            relu_switch.switch_back("walk_relu")
        st.button(_("Start the walkthrough"), key="walk_start", on_click=localized(_go),
                  args=(0,), type="primary", width="stretch")
        return
    if not at_step:  # the learner moved on by hand: do not overwrite
        st.write(_("You changed the fit after step {step} of {steps}. Next would replace "
                   "your values with the walkthrough's.", step=index + 1, steps=len(steps)))
        again, onward = st.columns(2)
        again.button(_("Back to step {step}", step=index + 1), key="walk_again",
                     on_click=localized(_go), args=(index,), width="stretch")
        onward.button(_("Go on to step {step}", step=min(index + 2, len(steps))),
                      key="walk_onward", on_click=localized(_go), args=(index + 1,),
                      width="stretch")
        return
    step = steps[index]
    st.markdown(_("**Step {step} of {steps} · {title}**", step=index + 1, steps=len(steps),
                  title=step.title))
    st.caption(step.figure_note)
    relu = activation == "relu"
    if relu:
        st.write(step.caption)
    else:  # the caption explains ReLU: say what this linear network does instead
        st.warning(walkthrough_reasons.linear_note(step.params, fit_state.target(),
                                                   fit_state.goals()))
        relu_switch.switch_back("walk_relu")
    # One container for what only some steps have: the buttons below keep their place,
    # so no stale Back / Next stays on screen while a step's run is drawn.
    with st.container(key="walk_details"):
        reason = walkthrough.reason_on_page(index, fit_state.target(), fit_state.goals())
        if relu and reason:
            st.info(reason)
        moved = walkthrough.changed(index)
        if moved:
            names = ", ".join(_(FIELDS[name].label) for name in moved)
            st.markdown(_("Changed: **Pair {pair}** {names} (outlined under the chart; the "
                          "pair is also selected under *Edit a pair*).",
                          pair=step.selects + 1, names=names))
            _mark(index)
    back, forth = st.columns(2)
    back.button(_("Back"), key="walk_back", on_click=localized(_go), args=(index - 1,),
                disabled=index == 0, width="stretch")
    forth.button(_("Next"), key="walk_next", on_click=localized(_go), args=(index + 1,),
                 disabled=index == len(steps) - 1, type="primary", width="stretch")
    if index == len(steps) - 1:
        st.success(_("That is the hand-tuned fit. Now improve it yourself!") if relu else
                   _("That is the hand-tuned fit, made for ReLU hidden layers. Now improve "
                     "it yourself!"))
