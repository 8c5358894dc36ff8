"""Chapter 4's activation functions, batched: rows are samples, columns neurons; and THE
table of their facts (label, the book's figure, formula, caption, where each is used) that
the activation page, the figure map and the facts module all read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnsine.i18n import N_


def step(inputs: np.ndarray) -> np.ndarray:
    """Step: 1 where inputs > 0, else 0; any shape in, same shape out."""
    return np.where(np.asarray(inputs) > 0, 1.0, 0.0)


def linear(inputs: np.ndarray) -> np.ndarray:
    """Linear (identity): any shape in, same shape out (float64)."""
    return np.asarray(inputs, dtype=np.float64)


def sigmoid(inputs: np.ndarray) -> np.ndarray:
    """Sigmoid 1 / (1 + e^-x): any shape in, same shape out, no overflow warning."""
    inputs = np.asarray(inputs, dtype=np.float64)
    # exp of a large positive number overflows; exp(-|x|) never does.
    z = np.exp(-np.abs(inputs))
    return np.where(inputs >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def relu(inputs: np.ndarray) -> np.ndarray:
    """ReLU max(0, x): any shape in, same shape out."""
    return np.maximum(inputs, 0.0)


def softmax(inputs: np.ndarray) -> np.ndarray:
    """Row-wise softmax: (n, classes) or (classes,) in, same shape out, rows sum to 1.

    Infinite logits have the limits' answer, without a warning: a row with +inf shares its
    confidence equally among its +inf entries; a row of -inf alone is uniform (equal
    logits, however low). NaN in a row gives NaN in that row. Raises ValueError for a
    row with no classes (NumPy's: a maximum of nothing)."""
    inputs = np.asarray(inputs, dtype=np.float64)
    top = np.max(inputs, axis=-1, keepdims=True)
    # Subtracting the row max leaves the result unchanged (shift invariance)
    # and keeps every exponent <= 0, so logits of +-1000 cannot overflow.
    # An infinite max cannot be subtracted (inf - inf is NaN): there the limit is
    # 1 for the entries equal to the max and 0 for the others.
    infinite = np.isinf(top)
    with np.errstate(over="ignore"):  # 1e308 - (-1e308) is -inf: exp gives 0, rightly
        shifted = np.where(infinite, np.where(inputs == top, 0.0, -np.inf),
                           inputs - np.where(infinite, 0.0, top))
    exp_values = np.exp(shifted)
    return exp_values / np.sum(exp_values, axis=-1, keepdims=True)


def softmax_naive(inputs: np.ndarray) -> np.ndarray:
    """Softmax without the max shift, to show overflow: same shapes as softmax; may be inf/nan."""
    inputs = np.asarray(inputs, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        exp_values = np.exp(inputs)
        return exp_values / np.sum(exp_values, axis=-1, keepdims=True)


@dataclass(frozen=True)
class Activation:
    """One of the chapter's activation functions and what the app says of it: its key (in
    URLs, files and code), its label, the function, the book's figure (sections 4.1-4.4),
    its formula (LaTeX), the figure's caption in our words, and where it is used."""

    name: str
    label: str
    function: Callable[[np.ndarray], np.ndarray]
    figure: str
    formula: str
    caption: str
    use: str


# To add an activation: one row here (and, for hidden layers of the tuner's network, its
# derivative in nnsine.engine.dense). Label, caption and use are English, marked for the
# catalogs (N_): a page shows them through `_()`, in the learner's language.
TABLE = (
    Activation(
        "step", N_("Step"), step, "4-1", "\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}",
        N_("The step function: 0, then 1 once the input is above 0."),
        N_("Where it is used: hardly anywhere now; it was the first hidden-layer "
           "activation. The book calls it not very informative: its output does not keep "
           "all the information about its input (an input of 3 gives the same output as "
           "3000).")),
    Activation(
        "linear", N_("Linear"), linear, "4-2", "x",
        N_("The linear function: the output is the input."),
        N_("Where it is used: the output layer of a regression, such as our sine "
           "network's output neuron, which must be able to give any number. In hidden "
           "layers it is useless: the whole network collapses into one straight line (see"
           " *Why nonlinear*).")),
    Activation(
        "sigmoid", N_("Sigmoid"), sigmoid, "4-3", "1 / (1 + e^{-x})",
        N_("The sigmoid: a smooth S from 0 to 1."),
        N_("Where it is used: hidden layers, historically, until ReLU replaced it; the "
           "book uses it later in output layers. It is more granular than the step: its "
           "output changes smoothly with the input and keeps the information about it, "
           "which works better for neural networks.")),
    Activation(
        "relu", N_("ReLU"), relu, "4-4", "\\max(0, x)",
        N_("ReLU: 0 for negative inputs, the input itself above 0."),
        N_("Where it is used: the hidden layers of most networks today, including the "
           "pairs on the sine tuner, mainly for speed and efficiency (a comparison, no "
           "exponential). It is very close to linear (y = x for positive inputs) and "
           "nonlinear only because of the bend at 0, and that bend is enough to fit "
           "curves (section 4.7).")),
)
ACTIVATIONS = {a.name: a.function for a in TABLE}
