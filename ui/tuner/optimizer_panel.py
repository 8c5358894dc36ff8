"""The sine tuner's optimizer tab, the book's Fig. 4-32 ("enable all of the weights and let
an optimizer train"): by default every weight of a dense layer 2 trains here on the
server and the result is shown beside your fit; one click away, the pairs' own numbers
train step by step on the sliders (ui/tuner/optimizer_controls.py, issue 25)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from nnsine.book import figure_map
from nnsine.engine import dense, rounding, training
from nnsine.engine.metrics import evaluate
from nnsine.engine.network import Params
from nnsine.formats import params
from nnsine.i18n import N_, _, ngettext
from nnsine.plots.chapter_figures import errors_figure, fits_figure, loss_figure, weights_figure
from ui import fit_state
from ui.language import in_language, localized
from ui.state import session
from ui.tuner import optimizer_controls
from ui.tuner import optimizer_settings as opts
from ui.widgets import kept

CHUNK = 500  # steps per cached piece: progress in between, and 2000 steps reuse 1000's
STEPS = (500, 1000, 2000, 5000, 10000, 20000)
# The tab's name (pages/tuner.py): in English here; the tab and any comparison use _(TAB).
TAB = N_("Fig. 4-32: let the optimizer finish")
QUOTE = figure_map.FIG_4_32_BOOK
MODES = {"dense": N_("All of the weights, as the book: every layer-2 neuron hears all of "
                     "layer 1 (a dense layer 2, which the sliders cannot show: trained here, "
                     "shown as a result; it pays off slowly, try 20000 steps)"),
         "pairs": N_("Keep the pairs, step by step on the sliders: layer-2 neuron i hears "
                     "only layer-1 neuron i, so every step moves the 41 sliders you tuned")}
RESULT, UNDO = "opt_result", "opt_undo"  # this panel's session keys (besides widgets')


@dataclass(frozen=True)
class Result:
    """One press of Train: where it started, how, the run, and in pairs mode the
    lowest-MSE fit seen and that fit on the sliders' grid (rounded, then nudged)."""

    start: Params
    target: str
    mode: str
    run: training.Run
    trained: Params | None = None
    on_grid: Params | None = None


@st.cache_data(max_entries=200, show_spinner=False)
def cached_run(values: tuple[float, ...], target: str, mode: str, steps: int,
               locks: tuple[tuple[int, ...], bool] = ((), False)) -> training.Run:
    """`steps` steps from a fit (its flat values); shared by every session on the server
    (a class that starts from the same preset trains once), built on the run CHUNK
    steps shorter. The fixed seed only matters to fits with dead neurons. `locks`: the
    pairs (from 0) and whether the output bias are kept exactly."""
    options = {"pairwise": mode == "pairs", "target": target, "locked": locks[0],
               "lock_b_out": locks[1]}
    if steps <= CHUNK:
        start = training.starting_point(params.from_flat(values), np.random.default_rng(0),
                                        target, keep=locks[0])
        return training.sine_run(start, steps, **options)
    return training.sine_run(cached_run(values, target, mode, steps - CHUNK, locks), CHUNK,
                             **options)


def train(fit: Params, target: str, mode: str, steps: int) -> Result:
    """Train from `fit` with a progress bar; the cached runs. Locked values are kept
    exactly, on the sliders' grid or not."""
    bar = st.progress(0.0, text=_("Training…"))
    values = tuple(params.to_flat(fit))
    locks, mask = opts.locked(fit.n_pairs), opts.settings(fit.n_pairs)[1]
    for done in range(CHUNK, steps + 1, CHUNK):
        run = cached_run(values, target, mode, done, locks)
        bar.progress(done / steps, text=_("Training: step {done} of {steps}, MSE {mse:.2e}",
                                          done=done, steps=steps, mse=run.best_loss))
    bar.empty()
    if mode == "dense":
        return Result(fit, target, mode, run)
    best = dense.to_params(run.best)
    return Result(fit, target, mode, run, best, rounding.to_sliders(best, target, mask))


def load(result: Result) -> None:
    """on_click: the trained fit, on the slider grid, becomes the sliders' values."""
    session[UNDO] = fit_state.current()
    fit_state.commit(result.on_grid, "optimizer",
                     f"{len(result.run.losses) - 1} steps, {result.mode} wiring")
    fit_state.notice("success", _("Loaded the trained fit into the sliders, rounded to "
                                  "their 0.01 steps: MSE {mse:.2e}. Undo brings your values "
                                  "back.",
                                  mse=evaluate(result.on_grid, result.target).score.mse))


def undo() -> None:
    """on_click: the values from before the last Load."""
    fit_state.commit(session.pop(UNDO))
    fit_state.notice("info", _("Restored your values from before the optimizer's."))


def optimizer_panel() -> None:
    """Train from the sliders' fit; show the loss curve, before/after, and Load / Undo."""
    fit, target = fit_state.current(), fit_state.target()
    # Not a Markdown blockquote: Streamlit greys its text below the contrast axe asks for.
    st.markdown(_("“*{quote}*” (the book, Fig. 4-32). Section 4.8 tunes by hand as far as "
                  "patience allows; here an optimizer starts from your sliders: full-batch "
                  "backpropagation (chapter 9) with the MSE loss and chapter 10's "
                  "optimizers.", quote=_(QUOTE)))
    mode = kept(st.radio, _("Which weights train"), "opt_mode", "dense", list(MODES),
                format_func=in_language(lambda key: _(MODES[key])))
    optimizer_controls.lock_widget(fit)
    if mode == "pairs":
        optimizer_controls.live_controls(fit, target)
        with st.expander(_("Or many steps at once, here on the server (then Load)")):
            server_training(fit, target, mode)
        return
    server_training(fit, target, mode)


def server_training(fit: Params, target: str, mode: str) -> None:
    """Train a number of steps here; the result beside the sliders' fit."""
    steps = kept(st.select_slider, _("Training steps"), "opt_steps", 2000, STEPS)
    if st.button(_("Train"), key="opt_train", type="primary"):
        session[RESULT] = train(fit, target, mode, steps)
    if UNDO in session and mode == "dense":  # the pairs' controls have their own
        st.button(_("Undo: back to my values"), key="opt_undo_button",
                  on_click=localized(undo))
    result = session.get(RESULT)
    if result is not None:
        show(result, fit)


def show(result: Result, fit: Params) -> None:
    """Loss curve, before/after fit and the Load / Undo buttons."""
    before = evaluate(result.start, result.target)
    run = result.run
    steps = len(run.losses) - 1
    st.caption(ngettext("{n} step (all of the weights) from the sliders as they were when "
                        "you pressed Train. Shown: the lowest-MSE network seen, at step "
                        "{best}.",
                        "{n} steps (all of the weights) from the sliders as they were when "
                        "you pressed Train. Shown: the lowest-MSE network seen, at step "
                        "{best}.", steps, best=run.best_step)
               if result.mode == "dense" else
               ngettext("{n} step (the pairs kept) from the sliders as they were when you "
                        "pressed Train. Shown: the lowest-MSE network seen, at step {best}.",
                        "{n} steps (the pairs kept) from the sliders as they were when you "
                        "pressed Train. Shown: the lowest-MSE network seen, at step {best}.",
                        steps, best=run.best_step))
    if result.mode == "pairs":
        output = evaluate(result.trained, result.target).trace.output
        rounded = evaluate(result.on_grid, result.target)
    else:
        output = dense.forward(run.best, before.x)
    first, second, third = st.columns(3)
    first.metric(_("MSE before"), f"{before.score.mse:.2e}")
    second.metric(_("MSE after"), f"{run.best_loss:.2e}")
    st.plotly_chart(loss_figure({"MSE": run.losses}, steps), key="opt_loss",
                    config={"displayModeBar": False})
    fits = {_("before (your sliders)"): before.trace.output, _("after training"): output}
    st.plotly_chart(fits_figure(before.x, before.target, fits, revision="opt_fit"),
                    key="opt_fit", config={"displayModeBar": False})
    st.plotly_chart(errors_figure(before.x, before.target, fits, revision="opt_errors"),
                    key="opt_errors", config={"displayModeBar": False})
    if result.mode == "pairs":
        third.metric(_("MSE after, rounded to 0.01"), f"{rounded.score.mse:.2e}")
        plain = evaluate(params.snap_all(result.trained), result.target).score.mse
        st.caption(_("The sliders move in steps of 0.01, so loading rounds every value. Plain "
                     "rounding would give MSE {mse:.2e}; after rounding, each value was nudged "
                     "a step at a time while that lowered the MSE. The rounded fit's MSE is "
                     "the one the sliders will show.", mse=plain))
        loaded = fit == result.on_grid
        if not loaded and fit != result.start:
            st.caption(_("Your sliders have changed since you pressed Train: loading "
                         "replaces them (Undo brings them back)."))
        st.button(_("Loaded") if loaded else _("Load into sliders"), key="opt_load",
                  on_click=localized(load), args=(result,), disabled=loaded)
        return
    pairs_only = evaluate(dense.pair_part(run.best), result.target)
    st.plotly_chart(weights_figure(run.best.layers[1][0], _("Layer-2 weights after training "
                                                            "(the pairs use only the "
                                                            "diagonal)")),
                    key="opt_weights", config={"displayModeBar": False})
    st.warning(_("This network uses the cross weights above, and the sliders only have the "
                 "diagonal (pair i to pair i): they no longer tell the whole story, so it is "
                 "not loaded into them. Keeping only its diagonal would give MSE {mse:.2e}. "
                 "Train with the pairs kept to load a result.", mse=pairs_only.score.mse))
