"""The live tuner (sliders + chart that follow the thumb), Python's side: what it is
given (data), and how a release becomes the session's fit. The JS is nnsine/frontend."""

from __future__ import annotations

import streamlit as st

from nnsine import frontend_words, i18n
from nnsine.engine import targets, views
from nnsine.engine.activations import ACTIVATIONS
from nnsine.engine.metrics import checksum
from nnsine.engine.network import Params, forward
from nnsine.formats import params
from nnsine.i18n import _
from nnsine.plots.figures import FONT_SIZE, PAIR_COLORS, Y_RANGE, trace_name
from ui import fit_state
from ui.state import session
from ui.tuner import gradient_data, optimizer_live, pair_editor, tuner_assets

COMPONENT = tuner_assets.TUNER
KEY = "live"  # session["live"] == {"release": {"values", "seq", "checksum"}}
ACCEPTED, SHOWN, REV = "live_accepted", "live_shown", "live_rev"
PICKED = "live_picked"  # the last "select" message acted on
# The preload starts fetching plotly.js as soon as this HTML is in the page, before the
# component's module has loaded and asks for it (same URL, so the fetch is reused).
HTML = (f'<link rel="preload" as="script" href="{tuner_assets.PLOTLY_URL}">'
        '<div class="nt-root">'
        '<div class="nt-chart" role="img">'
        '<div class="nt-plot"></div><canvas class="nt-live" aria-hidden="true"></canvas>'
        '</div><div class="nt-sliders"></div></div>')


def _released() -> None:
    """Declares the component's "release" state; the release is read in accept_release."""


def _selected() -> None:
    """Declares the component's "select" state (a pair picked on the chart or its
    sliders); read in accept_release."""


def _accept_pick(pick, n_pairs: int) -> None:
    # {"pair": i, "seq": n} from the handle layer: pair i becomes the pair being edited.
    state = session
    if not isinstance(pick, dict) or pick == state.get(PICKED):
        return
    state[PICKED] = pick
    pair = pick.get("pair")
    if isinstance(pair, int) and not isinstance(pair, bool) and 0 <= pair < n_pairs:
        state[pair_editor.PAIR] = pair


def accept_release(activation: str = "relu", view: str = "book") -> None:
    """Make the browser's last release the session's fit, validated (call before widgets).

    Read in the script body rather than a callback so it is idempotent and AppTest can
    drive it through the session state (ui.state.session)."""
    state = session
    _accept_pick((state.get(KEY) or {}).get("select"), fit_state.current().n_pairs)
    release = (state.get(KEY) or {}).get("release")
    if not isinstance(release, dict) or release == state.get(ACCEPTED):
        return
    state[ACCEPTED] = release
    fit, problems = params.from_values(release.get("values"), fit_state.current())
    for problem in problems:
        fit_state.notice("warning", _("Slider value corrected: {problem}", problem=problem))
    # A paused Play (issue 25) carries the optimizer's run: the fit is the optimizer's.
    learned = "optimizer" in release and optimizer_live.accept_run(release["optimizer"],
                                                                    fit.n_pairs)
    fit_state.commit(fit, *(("optimizer", "steps in the browser") if learned else ()))
    state[SHOWN] = release.get("values")  # what the browser shows: corrections get pushed
    output = forward(fit, views.grid(view), ACTIVATIONS[activation]).output  # as drawn
    if not problems and fit.n_pairs == len(release["values"]) // 5 and (
            release.get("checksum") != checksum(output)):
        fit_state.notice("warning", _("The browser's curve and the engine's differ; the "
                                      "metrics are the engine's."))


# What does not change with the fit is made once per server, not on every slider release
# (each was a measurable part of the server's CPU per release: benchmarks/class_load.py).
# st.cache_resource hands every session the same object: these are never mutated.
@st.cache_resource(show_spinner=False)
def _definition():
    return st.components.v2.component(COMPONENT, html=HTML, css="live_tuner.css",
                                      js="live_tuner.js", isolate_styles=False)


def _component():
    tuner_assets.register()  # per runtime (AppTest starts one per test): a cheap check
    return _definition()


# Text is cached per language (`lang`: i18n.current(), the language it is made in).
@st.cache_resource(show_spinner=False, max_entries=64)
def _slots(n_pairs: int, lang: str) -> list[dict]:
    return [{"key": s.key, "label": s.label, "short": _(s.field.label), "pair": s.pair,
             "low": s.field.low, "high": s.field.high, "step": s.field.step}
            for s in params.slots(n_pairs)]


@st.cache_resource(show_spinner=False, max_entries=16)
def _words(lang: str) -> dict[str, str]:
    return frontend_words.words()


@st.cache_resource(show_spinner=False, max_entries=64)
def _target_points(target: str, view: str) -> str:
    return views.target_text(target, view)


def live_tuner(fit: Params, target: str, view: str = "book", activation: str = "relu",
               show_contributions: bool = False, overlay: dict | None = None,
               presenting: bool = False, optimizer: dict | None = None) -> None:
    """Sliders and the live chart for `fit`; pushes `fit` into the browser when it
    differs from what the browser shows (presets, uploads, URL, exact entry). Optional
    fields (issue 25): each slider's gradient (unless hidden) and, while the optimizer
    tab trains the pairs, `optimizer` (optimizer_live.data: Play runs in the browser)."""
    state = session
    values = params.to_flat(fit)
    if state.get(SHOWN) != values:
        state[REV] = state.get(REV, 0) + 1
        state[SHOWN] = values
    start, count, denominator = views.VIEWS[view]
    data = {
        "rev": state[REV], "values": values, "n_pairs": fit.n_pairs,
        # The release taken last: the browser keeps a release until it is named here
        # (nnsine/frontend/tuner_outage.js sends it again after a restart).
        "accepted": (state.get(ACCEPTED) or {}).get("seq"),
        "slots": _slots(fit.n_pairs, i18n.current()),
        "selected": pair_editor.chosen_pair(fit.n_pairs),  # whose handles are shown
        "colors": PAIR_COLORS[:fit.n_pairs], "relu": activation == "relu",
        "show_contributions": show_contributions,
        "grid": {"start": start, "count": count, "denominator": denominator},
        "target": _target_points(target, view),
        "target_label": trace_name(targets.label(target)),  # a Plotly legend name
        "x_range": list(views.X_RANGES[view]), "y_range": list(Y_RANGE),
        "overlay": overlay or {"shapes": [], "annotations": []},
        "height": 600 if presenting else 440,
        "font_size": round(FONT_SIZE * 1.35) if presenting else FONT_SIZE,
        "gradient": gradient_data.data(fit, target, activation),
        "optimizer": optimizer,
        "words": _words(i18n.current()),  # every word the browser says (frontend_words)
    }
    _component()(key=KEY, data=data, on_release_change=_released,
                  on_select_change=_selected)
    # A new session for an open page (a replica took over, the server restarted) can
    # read the widget only once it exists: a release sent with its first run is taken
    # by running again, not dropped.
    release = (state.get(KEY) or {}).get("release")
    if isinstance(release, dict) and release != state.get(ACCEPTED):
        st.rerun()
