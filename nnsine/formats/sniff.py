"""What a file that should have been JSON is instead, in words: a teacher handed a PNG,
an empty file or a CSV reads "the file is a PNG image", not Python's "Expecting value:
line 1 column 1 (char 0)"."""

from __future__ import annotations

import json
import re

from nnsine.formats.checks import shorten
from nnsine.i18n import N_, _

# The first bytes of the files a class most often hands in by mistake (each format's
# own signature: PNG, JPEG, GIF, PDF, ZIP (also .npz, .docx, .xlsx), gzip, Windows UTF-16).
# The kinds are English (`what` answers in English, a test compares them); `not_json`
# says them in the current language.
SIGNATURES = (
    (b"\x89PNG", N_("a PNG image")), (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"GIF8", N_("a GIF image")), (b"%PDF", N_("a PDF document")),
    (b"PK\x03\x04", N_("a ZIP archive (.zip, .npz, .docx, .xlsx)")),
    (b"\x1f\x8b", N_("a gzip archive")), (b"\xff\xfe", N_("UTF-16 text (save it as UTF-8)")),
    (b"\xfe\xff", N_("UTF-16 text (save it as UTF-8)")),
)
EMPTY = "empty"
# json's own messages (Python 3.11-3.13), as a person reads them; others are shown as json
# words them.
JSON_MESSAGES = {
    "Expecting value": N_("expecting value"),
    "Expecting property name enclosed in double quotes":
        N_("expecting property name enclosed in double quotes"),
    "Expecting ':' delimiter": N_("expecting ':' delimiter"),
    "Expecting ',' delimiter": N_("expecting ',' delimiter"),
    "Unterminated string starting at": N_("unterminated string starting at"),
    "Invalid control character at": N_("invalid control character at"),
    "Invalid \\escape": N_("invalid \\escape"),
    "Invalid \\uXXXX escape": N_("invalid \\uXXXX escape"),
    "Extra data": N_("extra data"),
    "Illegal trailing comma before end of object":
        N_("illegal trailing comma before end of object"),
    "Illegal trailing comma before end of array":
        N_("illegal trailing comma before end of array"),
}
CSV_LINE = re.compile(r"[\w .+\-\"']*([,;\t][\w .+\-\"']*)+")


def what(data: str | bytes) -> str | None:
    """What `data` is, when a known kind of file that is not JSON ("a PNG image",
    "empty", "a CSV table"); None for anything else (text with a JSON mistake in it)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    for signature, kind in SIGNATURES:
        if raw.startswith(signature):
            return kind
    text = raw.decode("utf-8-sig", "replace").strip()
    if not text:
        return EMPTY
    if text.startswith("<"):
        return N_("an SVG image") if "<svg" in text[:1000] else N_("an HTML or XML document")
    lines = text.splitlines()[:20]
    if any(line.lstrip().startswith(("import ", "from ", "def ", "class ")) for line in lines):
        return N_("Python code")
    if not text.startswith(("{", "[")) and all(CSV_LINE.fullmatch(line.strip())
                                               for line in lines if line.strip()):
        return N_("a CSV table (values separated by commas, semicolons or tabs)")
    if "\x00" in text[:1000]:
        return N_("binary data, not text")
    if "\ufffd" in text:  # Latin-1 or Windows-1252: é is one byte that UTF-8 refuses
        return N_("text that is not UTF-8 (save it as UTF-8)")
    return None


def not_json(data: str | bytes, error: ValueError) -> str:
    """Why `data` could not be read as JSON, for people: what the file is, or where the
    JSON goes wrong and what that line reads, in the current language. `error`: json's (or
    UTF-8's) ValueError."""
    kind = what(data)
    if kind == EMPTY:
        return _("the file is empty")
    if kind is not None:
        return _("the file is {kind}", kind=_(kind))
    if isinstance(error, json.JSONDecodeError):
        line = (error.doc.splitlines() or [""])[error.lineno - 1].strip()
        line = line if len(line) <= 60 else line[:60] + "…"
        problem = (_(JSON_MESSAGES[error.msg]) if error.msg in JSON_MESSAGES
                   else error.msg.lower())
        return _("line {line}, column {column}: {problem} (the line reads {text})",
                 line=error.lineno, column=error.colno, problem=problem, text=repr(line))
    return shorten(str(error), 120)
