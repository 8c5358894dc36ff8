"""The student's side of the live class board, on the sine tuner: join a class with its
code and a display name, then hand the current fit in. The board keeps each student's
latest hand-in. A fragment: joining and handing in do not rebuild the tuner."""

from __future__ import annotations

import time

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from nnsine.classboard import board_students
from nnsine.classboard.board_rules import BoardError
from nnsine.classboard.clock import clock_time
from nnsine.engine import targets
from nnsine.i18n import _
from ui import fit_state
from ui.classroom import board_db, seat
from ui.language import localized
from ui.state import session
from ui.widgets import markdown_literal

PROBLEM = "handin_problem"  # a refused join, shown once
RECEIPT = "handin_receipt"  # the last hand-in's answer: ("success" | "error", text)
WHOLE_PAGE = "handin_whole_page"  # a join changed the target: rerun the page, not the panel


def _on_join(limits) -> None:
    """on_click of Join: runs before the panel, which then shows the joined view."""
    engine = board_db.engine()  # only now: a tuner that never joins opens no database
    if engine is None:
        return
    try:
        token, info, name = board_students.join(
            engine, session["handin_code"], session["handin_name"],
            board_db.session_key(), board_db.address(), limits, time.time(),
            board_db.session_opened())
    except BoardError as error:
        session[PROBLEM] = str(error)
        return
    except SQLAlchemyError as error:
        session[PROBLEM] = _("The class database did not answer ({error}): press Join "
                             "again.", error=type(error).__name__)
        return
    session[board_db.STUDENT] = {"token": token, "code": info.code, "name": name,
                                          "target": info.target}
    if fit_state.target() != info.target:  # the tuner shows what the class is scored on
        fit_state.set_target(info.target, _("class {code}'s target", code=info.code))
        session[WHOLE_PAGE] = True  # the title and chart are outside this fragment
    seat.keep(token)


def join_first() -> bool:
    """A join link's first screen: the join form at the top of the tuner (above the
    fold on a phone), until the student has joined. True when it was shown."""
    if session.get(board_db.STUDENT) or "join" not in st.query_params:
        return False
    with st.container(border=True, key="join_first"):
        st.markdown(_("**Join class {code}** · then tune the curve below and press *Hand "
                      "in*.", code=markdown_literal(st.query_params.get("join", ""))[:40]))
        _join(board_db.limits())
    return True


def _join(limits) -> None:
    session.setdefault("handin_code", st.query_params.get("join", ""))
    with st.form("handin_join", border=False):
        st.text_input(_("Join code"), key="handin_code", max_chars=16)
        st.text_input(_("Display name (the teacher sees it)"), key="handin_name",
                      max_chars=limits.name_chars)
        st.form_submit_button(_("Join the class"), width="stretch",
                              on_click=localized(_on_join), args=(limits,))
    if problem := session.pop(PROBLEM, None):
        st.error(problem)


def _joined(engine, limits, me: dict) -> None:
    st.caption(_("Class {code} · you appear as:", code=me["code"]))
    st.text(me["name"])  # plain text: a name is never read as Markdown or HTML
    if fit_state.target() != me["target"]:
        st.warning(_("This class fits {target}; your hand-in is scored on that.",
                     target=markdown_literal(targets.label(me["target"]))))
    st.caption(_("The board keeps your **latest** hand-in: handing in again replaces it."))
    linear = session.get("activation") == "linear"
    if linear:  # the board scores ReLU pairs: a linear fit's numbers would not match
        st.info(_("The class is scored with ReLU hidden layers: switch *Hidden layers* "
                  "back to relu to hand in."))
    if st.button(_("Hand in this fit"), key="handin_send", type="primary", width="stretch",
                 disabled=linear):
        session[RECEIPT] = _hand_in(engine, limits, me)
    if receipt := session.get(RECEIPT):  # the last answer stays until the next
        getattr(st, receipt[0])(receipt[1])
    try:
        standing = board_students.standing(engine, me["token"], time.time())
    except BoardError as error:
        st.warning(str(error))
        seat.leave()
        return
    except SQLAlchemyError:
        standing = None  # the rank comes back with the database; the receipt says more
    if standing:
        rank, count = standing
        st.metric(_("Your rank"), _("#{rank} of {count}", rank=rank, count=count))
        st.button(_("Refresh my rank"), key="handin_refresh")
    st.caption(_("This page's address is your seat: reload or reopen it (bookmark it) to "
                 "come back as yourself."))
    st.button(_("Leave the class"), key="handin_leave", on_click=localized(seat.leave))


def _hand_in(engine, limits, me: dict) -> tuple[str, str]:
    """Hand the fit in -> the answer to show: "Received at …" only once committed."""
    try:
        result = board_students.hand_in(engine, me["token"], fit_state.current(), limits,
                                        time.time(), fit_state.history())
    except BoardError as error:
        return "error", _("Not handed in: {problem}", problem=error)
    except SQLAlchemyError as error:
        return "error", _("Not handed in: the class database did not answer ({error}). "
                          "Your fit is still here: press Hand in again in a moment.",
                          error=type(error).__name__)
    # hand_in returns only after the commit: the hand-in is stored
    return "success", _("Received at {time}: MSE {mse:.5f}, max |error| {max_error:.4f}.",
                        time=clock_time(time.time()), mse=result.mse,
                        max_error=result.max_error)


@st.fragment
@localized  # a fragment's rerun may run in a new thread, whose language is English
def handin_panel() -> None:
    """The 'Hand in to your class' expander (open when the URL has ?join=CODE)."""
    if session.pop(WHOLE_PAGE, False):
        st.rerun(scope="app")
    me = session.get(board_db.STUDENT)
    # Built only while open (on_change="rerun"): most students never join, and its form
    # cost every slider release some server time for nothing.
    box = st.expander(_("Hand in to your class"),
                      expanded=bool(me or "join" in st.query_params),
                      key="handin_open", on_change="rerun")
    if not box.open:
        return
    with box:
        limits = board_db.limits()
        if me is None and "join" in st.query_params:
            st.caption(_("Join at the top of the page."))  # join_first shows the form there
        elif me is None:
            _join(limits)
        elif (engine := board_db.engine()) is not None:
            _joined(engine, limits, me)
