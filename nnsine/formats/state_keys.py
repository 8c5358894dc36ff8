"""THE table of a session's keys and of the app's URL keys: each with its type, default,
check and the module that reads and writes it (the URL's round trip). Pure: no Streamlit;
ui/state.py is the one way the app reaches Streamlit's session state and checks the URL
with this table. The 41 numbers of a fit are their own table, nnsine.engine.fields,
read and written by nnsine.formats.params.

A URL key that no page reads, or one of ours in another letter case (`?P1_W1=6`), is named
in a note (`url_problems`), never dropped in silence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from nnsine.engine.fields import FIELDS, MAX_PAIRS
from nnsine.formats import exercise, softmax_settings
from nnsine.formats.checks import shorten
from nnsine.i18n import _


@dataclass(frozen=True)
class UrlKey:
    """A URL key (or, with `pattern`, a family of keys): where it is read, what its value
    is, its default (absent from the URL) and the function that checks it and writes it
    back (its round trip)."""

    key: str
    pages: str
    kind: str
    default: str
    owner: str
    pattern: bool = False


_FIT_KEYS = "|".join(name for name in FIELDS if name != "b_out")
URL_KEYS = (
    UrlKey(rf"p([1-9]|1[0-6])_({_FIT_KEYS})", "tuner", "number in the field's range", "0",
           "nnsine.formats.params.from_query / to_query", pattern=True),
    UrlKey("b_out", "tuner", "number in the field's range", "0",
           "nnsine.formats.params.from_query / to_query"),
    UrlKey("pairs", "tuner", f"whole number 1 to {MAX_PAIRS}", "8",
           "nnsine.formats.params.from_query / to_query"),
    UrlKey("target", "tuner", "a target's name, f:formula or pts:points", "sine",
           "ui.fit_state.current / sync_url (nnsine.engine.targets.check)"),
    *(UrlKey(key, "tuner", "exercise setting", "", "nnsine.formats.exercise.from_query / "
             "to_query") for key in exercise.KEYS),
    UrlKey("walk", "tuner", "walkthrough step 1 to its length", "",
           "ui.tuner.walkthrough_panel"),
    UrlKey("lang", "every page", "a language: en, es or zh (es-MX, zh-CN ...)",
           "the browser's", "ui.language (nnsine.i18n.pick)"),
    UrlKey("present", "every page", "flag: 1, true or yes", "", "ui.presenter"),
    UrlKey("join", "tuner", "a class's join code", "", "ui.classroom.handin_panel"),
    UrlKey("teacher", "class", "a teacher's token", "", "ui.classroom.board_panel"),
    UrlKey("seat", "tuner", "a student's seat token", "", "ui.classroom.seat"),
    UrlKey("act", "activations", "an activation's name", "step", "pages/activations.py"),
    UrlKey("fig", "one-pair", "a figure 4-9 to 4-16", "", "pages/one-pair.py"),
    *(UrlKey(key, "softmax", "softmax setting", "", "nnsine.formats.softmax_settings"
             ".from_query / to_query") for key in softmax_settings.READERS),
    # Streamlit's own (embedding an app in a page; tests/test_embed_browser.py).
    UrlKey("embed", "every page", "Streamlit's", "", "streamlit"),
    UrlKey("embed_options", "every page", "Streamlit's", "", "streamlit"),
)


def known(key: str) -> bool:
    """Whether some page reads this URL key, exactly as written."""
    return any(re.fullmatch(k.key, key) if k.pattern else k.key == key for k in URL_KEYS)


def url_problems(query: Mapping[str, str]) -> list[str]:
    """A sentence for each URL key (str -> str) that no page reads: one of ours in another
    letter case, or one we do not know. Keys a page's own reader names already (a slider
    beyond the pair count, p9_w1 with 8 pairs; an unknown sm_ setting) are left to it."""
    problems = []
    for key in query:
        if known(key) or re.fullmatch(r"p\d+_\w+|sm_\w*", key):
            continue
        written = {"key": shorten(key), "value": shorten(str(query[key]))}
        if known(key.lower()):
            problems.append(_("{key}={value}: URL keys are lower case; did you mean {lower}?",
                              lower=shorten(key.lower()), **written))
        else:
            problems.append(_("{key}={value}: no page of this app reads {key}", **written))
    return problems


@dataclass(frozen=True)
class SessionKey:
    """A key of a session's state (or, with `pattern`, a family of widget keys): what its
    value is, its default, and the module that owns it (the only one that writes it)."""

    key: str
    kind: str
    default: object
    owner: str
    pattern: bool = False


SESSION_KEYS = (
    # The fit, Python's source of truth, and what comes with it (they outlive pages).
    SessionKey("fit", "Params", "from the URL", "ui.fit_state"),
    SessionKey("fit_target", "target spec str", "sine", "ui.fit_state"),
    SessionKey("fit_history", "tuple of provenance.Event", (), "ui.fit_state"),
    SessionKey("exercise", "Exercise | None", None, "ui.fit_state"),
    SessionKey("notices", "list of (kind, text)", [], "ui.fit_state"),
    SessionKey("link_read", "bool", False, "ui.fit_state"),
    SessionKey("url_noted", "set of str", set(), "ui.state"),
    SessionKey(r"lang(_pick|_note|_tag)?", "language code and its picker", None, "ui.language",
               pattern=True),
    # The live tuner and its panels.
    SessionKey("live", "component state", None, "ui.tuner.live_panel"),
    SessionKey(r"live_\w+", "live tuner bookkeeping", None, "ui.tuner.live_panel",
               pattern=True),
    SessionKey("activation", "relu | linear", "relu", "pages/tuner.py (widget)"),
    SessionKey("wide", "bool", False, "pages/tuner.py (widget)"),
    SessionKey("pairs", "int", 8, "pages/tuner.py (widget)"),
    SessionKey("edit_pair", "int", 0, "ui.tuner.pair_editor"),
    SessionKey(r"(meaning|exact)_\w+", "float (widget)", None, "ui.tuner.pair_editor",
               pattern=True),
    SessionKey("probe_x", "float", 0.08, "ui.tuner.probe_panel"),
    SessionKey(r"(target_pick|own_\w+)", "target picker widgets", None,
               "ui.tuner.target_panel", pattern=True),
    SessionKey("walk_step", "int | None", None, "ui.tuner.walkthrough_panel"),
    SessionKey(r"opt_\w+", "optimizer result and undo", None, "ui.tuner.optimizer_panel",
               pattern=True),
    SessionKey("gradients", "bool (widget)", True, "ui.tuner.gradient_data"),
    SessionKey("fig_4_33", "container of Fig. 4-33's words", None, "ui.tuner.figure_note"),
    SessionKey(r"notebook(_\w+)?", "export panel", None, "ui.tuner.export_panel",
               pattern=True),
    SessionKey(r"(present|presenting)", "bool", False, "ui.presenter", pattern=True),
    # The class board.
    SessionKey(r"board_\w+", "class board tokens and picks", None, "ui.classroom",
               pattern=True),
    SessionKey(r"handin_\w+", "hand-in form", None, "ui.classroom.handin_panel",
               pattern=True),
    SessionKey("join_first", "container of the join form", None, "ui.classroom.handin_panel"),
    SessionKey(r"roster_\w+", "the teacher's roster widgets", None,
               "ui.classroom.roster_panel", pattern=True),
    # The chapter's other pages.
    SessionKey(r"act_\w+", "activation page widgets", None, "pages/activations.py",
               pattern=True),
    SessionKey(r"(one|pair)_\w+", "one-pair page widgets", None, "pages/one-pair.py",
               pattern=True),
    SessionKey(r"why_\w+", "why-nonlinear page", None, "pages/why-nonlinear.py",
               pattern=True),
    SessionKey(r"sm_\w+", "softmax page", None, "ui.softmax_panel", pattern=True),
    SessionKey(r"fit_\w+", "fit file widgets", None, "ui.fit_state", pattern=True),
    # Widget and container keys of the tuner's other controls and the class page.
    SessionKey(r"(preset|probe|walk|rule|class|ex_form)_\w+", "widget", None, "ui",
               pattern=True),
    SessionKey(r"(upload|download|contributions|round_to_sliders|tuner_tab|nav)", "widget",
               None, "ui", pattern=True),
)


def session_key(key: str) -> SessionKey | None:
    """The table's entry for a session key, or None for one the table lacks."""
    for entry in SESSION_KEYS:
        if (re.fullmatch(entry.key, key) if entry.pattern else entry.key == key):
            return entry
    return None
