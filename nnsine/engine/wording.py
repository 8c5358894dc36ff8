"""A list inside a sentence, in the learner's language: "1, 2 and 3", "1, 2 y 3",
"1、2和3" (CLDR's list patterns, through Babel), for the sentences that name several
pairs or classes. The sentence around it is one message (`ngettext` for its count)."""

from __future__ import annotations

from collections.abc import Iterable

from babel.lists import format_list

from nnsine.i18n import DEFAULT, cldr

# English (and the pseudo-locale) lists as the book writes: no comma before "and".
_LISTS = {DEFAULT: "en_GB"}


def listed(items: Iterable) -> str:
    """The items as one list in the current language ("1, 2 and 3"); '' for none."""
    words = [str(item) for item in items]
    if not words:
        return ""
    locale = cldr()
    return format_list(words, locale=_LISTS.get(locale, locale))
