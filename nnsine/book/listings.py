"""The printed output of Chapter 4's listings In[1]..In[15] (sections 4.9 and 4.10),
computed here in our own words and printed the way the book's `print` shows it.

The book runs In[4] and In[14] in one process right after `nnfs.init()`, and In[15]
in a fresh one; each `book_generator()` below stands for such a fresh process.
"""

from __future__ import annotations

import numpy as np

from nnsine.engine import spiral
from nnsine.engine.activations import softmax
from nnsine.i18n import _

RELU_INPUTS = [0, 2, -1, 3.3, -2.7, 1.1, 2.2, -100]
LAYER_OUTPUTS = [4.8, 1.21, 2.385]
E = 2.71828182846  # the book's constant, deliberately not math.e
OVERFLOW_NOTE = "  # NumPy warns: RuntimeWarning: overflow encountered in exp"


def relu_if_else() -> list[str]:
    """In[1]: ReLU by if/else over the book inputs; the printed list."""
    output = [value if value > 0 else 0 for value in RELU_INPUTS]
    return [str(output)]


def relu_max() -> list[str]:
    """In[2]: ReLU as max(0, i); the printed list."""
    return [str([max(0, value) for value in RELU_INPUTS])]


def prints_nothing() -> list[str]:
    """In[3] and In[8] define classes and print nothing."""
    return []


def exponentiate_by_hand() -> list[str]:
    """In[5]: E ** output with the book's E; the printed lines."""
    return ["Exponentiated values:", str([E**output for output in LAYER_OUTPUTS])]


def normalize_by_hand() -> list[str]:
    """In[6]: each exponentiated value over their sum, and the sum."""
    exp_values = [E**output for output in LAYER_OUTPUTS]
    norm_base = sum(exp_values)
    norm_values = [value / norm_base for value in exp_values]
    return ["Normalized exponentiated values:", str(norm_values),
            f"Sum of normalized values: {sum(norm_values)}"]


def normalize_with_numpy() -> list[str]:
    """In[7]: the same with np.exp and np.sum."""
    exp_values = np.exp(LAYER_OUTPUTS)
    norm_values = exp_values / np.sum(exp_values)
    return ["Exponentiated values:", str(exp_values),
            "Normalized exponentiated values:", str(norm_values),
            f"Sum of normalized values: {np.sum(norm_values)}"]


def exp_growth() -> list[str]:
    """In[9]: np.exp of 1, 10, 100 and 1000 (inf, warning noted, not raised)."""
    lines = []
    for power in (1, 10, 100, 1000):
        # The book shows NumPy's warning; we say it in words, never emit it.
        with np.errstate(over="ignore"):
            value = np.exp(power)
        lines.append(f"{value}{OVERFLOW_NOTE if np.isinf(value) else ''}")
    return lines


def exp_limits() -> list[str]:
    """In[10]: np.exp(-np.inf) and np.exp(0)."""
    return [f"{np.exp(-np.inf)} {np.exp(0)}"]


def softmax_of(batch: list[list[float]]):
    """In[11]-In[13]: the book's softmax of a (1, 3) batch, as printed."""
    return lambda: [str(softmax(np.array(batch)))]


def relu_on_spiral(rng: np.random.RandomState) -> list[str]:
    """In[4]: the first five ReLU rows of dense 2->3 on the seeded spiral."""
    relu_output = spiral.relu_layer(rng)[1]
    return [str(relu_output[:5])]


def softmax_on_spiral(rng: np.random.RandomState) -> list[str]:
    """In[14]: the first five softmax rows, continuing In[4]'s generator."""
    return [str(spiral.chapter_pass(rng).probabilities[:5])]


def listings() -> list[tuple[int, str, list[str]]]:
    """(number, what it does, the text of each print() it makes) for In[1]..In[15], in order;
    what it does in the current language (nnsine.i18n), the printed text as printed."""
    run = spiral.book_generator()  # the process of In[4] and In[14]
    return [
        (number, title, make())
        for number, title, make in [
            (1, _("ReLU with if/else"), relu_if_else),
            (2, _("ReLU with {code}", code="max(0, i)"), relu_max),
            (3, _("the {name} class", name="Activation_ReLU"), prints_nothing),
            (4, _("spiral data, dense 2->3, ReLU (seeded as by {code})", code="nnfs.init()"),
             lambda: relu_on_spiral(run)),
            (5, _("exponentiate {values} with E = {e}", values="[4.8, 1.21, 2.385]",
                  e="2.71828182846"), exponentiate_by_hand),
            (6, _("normalize the exponentiated values"), normalize_by_hand),
            (7, _("the same with NumPy"), normalize_with_numpy),
            (8, _("the {name} class", name="Activation_Softmax"), prints_nothing),
            (9, _("{code} of 1, 10, 100, 1000", code="np.exp"), exp_growth),
            (10, "np.exp(-np.inf), np.exp(0)", exp_limits),  # code only: the same everywhere
            (11, _("softmax of {batch}", batch="[[1, 2, 3]]"), softmax_of([[1, 2, 3]])),
            (12, _("softmax of {batch}", batch="[[-2, -1, 0]]"), softmax_of([[-2, -1, 0]])),
            (13, _("softmax of {batch}", batch="[[0.5, 1, 1.5]]"),
             softmax_of([[0.5, 1, 1.5]])),
            (14, _("spiral, dense, ReLU, dense, softmax (continues In[4]'s generator)"),
             lambda: softmax_on_spiral(run)),
            (15, _("the whole chapter in a fresh {code} process", code="nnfs.init()"),
             lambda: softmax_on_spiral(spiral.book_generator())),
        ]
    ]


def printed(numbers) -> list[tuple[int, str, list[str], list[str]]]:
    """(number, what it does, the lines it prints, the warnings NumPy gives) for the
    listings `numbers`: the printed lines exactly as the book shows them (a warning is
    not part of a line), for the pages that show them beside their code."""
    wanted = set(numbers)
    found = []
    for number, title, lines in listings():
        if number in wanted:
            warned = [line for line in lines if line.endswith(OVERFLOW_NOTE)]
            found.append((number, title, [line.removesuffix(OVERFLOW_NOTE) for line in lines],
                          [OVERFLOW_NOTE.removeprefix("  # NumPy warns: ")] * len(warned)))
    return found


def text() -> str:
    """Every listing's output under a header line `In[k]: what it does` (the CLI's, which
    runs in English)."""
    blocks = []
    for number, title, lines in listings():
        body = lines or ["(defines a class; prints nothing)"]
        blocks.append("\n".join([f"In[{number}]: {title}", *body]))
    return "\n\n".join(blocks)


def print_all() -> None:
    """Print text() to stdout (`python -m nnsine listings`)."""
    print(text())
