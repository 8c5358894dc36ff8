"""Times a teacher or a student reads (a hand-in's receipt, the board's "handed in" and
"last seen" columns), in the session's language through Babel's CLDR data: "2:03:07 PM",
"14:03:07", "下午2:03:07"; "3 min. ago", "hace 3 min", "3分钟前". Files keep their own
formats (ISO 8601 UTC, nnsine.classboard.board_export.when)."""

from __future__ import annotations

from datetime import datetime, timedelta

from babel.dates import format_time, format_timedelta

from nnsine import i18n
from nnsine.i18n import _


def clock_time(seconds: float) -> str:
    """Unix seconds -> the server's local time of day, as the language writes it."""
    return format_time(datetime.fromtimestamp(seconds).astimezone(), "medium",
                       locale=i18n.cldr())


def ago(seconds: float) -> str:
    """How long ago, as a board reads it: "just now" under 5 s, else CLDR's short form
    ("40 sec. ago", "3 min. ago", "2 hr. ago"; "hace 3 min"; "3分钟前")."""
    if seconds < 5:
        return _("just now")
    return format_timedelta(timedelta(seconds=-seconds), add_direction=True, format="short",
                            threshold=1, locale=i18n.cldr())
