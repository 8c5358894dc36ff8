"""The book's seeded spiral data and dense layers, bit for bit as after `nnfs.init()`,
from a local generator: NumPy's global state is never touched.

`nnfs.init()` seeds the global generator with 0 and patches NumPy so that
`np.zeros` and `np.random.randn` return float32 and `np.dot` multiplies in
float64 and returns float32. Each function here makes those casts explicitly,
in the same places, and draws from a `np.random.RandomState` (the legacy
global generator is one too, so seed 0 gives the same stream).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SEED = 0


def book_generator(seed: int = SEED) -> np.random.RandomState:
    """A fresh generator in the state `nnfs.init()` leaves the global one in."""
    return np.random.RandomState(seed)


def randn(rng: np.random.RandomState, *shape: int) -> np.ndarray:
    """`np.random.randn(*shape)` as patched by nnfs: float64 draws cast to float32."""
    return rng.randn(*shape).astype(np.float32)


def dot(inputs: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """`np.dot` as patched by nnfs: (n, k) @ (k, m) in float64, returned as float32."""
    return np.dot(inputs.astype(np.float64), weights.astype(np.float64)).astype(np.float32)


def spiral_data(rng: np.random.RandomState, samples: int = 100, classes: int = 3
                ) -> tuple[np.ndarray, np.ndarray]:
    """nnfs's spiral_data drawing from rng: X (samples*classes, 2) float32, y (...,) uint8."""
    inputs = np.zeros((samples * classes, 2), dtype=np.float32)  # patched np.zeros
    labels = np.zeros(samples * classes, dtype=np.uint8)
    for class_number in range(classes):
        rows = slice(samples * class_number, samples * (class_number + 1))
        radius = np.linspace(0.0, 1, samples)
        # float32 noise * 0.2 stays float32 (NumPy 2 keeps the array's dtype for a
        # Python float); adding the float64 linspace makes the angle float64.
        angle = (np.linspace(class_number * 4, (class_number + 1) * 4, samples)
                 + randn(rng, samples) * 0.2)
        inputs[rows] = np.c_[radius * np.sin(angle * 2.5), radius * np.cos(angle * 2.5)]
        labels[rows] = class_number
    return inputs, labels


@dataclass(frozen=True)
class Dense:
    """One dense layer: weights (n_inputs, n_neurons) and biases (1, n_neurons), float32."""

    weights: np.ndarray
    biases: np.ndarray

    def forward(self, inputs: np.ndarray) -> np.ndarray:
        """(n, n_inputs) -> (n, n_neurons), float32 as in the book."""
        return dot(inputs, self.weights) + self.biases


def dense(rng: np.random.RandomState, n_inputs: int, n_neurons: int) -> Dense:
    """The book's Layer_Dense(n_inputs, n_neurons): 0.01 * randn weights, zero biases."""
    return Dense(0.01 * randn(rng, n_inputs, n_neurons),
                 np.zeros((1, n_neurons), dtype=np.float32))


def relu(inputs: np.ndarray) -> np.ndarray:
    """The book's Activation_ReLU, keeping float32: any shape in, same out."""
    return np.maximum(0, inputs)


def softmax(inputs: np.ndarray) -> np.ndarray:
    """The book's Activation_Softmax, keeping the input dtype: (n, classes) in, same out."""
    exp_values = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))
    return exp_values / np.sum(exp_values, axis=1, keepdims=True)


@dataclass(frozen=True)
class ChapterPass:
    """The chapter's program: X (300, 2), y (300,), then each layer's output (300, 3)."""

    inputs: np.ndarray
    labels: np.ndarray
    dense1: np.ndarray
    relu1: np.ndarray
    dense2: np.ndarray
    probabilities: np.ndarray

    @property
    def confidences(self) -> np.ndarray:
        """Each sample's largest probability (300,)."""
        return np.max(self.probabilities, axis=1)

    @property
    def largest_logit(self) -> float:
        """The largest |output| of dense2: why every probability is about 1/3."""
        return float(np.max(np.abs(self.dense2)))


def relu_layer(rng: np.random.RandomState, samples: int = 100, classes: int = 3
               ) -> tuple[np.ndarray, np.ndarray]:
    """Section 4.9's program (spiral, dense 2->3, ReLU): (dense output, ReLU output)."""
    inputs, _ = spiral_data(rng, samples, classes)
    layer_output = dense(rng, 2, 3).forward(inputs)
    return layer_output, relu(layer_output)


def chapter_pass(rng: np.random.RandomState | None = None, samples: int = 100,
                 classes: int = 3) -> ChapterPass:
    """Spiral, dense 2->3, ReLU, dense 3->classes, softmax; draws in the book's order."""
    rng = book_generator() if rng is None else rng
    inputs, labels = spiral_data(rng, samples, classes)
    dense1, dense2 = dense(rng, 2, 3), dense(rng, 3, classes)
    output1 = dense1.forward(inputs)
    relu1 = relu(output1)
    output2 = dense2.forward(relu1)
    return ChapterPass(inputs, labels, output1, relu1, output2, softmax(output2))
