"""The fit file: JSON for saving, sharing and grading a fit, read back exactly.

    {"format": "nnsine-pairs", "version": 1,
     "pairs": [{"w1": ..., "b1": ..., "w2": ..., "b2": ..., "w_out": ...}, ...], "b_out": ...}
"""

from __future__ import annotations

import json

from nnsine.network import PAIR_NAMES, Params
from nnsine.params import MAX_PAIRS, OUTPUT_FIELD, PAIR_FIELDS, ParamsError, check, from_flat

FORMAT, VERSION = "nnsine-pairs", 1
MAX_FILE_BYTES = 64 * 1024  # a 16-pair fit is about 2 KB


def to_dict(params: Params) -> dict:
    """Params -> the JSON file's object."""
    return {"format": FORMAT, "version": VERSION,
            "pairs": [params.pair(i) for i in range(params.n_pairs)], "b_out": params.b_out}


def from_dict(obj) -> Params:
    """The JSON file's object -> Params; ParamsError names the first problem."""
    if not isinstance(obj, dict):
        raise ParamsError("the file is not a JSON object")
    if obj.get("format") != FORMAT:
        raise ParamsError(f"format is {obj.get('format')!r}, expected {FORMAT!r}")
    if obj.get("version") != VERSION or isinstance(obj.get("version"), bool):
        raise ParamsError(f"version is {obj.get('version')!r}, expected {VERSION}")
    _same_keys(obj, {"format", "version", "pairs", "b_out"}, "the file")
    pairs = obj["pairs"]
    if not isinstance(pairs, list) or not 1 <= len(pairs) <= MAX_PAIRS:
        raise ParamsError(f"pairs must be a list of 1 to {MAX_PAIRS} pairs")
    values = []
    for i, pair in enumerate(pairs):
        where = f"pair {i + 1}"
        if not isinstance(pair, dict):
            raise ParamsError(f"{where} is not an object")
        _same_keys(pair, set(PAIR_NAMES), where)
        values += [check(f, pair[f.name], f"{where} {f.name}") for f in PAIR_FIELDS]
    values.append(check(OUTPUT_FIELD, obj["b_out"], "b_out"))
    return from_flat(values)


def _same_keys(obj: dict, expected: set, where: str) -> None:
    if missing := expected - obj.keys():
        raise ParamsError(f"{where} lacks {', '.join(sorted(missing))}")
    if extra := obj.keys() - expected:
        raise ParamsError(f"{where} has unknown keys: {', '.join(sorted(map(str, extra)))}")


def dumps(params: Params) -> str:
    """Params -> JSON text (floats as repr: loads(dumps(p)) == p exactly)."""
    return json.dumps(to_dict(params), indent=1)


def loads(text: str | bytes) -> Params:
    """JSON text -> Params; ParamsError for invalid JSON or any check in from_dict."""
    if len(text) > MAX_FILE_BYTES:
        raise ParamsError(f"the file is {len(text):,} bytes; a fit is at most a few KB")
    try:
        obj = json.loads(text)
    except (UnicodeDecodeError, ValueError) as error:
        raise ParamsError(f"not valid JSON ({error})") from None
    return from_dict(obj)
