"""What a file that should have been JSON is instead, in words: a teacher handed a PNG,
an empty file or a CSV reads "the file is a PNG image", not Python's "Expecting value:
line 1 column 1 (char 0)"."""

from __future__ import annotations

import json
import re

from nnsine.formats.checks import shorten

# The first bytes of the files a class most often hands in by mistake (each format's
# own signature: PNG, JPEG, GIF, PDF, ZIP (also .npz, .docx, .xlsx), gzip, Windows UTF-16).
SIGNATURES = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (.zip, .npz, .docx, .xlsx)"),
    (b"\x1f\x8b", "a gzip archive"), (b"\xff\xfe", "UTF-16 text (save it as UTF-8)"),
    (b"\xfe\xff", "UTF-16 text (save it as UTF-8)"),
)
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
        return "empty"
    if text.startswith("<"):
        return "an SVG image" if "<svg" in text[:1000] else "an HTML or XML document"
    lines = text.splitlines()[:20]
    if any(line.lstrip().startswith(("import ", "from ", "def ", "class ")) for line in lines):
        return "Python code"
    if not text.startswith(("{", "[")) and all(CSV_LINE.fullmatch(line.strip())
                                               for line in lines if line.strip()):
        return "a CSV table (values separated by commas, semicolons or tabs)"
    if "\x00" in text[:1000]:
        return "binary data, not text"
    if "\ufffd" in text:  # Latin-1 or Windows-1252: é is one byte that UTF-8 refuses
        return "text that is not UTF-8 (save it as UTF-8)"
    return None


def not_json(data: str | bytes, error: ValueError) -> str:
    """Why `data` could not be read as JSON, for people: what the file is, or where the
    JSON goes wrong and what that line reads. `error`: json's (or UTF-8's) ValueError."""
    kind = what(data)
    if kind is not None:
        return f"the file is {kind}"
    if isinstance(error, json.JSONDecodeError):
        line = (error.doc.splitlines() or [""])[error.lineno - 1].strip()
        line = line if len(line) <= 60 else line[:60] + "…"
        return (f"line {error.lineno}, column {error.colno}: {error.msg.lower()}"
                f" (the line reads {line!r})")
    return shorten(str(error), 120)
