"""The fit file: JSON for saving, sharing and grading a fit, read back exactly.

    {"format": "nnsine-pairs", "version": 2,
     "pairs": [{"w1": ..., "b1": ..., "w2": ..., "b2": ..., "w_out": ...}, ...], "b_out": ...,
     "target": "sine", "provenance": [{"kind": "sliders", "detail": "", "count": 12}],
     "seal": "16 hex digits"}

Version 2 adds the target (an nnsine.engine.targets string) and how the fit was made
(nnsine.formats.provenance, sealed); version-1 files (no such keys) still load, as fits of the
sine with an unknown history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from nnsine.engine import targets
from nnsine.engine.network import PAIR_NAMES, Params
from nnsine.formats import provenance, sniff
from nnsine.formats.checks import shorten, shown
from nnsine.formats.params import (
    MAX_PAIRS,
    OUTPUT_FIELD,
    PAIR_FIELDS,
    ParamsError,
    check,
    from_flat,
)
from nnsine.i18n import _

FORMAT, VERSION = "nnsine-pairs", 2
V1_KEYS = {"format", "version", "pairs", "b_out"}
V2_KEYS = V1_KEYS | {"target", "provenance", "seal"}


def expected() -> str:
    """What a fit file is, in the current language (the end of a message about a file
    that is not one)."""
    return _('expected a fit file, JSON text {{"format": "{format}", ...}} as "{button}" '
             'saves it', format=FORMAT, button=_("Download fit (JSON)"))


@dataclass(frozen=True)
class FitFile:
    """What a fit file holds: the fit, its target string, how it was made (provenance
    events) and whether the seal matches (None: a version-1 file, which has none)."""

    params: Params
    target: str = targets.DEFAULT
    history: tuple[provenance.Event, ...] = ()
    sealed: bool | None = None

    def made(self) -> str:
        """How the fit was made, in a teacher's words, with a broken seal said."""
        if self.sealed is None:
            return _("unknown (a version-1 file)")
        text = provenance.describe(self.history) or _("nothing recorded")
        return text if self.sealed else _("{made} (edited outside nnsine: the seal differs)",
                                          made=text)
# A 16-pair fit is about 2 KB; a target of 1,000 exact points (40 KB) and a long
# history must still fit: every file dumps writes, read reads back.
MAX_FILE_BYTES = 256 * 1024


def to_dict(params: Params, target: str = targets.DEFAULT,
            history: tuple[provenance.Event, ...] = ()) -> dict:
    """Params, target and provenance -> the JSON file's object (version 2, sealed)."""
    values = [*(v for i in range(params.n_pairs) for v in params.pair(i).values()),
              params.b_out]
    return {"format": FORMAT, "version": VERSION,
            "pairs": [params.pair(i) for i in range(params.n_pairs)], "b_out": params.b_out,
            "target": target, "provenance": provenance.to_list(history),
            "seal": provenance.seal(values, target, history)}


def from_dict(obj) -> Params:
    """The JSON file's object -> Params (see read_dict for the rest)."""
    return read_dict(obj).params


def read_dict(obj, checked: tuple[str, ...] = ()) -> FitFile:
    """The JSON file's object (numbers as int, float or Decimal), version 1 or 2 ->
    FitFile; ParamsError names the first problem and, for a number, the field and value.
    Targets in `checked` were checked by the caller (a class board's own target, whose
    1,000 points would otherwise be parsed again for every hand-in)."""
    if not isinstance(obj, dict):
        raise ParamsError(_("the file is not a JSON object ({{...}}); {expected}",
                            expected=expected()))
    if "format" not in obj:  # JSON of something else: the book's arrays, a notebook, ...
        raise ParamsError(_('the file is JSON without "format"; {expected}',
                            expected=expected()))
    if not isinstance(obj.get("format"), str) or obj["format"] != FORMAT:
        raise ParamsError(_("format is {value}, expected {format}",
                            value=shown(obj.get("format")), format=repr(FORMAT)))
    version = obj.get("version")
    if isinstance(version, bool) or not isinstance(version, (int, Decimal)) or (
            version not in (1, VERSION)):
        raise ParamsError(_("version is {value}, expected 1 or {version}",
                            value=shown(version), version=VERSION))
    _same_keys(obj, V1_KEYS if version == 1 else V2_KEYS)
    pairs = obj["pairs"]
    if not isinstance(pairs, list) or not 1 <= len(pairs) <= MAX_PAIRS:
        raise ParamsError(_("pairs must be a list of 1 to {most} pairs", most=MAX_PAIRS))
    values = []
    for i, pair in enumerate(pairs):
        if not isinstance(pair, dict):
            raise ParamsError(_("pair {pair} is not an object", pair=i + 1))
        _same_keys(pair, set(PAIR_NAMES), i + 1)
        values += [check(f, pair[f.name], _("pair {pair} {name}", pair=i + 1, name=f.name))
                   for f in PAIR_FIELDS]
    values.append(check(OUTPUT_FIELD, obj["b_out"], "b_out"))
    if version == 1:
        return FitFile(from_flat(values))
    target = obj["target"]
    if not isinstance(target, str):
        raise ParamsError(_("target is {value}, expected a target's name",
                            value=shown(target)))
    try:
        if target not in checked:
            targets.check(target)
    except ParamsError as error:
        raise ParamsError(_("target: {problem}", problem=error)) from None
    try:
        history = provenance.from_list(obj["provenance"])
    except ValueError as error:
        raise ParamsError(_("provenance: {problem}", problem=error)) from None
    sealed = obj["seal"] == provenance.seal(values, target, history)
    return FitFile(from_flat(values), target, history, sealed)


def _same_keys(obj: dict, keys: set, pair: int | None = None) -> None:
    """ParamsError unless `obj` (the file's object, or pair number `pair`'s) has `keys`."""
    if missing := keys - obj.keys():
        names = ", ".join(sorted(missing))
        raise ParamsError(_("the file lacks {names}", names=names) if pair is None
                          else _("pair {pair} lacks {names}", pair=pair, names=names))
    if extra := obj.keys() - keys:
        names = ", ".join(shorten(repr(key)[1:-1]) for key in sorted(map(str, extra))[:5])
        if len(extra) > 5:
            names = _("{names} and {n:,} more", names=names, n=len(extra) - 5)
        raise ParamsError(_("the file has unknown keys: {names}", names=names) if pair is None
                          else _("pair {pair} has unknown keys: {names}", pair=pair,
                                 names=names))


def dumps(params: Params, target: str = targets.DEFAULT,
          history: tuple[provenance.Event, ...] = ()) -> str:
    """A fit -> JSON text, version 2 (floats as repr: loads(dumps(p)) == p exactly).
    What dumps writes, loads reads: the text goes through the reader's own checks, so a
    fit loads would refuse (b_out=12.5, outside its slider's range; NaN; an unknown
    target; over MAX_FILE_BYTES) raises the ParamsError loads would, and nothing is written."""
    text = json.dumps(to_dict(params, target, history), indent=1)
    read(text)  # one check for both directions
    return text


def head(name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most `limit` + 1 bytes of the file `name`: one more than any file we read, so
    a bigger one is still refused by its size, and /dev/zero or a huge file ends at once.
    OSError as open's."""
    with open(name, "rb") as file:
        return file.read(limit + 1)


def loads(text: str | bytes) -> Params:
    """JSON text -> Params (see read for the target and provenance)."""
    return read(text).params


def read(text: str | bytes, checked: tuple[str, ...] = ()) -> FitFile:
    """JSON text -> Params; ParamsError (never anything else) for invalid JSON or any
    check in from_dict. Numbers are read as Decimal first, so a message quotes the value
    as written (1e999, an integer of 400 digits) and float() sees no digit limit."""
    if len(text) > MAX_FILE_BYTES:
        # (`head` reads one byte past the limit: the true size is not known here)
        raise ParamsError(_("the file is too big: a fit file is at most {size} KB",
                            size=MAX_FILE_BYTES // 1024))
    try:
        obj = json.loads(text, parse_float=_decimal, parse_int=_integer)
    except ParamsError:
        raise
    except RecursionError:
        raise ParamsError(_("not valid JSON (nested too deeply)")) from None
    except (UnicodeDecodeError, ValueError) as error:
        raise ParamsError(_("not valid JSON: {problem}; {expected}",
                            problem=sniff.not_json(text, error), expected=expected())) from None
    return read_dict(obj, checked)


def _decimal(text: str) -> Decimal:
    # Decimal refuses an exponent beyond 10**18 (1e1000000000000000000) with an
    # ArithmeticError, which is no float either.
    try:
        return Decimal(text)
    except ArithmeticError:
        raise ParamsError(_("the number {value} is far beyond any float",
                            value=shorten(text, 40))) from None


def _integer(digits: str) -> int | Decimal:
    # int() refuses over 4300 digits (a ValueError that would read as "not valid JSON");
    # an integer that long is no float anyway, and Decimal keeps it for the message.
    return int(digits) if len(digits) <= 20 else Decimal(digits)
