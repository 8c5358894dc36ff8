"""The optimizer tab's settings (issue 25): which optimizer, its learning rate (read as
every typed number is, then checked by the engine), the speed of Play and the locks, as
the widgets of ui/tuner/optimizer_controls.py keep them in the session."""

from __future__ import annotations

import numpy as np

from nnsine.engine import optimizers
from nnsine.engine.network import Params
from nnsine.formats import checks
from nnsine.i18n import N_, _
from ui.state import session
from ui.widgets import markdown_literal

KINDS = {"sgd": N_("Plain gradient descent (chapter 10's SGD)"),
         "adam": N_("Adam (chapter 10)")}
OPTIMIZERS = {"sgd": optimizers.SGD, "adam": optimizers.Adam}
# The tab's starting rates, for single steps from a hand-tuned fit: the engine's SGD
# default, and not the book's Adam rate (0.005 moves every number by 0.005 at the first
# step, which quadruples the hand-tuned fit's MSE): 0.001 lowers it from the first step.
RATES = {"sgd": optimizers.SGD.learning_rate, "adam": 0.001}
KIND, LOCKS, SPEED = "opt_kind", "opt_locks", "opt_speed"  # widget keys
SPEEDS = (1, 2, 5, 20)  # optimizer steps per painted frame
OUTPUT_BIAS = "output bias"


def rate_key(kind: str) -> str:
    """Each optimizer keeps its own learning rate (their good values differ 200-fold)."""
    return f"opt_rate_{kind}"


def settings(n_pairs: int) -> tuple[optimizers.Optimizer | None, np.ndarray, str | None]:
    """The optimizer the widgets describe, the lock mask (5 * n_pairs + 1,) and a message
    naming a bad learning rate (then the optimizer is None)."""
    state = session
    kind = state.get(KIND, "sgd")
    text = state.get(rate_key(kind), repr(RATES[kind]))
    mask = optimizers.lock_mask(_zeros(n_pairs), *locked(n_pairs))
    try:
        rate = optimizers.check_learning_rate(checks.to_float(text, _("learning rate"),
                                                              text=True))
    except (checks.ParamsError, ValueError) as error:
        message = markdown_literal(f"{str(error)[0].upper()}{str(error)[1:]}")  # as typed
        return None, mask, _("{problem}. Step and Play wait for a good learning rate (a "
                             "running Play holds still).", problem=message)
    return OPTIMIZERS[kind](rate), mask, None


def locked(n_pairs: int) -> tuple[tuple[int, ...], bool]:
    """The locked pairs (counted from 0, only those there are) and whether the output
    bias is locked, as the lock widget keeps them."""
    names = session.get(LOCKS, [])
    pairs = (int(name.split()[1]) - 1 for name in names if name.startswith("pair "))
    return tuple(i for i in pairs if i < n_pairs), OUTPUT_BIAS in names


def _zeros(n_pairs: int) -> Params:
    zero = np.zeros(n_pairs)
    return Params(zero, zero, zero, zero, zero, 0.0)


def lock_names(n_pairs: int) -> list[str]:
    """The lock choices' keys (stable in every language): "pair 1" ... "pair N" and the
    output bias."""
    return [f"pair {i + 1}" for i in range(n_pairs)] + [OUTPUT_BIAS]


def lock_label(name: str) -> str:
    """A lock choice as the learner reads it, in their language ("Pair 3", "output bias")."""
    if name == OUTPUT_BIAS:
        return _("output bias")
    return _("Pair {pair}", pair=name.split()[1])
