"""The book's dense 1 -> 8 -> 8 -> 1 network as one flat parameter vector, with backprop.

Each layer is stored as its weights (inputs, outputs) followed by its biases (outputs,),
row after row, so the same numbers read as one (inputs + 1, outputs) matrix whose last row
is the biases. Append a column of ones to a layer's inputs and `inputs @ matrix` is
`inputs @ weights + biases`: one BLAS call forward, and `inputs.T @ dvalues` gives the
weight and bias gradients together, already in the vector's order.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from nnsine.engine.network import Params, from_dense, to_dense

Layers = list[tuple[np.ndarray, np.ndarray]]
SIZES = (1, 8, 8, 1)
HIDDEN = ("relu", "linear")  # hidden-layer activations backprop knows the derivative of


@dataclass(frozen=True)
class Dense:
    """Flat parameters (n_params,) of a network with layer widths `sizes` (inputs first)."""

    vector: np.ndarray
    sizes: tuple[int, ...] = SIZES

    @property
    def matrices(self) -> list[np.ndarray]:
        """Per layer, weights over biases as one (inputs + 1, outputs) view of the vector."""
        return _matrices(self.vector, self.sizes)

    @property
    def layers(self) -> Layers:
        """Per layer (weights (inputs, outputs), biases (1, outputs)), views of the vector."""
        return [(matrix[:-1], matrix[-1:]) for matrix in self.matrices]


def _matrices(vector: np.ndarray, sizes: tuple[int, ...]) -> list[np.ndarray]:
    matrices, start = [], 0
    for n_inputs, n_outputs in pairwise(sizes):
        end = start + (n_inputs + 1) * n_outputs
        matrices.append(vector[start:end].reshape(n_inputs + 1, n_outputs))
        start = end
    return matrices


def from_layers(layers: Layers) -> Dense:
    """[(weights, biases), ...] -> Dense (copied into one float64 vector)."""
    sizes = (layers[0][0].shape[0], *(weights.shape[1] for weights, _ in layers))
    parts = [np.ravel(part) for layer in layers for part in layer]
    return Dense(np.concatenate(parts).astype(np.float64), sizes)


def from_params(params: Params) -> Dense:
    """The pair network as a dense one (layer 2's weights diagonal)."""
    return from_layers(to_dense(params))


def to_params(dense: Dense) -> Params:
    """Back to the pair network; ValueError if layer 2 has off-diagonal weights."""
    return from_dense([(weights.copy(), biases.copy()) for weights, biases in dense.layers])


def pair_part(dense: Dense) -> Params:
    """The pair network inside a dense one: layer 2's diagonal kept, its cross weights dropped."""
    layers = [(weights.copy(), biases.copy()) for weights, biases in dense.layers]
    layers[1] = (np.diag(np.diag(layers[1][0])), layers[1][1])
    return from_dense(layers)


def initial(rng: np.random.Generator, sizes: tuple[int, ...] = SIZES,
            scale: float = 0.1) -> Dense:
    """The book's Layer_Dense start: weights scale * randn (inputs, outputs), biases zero."""
    return from_layers([(scale * rng.standard_normal((n_in, n_out)), np.zeros((1, n_out)))
                        for n_in, n_out in pairwise(sizes)])


def pair_mask(sizes: tuple[int, ...] = SIZES) -> np.ndarray:
    """1.0 for the pair network's parameters, 0.0 for layer 2's cross weights: (n_params,)."""
    mask = np.ones(sum((n_in + 1) * n_out for n_in, n_out in pairwise(sizes)))
    weights2 = _matrices(mask, sizes)[1][:-1]
    weights2[...] = np.eye(*weights2.shape)
    return mask


class Batch:
    """One batch, inputs (n,) or (n, 1) and target (n,), with the buffers backprop reuses
    step after step: each layer's inputs with their column of ones."""

    def __init__(self, inputs: np.ndarray, target: np.ndarray, sizes: tuple[int, ...] = SIZES,
                 activation: str = "relu"):
        if activation not in HIDDEN:
            raise ValueError(f"backprop knows {', '.join(HIDDEN)}, not {activation!r}")
        inputs = np.asarray(inputs, dtype=np.float64).reshape(-1, sizes[0])
        self.target = np.asarray(target, dtype=np.float64).reshape(-1)
        self.sizes, self.relu = sizes, activation == "relu"
        self.inputs = [np.ones((inputs.shape[0], width + 1)) for width in sizes[:-1]]
        self.inputs[0][:, :-1] = inputs

    def output(self, vector: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
        """The network's output (n,) and each layer's weighted sums (n, outputs)."""
        sums = []
        for k, matrix in enumerate(_matrices(vector, self.sizes)):
            sums.append(self.inputs[k] @ matrix)
            if k + 1 < len(self.inputs):  # a hidden layer: its output is the next one's input
                hidden = self.inputs[k + 1][:, :-1]
                if self.relu:
                    np.maximum(sums[-1], 0.0, out=hidden)
                else:
                    hidden[...] = sums[-1]
        return sums[-1][:, 0], sums

    def loss(self, vector: np.ndarray) -> float:
        """MSE over the batch (forward pass only)."""
        error = self.output(vector)[0] - self.target
        return float(error @ error) / error.shape[0]

    def loss_and_gradient(self, vector: np.ndarray) -> tuple[float, np.ndarray]:
        """MSE over the batch and its gradient (n_params,), by backpropagation."""
        output, sums = self.output(vector)
        error = output - self.target
        dvalues = (2.0 / error.shape[0]) * error[:, None]  # d(mean of error^2) / d(output)
        gradient = np.empty_like(vector)
        matrices, gradients = _matrices(vector, self.sizes), _matrices(gradient, self.sizes)
        for k in reversed(range(len(matrices))):
            np.matmul(self.inputs[k].T, dvalues, out=gradients[k])
            if k:
                dvalues = dvalues @ matrices[k][:-1].T
                if self.relu:
                    dvalues *= sums[k - 1] > 0  # the book's ReLU: no gradient where z <= 0
        return float(error @ error) / error.shape[0], gradient


def forward(dense: Dense, inputs: np.ndarray, activation: str = "relu") -> np.ndarray:
    """Output (n,) for inputs (n,) or (n, 1); hidden layers use `activation`, the last is linear."""
    batch = Batch(inputs, np.zeros(np.size(inputs) // dense.sizes[0]), dense.sizes, activation)
    return batch.output(dense.vector)[0].copy()


def loss_and_gradient(dense: Dense, inputs: np.ndarray, target: np.ndarray,
                      activation: str = "relu") -> tuple[float, np.ndarray]:
    """MSE of the output against target (n,) and its gradient, shaped like dense.vector."""
    return Batch(inputs, target, dense.sizes, activation).loss_and_gradient(dense.vector)


@dataclass(frozen=True)
class Collapse:
    """A linear-hidden-layer network multiplied out: slope and intercept, the line over the
    inputs and the network's own output there (n,), and their largest difference."""

    slope: float
    intercept: float
    line: np.ndarray
    output: np.ndarray
    difference: float


def linear_collapse(dense: Dense, inputs: np.ndarray) -> Collapse:
    """With linear hidden layers the layers multiply out into one line:
    slope = W1 W2 W3, intercept = (b1 W2 + b2) W3 + b3."""
    weights, biases = np.eye(1), np.zeros((1, 1))
    for layer_weights, layer_biases in dense.layers:
        weights, biases = weights @ layer_weights, biases @ layer_weights + layer_biases
    inputs = np.asarray(inputs, dtype=np.float64).reshape(-1)
    line = weights[0, 0] * inputs + biases[0, 0]
    output = forward(dense, inputs, "linear")
    return Collapse(float(weights[0, 0]), float(biases[0, 0]), line, output,
                    float(np.max(np.abs(line - output))))
