"""The live tuner's words: every text the browser's tuner (nnsine/frontend) shows or reads
aloud, as {key: template} in the current language (nnsine.i18n). Python translates; the
browser only fills each template's `{name}` placeholders (nnsine/frontend/words.js), so a
language is a catalog, never a JS edit. The app sends them as the component's
`data.words` (ui/tuner/live_panel.py), the notebook widget in its payload
(nnsine/widget/payload.py, `with i18n.using(lang)`).

A key is the browser's name for a sentence; a template's placeholders are plain `{name}`
(no format spec: the browser formats its numbers first). Pure: no Streamlit.
"""

from __future__ import annotations

from nnsine.engine import handles
from nnsine.i18n import _


def words() -> dict[str, str]:
    """{key: template} for the current language; e.g. words()["pair"] == "Pair {pair}".
    The handles' reasons are the engine's sentences (nnsine.engine.handles.WHY)."""
    said = {
        # the chart (live_tuner.js, tuner_chart.js, widget.js)
        "chart": _("The target and the network output"),
        "network_output": _("network output"),
        "chart_failed": _("The live chart could not start: {error}"),
        "plotly_missing": _("plotly.js could not be loaded from {url}"),
        "plotly_broken": _("plotly.js ran but defined no Plotly"),
        "plotly_failed": _("plotly.js could not run"),
        # the sliders (tuner_sliders.js)
        "pair": _("Pair {pair}"),
        "output": _("Output"),
        "output_short": _("Out"),
        "pair_shown": _("Pair shown"),
        "exact_value": _("{label}, exact value"),
        "step_down": _("{label} down by {step}"),
        "step_up": _("{label} up by {step}"),
        # the handles (handle_layer.js)
        "handle_on": _("switch-on point"),
        "handle_off": _("switch-off point"),
        "handle_height": _("plateau height"),
        "raw_b1": _("layer-1 bias"),
        "raw_b2": _("layer-2 bias"),
        "raw_w_out": _("output weight"),
        "grip_on": _("on at x = {x}"),
        "grip_off": _("off at x = {x}"),
        "grip_height": _("plateau {y}"),
        "handle_name": _("Pair {pair} {handle} ({field})"),
        "handle_value": _("{where}, {field} {value}"),
        "handles_linear": _("Handles need ReLU hidden layers: a linear pair has no place "
                            "where it switches on or off (section 4.6)."),
        "handles_how": _("Pair {pair}: drag its {handles} on the chart, or focus one and "
                         "press the arrow keys (Shift: 10 steps). Click a pair's sliders or "
                         "its curve to pick another pair."),
        "handles_some": _("Pair {pair}: drag its {handles} on the chart, or focus one and "
                          "press the arrow keys (Shift: 10 steps). No other handle: {why}. "
                          "Click a pair's sliders or its curve to pick another pair."),
        "handles_none": _("Pair {pair} has no handles: {why}. Click a pair's sliders or its "
                          "curve to pick another pair."),
        "list_separator": _("{first}, {second}"),
        # the gradients (tuner_gradients.js)
        "gradient_waiting": _("gradient of {label}: not computed yet"),
        "gradient_nan": _("gradient of {label}: not a number here"),
        "gradient_zero": _("gradient of {label}: 0, moving it does not change the error"),
        "gradient_lower": _("gradient of {label}: {value}, lower it to lower the error"),
        "gradient_raise": _("gradient of {label}: {value}, raise it to lower the error"),
        # the optimizer's strip (tuner_learn.js)
        "learn_steps": _("Optimizer steps so far: {steps}"),
        "learn_steps_mse": _("Optimizer steps so far: {steps}, MSE {mse}"),
        "learn_playing": _("Optimizer steps so far: {steps} (playing)"),
        "learn_playing_mse": _("Optimizer steps so far: {steps}, MSE {mse} (playing)"),
        "learn_chart": _("MSE per step (values: {count})"),
        "learn_chart_last": _("MSE per step (values: {count}; the last: {mse})"),
        # the class server away (tuner_outage.js)
        "outage_away": _("The class server is not answering (it may be restarting). Your "
                         "fit is kept on this page."),
        "outage_kept": _("The class server is not answering (it may be restarting). Your "
                         "last change is kept on this page and is sent when the server is "
                         "back."),
        "outage_sent": _("The class server is back: your last change was sent."),
        "outage_back": _("The class server is back."),
        "outage_lost": _("The class server is back, but your last change did not reach it: "
                         "move the slider again."),
    }
    return said | {f"why_{key}": _(text) for key, text in handles.WHY.items()}
