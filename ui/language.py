"""The learner's language: `?lang=` in any link, else the browser's language
(st.context.locale), else English; the sidebar picker changes it. Every run writes it back
to the URL (unless both it and the browser's are English), so a reload, a page switch, a
copied link, a join link and a presenter link keep it.

The language is nnsine.i18n's ContextVar, set here at the top of every run. Streamlit runs
widget callbacks before the page script, and a fragment's own rerun, in a thread whose
context starts empty (English): every callback is passed as `localized(callback)` and every
`st.fragment` is decorated `@localized` under it (tests/test_i18n.py checks both). AppTest
also calls a widget's format_func from the test's own thread: `in_language(format_func)`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from pathlib import Path

import streamlit as st

from nnsine import i18n
from nnsine.formats.checks import shorten
from nnsine.i18n import _
from ui.state import session
from ui.widgets import markdown_literal, sync_query

ON = "lang"  # the session's truth: a code of i18n.CODES
PICK = "lang_pick"  # the picker's own key
NOTE = "lang_note"  # a `?lang=` value we could not read, named once
TAGGED = "lang_tag"  # the language the page's <html lang> was last set to
SCRIPT = Path(__file__).with_name("page_language.js")


def _browser() -> str:
    """The language the browser asks for, when we have its catalog; else English."""
    try:
        return i18n.pick(st.context.locale) or i18n.DEFAULT
    except Exception:  # noqa: BLE001 (AppTest and a page run without a browser have no locale)
        return i18n.DEFAULT


def activate() -> str:
    """Read the language (the URL's `lang` first) into the session and this thread; its
    code. No widget: app.py calls it before st.navigation, the pages through `picker`."""
    asked = st.query_params.get("lang")
    if asked is not None and asked != session.get(ON):
        code = i18n.pick(asked)
        if code is None:
            session[NOTE] = asked
            code = i18n.DEFAULT
        session[ON] = code
    if ON not in session:
        session[ON] = _browser()
    i18n.activate(session[ON])
    return session[ON]


def link_value() -> dict[str, str]:
    """The `lang` parameter every link the app makes carries ({} when both this session's
    and the browser's language are English)."""
    code = session.get(ON, i18n.DEFAULT)
    return {} if code == i18n.DEFAULT == _browser() else {"lang": code}


def _picked() -> None:
    session[ON] = session[PICK]
    st.query_params["lang"] = session[ON]  # so the URL's old value is not read back
    i18n.activate(session[ON])


def picker(code: str) -> None:
    """The sidebar's language picker for `code` (what `activate` read this run), and the
    language back in the URL; the note for a `?lang=` value we could not read (once)."""
    session[PICK] = code if code in {lang.code for lang in i18n.LANGUAGES} else i18n.DEFAULT
    names = {lang.code: lang.name for lang in i18n.LANGUAGES}
    st.sidebar.selectbox("🌐 " + _("Language"), list(names), format_func=names.get,
                         key=PICK, on_change=localized(_picked))
    sync_query(link_value(), ["lang"])
    # The page's own language for screen readers and the browser's choice of fonts (a
    # Chinese page read with an English voice, or drawn with Japanese glyph shapes), and
    # a decimal comma typed into a number field (ui/page_language.js). Once per session and
    # language: what it set stays when the element goes (one element less a release).
    tag = {"zh": "zh-Hans", i18n.PSEUDO: "en"}.get(code, code)
    if session.get(TAGGED) != tag:
        session[TAGGED] = tag
        arguments = f"{json.dumps(tag)}, {json.dumps(i18n.decimal_comma(code))}"
        st.sidebar.html(f"<script>{SCRIPT.read_text()}({arguments});</script>",
                        unsafe_allow_javascript=True)
    asked = session.pop(NOTE, None)
    if asked is not None:
        st.warning(markdown_literal(_(
            "lang={value}: there is no translation for this language; the page is in "
            "English. Choose a language in the sidebar.", value=shorten(asked))))


def localized(callback: Callable) -> Callable:
    """`callback`, run in the session's language (on_click / on_change, a fragment)."""

    @wraps(callback)
    def run(*args, **kwargs):
        i18n.activate(session.get(ON, i18n.DEFAULT))
        return callback(*args, **kwargs)

    return run


def in_language(format_func: Callable) -> Callable:
    """`format_func` (a selectbox's, radio's ...), always run in the language current where
    the widget is drawn: AppTest maps a value back to its option from its own thread."""
    code = i18n.current()

    def run(value):
        with i18n.using(code):
            return format_func(value)

    return run
