"""What the network should fit: a name -> function table over the book's sine grid, and
a teacher's own targets (nnsine.engine.target_formula, nnsine.engine.target_points); every target is
named by one string."""

from __future__ import annotations

import numpy as np
from nnfs.datasets import sine_data

from nnsine.engine import target_formula, target_points
from nnsine.engine.target_formula import FORMULA, TargetError
from nnsine.engine.target_points import POINTS
from nnsine.i18n import N_, _, ngettext

DEFAULT = "sine"


def sine(x: np.ndarray) -> np.ndarray:
    """sin(2πx), the book's target: any shape in, same shape out (as every target)."""
    return np.sin(2 * np.pi * x)


def triangle(x: np.ndarray) -> np.ndarray:
    """Triangle wave with the sine's extremes: 0 at x = 0, 1 at 0.25, -1 at 0.75, 0 at 1."""
    return 4 * np.abs((np.asarray(x, dtype=np.float64) - 0.25) % 1 - 0.5) - 1


def absolute(x: np.ndarray) -> np.ndarray:
    """|x - 0.5|: one kink, which a single pair can make exactly."""
    return np.abs(np.asarray(x, dtype=np.float64) - 0.5)


def step(x: np.ndarray) -> np.ndarray:
    """0 for x < 0.5, 1 from 0.5 on: ReLU pairs can only approximate the jump."""
    return np.where(np.asarray(x) >= 0.5, 1.0, 0.0)


def nielsen(x: np.ndarray) -> np.ndarray:
    """0.2 + 0.4x² + 0.3x·sin(15x) + 0.05·cos(50x), Nielsen's visual-proof challenge."""
    x = np.asarray(x, dtype=np.float64)
    return 0.2 + 0.4 * x**2 + 0.3 * x * np.sin(15 * x) + 0.05 * np.cos(50 * x)


TARGETS = {DEFAULT: sine, "triangle": triangle, "abs": absolute, "step": step,
           "nielsen": nielsen}
# Formulas are the same in every language; words are marked for the catalogs (see label).
LABELS = {DEFAULT: "sin(2πx)", "triangle": N_("a triangle wave"), "abs": "|x − 0.5|",
          "step": N_("a step at x = 0.5"),
          "nielsen": "0.2 + 0.4x² + 0.3x·sin(15x) + 0.05·cos(50x)"}


def grid() -> tuple[np.ndarray, np.ndarray]:
    """The book's sine data: x = 0, 0.001, ..., 0.999 and sin(2πx), both (1000,)."""
    # sine_data() draws no random numbers and touches no NumPy global state.
    x, y = sine_data()
    return x[:, 0], y[:, 0]


def check(spec: str) -> str:
    """The target string itself if it names a target (a name in TARGETS, "f:formula" or
    "pts:x,y;..."); raises TargetError (a ParamsError) saying why not."""
    sample(spec)
    return spec


def sample(name: str = DEFAULT) -> tuple[np.ndarray, np.ndarray]:
    """The x values a target is scored on and the target there, both (n,): the book's
    grid (1000,) for a name or a formula, the points' own x for points.
    Raises TargetError (a ParamsError, so also a ValueError) for anything else."""
    if not isinstance(name, str):
        raise TargetError(_("target {target} is not text", target=repr(name)[:60]))
    if name in TARGETS:
        x = grid()[0]
        return x, TARGETS[name](x)
    if name.startswith(FORMULA):
        x = grid()[0]
        return x, target_formula.formula(name[len(FORMULA):], x)
    if name.startswith(POINTS):
        return target_points.parse_points_spec(name)
    raise TargetError(_("unknown target {target}; known: {known}, f:FORMULA or "
                        "pts:x,y;x,y;...", target=repr(name[:60]), known=", ".join(TARGETS)))


def curve(name: str, x: np.ndarray) -> np.ndarray:
    """The target drawn over x (n,) -> (n,): NaN where a formula is undefined and outside
    the span of points (a gap in the line, not an error). Raises TargetError for a
    target `sample` refuses."""
    sample(name)
    if name in TARGETS:
        return TARGETS[name](x)
    if name.startswith(POINTS):
        xs, ys = target_points.parse_points_spec(name)
        return np.interp(x, xs, ys, left=np.nan, right=np.nan)
    return target_formula.formula(name[len(FORMULA):], x, strict=False)


def label(name: str) -> str:
    """What a learner reads for a target, in the current language: "sin(2πx)",
    "0.5*sin(4*pi*x)", "12 points", "a triangle wave"."""
    if name in LABELS:
        return _(LABELS[name])  # a formula is in no catalog: it stays as it is
    if name.startswith(FORMULA):
        return name[len(FORMULA):]
    if name.startswith(POINTS):
        return ngettext("{n} point", "{n} points", name.count(";") + 1)
    return name


def points_target(xs, ys) -> str:
    """Points x (n,), y (n,) -> their target string "pts:..." (TargetError if bad)."""
    return target_points.points_spec(xs, ys)


def points_of(name: str) -> tuple[np.ndarray, np.ndarray] | None:
    """A points target's x (n,) and y (n,); None for a name or a formula."""
    return target_points.parse_points_spec(name) if name.startswith(POINTS) else None
