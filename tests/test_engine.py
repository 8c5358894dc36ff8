"""The engine against independent oracles: the book's dense layers, plain loops, known values."""

import math

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import activations, network, targets
from nnsine.engine.metrics import compare, evaluate, score
from nnsine.formats import params


def random_params(rng, n_pairs=8, scale=10.0):
    values = rng.uniform(-scale, scale, size=5 * n_pairs + 1)
    return params.from_flat(values)


def loop_forward(p, x):
    """Oracle: the pair network one sample and one pair at a time, in plain Python."""
    out = []
    for xi in x:
        y = p.b_out
        for i in range(p.n_pairs):
            h1 = max(0.0, p.w1[i] * xi + p.b1[i])
            h2 = max(0.0, p.w2[i] * h1 + p.b2[i])
            y = y + p.w_out[i] * h2
        out.append(y)
    return np.array(out)


@pytest.mark.parametrize("n_pairs", [1, 8, 16])
def test_pairwise_equals_dense_with_diagonal_matrix(n_pairs):
    rng = np.random.default_rng(n_pairs)
    x = targets.grid()[0]
    for _ in range(20):
        p = random_params(rng, n_pairs)
        dense = network.to_dense(p)
        assert dense[1][0].shape == (n_pairs, n_pairs)
        assert np.count_nonzero(dense[1][0] - np.diag(np.diag(dense[1][0]))) == 0
        np.testing.assert_allclose(network.dense_forward(dense, x)[:, 0],
                                   network.predict(p, x), rtol=1e-12, atol=1e-9)
        assert network.from_dense(dense) == p


def test_from_dense_rejects_a_dense_layer_2():
    layers = network.to_dense(presets.preset("hand-tuned"))
    layers[1] = (layers[1][0] + 0.5, layers[1][1])
    with pytest.raises(ValueError, match="densely connected"):
        network.from_dense(layers)


def test_forward_equals_plain_loops_exactly():
    rng = np.random.default_rng(1)
    x = targets.grid()[0][::37]
    for _ in range(10):
        p = random_params(rng)
        assert np.array_equal(network.predict(p, x), loop_forward(p, x))


def test_forward_accepts_n_and_n_by_1_and_traces_every_neuron():
    p = presets.preset("hand-tuned")
    x = targets.grid()[0]
    flat, column = network.forward(p, x), network.forward(p, x.reshape(-1, 1))
    assert np.array_equal(flat.output, column.output)
    assert flat.inputs.shape == (1000, 1) and flat.output.shape == (1000,)
    for name in ("hidden1", "hidden2", "contributions"):
        assert getattr(flat, name).shape == (1000, 8)
    np.testing.assert_allclose(flat.contributions.sum(axis=1) + p.b_out, flat.output)
    assert np.all(flat.hidden1 >= 0) and np.all(flat.hidden2 >= 0)


def test_linear_collapse_is_the_linear_networks_line():
    rng = np.random.default_rng(2)
    x = np.linspace(-2, 2, 50)
    for _ in range(10):
        p = random_params(rng)
        slope, intercept = network.linear_collapse(p)
        output = network.forward(p, x, activation=activations.linear).output
        np.testing.assert_allclose(output, slope * x + intercept, rtol=1e-9, atol=1e-9)


def test_params_are_immutable():
    p = presets.preset("zeros")
    with pytest.raises(ValueError):
        p.w1[0] = 1.0
    changed = p.replace(2, w1=3.0)
    assert changed.w1[2] == 3.0 and p.w1[2] == 0.0 and changed.replace(b_out=1).b_out == 1.0


def test_activations_match_their_definitions():
    x = np.array([[-3000.0, -3.0, -0.5, 0.0, 0.5, 3.0, 3000.0]])
    assert activations.step(x).tolist() == [[0, 0, 0, 0, 1, 1, 1]]
    assert np.array_equal(activations.linear(x), x)
    assert activations.relu(x).tolist() == [[0, 0, 0, 0, 0.5, 3.0, 3000.0]]
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        sig = activations.sigmoid(x)
    expected = [0.0, *(1 / (1 + math.exp(-v)) for v in (-3, -0.5, 0, 0.5, 3)), 1.0]
    np.testing.assert_allclose(sig[0], expected, rtol=1e-15, atol=0)


def test_softmax_book_values_and_invariants():
    book = activations.softmax(np.array([[4.8, 1.21, 2.385]]))
    np.testing.assert_allclose(book, [[0.89528266, 0.02470831, 0.08000903]], atol=5e-9)
    rng = np.random.default_rng(3)
    logits = rng.normal(0, 5, size=(50, 4))
    probabilities = activations.softmax(logits)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)
    np.testing.assert_allclose(activations.softmax(logits + 123.4), probabilities, atol=1e-12)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        extreme = activations.softmax(np.array([[1000.0, -1000.0, 0.0], [1e308, -1e308, 0]]))
    assert extreme.tolist() == [[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]


def test_metrics_against_hand_computed_values():
    result = compare(np.array([0.0, 1.0, 2.0]), np.array([0.0, 0.0, 0.0]))
    assert (result.mse, result.max_error, result.mean_error) == (5 / 3, 2.0, 1.0)


def test_presets_meet_the_issue_targets():
    zeros = score(presets.preset("zeros"))
    assert zeros.mse == pytest.approx(0.5) and zeros.max_error == pytest.approx(1.0)
    tuned = presets.preset("hand-tuned")
    assert score(tuned).max_error <= 0.10 and score(tuned).mse <= 0.002
    assert params.snap_all(tuned) == tuned  # every value is a slider position
    # 7 pairs shape the wave; the 8th only offsets it (flat over the whole grid).
    trace = evaluate(tuned).trace
    assert np.ptp(trace.contributions[:, 7]) == 0 and np.all(np.ptp(trace.contributions[:, :7],
                                                                     axis=0) > 0)


def test_target_grid_is_the_books_sine_data():
    x, y = targets.sample("sine")
    assert np.array_equal(x, np.arange(1000) / 1000) and np.array_equal(y, np.sin(2 * np.pi * x))
    with pytest.raises(ValueError, match="unknown target"):
        targets.sample("cosine")
