"""The live tuner (sliders + chart that follow the thumb), Python's side: what it is
given (data), and how a release becomes the session's fit. The JS is nnsine/frontend."""

from __future__ import annotations

import numpy as np
import streamlit as st

from nnsine import assets, params, targets, views
from nnsine.activations import ACTIVATIONS
from nnsine.figures import FONT_SIZE, PAIR_COLORS, Y_RANGE
from nnsine.metrics import checksum
from nnsine.network import Params, forward
from pages import fit_state

COMPONENT = "nnsine.live_tuner"
KEY = "live"  # st.session_state["live"] == {"release": {"values", "seq", "checksum"}}
ACCEPTED, SHOWN, REV = "live_accepted", "live_shown", "live_rev"
# The preload starts fetching plotly.js as soon as this HTML is in the page, before the
# component's module has loaded and asks for it (same URL, so the fetch is reused).
HTML = (f'<link rel="preload" as="script" href="/_stcore/bidi-components/{COMPONENT}/'
        'plotly.min.js"><div class="nt-root">'
        '<div class="nt-chart" role="img" aria-label="The target and the network output">'
        '<div class="nt-plot"></div><canvas class="nt-live" aria-hidden="true"></canvas>'
        '</div><div class="nt-sliders"></div></div>')


def _released() -> None:
    """Declares the component's "release" state; the release is read in accept_release."""


def accept_release(activation: str = "relu", view: str = "book") -> None:
    """Make the browser's last release the session's fit, validated (call before widgets).

    Read in the script body rather than a callback so it is idempotent and AppTest can
    drive it through st.session_state."""
    state = st.session_state
    release = (state.get(KEY) or {}).get("release")
    if not isinstance(release, dict) or release == state.get(ACCEPTED):
        return
    state[ACCEPTED] = release
    fit, problems = params.from_values(release.get("values"), fit_state.current())
    for problem in problems:
        fit_state.notice("warning", f"Slider value corrected: {problem}")
    fit_state.commit(fit)
    state[SHOWN] = release.get("values")  # what the browser shows: corrections get pushed
    output = forward(fit, views.grid(view), ACTIVATIONS[activation]).output  # as drawn
    if not problems and fit.n_pairs == len(release["values"]) // 5 and (
            release.get("checksum") != checksum(output)):
        fit_state.notice("warning", "The browser's curve and the engine's differ; "
                         "the metrics are the engine's.")


def _component():
    if not assets.PLOTLY_JS.exists():  # copied at install (make, Dockerfile), never here
        st.error("plotly.js is missing from nnsine/frontend: run `python -m nnsine.assets`.")
    return st.components.v2.component(COMPONENT, html=HTML, css="live_tuner.css",
                                      js="live_tuner.js", isolate_styles=False)


def live_tuner(fit: Params, target: str, view: str = "book", activation: str = "relu",
               show_contributions: bool = False, overlay: dict | None = None,
               presenting: bool = False) -> None:
    """Sliders and the live chart for `fit`; pushes `fit` into the browser when it
    differs from what the browser shows (presets, uploads, URL, exact entry)."""
    state = st.session_state
    values = params.to_flat(fit)
    if state.get(SHOWN) != values:
        state[REV] = state.get(REV, 0) + 1
        state[SHOWN] = values
    slots = [{"key": s.key, "label": s.label, "short": s.field.label, "pair": s.pair,
              "low": s.field.low, "high": s.field.high, "step": s.field.step}
             for s in params.slots(fit.n_pairs)]
    start, count, denominator = views.VIEWS[view]
    _, target_y = views.target_curve(target, view)
    data = {
        "rev": state[REV], "values": values, "n_pairs": fit.n_pairs, "slots": slots,
        "colors": PAIR_COLORS[:fit.n_pairs], "relu": activation == "relu",
        "show_contributions": show_contributions,
        "grid": {"start": start, "count": count, "denominator": denominator},
        # Drawn only, never scored: 5 decimals keep the payload small.
        "target": np.round(target_y, 5).tolist(), "target_label": targets.LABELS[target],
        "x_range": list(views.X_RANGES[view]), "y_range": list(Y_RANGE),
        "overlay": overlay or {"shapes": [], "annotations": []},
        "height": 600 if presenting else 440,
        "font_size": round(FONT_SIZE * 1.35) if presenting else FONT_SIZE,
    }
    _component()(key=KEY, data=data, on_release_change=_released)
