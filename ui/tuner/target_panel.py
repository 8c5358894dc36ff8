"""The target picker: a named target, or the learner's own (a formula in x, points from
a CSV file, a sketch drawn on a chart). Every choice goes through nnsine.engine.targets."""

from __future__ import annotations

import streamlit as st

from nnsine.engine import targets
from nnsine.engine.target_points import from_stroke
from nnsine.i18n import _
from nnsine.plots.sketch_figures import sketch_figure
from ui import fit_state
from ui.language import in_language, localized
from ui.state import session
from ui.widgets import markdown_literal

OWN = "own"  # the picker's entry for "your own target"
OPEN = "own_open"  # the learner chose "Your own…" and has not used it yet


def _picked(key: str) -> None:
    session[OPEN] = session[key] == OWN
    if session[key] != OWN:
        fit_state.choose_target(key)


def _use_formula(key: str) -> None:
    fit_state.set_target("f:" + session[key].strip(), "formula")


def _use_csv(key: str) -> None:
    upload = session.get(key)
    if upload is not None:
        fit_state.set_csv_target(upload.name, upload.getvalue())


def _use_sketch() -> None:
    lasso = (session["own_sketch"].get("selection") or {}).get("lasso") or []
    if not lasso:
        return
    try:
        fit_state.set_target(targets.points_target(*from_stroke(lasso[-1]["x"],
                                                                lasso[-1]["y"])), "sketch")
    except ValueError as error:
        fit_state.notice("error", _("Could not use the sketch: {error}. The target is "
                                    "unchanged.", error=error))


def target_picker(target: str, where) -> None:
    """The "Target" select box in `where`; with "Your own…" chosen (or an own target in
    use) the formula, CSV and sketch inputs below it."""
    own = target not in targets.TARGETS
    session["target_pick"] = OWN if own or session.get(OPEN) else target
    where.selectbox(_("Target"), [*targets.TARGETS, OWN], key="target_pick",
                    format_func=in_language(
                        lambda n: _("Your own…") if n == OWN else targets.label(n)),
                    on_change=localized(_picked), args=("target_pick",))
    if session["target_pick"] != OWN:
        return
    with st.expander(_("Your own target"), expanded=not own):
        st.caption(_("Now fitting: {target}", target=markdown_literal(targets.label(target))))
        # Which tab is open is not read: the labels can be the learner's language.
        formula, csv, sketch = st.tabs([_("Formula"), _("Points (CSV)"), _("Sketch")],
                                       key="own_tab")
        with formula:
            session.setdefault("own_formula", target[2:] if target.startswith(
                "f:") else "0.5*sin(4*pi*x) + x**2")
            st.text_input(_("y = a formula in x"), key="own_formula", max_chars=200,
                          help=_("x, pi, e; + - * / ** and comparisons (x < 0.5 is 1 or 0); "
                                 "sin, cos, exp, log, sqrt, abs, where(c, a, b), min, max, "
                                 "clip(v, low, high) …"))
            st.button(_("Use this formula"), key="own_formula_use",
                      on_click=localized(_use_formula), args=("own_formula",))
        with csv:
            st.file_uploader(_("Points x, y (CSV, up to 1,000 rows, x increasing)"),
                             type=["csv", "txt"], key="own_csv", on_change=localized(_use_csv),
                             args=("own_csv",), max_upload_size=1)
        with sketch:
            st.caption(_("Draw the curve from left to right with the mouse or a finger."))
            st.plotly_chart(sketch_figure(targets.points_of(target)), key="own_sketch",
                            on_select=localized(_use_sketch),
                            selection_mode="lasso", config={"displayModeBar": False})
