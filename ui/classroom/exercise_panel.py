"""The teacher's exercise composer (on the Class challenge page): target, pairs, goals and
the shortcuts to hide, made into a link for the students (nnsine.formats.exercise)."""

from __future__ import annotations

import time
from urllib.parse import urlencode

import streamlit as st

from nnsine.classboard import board
from nnsine.engine import targets
from nnsine.formats import exercise, params
from nnsine.formats.checks import ParamsError
from nnsine.i18n import N_, _
from ui.classroom import board_db, class_language
from ui.language import in_language
from ui.state import session
from ui.widgets import markdown_literal

OWN = "own"
# exercise.HIDEABLE's shortcuts as the teacher reads them (the keys go into the link).
SHORTCUTS = {"presets": N_("presets"), "walkthrough": N_("walkthrough"),
             "optimizer": N_("optimizer"), "probe": N_("probe"), "gradients": N_("gradients")}


def _base_url() -> str:
    """The tuner's address for the students: NNSINE_PUBLIC_URL's, as the join link's."""
    return board_db.base_url() + "/tuner"


def _with_live_class(link: str, task: exercise.Exercise) -> None:
    """With a live class running in this session: the same link that also joins it, so
    the class's hand-ins are this exercise's (when the targets agree)."""
    token = session.get(board_db.TEACHER)
    engine = board_db.engine() if token else None
    info = board.teacher_class(engine, token, time.time()) if engine is not None else None
    if info is None:
        return
    if info.target != task.target:
        st.warning(_("Your live class {code} fits {target}: start a class with the "
                     "exercise's target to carry this exercise.", code=info.code,
                     target=markdown_literal(targets.label(info.target))))
        return
    st.markdown(_("The same exercise for your live class **{code}** (students join and "
                  "hand in from it):", code=info.code))
    st.code(f"{link}&{urlencode({'join': info.code})}", language=None)


def exercise_composer() -> None:
    """A small form; on submit, the exercise link (or what is wrong with the form)."""
    with st.expander(_("A link with your target, goals and hidden shortcuts")):
        with st.form("exercise_form", border=False):
            name = st.selectbox(_("Target"), [*targets.TARGETS, OWN], key="ex_form_target",
                                format_func=in_language(
                                    lambda n: _("A formula in x…") if n == OWN
                                    else targets.label(n)))
            text = st.text_input(_("Formula (if chosen above)"), "abs(x - 0.3)",
                                 key="ex_form_formula", max_chars=200)
            n_pairs = st.number_input(_("Pairs"), 1, params.MAX_PAIRS, 8,
                                      key="ex_form_pairs")
            goals = st.text_input(
                _("Goals: max |error|, separated by ;"), "0.1; 0.05", key="ex_form_goals",
                help=_("One to four goals, for example 0.1; 0.05. Where the language writes "
                       "0,7 with a decimal comma, separate the goals with ; (commas separate "
                       "them only when the numbers use a decimal point)."))
            hide = st.multiselect(_("Hide from the students"), exercise.HIDEABLE,
                                  default=["presets", "walkthrough", "optimizer"],
                                  key="ex_form_hide",
                                  format_func=in_language(
                                      lambda key: _(SHORTCUTS.get(key, key))))
            made = st.form_submit_button(_("Make the link"))
        if not made:
            return
        try:  # typed as the language writes numbers (0,1; 0,05); the link keeps points
            typed = exercise.parse_goals(goals)
        except ParamsError as error:
            st.error(markdown_literal(exercise.goals_problem(error)))
            return
        query = exercise.to_query(exercise.Exercise(
            "f:" + text.strip() if name == OWN else name, int(n_pairs), typed,
            frozenset(hide)))
        task, problems = exercise.from_query(query)
        if problems:
            for problem in problems:
                st.error(markdown_literal(problem))
            return
        query = exercise.to_query(task) | class_language.link_params()
        link = f"{_base_url()}?{urlencode(query)}"
        st.code(link, language=None)
        _with_live_class(link, task)
        st.caption(_("Send this link to the class: the tuner opens with the target and "
                     "pairs fixed, the goals set and the hidden shortcuts left out. Handed-in "
                     "fits say how they were made, so a fit that used a hidden shortcut is "
                     "flagged."))
