"""The book's pair network: x -> n ReLU -> n ReLU (neuron i feeds only neuron i) -> linear sum."""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from nnsine.engine.activations import linear, relu

PAIR_NAMES = ("w1", "b1", "w2", "b2", "w_out")
BOUNDS = (-10.0, 10.0)  # every parameter's range: the sliders' (formats.params), the trainer's


@dataclass(frozen=True)
class Params:
    """41 numbers for 8 pairs: per pair (layer-1 weight, bias; layer-2 weight, bias;
    output weight), each an (n_pairs,) array, plus the output bias."""

    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    w_out: np.ndarray
    b_out: float

    def __post_init__(self):
        for name in PAIR_NAMES:
            array = np.array(getattr(self, name), dtype=np.float64).reshape(-1)
            array.flags.writeable = False  # frozen means frozen all the way down
            object.__setattr__(self, name, array)
        object.__setattr__(self, "b_out", float(self.b_out))
        if len({getattr(self, name).shape for name in PAIR_NAMES}) != 1:
            raise ValueError("every per-pair array must have one value per pair")

    @property
    def n_pairs(self) -> int:
        """How many pairs the network has."""
        return self.w1.shape[0]

    def pair(self, i: int) -> dict[str, float]:
        """Pair i's five numbers by name (i counts from 0)."""
        return {name: float(getattr(self, name)[i]) for name in PAIR_NAMES}

    def replace(self, i: int | None = None, **values) -> Params:
        """A copy with pair i's named values (or b_out) changed."""
        new = {f.name: getattr(self, f.name) for f in fields(self)}
        for name, value in values.items():
            if name == "b_out":
                new[name] = value
            else:
                new[name] = new[name].copy()
                new[name][i] = value
        return Params(**new)

    def __eq__(self, other):
        return isinstance(other, Params) and all(
            np.array_equal(getattr(self, f.name), getattr(other, f.name)) for f in fields(self)
        )

    __hash__ = None


@dataclass(frozen=True)
class Trace:
    """Every value of one forward pass: inputs (n, 1); hidden1, hidden2,
    contributions (n, n_pairs); output (n,)."""

    inputs: np.ndarray
    hidden1: np.ndarray
    hidden2: np.ndarray
    contributions: np.ndarray
    output: np.ndarray


def parameter_names(n_pairs: int) -> list[str]:
    """The 5 * n_pairs + 1 parameters' names in flat order, as the URL and the CLI key them:
    p1_w1, p1_b1, p1_w2, p1_b2, p1_w_out, p2_w1, ..., then b_out (pairs count from 1)."""
    return [f"p{i + 1}_{name}" for i in range(n_pairs) for name in PAIR_NAMES] + ["b_out"]


def to_vector(params: Params) -> np.ndarray:
    """Params -> (5 * n_pairs + 1,) float64 in parameter_names order (a new array)."""
    per_pair = np.stack([getattr(params, name) for name in PAIR_NAMES], axis=1)
    return np.append(per_pair.reshape(-1), params.b_out)


def from_vector(values) -> Params:
    """(5 * n_pairs + 1,) numbers in parameter_names order -> Params (not validated)."""
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    per_pair = values[:-1].reshape(-1, len(PAIR_NAMES))
    return Params(**{name: per_pair[:, k] for k, name in enumerate(PAIR_NAMES)},
                  b_out=values[-1])


def forward(params: Params, inputs: np.ndarray, activation=relu) -> Trace:
    """Forward pass: inputs (n,) or (n, 1) -> Trace with output (n,)."""
    inputs = np.asarray(inputs, dtype=np.float64).reshape(-1, 1)
    hidden1 = activation(inputs * params.w1 + params.b1)
    hidden2 = activation(hidden1 * params.w2 + params.b2)
    contributions = hidden2 * params.w_out
    # Summed pair by pair, in order, rather than `hidden2 @ w_out`: BLAS may
    # reorder or fuse the sum, and the browser's copy of this pass
    # (issue: live tuner) must give the same bits.
    output = np.full(inputs.shape[0], params.b_out)
    for column in contributions.T:
        output = output + column
    return Trace(inputs, hidden1, hidden2, contributions, output)


def predict(params: Params, inputs: np.ndarray) -> np.ndarray:
    """The network's output only: inputs (n,) or (n, 1) -> (n,)."""
    return forward(params, inputs).output


def linear_collapse(params: Params) -> tuple[float, float]:
    """With linear hidden layers the whole net is one line: (slope, intercept)."""
    slope = float(np.sum(params.w1 * params.w2 * params.w_out))
    intercept = float(np.sum((params.b1 * params.w2 + params.b2) * params.w_out) + params.b_out)
    return slope, intercept


# --- the same network as the book's dense layers ---------------------------


def to_dense(params: Params) -> list[tuple[np.ndarray, np.ndarray]]:
    """Three (weights, biases) layers shaped (inputs, outputs) and (1, outputs);
    layer 2's weights are the diagonal (n_pairs, n_pairs) matrix."""
    n = params.n_pairs
    return [
        (params.w1.reshape(1, n).copy(), params.b1.reshape(1, n).copy()),
        (np.diag(params.w2), params.b2.reshape(1, n).copy()),
        (params.w_out.reshape(n, 1).copy(), np.array([[params.b_out]])),
    ]


def from_dense(layers: list[tuple[np.ndarray, np.ndarray]]) -> Params:
    """Inverse of to_dense; raises ValueError if layer 2 is not diagonal."""
    (weights1, biases1), (weights2, biases2), (weights3, biases3) = layers
    if np.count_nonzero(weights2 - np.diag(np.diag(weights2))):
        raise ValueError("layer 2 is densely connected: not a pair network")
    return Params(
        w1=weights1[0], b1=biases1[0], w2=np.diag(weights2), b2=biases2[0],
        w_out=weights3[:, 0], b_out=float(biases3[0, 0]),
    )


def dense_forward(layers: list[tuple[np.ndarray, np.ndarray]], inputs: np.ndarray,
                  activation=relu) -> np.ndarray:
    """The book's Layer_Dense chain: inputs (n, 1) -> output (n, 1); last layer linear."""
    return dense_layer_outputs(layers, inputs, activation)[-1]


def dense_layer_outputs(layers: list[tuple[np.ndarray, np.ndarray]], inputs: np.ndarray,
                        activation=relu) -> list[np.ndarray]:
    """The same chain, every layer's output kept: inputs (n,) or (n, 1) -> one (n, width)
    array per layer, hidden layers through `activation`, the last linear."""
    output, outputs = np.asarray(inputs, dtype=np.float64).reshape(-1, 1), []
    for k, (weights, biases) in enumerate(layers):
        output = np.dot(output, weights) + biases
        output = activation(output) if k < len(layers) - 1 else linear(output)
        outputs.append(output)
    return outputs
