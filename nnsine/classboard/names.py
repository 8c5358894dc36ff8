"""When two display names are the same student's: Unicode's confusable skeleton.

"Ada", "ada", "Аda" (a Cyrillic А), "Ada" with an invisible combining grapheme joiner
and "Ａｄａ" (full width) all look like one name on a board and in a gradebook (the
Canvas CSV uses the name as the login). A class keeps one student per key below.
"""

from __future__ import annotations

import hashlib
import unicodedata


def skeleton(name: str) -> str:
    """The name as the eye reads it: NFKC, case folded, default-ignorable code points
    (joiners, variation selectors) dropped, then ICU's UTS #39 skeleton (section 4,
    "Confusable Detection"), case folded again. Equal skeletons: the names look alike.
    Needs PyICU (`pyicu-wheels`, the `app` extra): imported here, not above, so that
    `pip install nnsine` (the engine, the CLI, the notebook widget) brings no ICU."""
    import icu  # PyICU: ICU's SpoofChecker is Unicode's own reference for UTS #39

    text = unicodedata.normalize("NFKC", str(name)).casefold()
    text = "".join(ch for ch in text if not icu.Char.hasBinaryProperty(
        ch, icu.UProperty.DEFAULT_IGNORABLE_CODE_POINT))
    # A SpoofChecker per call: ~1 µs, and no shared mutable state between sessions.
    return icu.SpoofChecker().getSkeleton(0, text).casefold()


def name_key(name: str) -> str:
    """What the database compares (sha256 hex of `skeleton`, 64 characters: a skeleton
    can be longer than its name, the column is not)."""
    return hashlib.sha256(skeleton(name).encode()).hexdigest()
