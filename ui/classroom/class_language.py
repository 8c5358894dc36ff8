"""The class's language: the teacher picks it on the class page (default: the teacher's
own), and the join link, its QR code and the exercise link carry it as `lang`, so the
students open the class in it (ui/language.py reads `?lang=` first and keeps it in the
URL, the seat link included).

Kept in the teacher's session (the widget's key), not in the database: the classes
table has no column for it and a language is not worth a schema migration. A teacher
link opened in a new session starts again from the teacher's own language.
"""

from __future__ import annotations

import streamlit as st

from nnsine import i18n
from nnsine.i18n import _
from ui import language
from ui.state import session

KEY = "board_lang"  # the select's key: the class's language code


def _default() -> str:
    code = session.get(language.ON, i18n.DEFAULT)
    return code if code in {lang.code for lang in i18n.LANGUAGES} else i18n.DEFAULT


def picker() -> None:
    """The select of the class's language (its names as the sidebar picker shows them)."""
    names = {lang.code: lang.name for lang in i18n.LANGUAGES}
    if session.get(KEY) not in names:
        session[KEY] = _default()
    else:  # kept while the select is not drawn (e.g. on another page)
        session[KEY] = session[KEY]
    st.selectbox(_("Language of the class"), list(names), format_func=names.get, key=KEY,
                 help=_("The join link, its QR code and the exercise link carry this "
                        "language (yours, unless you choose another); each student can "
                        "still change it in the sidebar."))


def link_params() -> dict[str, str]:
    """The `lang` parameter of the students' links: the class's language when the teacher
    set one, else what every link of this session carries (language.link_value())."""
    chosen = session.get(KEY)
    if chosen is None or chosen == _default():
        return language.link_value()
    return {"lang": chosen}
