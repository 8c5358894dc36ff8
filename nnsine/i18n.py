"""The one translation layer: every sentence the app shows goes through `_` or `ngettext`.

GNU gettext's model, through Python's own `gettext` module and Babel (the catalogs are
Babel-extracted `.po` files, read by Babel and compiled in memory: no generated `.mo`
file to go stale beside its source). English is the source language: a message is its
English text, whole sentences with named placeholders (`_("{n} pairs", n=8)`), never a
sentence glued from pieces. A module-level table of texts marks them with `N_` and
translates where they are shown.

Which language is a ContextVar, not module state: one server process serves every
student, and Streamlit runs each session's script in a thread of its own, whose context
starts empty (English). The UI sets it at the top of every run (ui.language); the engine,
the formats and the figure builders only read it. The notebook widget and the CLI use
`using("es")`.

Languages: the table LANGUAGES; adding one is a catalog under nnsine/locale and a line
there (docs: Develop → Translations). `qps` is a pseudo-locale for tests: every message
wrapped in ⟦…⟧, so text without the brackets is a string no one marked.
"""

from __future__ import annotations

import gettext as _gettext
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from string import Formatter
from typing import NamedTuple

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "nnsine"


class Language(NamedTuple):
    """A language the app speaks: its code (gettext's and `?lang=`'s), and its own name."""

    code: str
    name: str


# The picker's order. English is the source, so it has no catalog.
LANGUAGES = (
    Language("en", "English"),
    Language("es", "Español"),
    Language("zh", "中文（简体）"),
)
DEFAULT = "en"
PSEUDO = "qps"  # the pseudo-locale (tests and translators); not in the picker
CODES = frozenset(language.code for language in LANGUAGES) | {PSEUDO}
_LANGUAGE_TEXT = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}")

_current: ContextVar[str] = ContextVar("nnsine_language", default=DEFAULT)


def current() -> str:
    """The code of the language this thread's messages are in ('en', 'es', 'zh', 'qps')."""
    return _current.get()


def activate(code: str) -> None:
    """Speak `code` in this thread from now on (the UI, once at the top of every run).
    Raises ValueError for a code that is not in LANGUAGES (check text with `pick`)."""
    if code not in CODES:
        raise ValueError(f"no catalog for language {code!r}")
    _current.set(code)


@contextmanager
def using(code: str) -> Iterator[None]:
    """Speak `code` inside a `with` block (a notebook, a CLI command, a test)."""
    if code not in CODES:
        raise ValueError(f"no catalog for language {code!r}")
    token = _current.set(code)
    try:
        yield
    finally:
        _current.reset(token)


def pick(text: str | None) -> str | None:
    """The language a `?lang=` value or a browser's locale asks for ('es-MX', 'zh_CN',
    'zh-Hans' and 'ES' all count), or None when there is no catalog for it or it is not a
    language tag. Any Chinese is Simplified Chinese: the one Chinese catalog we have."""
    if not text or not _LANGUAGE_TEXT.fullmatch(text.strip()):
        return None
    code = re.split(r"[-_]", text.strip().lower())[0]
    return code if code in CODES else None


def cldr(code: str | None = None) -> str:
    """The CLDR locale (Babel's) a language's numbers, times and lists are written in:
    its own code; English's for the pseudo-locale."""
    code = code or current()
    return DEFAULT if code == PSEUDO else code


def decimal_comma(code: str | None = None) -> bool:
    """Whether the language writes 0,7 for 0.7 (CLDR's decimal symbol, through Babel):
    typed number fields then accept a comma (nnsine.formats.checks)."""
    from babel.numbers import get_decimal_symbol

    return get_decimal_symbol(cldr(code)) == ","


class _Pseudo(_gettext.NullTranslations):
    """Every message wrapped in ⟦…⟧, placeholders kept (the test that finds forgotten
    strings renders every page in it)."""

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"⟦{singular if n == 1 else plural}⟧"


@cache  # the catalogs are read-only data, read once per process and language
def translations(code: str) -> _gettext.NullTranslations:
    """The compiled catalog of a language (English: no catalog, messages as written).
    Raises FileNotFoundError when a language of the table has no catalog file."""
    if code == PSEUDO:
        return _Pseudo()
    if code == DEFAULT:
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as po:
        catalog = read_po(po, locale=code, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out: they stay English
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


def _fill(text: str, params: dict) -> str:
    return text.format_map(params) if params else text


def gettext(message: str, /, **params) -> str:
    """`message` in the current language, its `{name}` placeholders filled from `params`
    (`_("Pair {pair}", pair=3)`); a message without params is returned as translated, so
    literal braces need doubling only where params are given."""
    return _fill(translations(current()).gettext(message), params)


def ngettext(singular: str, plural: str, n: int, /, **params) -> str:
    """The plural form for count `n` in the current language (`{n}` is filled too):
    `ngettext("{n} student", "{n} students", 3)`. Chinese has one form, Spanish two."""
    return _fill(translations(current()).ngettext(singular, plural, n), {"n": n, **params})


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for it)
    """Marks `message` for the catalogs where it is defined (a table); translate it where
    it is shown, with `_(text)`."""
    return message


def placeholders(text: str) -> set[str]:
    """The `{name}` placeholders of a message (a catalog's must match English's)."""
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


_ = gettext
