"""The live class board's rules: join codes, tokens, display names, aliases, limits and
the grade rule. No database here (see nnsine.classboard.board)."""

from __future__ import annotations

import hashlib
import json
import math
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields

from nnsine.engine.metrics import GOALS, Score
from nnsine.formats.checks import in_range, whole
from nnsine.i18n import N_, _

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a projector
CODE_LENGTH = 6  # 32**6 ≈ 10**9 codes; guessing is rate-limited (Limits below)
# Stored and exported in English (the CSVs' alias column); shown translated (shown_alias).
ALIASES = (N_("Otter"), N_("Heron"), N_("Lynx"), N_("Badger"), N_("Falcon"), N_("Koala"),
           N_("Panda"), N_("Walrus"), N_("Gecko"), N_("Bison"), N_("Puffin"), N_("Marten"),
           N_("Ibis"), N_("Tapir"), N_("Quokka"), N_("Raven"), N_("Salmon"), N_("Wombat"),
           N_("Yak"), N_("Zebra"), N_("Beaver"), N_("Crane"), N_("Dingo"), N_("Egret"),
           N_("Ferret"), N_("Gibbon"), N_("Hare"), N_("Jackal"), N_("Kiwi"), N_("Lemur"),
           N_("Moose"), N_("Newt"), N_("Ocelot"), N_("Pelican"), N_("Robin"), N_("Seal"),
           N_("Toucan"), N_("Viper"), N_("Weasel"), N_("Wren"))


class BoardError(ValueError):
    """A request the board refuses; the message is for the user and names the value."""


def new_code() -> str:
    """A fresh join code: CODE_LENGTH characters of CODE_ALPHABET, from `secrets`."""
    return "".join(secrets.choice(CODE_ALPHABET) for __ in range(CODE_LENGTH))


def normal_code(text: str) -> str:
    """What a student typed -> a code to look up (case, spaces and dashes ignored)."""
    return "".join(ch for ch in str(text).upper() if ch not in " -\t")[:32]


def new_token() -> str:
    """A secret token (256 bits from `secrets`), URL-safe, never starting with "-" (a
    command line would read such a token as an option: `class export --teacher-token`)."""
    while (token := secrets.token_urlsafe(32)).startswith("-"):
        pass
    return token


def token_hash(token: str) -> str:
    """What the database keeps of a token (sha256 hex): a leaked database opens no board."""
    return hashlib.sha256(str(token).encode()).hexdigest()


# Letters and symbols that draw nothing (Hangul fillers, the braille blank): a name made
# of them, or of combining marks alone, would be an empty row on the board.
BLANKS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def display_name(text: str, max_chars: int) -> str:
    """A student's name, checked: NFC, trimmed, 1..max_chars characters, no control
    characters. BoardError names the problem. Shown only as plain text, never markup."""
    name = " ".join(unicodedata.normalize("NFC", str(text)).split())
    if not name:
        raise BoardError(_("Display name is empty: type the name the teacher should see"))
    if len(name) > max_chars:
        raise BoardError(_("Display name is {length} characters; at most {max_chars}",
                            length=len(name), max_chars=max_chars))
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") for ch in name):
        raise BoardError(_("Display name contains invisible or control characters"))
    if not any(ch not in BLANKS and unicodedata.category(ch)[0] in "LNPS" for ch in name):
        raise BoardError(_("Display name shows nothing: type letters or digits"))
    return name


def alias(n: int) -> str:
    """The stable alias of a class's n-th student (1-based, in joining order)."""
    animal = ALIASES[(n - 1) % len(ALIASES)]
    lap = (n - 1) // len(ALIASES)
    return animal if lap == 0 else f"{animal} {lap + 1}"


def shown_alias(text: str) -> str:
    """An alias as the board shows it, its animal in the session's language ("Otter 2"
    -> "Nutria 2" in Spanish); anything that is not an alias is returned as it is."""
    animal, __, lap = text.rpartition(" ")
    if animal in ALIASES and lap.isdigit():
        return f"{_(animal)} {lap}"
    return _(text) if text in ALIASES else text


MAX_SETTING = 1e6  # any limit or duration beyond this is a typo, not a setting


@dataclass(frozen=True)
class Limits:
    """Server-wide limits; `from_env` reads NNSINE_<FIELD> (e.g. NNSINE_CLASS_HOURS)."""
    class_hours: float = 12.0  # a class (and its data) is deleted this long after start
    max_classes: int = 50  # classes open at once on this server
    classes_per_address: int = 5  # started per window: nobody fills the server alone
    name_chars: int = 64
    students_per_class: int = 200
    handins_per_minute: int = 6  # per student
    wrong_codes_per_session: int = 8  # per window
    # A school's NAT is one address: 40 students who each mistype a code a few times
    # must not lock the class out; 200 guesses in 10 min find one of 50 classes among
    # 32**6 codes with a chance of 1 in 100,000.
    wrong_codes_per_address: int = 200  # per window; then only sessions already open
    # New seats per window: a reload or a second tab comes back with its seat link and
    # costs none; one script cannot fill a class (students_per_class) from one address,
    # while two classes of 40 behind one school NAT still fit.
    joins_per_session: int = 3
    joins_per_address: int = 120
    window_seconds: float = 600.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Limits:
        """Limits with any NNSINE_<FIELD> variable applied, each through the one number
        check (ASCII digits, finite, in range); ParamsError (a ValueError) names a bad one."""
        values = {}
        for f in fields(cls):
            name = f"NNSINE_{f.name.upper()}"
            if name in environ:
                values[f.name] = (
                    in_range(environ[name], 1e-3, MAX_SETTING, name, text=True, comma=False)
                    if f.type == "float" else whole(environ[name], 1, int(MAX_SETTING), name))
        return cls(**values)


@dataclass(frozen=True)
class GradeRule:
    """Points for a hand-in: `handed_in` for any, `goals[i]` once max |error| <=
    metrics.GOALS[i]; a student gets the highest they reach. Set by the teacher."""
    handed_in: float = 4.0
    goals: tuple[float, ...] = (7.0, 10.0)

    def __post_init__(self):
        if len(self.goals) != len(GOALS):
            raise BoardError(_("the grade rule needs points for {goals} goals", goals=len(GOALS)))
        for value in (self.handed_in, *self.goals):
            if not (isinstance(value, (int, float)) and math.isfinite(value)
                    and 0 <= value <= 1000):
                raise BoardError(_("points must be 0 to 1000, not {value}", value=repr(value)))

    @property
    def max_points(self) -> float:
        return max(self.handed_in, *self.goals)

    def points(self, score: Score | None) -> float:
        """Points for a hand-in's score (None: not handed in, 0 points)."""
        if score is None:
            return 0.0
        reached = [p for p, goal in zip(self.goals, GOALS, strict=True)
                   if score.max_error <= goal]
        return max([self.handed_in, *reached])

    def describe(self) -> list[str]:
        """The rule in words, one line a level."""
        return [_("handed in: {points:g} points", points=self.handed_in)] + [
            _("max |error| ≤ {goal:.2f}: {points:g} points", goal=goal, points=p)
            for goal, p in zip(GOALS, self.goals, strict=True)]

    def dumps(self) -> str:
        return json.dumps({"handed_in": self.handed_in, "goals": list(self.goals)})

    @classmethod
    def loads(cls, text: str) -> GradeRule:
        obj = json.loads(text)
        return cls(float(obj["handed_in"]), tuple(float(p) for p in obj["goals"]))


def goals_reached(score: Score) -> int:
    """How many of metrics.GOALS a score reaches."""
    return sum(score.max_error <= goal for goal in GOALS)
