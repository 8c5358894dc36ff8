"""The live class board's way into Streamlit: its database connection (`st.connection`
"sql" on NNSINE_DATABASE_URL), its limits, who is asking (address, session) and the
session keys it owns (the teacher's and the student's tokens)."""

from __future__ import annotations

import os
import secrets

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from nnsine.classboard import board_store
from nnsine.classboard.board_rules import Limits
from ui.state import session
from ui.widgets import markdown_literal

TEACHER, STUDENT, SESSION = "board_teacher", "board_student", "board_session"


def database_url() -> str:
    """NNSINE_DATABASE_URL, or a SQLite file in the working directory."""
    return os.environ.get("NNSINE_DATABASE_URL") or board_store.DEFAULT_URL


@st.cache_resource(show_spinner=False)
def _migrated(url: str, _engine: Engine) -> bool:
    board_store.prepare(_engine)
    board_store.migrate(_engine)
    return True


def engine() -> Engine | None:
    """The board's Engine, its schema migrated; None (with an error shown) when the
    database cannot be reached: the rest of the page goes on."""
    url = database_url()
    try:
        connection = st.connection("sql", url=url)
        _migrated(url, connection.engine)
        return connection.engine
    except Exception as error:  # noqa: BLE001 - any driver error: say it, keep the page
        try:
            shown = make_url(url).render_as_string(hide_password=True)
        except Exception:  # noqa: BLE001
            shown = "(unreadable)"
        problem = f"{type(error).__name__}: {(str(error).splitlines() or [''])[0][:300]}"
        st.error("The class database is not available: "  # URL and driver text as typed
                 + markdown_literal(f"NNSINE_DATABASE_URL={shown}: {problem}"))
        return None


def limits() -> Limits:
    """The server's limits (NNSINE_CLASS_HOURS, NNSINE_MAX_CLASSES, ...); defaults, with
    a warning naming the variable, when one is malformed."""
    try:
        return Limits.from_env(os.environ)
    except ValueError as error:
        st.warning(f"{markdown_literal(error)}; using the defaults")
        return Limits()


def address() -> str:
    """The browser's network address, for rate limits. Behind a reverse proxy (set
    NNSINE_BEHIND_PROXY=1) the first X-Forwarded-For entry; never trusted otherwise,
    since any browser can send that header."""
    if os.environ.get("NNSINE_BEHIND_PROXY") == "1":
        forwarded = (st.context.headers.get("X-Forwarded-For") or "").split(",")[0].strip()
        if forwarded and isinstance(forwarded, str):
            return forwarded
    ip = st.context.ip_address
    return ip if isinstance(ip, str) and ip else "unknown"  # (AppTest has no address)


def session_key() -> str:
    """A random id for this browser session (rate limits count wrong codes per session)."""
    return session.setdefault(SESSION, secrets.token_hex(16))


def base_url() -> str:
    """Where students reach this server: NNSINE_PUBLIC_URL, else the teacher's own."""
    if public := os.environ.get("NNSINE_PUBLIC_URL"):
        return public.rstrip("/")
    url = (st.context.url or "http://localhost:8501").split("?")[0].rstrip("/")
    return url.removesuffix("/class")  # st.context.url ends with the page's own path
