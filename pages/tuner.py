"""Sine tuner: hand-tune ReLU pairs until the network's curve is sin(2πx)."""

import streamlit as st

from nnsine.engine import pairs, targets
from nnsine.engine.metrics import evaluate
from nnsine.engine.network import line_formula, linear_collapse
from nnsine.engine.views import X_RANGES
from nnsine.formats import fitfile, params, provenance
from nnsine.i18n import N_, _, ngettext
from nnsine.plots.figures import PAIR_COLORS, area_overlay
from ui import fit_state, presenter, shell
from ui.classroom import handin_panel, seat
from ui.language import in_language, localized
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
from ui.widgets import markdown_literal, said_in_every_language, word_list

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
# The exercise's shortcuts (nnsine.formats.exercise.HIDEABLE) and the preset buttons, as shown.
SHORTCUTS = {"presets": N_("presets"), "walkthrough": N_("walkthrough"),
             "optimizer": N_("optimizer"), "probe": N_("probe"), "gradients": N_("gradients")}
PRESETS = {"zeros": N_("Load zeros"), "hand-tuned": N_("Load hand-tuned")}
shown_target = markdown_literal(targets.label(target))
st.title(ngettext("Fit {target} with {n} ReLU pair", "Fit {target} with {n} ReLU pairs",
                  fit.n_pairs, target=shown_target) if relu else
         ngettext("Fit {target} with {n} linear pair", "Fit {target} with {n} linear pairs",
                  fit.n_pairs, target=shown_target))
st.caption(_("Layer-1 neuron i feeds only layer-2 neuron i; the output neuron adds up the "
             "pairs. Drag a slider and watch the red curve follow (section 4.8 of the book)."))
fit_state.show_notices()
task = fit_state.current_exercise()
if task is not None:
    goals = f"{task.goals[0]:g}"
    for goal in task.goals[1:]:
        goals = _("{goals}, then ≤ {goal}", goals=goals, goal=format(goal, "g"))
    said = ngettext("**Exercise**: fit {target} with {n} pair; goals max |error| ≤ {goals}.",
                    "**Exercise**: fit {target} with {n} pairs; goals max |error| ≤ {goals}.",
                    task.n_pairs, target=markdown_literal(targets.label(task.target)),
                    goals=goals)
    if task.hide:
        said = _("{exercise} Hidden here: {shortcuts}.", exercise=said, shortcuts=word_list(
            sorted(_(SHORTCUTS[name]) for name in task.hide)))
    st.info(said, icon=":material/assignment:")

tuner, side = st.columns([3, 1.3])
with side:
    if not fit_state.hides("walkthrough"):
        with st.expander(_("Guided walkthrough"), expanded=True):
            walkthrough_panel.walkthrough_panel(activation)
    for name in ("zeros",) if fit_state.hides("presets") else ("zeros", "hand-tuned"):
        st.button(_(PRESETS[name]), key=f"preset_{name}",
                  on_click=localized(fit_state.load_preset), args=(name,), width="stretch")
    mse, worst = st.columns(2)
    mse.metric("MSE", f"{result.score.mse:.5f}")
    worst.metric(_("max |error|"), f"{result.score.max_error:.4f}")
    for goal in fit_state.goals():
        if result.score.max_error <= goal:
            st.success(_("Goal max |error| ≤ {goal:.2f}: reached!", goal=goal))
        else:
            st.info(_("Goal: max |error| ≤ {goal:.2f}", goal=goal))
    gradient_data.toggle()  # here: a third toggle above the chart pushed the sliders down
    fit_state.off_grid(fit, target)  # issue 10: values between slider steps, kept exactly
    handin_panel.handin_panel()
    # A presenter needs the fit, not the file controls: fold them away.
    files = st.expander(_("Save or load the fit")) if presenting else st.container()
    if made := provenance.describe(fit_state.history()):
        files.caption(_("How this fit was made: {history}.", history=made))
    history = fit_state.history()
    # Made when clicked (a callable), not on every slider release.
    files.download_button(_("Download fit (JSON)"), lambda: fitfile.dumps(fit, target, history),
                          file_name="nnsine-fit.json", mime="application/json",
                          key="download", on_click="ignore", width="stretch")
    files.file_uploader(_("Load a fit (JSON)"), type=["json"], key="upload",
                        on_change=localized(fit_state.load_upload), args=("upload",),
                        max_upload_size=1)

TABS = {"edit": N_("Edit a pair"), "probe": N_("Probe the network"),
        "optimizer": optimizer_panel.TAB}  # compared as shown: translated (_(TABS[...]))
# st.tabs keeps the open tab's label: after a change of language, the same tab's new label.
for label in TABS.values():
    if session.get("tuner_tab") in said_in_every_language(label) - {_(label)}:
        session["tuner_tab"] = _(label)
with tuner:
    view_row = st.columns([2, 1, 2, 2], vertical_alignment="bottom")
    if task is None:  # an exercise fixes the target and the number of pairs
        target_panel.target_picker(target, view_row[0])
        session["pairs"] = fit.n_pairs
        view_row[1].number_input(_("Pairs"), 1, params.MAX_PAIRS, key="pairs",
                                 on_change=localized(fit_state.resize), args=("pairs",))
    view_row[2].segmented_control(_("Hidden layers"), ["relu", "linear"], key="activation",
                                  default="relu", required=True, persist_state="session",
                                  format_func=in_language(
                                      lambda key: "ReLU" if key == "relu" else _("linear")))
    with view_row[3]:
        wide = st.toggle(_("Wider view"), key="wide", help=_("x from -0.5 to 1.5"),
                         persist_state="session")
        contributions = st.toggle(_("Each pair's contribution"), key="contributions",
                                  persist_state="session")
    view = "wide" if wide else "book"
    pair = pair_editor.chosen_pair(fit.n_pairs)
    # Areas of effect are a ReLU idea: with linear hidden layers there is none to shade.
    area = pairs.area(fit, pair) if relu else None
    overlay = area_overlay(area, PAIR_COLORS[pair], X_RANGES[view], pair)
    learning = (session.get("tuner_tab") == _(optimizer_panel.TAB)
                and session.get("opt_mode") == "pairs"
                and not fit_state.hides("optimizer"))  # Play runs in the live tuner
    live_panel.live_tuner(fit, target, view, activation, contributions, overlay, presenting,
                          optimizer_live.data(fit) if learning else None)
    figure_note.chart_key(pair, relu, contributions)  # the dashed curve, the colours

if activation == "linear":
    st.info(_("With linear hidden layers the whole network is one straight line: {line}, "
              "whatever the weights (section 4.6).", line=line_formula(*linear_collapse(fit))))
figure_note.figure_note(fit, target, activation)  # Fig. 4-33's words on its 16 pairs
for warning in pairs.warnings(fit) if relu else []:
    st.warning(warning)

# Only the open tab runs (on_change="rerun"): the probe's diagram and the optimizer are
# not rebuilt on every slider release.
shown = [name for name in TABS if not fit_state.hides(name)]  # absent, not disabled
tabs = dict(zip(shown, st.tabs([_(TABS[name]) for name in shown], key="tuner_tab",
                               on_change="rerun"), strict=True))
editor, probing, optimizer = (tabs.get(name) for name in TABS)
if editor.open:
    with editor:
        pair = pair_editor.pair_picker(fit.n_pairs)
        raw, meaning = st.columns(2)
        with raw:
            st.markdown(_("**Exact values**"))
            pair_editor.raw_fields(fit, pair)
        with meaning:
            st.markdown(_("**By meaning**"))
            if relu:
                pair_editor.meaning_fields(fit, pair)
            else:
                st.caption(_("Switch the hidden layers back to ReLU: a linear pair has no "
                             "place where it switches on or off."))
if probing is not None and probing.open:
    with probing:
        probe_panel.probe_panel(fit, activation)
        arithmetic_panel.arithmetic_panel(fit, activation)
if optimizer is not None and optimizer.open:
    with optimizer:
        optimizer_panel.optimizer_panel()

export_panel.export_panel(fit, target, activation, view)  # issue 16: notebook round trips
fit_state.sync_url(fit)
