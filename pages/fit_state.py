"""The session's fit (Python's source of truth) and its ways in and out of Streamlit:
URL on first load, presets, uploads, messages. The only module that owns session keys."""

from __future__ import annotations

import streamlit as st

from nnsine import fitfile, params, presets, targets
from nnsine.network import Params
from pages.widgets import sync_query

FIT, NOTICES, TARGET = "fit", "notices", "fit_target"  # not widget keys: they outlive pages


def current() -> Params:
    """The session's fit; on a session's first run it is read from the URL."""
    state = st.session_state
    if FIT not in state:
        fit, problems = params.from_query(st.query_params.to_dict())
        snapped = params.snap_all(fit)
        state[FIT] = snapped
        state[NOTICES] = [("warning", f"Ignored a URL value: {p}") for p in problems]
        if snapped != fit:
            notice("info", "URL values were rounded to the sliders' 0.01 steps.")
        name = st.query_params.get("target", targets.DEFAULT)
        if name not in targets.TARGETS:
            notice("warning", f"Ignored a URL value: target={name} is not one of "
                   f"{', '.join(targets.TARGETS)}")
            name = targets.DEFAULT
        state[TARGET] = name
    return state[FIT]


def target() -> str:
    """The name of the function the session is fitting (see nnsine.targets)."""
    current()
    return st.session_state[TARGET]


def choose_target(key: str) -> None:
    """on_change of the target picker."""
    st.session_state[TARGET] = st.session_state[key]


def resize(key: str) -> None:
    """on_change of the pair-count field: add zero pairs or drop the last ones."""
    commit(params.resize(current(), st.session_state[key]))


def commit(fit: Params) -> None:
    """Make `fit` the session's truth (call from callbacks or before widgets)."""
    st.session_state[FIT] = fit


def notice(kind: str, text: str) -> None:
    """Queue a message ('success', 'info', 'warning', 'error') for the next run."""
    st.session_state.setdefault(NOTICES, []).append((kind, text))


def show_notices() -> None:
    """Show and forget queued messages, in a container that is always there: an element
    appearing above the live tuner would shift it and make the browser rebuild it."""
    box = st.container(key="notices")
    for kind, text in st.session_state.pop(NOTICES, []):
        getattr(box, kind)(text)


def load_preset(name: str) -> None:
    """on_click: replace the fit by a named preset."""
    commit(presets.preset(name))
    notice("success", f"Loaded the {name} preset.")


def load_upload(key: str) -> None:
    """on_change of a file uploader: load its JSON fit, or explain and keep the current one."""
    upload = st.session_state.get(key)
    if upload is None:
        return
    try:
        fit = fitfile.loads(upload.getvalue())
    except params.ParamsError as error:
        notice("error", f"Could not load {upload.name}: {error}. Your current fit is unchanged.")
        return
    snapped = params.snap_all(fit)
    commit(snapped)
    rounded = "" if snapped == fit else " (rounded to the sliders' 0.01 steps)"
    notice("success", f"Loaded {upload.name}{rounded}.")


def sync_url(fit: Params) -> None:
    """Write the fit and target into the URL (only what differs from the defaults)."""
    wanted = params.to_query(fit)
    if target() != targets.DEFAULT:
        wanted["target"] = target()
    sync_query(wanted, ["target", "pairs", *(s.key for s in params.slots(params.MAX_PAIRS))])
