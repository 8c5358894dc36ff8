"""Links mangled on the way, repaired: chat apps, mail clients and word processors change
the links a teacher shares, and a page must not silently drop what they broke.

Repaired (each repair is reported, in words):
- `&amp;` for `&` (HTML-escaped once or more, `&amp;amp;`, or as `&amp%3B`): the browser
  then reads the key `amp;p1_b2`, which is `p1_b2`;
- `%26` for `&` (and `%3D` for `=`): the browser reads one value `6&p1_b2=0.7`, which is
  two parameters;
- punctuation glued to the end of the link (`...p1_w_out=-1).`), as chat apps and
  sentences do: only on the last parameter, only characters no value of ours ends in, and
  a bracket only when the value did not open it (a formula's last `)` stays);
- spaces around keys and values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from nnsine.i18n import _, ngettext

# Characters that end a sentence or close a bracket or quote, never a value of ours.
TRAILING = ").,;:!?'\"]}>»”’/"
CLOSES = {")": "(", "]": "[", "}": "{"}
AMP_PREFIXES = ("amp;", "amp%3b")  # `&#38;` cannot reach us: `#` starts the fragment
MAX_PARTS = 200  # a link with more parameters than this is not one of ours


def _key(key: str) -> str:
    key = key.strip()
    while True:
        for prefix in AMP_PREFIXES:
            if key.lower().startswith(prefix):
                key = key[len(prefix):]
                break
        else:
            return key.lstrip("?")


def repair(query: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The URL's parameters as the browser parsed them (str -> str, in link order) ->
    (the parameters the author meant, a sentence per repair). A key seen twice keeps its
    last value, as Streamlit's st.query_params does. Pure: no Streamlit."""
    pending = [(str(k), str(v)) for k, v in query.items()]
    repaired: dict[str, str] = {}
    notes: list[str] = []
    while pending and len(repaired) < MAX_PARTS:
        raw_key, raw_value = pending.pop(0)
        key, value = _key(raw_key), raw_value.strip()
        # A comma, colon or semicolon encoded twice (1%2C2%2C3) reaches us still encoded;
        # none of them is ever meant as those three characters in our values.
        decoded = re.sub(r"%(2C|3A|3B)", lambda m: chr(int(m.group(1), 16)), value,
                         flags=re.IGNORECASE)
        if decoded != value:
            notes.append(_("read '{before}' as '{after}'", before=_short(value),
                           after=_short(decoded)))
            value = decoded
        if key != raw_key.strip():
            notes.append(_("read '{before}' as '{after}'", before=_short(raw_key),
                           after=_short(key)))
        if "&" in value:  # an `&` that was %26-encoded: the rest are more parameters
            value, *rest = value.split("&")
            more = [part.partition("=") for part in rest if part]
            pending[:0] = [(k, v) for k, _sep, v in more]
            notes.append(ngettext("split '{value}' into {n} parameter",
                                  "split '{value}' into {n} parameters", len(more) + 1,
                                  value=_short(raw_value)))
        if not pending and (kept := _without_trailing(value)) != value:
            notes.append(_("dropped '{end}' from the end of the link", end=value[len(kept):]))
            value = kept
        if key:
            repaired.pop(key, None)  # the last value wins, in the link's order
            repaired[key] = value
        elif value:
            notes.append(_("ignored '{value}': it has no name", value=_short(value)))
    if pending:
        notes.append(ngettext("ignored {n} parameter past the first {most}",
                              "ignored {n} parameters past the first {most}", len(pending),
                              most=MAX_PARTS))
    return repaired, notes


def _without_trailing(value: str) -> str:
    """`value` without the punctuation glued to its end; a closing bracket that closes one
    opened in the value (a formula target, `f:sin(4*pi*x)`) is part of it and stays."""
    while value and value[-1] in TRAILING:
        if value[-1] in CLOSES and value.count(value[-1]) <= value.count(CLOSES[value[-1]]):
            break
        value = value[:-1]
    return value


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else f"{text[:limit - 1]}…"
