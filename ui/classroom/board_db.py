"""The live class board's way into Streamlit: its database connection (`st.connection`
"sql" on NNSINE_DATABASE_URL), its limits, who is asking (address, session) and the
session keys it owns (the teacher's and the student's tokens)."""

from __future__ import annotations

import os
import secrets
import time

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from streamlit import config, net_util

from nnsine.classboard import board_store, join_address
from nnsine.classboard.board_rules import Limits
from nnsine.i18n import _
from ui.state import session
from ui.widgets import markdown_literal

TEACHER, STUDENT, SESSION = "board_teacher", "board_student", "board_session"
OPENED = "board_opened"


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
            shown = _("(unreadable)")
        problem = f"{type(error).__name__}: {(str(error).splitlines() or [''])[0][:300]}"
        st.error(_("The class database is not available: {problem}",  # URL, driver text
                   problem=markdown_literal(f"NNSINE_DATABASE_URL={shown}: {problem}")))
        return None


def limits() -> Limits:
    """The server's limits (NNSINE_CLASS_HOURS, NNSINE_MAX_CLASSES, ...); defaults, with
    a warning naming the variable, when one is malformed."""
    try:
        return Limits.from_env(os.environ)
    except ValueError as error:
        st.warning(_("{problem}; using the defaults", problem=markdown_literal(error)))
        return Limits()


def address() -> str:
    """The browser's network address, for rate limits. Behind a reverse proxy (set
    NNSINE_BEHIND_PROXY=1) the LAST X-Forwarded-For entry: the one our proxy appended
    from the connection it accepted. Earlier entries are whatever the browser sent, so
    they are never trusted, and neither is the header without NNSINE_BEHIND_PROXY."""
    try:
        proxied = join_address.behind_proxy(os.environ)
    except ValueError as error:
        st.warning(_("{problem}; not trusting X-Forwarded-For",
                     problem=markdown_literal(error)))
        proxied = False
    if proxied:
        forwarded = (st.context.headers.get("X-Forwarded-For") or "").split(",")[-1].strip()
        if forwarded and isinstance(forwarded, str):
            return forwarded[:64]
    ip = st.context.ip_address
    return ip if isinstance(ip, str) and ip else "unknown"  # (AppTest has no address)


def session_key() -> str:
    """A random id for this browser session (rate limits count wrong codes per session)."""
    return session.setdefault(SESSION, secrets.token_hex(16))


def session_opened() -> float:
    """When this session first asked (Unix seconds, kept on the server): a flood of wrong
    codes from the address locks out sessions opened after it, not before."""
    return session.setdefault(OPENED, time.time())


def own_url() -> str:
    """The teacher's own base address (st.context.url without the page's path)."""
    url = (st.context.url or "http://localhost:8501").split("?")[0].rstrip("/")
    return url.removesuffix("/class")  # st.context.url ends with the page's own path


def join_base() -> tuple[str | None, str]:
    """Where students reach this server (nnsine.classboard.join_address): (base URL or
    None, how it was found or why there is none). A malformed NNSINE_PUBLIC_URL is named
    in a warning and not used."""
    try:
        public = join_address.public_url(os.environ)
    except ValueError as error:
        st.warning(_("{problem}; not used", problem=markdown_literal(error)))
        public = None
    try:  # set by the Dockerfile: the container's own address is no use to a phone
        contained = join_address.flag(os.environ, "NNSINE_CONTAINER")
    except ValueError as error:
        st.warning(_("{problem}; not used", problem=markdown_literal(error)))
        contained = False
    server = (st.get_option("browser.serverAddress")
              if config.is_manually_set("browser.serverAddress") else None)
    return join_address.join_base(public, server, st.get_option("server.address") or "",
                                  own_url(), net_util.get_internal_ip(),
                                  int(st.get_option("browser.serverPort")),
                                  contained)


def base_url() -> str:
    """The students' base URL when there is one, else the teacher's own."""
    return join_base()[0] or own_url()
