"""The sine tuner's "Let the optimizer finish" (book Fig. 4-32: enable all the weights and
let an optimizer train): train from the sliders, compare, load into the sliders, undo."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from nnsine.engine import dense, rounding, training
from nnsine.engine.metrics import evaluate
from nnsine.engine.network import Params
from nnsine.formats import params
from nnsine.plots.chapter_figures import errors_figure, fits_figure, loss_figure, weights_figure
from ui import fit_state
from ui.state import session
from ui.widgets import kept

CHUNK = 500  # steps per cached piece: progress in between, and 2000 steps reuse 1000's
STEPS = (500, 1000, 2000, 5000, 10000, 20000)
MODES = {"pairs": "Keep the pairs: layer-2 neuron i hears only layer-1 neuron i",
         "dense": "Unlock the full dense layer 2: every layer-2 neuron hears all of layer 1 "
                  "(it pays off slowly: try 20000 steps)"}
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
def cached_run(values: tuple[float, ...], target: str, mode: str, steps: int) -> training.Run:
    """`steps` steps from a fit (its flat values); shared by every session on the server
    (a class that starts from the same preset trains once), built on the run CHUNK
    steps shorter. The fixed seed only matters to fits with dead neurons."""
    if steps <= CHUNK:
        start = training.starting_point(params.from_flat(values), np.random.default_rng(0),
                                        target)
        return training.sine_run(start, steps, pairwise=mode == "pairs", target=target)
    return training.sine_run(cached_run(values, target, mode, steps - CHUNK), CHUNK,
                             pairwise=mode == "pairs", target=target)


def train(fit: Params, target: str, mode: str, steps: int) -> Result:
    """Train from `fit` with a progress bar; the cached runs."""
    bar = st.progress(0.0, text="Training…")
    values = tuple(params.to_flat(fit))
    for done in range(CHUNK, steps + 1, CHUNK):
        run = cached_run(values, target, mode, done)
        bar.progress(done / steps, text=f"Training: step {done} of {steps}, "
                                        f"MSE {run.best_loss:.2e}")
    bar.empty()
    if mode == "dense":
        return Result(fit, target, mode, run)
    best = dense.to_params(run.best)
    return Result(fit, target, mode, run, best, rounding.to_sliders(best, target))


def load(result: Result) -> None:
    """on_click: the trained fit, on the slider grid, becomes the sliders' values."""
    session[UNDO] = fit_state.current()
    fit_state.commit(result.on_grid, "optimizer",
                     f"{len(result.run.losses) - 1} steps, {result.mode} wiring")
    fit_state.notice("success", "Loaded the trained fit into the sliders, rounded to their "
                     f"0.01 steps: MSE {evaluate(result.on_grid, result.target).score.mse:.2e}."
                     " Undo brings your values back.")


def undo() -> None:
    """on_click: the values from before the last Load."""
    fit_state.commit(session.pop(UNDO))
    fit_state.notice("info", "Restored your values from before the optimizer's.")


def optimizer_panel() -> None:
    """Train from the sliders' fit; show the loss curve, before/after, and Load / Undo."""
    fit, target = fit_state.current(), fit_state.target()
    st.markdown("The book ends section 4.8 by tuning by hand as far as patience allows, "
                "then letting an optimizer train all the weights. Here it starts from your "
                "sliders: full-batch backpropagation with Adam (chapters 9 and 10), "
                "MSE loss.")
    mode = kept(st.radio, "Wiring", "opt_mode", "pairs", list(MODES), format_func=MODES.get)
    steps = kept(st.select_slider, "Training steps", "opt_steps", 2000, STEPS)
    if st.button("Train", key="opt_train", type="primary"):
        session[RESULT] = train(fit, target, mode, steps)
    if UNDO in session:
        st.button("Undo: back to my values", key="opt_undo_button", on_click=undo)
    result = session.get(RESULT)
    if result is not None:
        show(result, fit)


def show(result: Result, fit: Params) -> None:
    """Loss curve, before/after fit and the Load / Undo buttons."""
    before = evaluate(result.start, result.target)
    run = result.run
    steps = len(run.losses) - 1
    st.caption(f"{steps} steps ({MODES[result.mode].split(':')[0].lower()}) from the sliders "
               f"as they were when you pressed Train. Shown: the lowest-MSE network seen, at "
               f"step {run.best_step}.")
    if result.mode == "pairs":
        output = evaluate(result.trained, result.target).trace.output
        rounded = evaluate(result.on_grid, result.target)
    else:
        output = dense.forward(run.best, before.x)
    first, second, third = st.columns(3)
    first.metric("MSE before", f"{before.score.mse:.2e}")
    second.metric("MSE after", f"{run.best_loss:.2e}")
    st.plotly_chart(loss_figure({"MSE": run.losses}, steps), key="opt_loss",
                    config={"displayModeBar": False})
    fits = {"before (your sliders)": before.trace.output, "after training": output}
    st.plotly_chart(fits_figure(before.x, before.target, fits, revision="opt_fit"),
                    key="opt_fit", config={"displayModeBar": False})
    st.plotly_chart(errors_figure(before.x, before.target, fits, revision="opt_errors"),
                    key="opt_errors", config={"displayModeBar": False})
    if result.mode == "pairs":
        third.metric("MSE after, rounded to 0.01", f"{rounded.score.mse:.2e}")
        st.caption("The sliders move in steps of 0.01, so loading rounds every value. Plain "
                   "rounding would give MSE "
                   f"{evaluate(params.snap_all(result.trained), result.target).score.mse:.2e}; "
                   "after rounding, each value was nudged a step at a time while that "
                   "lowered the MSE. The rounded fit's MSE is the one the sliders will show.")
        loaded = fit == result.on_grid
        if not loaded and fit != result.start:
            st.caption("Your sliders have changed since you pressed Train: loading replaces "
                       "them (Undo brings them back).")
        st.button("Loaded" if loaded else "Load into sliders", key="opt_load", on_click=load,
                  args=(result,), disabled=loaded)
        return
    pairs_only = evaluate(dense.pair_part(run.best), result.target)
    st.plotly_chart(weights_figure(run.best.layers[1][0], "Layer-2 weights after training "
                                   "(the pairs use only the diagonal)"),
                    key="opt_weights", config={"displayModeBar": False})
    st.warning("This network uses the cross weights above, and the sliders only have the "
               "diagonal (pair i to pair i): they no longer tell the whole story, so it is "
               "not loaded into them. Keeping only its diagonal would give MSE "
               f"{pairs_only.score.mse:.2e}. Train with the pairs kept to load a result.")
