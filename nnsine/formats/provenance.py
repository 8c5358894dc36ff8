"""How a fit was made: the list of what happened to it (hand-tuned on the sliders, a preset
or walkthrough step loaded, the optimizer's steps, a file uploaded), kept with the fit and
sealed so that a file edited by hand says so.

Honest, not a security boundary: the seal's key ships with nnsine, so anyone who reads
this file can forge one. It stops accidents (a number changed in a text editor, a
provenance pasted from another file), not a determined student.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from nnsine.i18n import N_, _, ngettext

# What can happen to a fit; the shortcuts are the ones an exercise can hide.
KINDS = ("sliders", "preset", "walkthrough", "optimizer", "upload", "link", "import")
SHORTCUTS = {"preset": "presets", "walkthrough": "walkthrough", "optimizer": "optimizer"}
MAX_EVENTS = 50  # the oldest are folded into one "earlier" count beyond this
_KEY = b"nnsine provenance v1"  # public on purpose: see the module docstring
# How describe() names each kind of event, with its detail and without (the file keeps
# the kind's English name; the detail is what was recorded, as it was recorded).
EVENT_WORDS = {
    "preset": (N_("preset {detail}"), N_("preset")),
    "walkthrough": (N_("walkthrough {detail}"), N_("walkthrough")),
    "optimizer": (N_("optimizer {detail}"), N_("optimizer")),
    "upload": (N_("upload {detail}"), N_("upload")),
    "link": (N_("link {detail}"), N_("link")),
    "import": (N_("import {detail}"), N_("import")),
}

# The details the app records are English, as the file keeps them (its seal covers
# them); describe() says the ones it knows in the reader's language, the rest as recorded
# (file names, preset names).
WIRINGS = {"pairs": N_("pairs wiring"), "dense": N_("dense wiring")}
_STEP = re.compile(r"step (\d+)")
_TRAINED = re.compile(r"(\d+) steps?, (pairs|dense) wiring")
_STEPPED = re.compile(r"(\d+) steps?, (\w+)")
EDITED = " (edited outside nnsine)"


@dataclass(frozen=True)
class Event:
    """One thing that happened to the fit: `kind` in KINDS, `detail` a short text
    (a preset's name, "37", "2000 steps, pairwise"), `count` for repeated slider edits."""

    kind: str
    detail: str = ""
    count: int = 1


def record(events: tuple[Event, ...], kind: str, detail: str = "") -> tuple[Event, ...]:
    """events with one more: slider edits in a row are counted, not listed one by one;
    raises ValueError for an unknown kind."""
    if kind not in KINDS:
        raise ValueError(f"unknown provenance kind {kind!r}")
    if kind == "preset" and detail == "zeros" and not events:
        return events  # starting from zeros is starting from scratch
    if events and events[-1].kind == kind == "sliders":
        last = events[-1]
        return (*events[:-1], Event(kind, last.detail, last.count + 1))
    events = (*events, Event(kind, str(detail)[:80]))
    return events[-MAX_EVENTS:]


def shortcuts(events: tuple[Event, ...]) -> set[str]:
    """Which exercise shortcuts ("presets", "walkthrough", "optimizer") the fit used;
    loading zeros is not a shortcut."""
    used = {SHORTCUTS[e.kind] for e in events if e.kind in SHORTCUTS}
    if all(e.detail == "zeros" for e in events if e.kind == "preset"):
        used.discard("presets")
    return used


def describe(events: tuple[Event, ...]) -> str:
    """One line a teacher reads, in the current language: "hand-tuned (41 slider edits)",
    "preset hand-tuned, then 3 slider edits", "optimizer (2000 steps, pairwise)"; "" for
    none."""
    if len(events) == 1 and events[0].kind == "sliders":
        return ngettext("hand-tuned ({n} slider edit)", "hand-tuned ({n} slider edits)",
                        events[0].count)
    text = ""
    for e in events:
        if e.kind == "sliders":
            part = ngettext("{n} slider edit", "{n} slider edits", e.count)
        else:
            with_detail, alone = EVENT_WORDS[e.kind]
            part = _(with_detail, detail=_detail(e.detail)) if e.detail else _(alone)
        text = _("{earlier}, then {later}", earlier=text, later=part) if text else part
    return text


def _detail(detail: str) -> str:
    """A recorded detail in the current language when it is one the app writes."""
    if match := _STEP.fullmatch(detail):
        return _("step {step}", step=int(match[1]))
    if match := _TRAINED.fullmatch(detail):
        return ngettext("{n} step, {wiring}", "{n} steps, {wiring}", int(match[1]),
                        wiring=_(WIRINGS[match[2]]))
    if match := _STEPPED.fullmatch(detail):  # an optimizer's name: SGD, Adam
        return ngettext("{n} step, {optimizer}", "{n} steps, {optimizer}", int(match[1]),
                        optimizer=match[2])
    if detail == "steps in the browser":
        return _("steps in the browser")
    if detail.endswith(EDITED):
        return _("{file} (edited outside nnsine)", file=detail.removesuffix(EDITED))
    return detail


def to_list(events: tuple[Event, ...]) -> list[dict]:
    """events -> JSON-ready dicts."""
    return [{"kind": e.kind, "detail": e.detail, "count": e.count} for e in events]


def from_list(items) -> tuple[Event, ...]:
    """JSON dicts -> events; ValueError names the first item that is not one."""
    if not isinstance(items, list) or len(items) > MAX_EVENTS:
        raise ValueError(_("provenance must be a list of at most {most} events",
                           most=MAX_EVENTS))
    events = []
    for k, item in enumerate(items, 1):
        ok = (isinstance(item, dict) and set(item) == {"kind", "detail", "count"}
              and item["kind"] in KINDS and isinstance(item["detail"], str)
              and len(item["detail"]) <= 80 and type(item["count"]) is int
              and 1 <= item["count"] <= 10**9)
        if not ok:
            raise ValueError(_("provenance event {index} is not a valid event: {value}",
                               index=k, value=str(item)[:80]))
        events.append(Event(item["kind"], item["detail"], item["count"]))
    return tuple(events)


def seal(values: list[float], target: str, events: tuple[Event, ...]) -> str:
    """A 16-hex-digit digest of the fit's values, target and provenance (see the module
    docstring for what it is worth)."""
    text = json.dumps([[repr(float(v)) for v in values], target, to_list(events)])
    return hashlib.blake2b(text.encode(), key=_KEY, digest_size=8).hexdigest()
