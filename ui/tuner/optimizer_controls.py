"""The optimizer tab's live controls (issue 25): Step, Play / Pause, Undo, the optimizer,
its learning rate, the speed and the locks. What they do is ui/tuner/optimizer_live.py;
the steps of Play are painted by the live tuner above (nnsine/frontend)."""

from __future__ import annotations

import streamlit as st

from nnsine.engine.metrics import evaluate
from nnsine.engine.network import Params
from nnsine.formats.checks import fmt
from nnsine.i18n import _, ngettext
from ui.language import in_language, localized
from ui.state import session
from ui.tuner import gradient_data
from ui.tuner import optimizer_live as live
from ui.tuner import optimizer_settings as opts
from ui.widgets import kept


def _settings(fit: Params) -> str | None:
    """The optimizer, learning rate and speed widgets; the bad-rate message."""
    left, right = st.columns(2)
    with left:
        kind = kept(st.radio, _("Optimizer"), opts.KIND, "sgd", list(opts.KINDS),
                    format_func=in_language(lambda key: _(opts.KINDS[key])))
        default = repr(opts.RATES[kind])
        kept(st.text_input, _("Learning rate ({optimizer})",
                              optimizer="SGD" if kind == "sgd" else "Adam"),
             opts.rate_key(kind), default,
             help=_("Change it while Play runs: the next step uses it. Above 0, at most "
                    "{most}.", most=fmt(opts.optimizers.MAX_LEARNING_RATE)))
    with right:
        kept(st.select_slider, _("Speed: steps per painted frame"), opts.SPEED,
             opts.SPEEDS[0], list(opts.SPEEDS))
    return opts.settings(fit.n_pairs)[2]


def lock_widget(fit: Params) -> None:
    """The locks, for both wirings: pairs and the output bias kept exactly."""
    names = opts.lock_names(fit.n_pairs)  # a lock on a pair that is gone is dropped
    session[opts.LOCKS] = [n for n in session.get(opts.LOCKS, [])
                                    if n in names]
    kept(st.multiselect, _("Locked (kept exactly while the rest trains)"), opts.LOCKS, [],
         names, format_func=in_language(opts.lock_label),
         help=_("Keep the pairs you are proud of: a locked pair's five numbers (and in the "
                "dense wiring every weight into its layer-2 neuron), or the output bias, "
                "never move."))


def live_controls(fit: Params, target: str) -> None:
    """Step, Play / Pause and Undo, the settings, and where the run stands."""
    problem = _settings(fit)
    if problem:
        st.error(problem)
    playing = session.get(live.PLAYING, 0) > 0
    step, toggle, undo = st.columns(3)
    step.button(_("Step"), key="opt_step", on_click=localized(live.step), disabled=playing,
                icon=":material/skip_next:", width="stretch",
                help=_("One optimizer step: the sliders, the curve, the gradients and the "
                       "MSE move once."))
    if playing:
        toggle.button(_("Pause"), key="opt_pause", on_click=localized(live.pause),
                      type="primary", icon=":material/pause:", width="stretch",
                      help=_("Stop where it is: the fit becomes your sliders' values."))
    else:
        toggle.button(_("Play"), key="opt_play", on_click=localized(live.play),
                      type="primary", icon=":material/play_arrow:", width="stretch",
                      help=_("Step again and again, in your browser, until Pause."))
    undo.button(_("Undo: back to my values"), key="opt_live_undo",
                on_click=localized(live.undo), disabled=live.UNDO not in session,
                width="stretch")
    run, bars = live.run_state(fit.n_pairs), not gradient_data.hidden()
    if playing:
        st.caption(_("Playing in your browser: the sliders, curve, gradients, and the MSE per "
                     "step above move each frame. Pause keeps the fit where it is; holding a "
                     "slider holds the optimizer.") if bars else
                   _("Playing in your browser: the sliders, curve, and the MSE per step above "
                     "move each frame. Pause keeps the fit where it is; holding a slider holds "
                     "the optimizer."))
    elif run["steps"]:
        mse = evaluate(fit, target).score.mse
        st.caption(ngettext("{n} optimizer step so far; MSE now {mse:.3e}. The chart under "
                            "the curve shows the MSE of each step.",
                            "{n} optimizer steps so far; MSE now {mse:.3e}. The chart under "
                            "the curve shows the MSE of each step.", run["steps"], mse=mse))
    st.caption(_("Each step moves every unlocked number against its gradient (∂MSE/∂number, "
                 "the bar beside each slider): by learning rate × gradient in plain gradient "
                 "descent; Adam scales each number's step by its gradient's recent size.")
               if bars else
               _("Each step moves every unlocked number against its gradient (∂MSE/∂number): "
                 "by learning rate × gradient in plain gradient descent; Adam scales each "
                 "number's step by its gradient's recent size."))
