"""A fit out to a learner's notebook: the book's program, a NumPy .npz, a PyTorch file.

Every format holds the book's three dense layers (nnsine.engine.network.to_dense): weights
shaped (inputs, outputs), layer 2 the n x n diagonal matrix, biases (1, outputs).
"""

from __future__ import annotations

import io

import numpy as np

from nnsine.engine import targets
from nnsine.engine.network import Params, to_dense
from nnsine.formats import torchfile

ARRAY_NAMES = ("dense1_weights", "dense1_biases", "dense2_weights", "dense2_biases",
               "dense3_weights", "dense3_biases")

# The target as the program computes it from sine_data()'s X (n, 1): the same expression
# as nnsine.engine.targets, so the program's y has the app's bits.
TARGET_CODE = {
    "triangle": "4 * np.abs((X - 0.25) % 1 - 0.5) - 1",
    "abs": "np.abs(X - 0.5)",
    "step": "np.where(X >= 0.5, 1.0, 0.0)",
    "nielsen": "0.2 + 0.4 * X**2 + 0.3 * X * np.sin(15 * X) + 0.05 * np.cos(50 * X)",
}
assert set(TARGET_CODE) | {targets.DEFAULT} == set(targets.TARGETS)


def arrays(fit: Params) -> dict[str, np.ndarray]:
    """The six arrays by name: dense1_weights (1, n), dense1_biases (1, n), dense2_weights
    (n, n) diagonal, dense2_biases (1, n), dense3_weights (n, 1), dense3_biases (1, 1)."""
    layers = to_dense(fit)
    parts = [part for layer in layers for part in layer]
    return dict(zip(ARRAY_NAMES, parts, strict=True))


def _matrix(array: np.ndarray, indent: str) -> str:
    # repr(float) is the shortest text that reads back as the same float64 bits.
    rows = [", ".join(repr(float(v)) for v in row) for row in array]
    if len(rows) == 1:
        return f"np.array([[{rows[0]}]])"
    inner = f",\n{indent}    ".join(f"[{row}]" for row in rows)
    return f"np.array([\n{indent}    {inner},\n{indent}])"


def nnfs_program(fit: Params, target: str = targets.DEFAULT, shown: str = "") -> str:
    """A self-contained Python program in the book's style (Chapter 4's Layer_Dense and
    Activation_ReLU) with the fit's exact values; run as is it prints the MSE and
    max |error| on nnfs.datasets.sine_data()'s grid (1000 points), as the app shows them.
    `shown`: an optional comment line saying what the app showed. A teacher's own target
    (a formula, points) is written out as its values. Raises TargetError (a ValueError)
    for a string that names no target."""
    targets.check(target)
    n, a = fit.n_pairs, arrays(fit)
    if target == targets.DEFAULT:
        y_line = ""
    elif target in TARGET_CODE:
        y_line = (f"# The app's target {targets.LABELS[target]} instead of sine_data()'s y:\n"
                  f"y = {TARGET_CODE[target]}\n")
    else:  # a teacher's formula or points: the values themselves, exactly
        x_values, y_values = targets.sample(target)
        y_line = (f"# The app's target {targets.label(target)[:60]}, its values written out:\n"
                  + ("" if target.startswith("f:") else
                     f"X = {_matrix(x_values.reshape(-1, 1), '')}\n")
                  + f"y = {_matrix(y_values.reshape(-1, 1), '')}\n")
    assignments = "\n".join(
        f"dense{k}.{kind} = {_matrix(a[f'dense{k}_{kind}'], '')}"
        for k in (1, 2, 3) for kind in ("weights", "biases"))
    note = f"# {shown}\n" if shown else ""
    return f'''\
# A network hand-tuned in nnsine ({n} ReLU pairs), in the book's code (Chapter 4).
# Layer 2 is the {n}x{n} diagonal matrix: layer-2 neuron i hears only layer-1 neuron i.
{note}#
# Run as is (float64) it prints the MSE the app shows. If you call nnfs.init() first,
# np.dot computes in float64 but returns float32: every layer's output is rounded to
# about 7 significant digits, so the MSE can differ from the app's in its last digits.
import numpy as np
from nnfs.datasets import sine_data


# Dense layer
class Layer_Dense:
    # Layer initialization
    def __init__(self, n_inputs, n_neurons):
        # Initialize weights and biases
        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)
        self.biases = np.zeros((1, n_neurons))

    # Forward pass
    def forward(self, inputs):
        # Calculate output values from inputs, weights and biases
        self.output = np.dot(inputs, self.weights) + self.biases


# ReLU activation
class Activation_ReLU:
    # Forward pass
    def forward(self, inputs):
        # Calculate output values from inputs
        self.output = np.maximum(0, inputs)


# The book's sine data: X = 0, 0.001, ..., 0.999 and y = sin(2 pi X), both (1000, 1)
X, y = sine_data()
{y_line}
dense1 = Layer_Dense(1, {n})
activation1 = Activation_ReLU()
dense2 = Layer_Dense({n}, {n})
activation2 = Activation_ReLU()
dense3 = Layer_Dense({n}, 1)  # the output neuron: linear, no activation

# The values from nnsine replace the random start (exact: repr of each float64)
{assignments}

dense1.forward(X)
activation1.forward(dense1.output)
dense2.forward(activation1.output)
activation2.forward(dense2.output)
dense3.forward(activation2.output)

error = dense3.output - y
print(f"MSE: {{np.mean(error ** 2):.5f}}  max |error|: {{np.max(np.abs(error)):.4f}}")
'''


def npz_bytes(fit: Params) -> bytes:
    """The six arrays (see `arrays`) as an uncompressed .npz file, float64."""
    buffer = io.BytesIO()
    np.savez(buffer, **arrays(fit))
    return buffer.getvalue()


def torch_state_dict(fit: Params) -> dict[str, np.ndarray]:
    """The fit as nn.Sequential(Linear(1, n), ReLU(), Linear(n, n), ReLU(), Linear(n, 1))'s
    state_dict: weights in PyTorch's (outputs, inputs) layout, biases (outputs,)."""
    a = arrays(fit)
    return {f"{index}.{kind}": (a[f"dense{k}_weights"].T if kind == "weight"
                                else a[f"dense{k}_biases"][0])
            for k, index in ((1, 0), (2, 2), (3, 4)) for kind in ("weight", "bias")}


def torch_bytes(fit: Params) -> bytes:
    """The state_dict as a file torch.load reads (weights_only too), written without torch."""
    return torchfile.dumps(torch_state_dict(fit))


def torch_snippet(n_pairs: int, file_name: str = "nnsine-fit.pt") -> str:
    """Python that loads the torch file into the matching nn.Sequential."""
    return f'''\
import torch
from torch import nn
from nnfs.datasets import sine_data

model = nn.Sequential(nn.Linear(1, {n_pairs}), nn.ReLU(), nn.Linear({n_pairs}, {n_pairs}),
                      nn.ReLU(), nn.Linear({n_pairs}, 1)).double()  # the file is float64
model.load_state_dict(torch.load("{file_name}"))

X, y = sine_data()
with torch.no_grad():
    output = model(torch.from_numpy(X)).numpy()
print(f"MSE: {{((output - y) ** 2).mean():.5f}}")
'''


FILE_NAMES = {"nnfs": "nnsine_fit.py", "numpy": "nnsine-fit.npz", "torch": "nnsine-fit.pt"}


def export(fit: Params, to: str, target: str = targets.DEFAULT) -> bytes:
    """The fit in format `to` (one of FILE_NAMES) as a file's bytes; KeyError otherwise."""
    if to == "nnfs":
        return nnfs_program(fit, target).encode()
    if to == "numpy":
        return npz_bytes(fit)
    if to == "torch":
        return torch_bytes(fit)
    raise KeyError(f"unknown format {to!r}; known: {', '.join(FILE_NAMES)}")
