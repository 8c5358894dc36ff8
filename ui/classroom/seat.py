"""A student's seat in a live class, kept in the address bar: `?seat=TOKEN`.

Why the URL and not the browser's storage: Streamlit 1.67 gives Python no way to write
the browser's storage or cookies (st.context.cookies only reads), and the URL is what a
reload, a phone waking a dropped tab, a server restart and another replica all send back
to Python before anything else; copied to another tab of the same device it is the same
student again. (A second tab opened from the bare join link has no seat: it gets the join
form, and the same name there is refused with how to get back, see board_students.join.)
"""

from __future__ import annotations

import time

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from nnsine.classboard import board_students
from nnsine.classboard.board_rules import BoardError
from nnsine.formats import params
from nnsine.i18n import _
from ui import fit_state
from ui.classroom import board_db
from ui.state import session
from ui.widgets import markdown_literal

SEAT, READ = "seat", "board_seat_read"  # the query parameter; the seat this session read
MAX_TOKEN = 64  # our tokens are 43 characters; anything longer is not one


def restore() -> None:
    """Call before the page reads the fit. With ?seat=TOKEN and no student in this
    session: the student is back as themselves (the class's target; their last hand-in's
    fit and how it was made when the address carries no newer fit), or a message says
    why not and the seat leaves the address bar."""
    board_db.session_opened()  # first run of the session: see board_students._locked
    state, token = session, st.query_params.get(SEAT)
    if not token or state.get(board_db.STUDENT) or state.get(READ) == token:
        return
    state[READ] = token
    fit = fit_state.current()  # the address's fit, read once (and its notices queued)
    engine = board_db.engine()
    if engine is None:
        return
    try:
        info, name, handed = board_students.rejoin(engine, token[:MAX_TOKEN], time.time(),
                                                   st.query_params.get("join"))
    except (BoardError, SQLAlchemyError) as error:
        if isinstance(error, BoardError):
            st.query_params.pop(SEAT, None)  # a dead seat: the join form comes back
        fit_state.notice("warning", markdown_literal(
            error if isinstance(error, BoardError) else
            _("The class database did not answer ({error}): reload the page in a moment "
              "to take your seat again.", error=type(error).__name__)))
        return
    state[board_db.STUDENT] = {"token": token, "code": info.code, "name": name,
                               "target": info.target}
    st.query_params.pop("join", None)
    # Session keys of the fit, set here once, before any widget (see fit_state).
    state[fit_state.TARGET] = info.target
    carries_fit = any(s.key in st.query_params for s in params.slots(params.MAX_PAIRS))
    if handed is not None and (handed.params == fit or not carries_fit):
        state[fit_state.FIT], state[fit_state.HISTORY] = handed.params, handed.history
    fit_state.notice("success", markdown_literal(
        _("Welcome back, {name}: you are in class {code} with your last hand-in.",
          name=name, code=info.code) if handed is not None else
        _("Welcome back, {name}: you are in class {code}.", name=name, code=info.code)))


def keep(token: str) -> None:
    """After a join: the seat goes into the address bar (and the join code leaves it)."""
    st.query_params.pop("join", None)
    st.query_params[SEAT] = token
    session[READ] = token


def leave() -> None:
    """on_click of Leave the class: this tab forgets the seat (the board keeps it)."""
    session.pop(board_db.STUDENT, None)
    st.query_params.pop(SEAT, None)
