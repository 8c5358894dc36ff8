"""Exercises a teacher sets: a target, a number of pairs, goals, and which shortcuts to
hide, carried by a link (`?ex=1&ex_target=f:abs(x-0.3)&ex_pairs=2&ex_goals=0.1,0.05
&ex_hide=presets,walkthrough`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from nnsine.engine import targets
from nnsine.formats.checks import split_list, to_float, whole
from nnsine.formats.params import MAX_PAIRS, ParamsError
from nnsine.i18n import _

HIDEABLE = ("presets", "walkthrough", "optimizer", "probe", "gradients")
MAX_GOALS = 4
KEYS = ("ex", "ex_target", "ex_pairs", "ex_goals", "ex_hide")


@dataclass(frozen=True)
class Exercise:
    """What the student gets: target (a target string), n_pairs (1..16), goals (max |error|
    thresholds, hardest last) and the hidden shortcuts (a subset of HIDEABLE)."""

    target: str = targets.DEFAULT
    n_pairs: int = 8
    goals: tuple[float, ...] = (0.10, 0.05)
    hide: frozenset[str] = frozenset()

    def hides(self, shortcut: str) -> bool:
        """Whether the student's page leaves `shortcut` out."""
        return shortcut in self.hide


def to_query(exercise: Exercise) -> dict[str, str]:
    """The exercise as URL parameters (the link the teacher sends)."""
    query = {"ex": "1", "ex_target": exercise.target, "ex_pairs": str(exercise.n_pairs),
             "ex_goals": ",".join(repr(float(g)) for g in exercise.goals)}  # exact
    if exercise.hide:
        query["ex_hide"] = ",".join(h for h in HIDEABLE if h in exercise.hide)
    return query


def from_query(query: Mapping[str, str]) -> tuple[Exercise | None, list[str]]:
    """URL parameters -> (the exercise or None when the link sets none, problems).
    A bad part is named and left at its default; the rest of the exercise holds."""
    if "ex" not in query:
        return None, []
    problems, default = [], Exercise()
    target = query.get("ex_target", default.target)
    try:
        targets.check(target)
    except ParamsError as error:
        problems.append(_("Exercise target ({key}): {problem}", key="ex_target",
                          problem=error))
        target = default.target
    n_pairs = default.n_pairs
    try:  # the one check for whole numbers (int() alone fails past 4,300 digits)
        n_pairs = whole(query.get("ex_pairs", n_pairs), 1, MAX_PAIRS,
                        _("Exercise pairs ({key})", key="ex_pairs"))
    except ParamsError as error:
        problems.append(str(error))
    goals = default.goals
    if "ex_goals" in query:
        try:
            goals = parse_goals(query["ex_goals"], comma=False)  # a link: 0.1,0.05
        except ParamsError as error:
            problems.append(goals_problem(error))
    hide = set()
    for name in filter(None, query.get("ex_hide", "").split(",")):
        if name in HIDEABLE:
            hide.add(name)
        else:
            problems.append(_("Exercise ({key}): {value} is not one of {known}", key="ex_hide",
                              value=repr(name[:20]), known=", ".join(HIDEABLE)))
    return Exercise(target, n_pairs, goals, frozenset(hide)), problems


def goals_problem(error: ParamsError) -> str:
    """What a learner or teacher reads when goals cannot be read (a link's or typed)."""
    return _("Exercise goals ({key}): {problem}", key="ex_goals", problem=error)


def parse_goals(text: str, comma: bool | None = None) -> tuple[float, ...]:
    """"0.1,0.05" -> (0.1, 0.05): 1 to MAX_GOALS max |error| goals in (0, 10], sorted
    easiest first; ParamsError names the bad one. Typed (the teacher's form) or in a link:
    `;` always separates, and in a language with a decimal comma "0,1; 0,05" is
    (0.1, 0.05) (nnsine.formats.checks.split_list and to_float); `comma=False` for a
    link, whose values keep the decimal point in every language."""
    parts = split_list(str(text), comma)
    if not 1 <= len(parts) <= MAX_GOALS:
        raise ParamsError(_("expected 1 to {most} goals, got {n}", most=MAX_GOALS,
                            n=len(parts)))
    goals = []
    for part in parts:
        goal = to_float(part, _("goal"), text=True, comma=comma)  # the one check
        if not 0 < goal <= 10:
            raise ParamsError(_("goal {value} is not a max |error| in (0, 10]",
                                value=repr(part[:20])))
        goals.append(goal)
    return tuple(sorted(set(goals), reverse=True))
