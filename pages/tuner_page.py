"""Sine tuner: hand-tune ReLU pairs until the network's curve is sin(2πx)."""

import streamlit as st

from nnsine import fitfile, pairs, params, targets
from nnsine.figures import PAIR_COLORS, area_overlay
from nnsine.metrics import GOALS, evaluate, goals_met
from nnsine.network import linear_collapse
from nnsine.views import X_RANGES
from pages import (
    fit_state,
    live_panel,
    optimizer_panel,
    pair_editor,
    presenter,
    probe_panel,
    walkthrough_panel,
)

activation = st.session_state.get("activation") or "relu"
live_panel.accept_release(activation, "wide" if st.session_state.get("wide") else "book")
fit = fit_state.current()
target = fit_state.target()
result = evaluate(fit, target, activation)
presenting = presenter.is_on()

relu = activation == "relu"
st.title(f"Fit {targets.LABELS[target]} with {fit.n_pairs} {'ReLU' if relu else 'linear'} pairs")
st.caption("Layer-1 neuron i feeds only layer-2 neuron i; the output neuron adds up the "
           "pairs. Drag a slider and watch the red curve follow (section 4.8 of the book).")
fit_state.show_notices()

tuner, side = st.columns([3, 1.3])
with side:
    with st.expander("Guided walkthrough", expanded=True):
        walkthrough_panel.walkthrough_panel()
    for name in ("zeros", "hand-tuned"):
        st.button(f"Load {name}", key=f"preset_{name}", on_click=fit_state.load_preset,
                  args=(name,), width="stretch")
    mse, worst = st.columns(2)
    mse.metric("MSE", f"{result.score.mse:.5f}")
    worst.metric("max |error|", f"{result.score.max_error:.4f}")
    for goal, met in zip(GOALS, goals_met(result.score), strict=True):
        if met:
            st.success(f"Goal max |error| ≤ {goal:.2f}: reached!")
        else:
            st.info(f"Goal: max |error| ≤ {goal:.2f}")
    # A presenter needs the fit, not the file controls: fold them away.
    files = st.expander("Save or load the fit") if presenting else st.container()
    files.download_button("Download fit (JSON)", fitfile.dumps(fit),
                          file_name="nnsine-fit.json", mime="application/json",
                          key="download", on_click="ignore", width="stretch")
    files.file_uploader("Load a fit (JSON)", type=["json"], key="upload",
                        on_change=fit_state.load_upload, args=("upload",), max_upload_size=1)

with tuner:
    view_row = st.columns([2, 1, 2, 2], vertical_alignment="bottom")
    st.session_state["target_pick"] = target
    view_row[0].selectbox("Target", list(targets.TARGETS), key="target_pick",
                          format_func=targets.LABELS.get, on_change=fit_state.choose_target,
                          args=("target_pick",))
    st.session_state["pairs"] = fit.n_pairs
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
    overlay = area_overlay(area, PAIR_COLORS[pair], X_RANGES[view])
    live_panel.live_tuner(fit, target, view, activation, contributions, overlay, presenting)

if activation == "linear":
    slope, intercept = linear_collapse(fit)
    st.info(f"With linear hidden layers the whole network is one straight line: "
            f"y = {slope:.4g}·x + {intercept:+.4g}, whatever the weights (section 4.6).")
for warning in pairs.warnings(fit) if relu else []:
    st.warning(warning)

# Only the open tab runs (on_change="rerun"): the probe's diagram and the optimizer are
# not rebuilt on every slider release.
editor, probing, optimizer = st.tabs(["Edit a pair", "Probe the network",
                                      "Let the optimizer finish"],
                                     key="tuner_tab", on_change="rerun")
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
if probing.open:
    with probing:
        probe_panel.probe_panel(fit, activation)
if optimizer.open:
    with optimizer:
        optimizer_panel.optimizer_panel()

fit_state.sync_url(fit)
