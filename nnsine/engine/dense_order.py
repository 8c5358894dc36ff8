"""The dense 1 -> n -> n -> 1 network (the book's "enable all of the weights", Fig. 4-32)
forward and backward in a fixed order, no BLAS: the browser's copy
(nnsine/frontend/dense.js) gives the same bits, so Play in the browser is the engine's.

engine.dense.Batch computes the same numbers with BLAS, faster, for long runs; its sums
run in BLAS's own order, so the two differ in the last bits. The vector is
engine.dense.Dense's: per layer the weights (inputs, outputs) then the biases, row-major.
Every sum over the samples runs left to right (np.cumsum), as in engine.gradient.
"""

from __future__ import annotations

import numpy as np

from nnsine.engine import dense

HIDDEN = ("relu", "linear")  # hidden activations whose derivative this module knows


def _layers(vector: np.ndarray, width: int):
    sizes = (1, width, width, 1)
    (w1, b1), (w2, b2), (w3, b3) = dense.Dense(vector, sizes).layers
    return w1[0], b1[0], w2, b2[0], w3[:, 0], b3[0, 0]


def _width(vector: np.ndarray) -> int:
    """n from the vector's length n^2 + 4n + 1 (ValueError if it is no such length)."""
    size = np.size(vector)
    width = int(round(np.sqrt(size + 3) - 2))
    if width < 1 or width * width + 4 * width + 1 != size:
        raise ValueError(f"a 1 -> n -> n -> 1 network has n^2 + 4n + 1 parameters, not {size}")
    return width


def _forward(vector, inputs, relu: bool):
    """Every value of the pass: z1, h1, z2, h2 (samples, n) and the output (samples,)."""
    w1, b1, w2, b2, w3, b3 = _layers(vector, _width(vector))
    x = np.asarray(inputs, dtype=np.float64).reshape(-1, 1)
    z1 = x * w1 + b1
    h1 = np.maximum(z1, 0.0) if relu else z1
    z2 = np.broadcast_to(b2, z1.shape).copy()
    for i in range(w1.shape[0]):  # layer-1 neuron i into every layer-2 neuron, in order
        z2 = z2 + h1[:, i:i + 1] * w2[i]
    h2 = np.maximum(z2, 0.0) if relu else z2
    output = np.full(x.shape[0], b3)
    for j in range(w3.shape[0]):
        output = output + h2[:, j] * w3[j]
    return x, h1, h2, output


def _check(activation: str) -> bool:
    if activation not in HIDDEN:
        raise ValueError(f"the gradient knows {', '.join(HIDDEN)}, not {activation!r}")
    return activation == "relu"


def forward(network: dense.Dense, inputs: np.ndarray, activation: str = "relu") -> np.ndarray:
    """The network's output (samples,) for inputs (samples,), in the browser's order."""
    return _forward(network.vector, inputs, _check(activation))[-1]


def _total(values: np.ndarray) -> np.ndarray:
    return np.cumsum(values, axis=0)[-1]  # left to right over the samples


def loss_and_gradient(vector: np.ndarray, inputs: np.ndarray, target: np.ndarray,
                      activation: str = "relu") -> tuple[float, np.ndarray]:
    """MSE of the network `vector` (n^2 + 4n + 1,) on inputs (samples,) against target
    (samples,), and ∂MSE/∂parameter shaped like the vector. ReLU'(0) = 0 (the book's)."""
    relu = _check(activation)
    x, h1, h2, output = _forward(vector, inputs, relu)
    _, _, w2, _, w3, _ = _layers(vector, h1.shape[1])
    error = output - np.asarray(target, dtype=np.float64).reshape(-1)
    n = error.shape[0]
    doutput = ((2.0 / n) * error)[:, None]
    dz2 = np.where(h2 > 0, doutput * w3, 0.0) if relu else doutput * w3
    dh1 = np.full(h1.shape, -0.0)  # -0.0: the sum's identity, as in the browser
    for j in range(w3.shape[0]):  # back from every layer-2 neuron, in order
        dh1 = dh1 + dz2[:, j:j + 1] * w2[:, j]
    dz1 = np.where(h1 > 0, dh1, 0.0) if relu else dh1
    grad = np.concatenate([
        _total(dz1 * x), _total(dz1),
        _total(h1[:, :, None] * dz2[:, None, :]).reshape(-1), _total(dz2),
        _total(doutput * h2), _total(doutput),
    ])
    return float(_total(error * error)) / n, grad


class Batch:
    """One batch for the trainer (engine.training.train with exact=True): the dense
    network's MSE and gradient in the browser's order, as dense.Batch's are in BLAS's."""

    def __init__(self, inputs: np.ndarray, target: np.ndarray, activation: str = "relu"):
        _check(activation)
        self.inputs, self.target, self.activation = inputs, target, activation

    def loss_and_gradient(self, vector: np.ndarray) -> tuple[float, np.ndarray]:
        """MSE and its gradient (n_params,)."""
        return loss_and_gradient(vector, self.inputs, self.target, self.activation)
