"""Sine tuner: hand-tune ReLU pairs until the network's curve is sin(2πx)."""

import streamlit as st

from nnsine.engine import pairs, targets
from nnsine.engine.metrics import evaluate
from nnsine.engine.network import line_formula, linear_collapse
from nnsine.engine.views import X_RANGES
from nnsine.formats import fitfile, params, provenance
from nnsine.plots.figures import PAIR_COLORS, area_overlay
from ui import fit_state, presenter, shell
from ui.classroom import handin_panel, seat
from ui.state import session
from ui.tuner import (
    arithmetic_panel,
    export_panel,
    figure_note,
    gradient_data,
    live_panel,
    optimizer_live,
    optimizer_panel,
    pair_editor,
    probe_panel,
    target_panel,
    walkthrough_panel,
)
from ui.widgets import markdown_literal

shell.setup()  # first: page config, navigation, presenter mode (ui/shell.py)
seat.restore()  # issue 23: ?seat=TOKEN is a student of a live class, back as themselves
handin_panel.join_first()  # a join link's first screen: the join form, then the tuner

activation = session.get("activation") or "relu"
live_panel.accept_release(activation, "wide" if session.get("wide") else "book")
fit = fit_state.current()
target = fit_state.target()
result = evaluate(fit, target, activation)
presenting = presenter.is_on()

relu = activation == "relu"
st.title(f"Fit {markdown_literal(targets.label(target))} with {fit.n_pairs} "
         f"{'ReLU' if relu else 'linear'} pairs")
st.caption("Layer-1 neuron i feeds only layer-2 neuron i; the output neuron adds up the "
           "pairs. Drag a slider and watch the red curve follow (section 4.8 of the book).")
fit_state.show_notices()
task = fit_state.current_exercise()
if task is not None:
    hidden = f" Hidden here: {', '.join(sorted(task.hide))}." if task.hide else ""
    st.info(f"**Exercise**: fit {markdown_literal(targets.label(task.target))} with "
            f"{task.n_pairs} pairs; "
            f"goals max |error| ≤ {', then ≤ '.join(f'{g:g}' for g in task.goals)}.{hidden}",
            icon=":material/assignment:")

tuner, side = st.columns([3, 1.3])
with side:
    if not fit_state.hides("walkthrough"):
        with st.expander("Guided walkthrough", expanded=True):
            walkthrough_panel.walkthrough_panel(activation)
    for name in ("zeros",) if fit_state.hides("presets") else ("zeros", "hand-tuned"):
        st.button(f"Load {name}", key=f"preset_{name}", on_click=fit_state.load_preset,
                  args=(name,), width="stretch")
    mse, worst = st.columns(2)
    mse.metric("MSE", f"{result.score.mse:.5f}")
    worst.metric("max |error|", f"{result.score.max_error:.4f}")
    for goal in fit_state.goals():
        if result.score.max_error <= goal:
            st.success(f"Goal max |error| ≤ {goal:.2f}: reached!")
        else:
            st.info(f"Goal: max |error| ≤ {goal:.2f}")
    gradient_data.toggle()  # here: a third toggle above the chart pushed the sliders down
    fit_state.off_grid(fit, target)  # issue 10: values between slider steps, kept exactly
    handin_panel.handin_panel()
    # A presenter needs the fit, not the file controls: fold them away.
    files = st.expander("Save or load the fit") if presenting else st.container()
    if made := provenance.describe(fit_state.history()):
        files.caption(f"How this fit was made: {made}.")
    history = fit_state.history()
    # Made when clicked (a callable), not on every slider release.
    files.download_button("Download fit (JSON)", lambda: fitfile.dumps(fit, target, history),
                          file_name="nnsine-fit.json", mime="application/json",
                          key="download", on_click="ignore", width="stretch")
    files.file_uploader("Load a fit (JSON)", type=["json"], key="upload",
                        on_change=fit_state.load_upload, args=("upload",), max_upload_size=1)

with tuner:
    view_row = st.columns([2, 1, 2, 2], vertical_alignment="bottom")
    if task is None:  # an exercise fixes the target and the number of pairs
        target_panel.target_picker(target, view_row[0])
        session["pairs"] = fit.n_pairs
        view_row[1].number_input("Pairs", 1, params.MAX_PAIRS, key="pairs",
                                 on_change=fit_state.resize, args=("pairs",))
    view_row[2].segmented_control("Hidden layers", ["relu", "linear"], key="activation",
                                  default="relu", required=True, persist_state="session",
                                  format_func={"relu": "ReLU", "linear": "linear"}.get)
    with view_row[3]:
        wide = st.toggle("Wider view", key="wide", help="x from -0.5 to 1.5",
                         persist_state="session")
        contributions = st.toggle("Each pair's contribution", key="contributions",
                                  persist_state="session")
    view = "wide" if wide else "book"
    pair = pair_editor.chosen_pair(fit.n_pairs)
    # Areas of effect are a ReLU idea: with linear hidden layers there is none to shade.
    area = pairs.area(fit, pair) if relu else None
    overlay = area_overlay(area, PAIR_COLORS[pair], X_RANGES[view], pair)
    learning = (session.get("tuner_tab") == optimizer_panel.TAB
                and session.get("opt_mode") == "pairs"
                and not fit_state.hides("optimizer"))  # Play runs in the live tuner
    live_panel.live_tuner(fit, target, view, activation, contributions, overlay, presenting,
                          optimizer_live.data(fit) if learning else None)
    figure_note.chart_key(pair, relu, contributions)  # the dashed curve, the colours

if activation == "linear":
    st.info(f"With linear hidden layers the whole network is one straight line: "
            f"{line_formula(*linear_collapse(fit))}, whatever the weights (section 4.6).")
figure_note.figure_note(fit, target, activation)  # Fig. 4-33's words on its 16 pairs
for warning in pairs.warnings(fit) if relu else []:
    st.warning(warning)

# Only the open tab runs (on_change="rerun"): the probe's diagram and the optimizer are
# not rebuilt on every slider release.
TABS = {"edit": "Edit a pair", "probe": "Probe the network",
        "optimizer": optimizer_panel.TAB}
shown = [name for name in TABS if not fit_state.hides(name)]  # absent, not disabled
tabs = dict(zip(shown, st.tabs([TABS[name] for name in shown], key="tuner_tab",
                               on_change="rerun"), strict=True))
editor, probing, optimizer = (tabs.get(name) for name in TABS)
if editor.open:
    with editor:
        pair = pair_editor.pair_picker(fit.n_pairs)
        raw, meaning = st.columns(2)
        with raw:
            st.markdown("**Exact values**")
            pair_editor.raw_fields(fit, pair)
        with meaning:
            st.markdown("**By meaning**")
            if relu:
                pair_editor.meaning_fields(fit, pair)
            else:
                st.caption("Switch the hidden layers back to ReLU: a linear pair has no "
                           "place where it switches on or off.")
if probing is not None and probing.open:
    with probing:
        probe_panel.probe_panel(fit, activation)
        arithmetic_panel.arithmetic_panel(fit, activation)
if optimizer is not None and optimizer.open:
    with optimizer:
        optimizer_panel.optimizer_panel()

export_panel.export_panel(fit, target, activation, view)  # issue 16: notebook round trips
fit_state.sync_url(fit)
