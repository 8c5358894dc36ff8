"""Backprop and Adam (nnsine.engine.dense, nnsine.engine.training) against independent
oracles: central finite differences of the book-style forward pass, and the book's
Optimizer_Adam written out per layer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import dense, rounding, targets, training
from nnsine.engine.activations import ACTIVATIONS
from nnsine.engine.metrics import score
from nnsine.engine.network import dense_forward, forward, predict
from nnsine.engine.neuron import activation_point, pair
from nnsine.formats import fitfile, params

ROOT = Path(__file__).resolve().parents[1]
PAIRWISE_TARGET, PAIRWISE_BUDGET = 1.5e-4, 600  # the target; ~250 steps needed


def mse(layers, inputs, target, activation) -> float:
    """The oracle's loss: the engine's book-style Layer_Dense chain, np.dot and all."""
    output = dense_forward(layers, inputs, ACTIVATIONS[activation])[:, 0]
    return float(np.mean((output - target) ** 2))


def finite_differences(network: dense.Dense, inputs, target, activation, h=1e-6):
    gradient = np.empty_like(network.vector)
    for k in range(network.vector.size):
        plus, minus = network.vector.copy(), network.vector.copy()
        plus[k] += h
        minus[k] -= h
        gradient[k] = (mse(dense.Dense(plus).layers, inputs, target, activation)
                       - mse(dense.Dense(minus).layers, inputs, target, activation)) / (2 * h)
    return gradient


@pytest.mark.parametrize("activation", ["relu", "linear"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_gradient_matches_finite_differences(activation, seed):
    rng = np.random.default_rng(seed)
    network = dense.initial(rng, scale=1.0)
    network.vector[:] += rng.normal(0, 0.5, network.vector.size)  # biases too
    inputs, target = rng.uniform(-1, 1, 40), rng.normal(size=40)
    # A ReLU kink within h of a sample would make the finite difference meaningless.
    sums, layer_inputs = [], inputs.reshape(-1, 1)
    for weights, biases in network.layers[:-1]:
        sums.append(layer_inputs @ weights + biases)
        layer_inputs = np.maximum(sums[-1], 0) if activation == "relu" else sums[-1]
    assert min(np.min(np.abs(s)) for s in sums) > 1e-4
    loss, gradient = dense.loss_and_gradient(network, inputs, target, activation)
    assert loss == pytest.approx(mse(network.layers, inputs, target, activation), rel=1e-12)
    expected = finite_differences(network, inputs, target, activation)
    assert gradient.shape == (97,)
    np.testing.assert_allclose(gradient, expected, rtol=1e-5, atol=1e-8)


def test_the_vector_and_the_layers_are_the_pair_network():
    fit = presets.preset("hand-tuned")
    network = dense.from_params(fit)
    x, y = targets.sample()
    assert dense.to_params(network) == fit
    np.testing.assert_allclose(dense.forward(network, x), predict(fit, x), atol=1e-14)
    mask = dense.Dense(dense.pair_mask())
    assert np.array_equal(mask.layers[1][0], np.eye(8))
    assert mask.vector.sum() == 97 - 56  # every parameter but layer 2's cross weights


def book_adam(layers, gradients, state, settings: training.Adam):
    """The book's Optimizer_Adam.update_params for every layer, then post_update_params."""
    iterations = state.setdefault("iterations", 0)
    rate = settings.learning_rate * (1.0 / (1.0 + settings.decay * iterations))
    updated = []
    for k, ((weights, biases), (dweights, dbiases)) in enumerate(zip(layers, gradients,
                                                                     strict=True)):
        new = []
        for name, value, grad in (("w", weights, dweights), ("b", biases, dbiases)):
            momentum = state.get(f"m{name}{k}", np.zeros_like(value))
            cache = state.get(f"c{name}{k}", np.zeros_like(value))
            momentum = settings.beta_1 * momentum + (1 - settings.beta_1) * grad
            cache = settings.beta_2 * cache + (1 - settings.beta_2) * grad**2
            state[f"m{name}{k}"], state[f"c{name}{k}"] = momentum, cache
            corrected = momentum / (1 - settings.beta_1 ** (iterations + 1))
            cache_corrected = cache / (1 - settings.beta_2 ** (iterations + 1))
            new.append(value - rate * corrected / (np.sqrt(cache_corrected) + settings.epsilon))
        updated.append(tuple(new))
    state["iterations"] = iterations + 1
    return updated


def test_adam_matches_the_books_optimizer_step_by_step():
    settings = training.Adam(learning_rate=0.02, decay=1e-2)
    start = dense.initial(np.random.default_rng(3))
    x, y = targets.sample()
    layers, state = [(w.copy(), b.copy()) for w, b in start.layers], {}
    for steps in range(1, 26):
        _, gradient = dense.loss_and_gradient(dense.from_layers(layers), x, y)
        layers = book_adam(layers, dense.Dense(gradient).layers, state, settings)
        if steps in (1, 5, 25):
            run = training.train(start, x, y, steps, optimizer=settings, bounds=None)
            # The book puts epsilon beside sqrt(v_hat); folding the bias correction into
            # scalars moves it by a factor sqrt(1 - beta_2^t): a 1e-7-sized difference.
            np.testing.assert_allclose(run.network.vector, dense.from_layers(layers).vector,
                                       rtol=0, atol=1e-9)


def test_pairwise_training_reaches_the_target_within_the_budget():
    fit = presets.preset("hand-tuned")
    start = training.starting_point(fit, np.random.default_rng(0))
    run = training.sine_run(start, PAIRWISE_BUDGET, pairwise=True)
    assert run.losses[0] == pytest.approx(score(fit).mse, rel=1e-12)
    assert run.best_loss <= PAIRWISE_TARGET
    trained = dense.to_params(run.best)  # still a pair network: layer 2 stayed diagonal
    assert score(trained).mse == pytest.approx(run.best_loss, rel=1e-9)


def test_training_can_stop_at_a_target():
    start = dense.from_params(presets.preset("hand-tuned"))
    run = training.sine_run(start, PAIRWISE_BUDGET, pairwise=True, until=PAIRWISE_TARGET)
    assert run.losses[-1] <= PAIRWISE_TARGET < run.losses[-2]
    assert run.moments.steps == len(run.losses) - 1 < PAIRWISE_BUDGET
    assert run.best_loss == run.losses[-1]


def test_unlocked_training_moves_the_cross_weights():
    start = dense.from_params(presets.preset("hand-tuned"))
    run = training.sine_run(start, 200)
    weights2 = run.network.layers[1][0]
    assert np.count_nonzero(weights2 - np.diag(np.diag(weights2))) > 0
    with pytest.raises(ValueError, match="densely connected"):
        dense.to_params(run.network)


def test_resuming_is_the_same_as_one_run_and_best_is_the_minimum():
    start = dense.from_params(presets.preset("hand-tuned"))
    whole = training.sine_run(start, 900, pairwise=True)
    pieces = training.sine_run(start, 300, pairwise=True)
    for _ in range(2):
        pieces = training.sine_run(pieces, 300, pairwise=True)
    assert np.array_equal(whole.network.vector, pieces.network.vector)
    assert np.array_equal(whole.losses, pieces.losses) and whole.losses.shape == (901,)
    assert whole.best_step == pieces.best_step
    assert whole.best_loss == whole.losses.min() <= whole.losses[0]
    assert dense.loss_and_gradient(whole.best, *targets.sample())[0] == whole.best_loss


def test_parameters_stay_inside_the_sliders_range():
    start = dense.from_params(presets.preset("hand-tuned"))
    start.vector[:] = np.clip(start.vector * 3, -9.99, 9.99)
    run = training.sine_run(start, 100, optimizer=training.Adam(learning_rate=0.5))
    assert np.all(np.abs(run.network.vector) <= 10.0)
    assert np.any(np.abs(run.network.vector) == 10.0)  # it pushed, the clip held


def test_dead_neurons_are_revived_without_changing_the_output():
    # Pair 3's layer-1 neuron is off on [0, 1) (layer 2 still gives its bias); pair 5's
    # layer-2 neuron is off everywhere.
    fit = presets.preset("hand-tuned").replace(2, b1=-10.0).replace(4, b2=-10.0)
    x, _ = targets.sample()
    revived = training.revive(fit, x, np.random.default_rng(0))
    assert revived.pair(2)["w2"] == 0.0 and revived.pair(4)["w_out"] == 0.0
    assert all(revived.pair(i) == fit.pair(i) for i in range(8) if i not in (2, 4))
    assert np.array_equal(predict(revived, x), predict(fit, x))
    trace = forward(revived, x)
    assert np.all(np.any(trace.hidden1 > 0, axis=0)) and np.all(np.any(trace.hidden2 > 0, axis=0))
    zeros = presets.preset("zeros")
    run = training.sine_run(training.starting_point(zeros, np.random.default_rng(1)), 500,
                            pairwise=True)
    assert run.best_loss < 0.5 * run.losses[0]  # all dead at 0, yet it learns


def test_same_seed_same_result_and_no_global_random_state():
    before = np.random.get_state()[1].copy()
    runs = [training.sine_run(training.starting_point(presets.preset("zeros"),
                                                      np.random.default_rng(7)), 50)
            for _ in range(2)]
    assert np.array_equal(runs[0].network.vector, runs[1].network.vector)
    assert np.array_equal(np.random.get_state()[1], before)


def test_rounding_onto_the_slider_grid_keeps_what_training_won():
    start = training.starting_point(presets.preset("hand-tuned"), np.random.default_rng(0))
    trained = dense.to_params(training.sine_run(start, 2000, pairwise=True).best)
    on_grid = rounding.to_sliders(trained)
    assert params.snap_all(on_grid) == on_grid != trained
    plain = score(params.snap_all(trained)).mse
    assert score(on_grid).mse <= plain
    assert score(on_grid).mse < score(trained).mse + 0.25 * (plain - score(trained).mse)
    assert np.max(np.abs(np.subtract(params.to_flat(on_grid), params.to_flat(trained)))) < 0.25


def test_linear_network_collapses_into_its_line():
    network = dense.initial(np.random.default_rng(0), scale=1.0)
    x, _ = targets.sample()
    collapse = dense.linear_collapse(network, x)
    assert collapse.difference < 1e-12
    layers = network.layers
    slope = (layers[0][0] @ layers[1][0] @ layers[2][0])[0, 0]
    assert collapse.slope == pytest.approx(slope)
    np.testing.assert_allclose(collapse.output, dense.forward(network, x, "linear"))


def test_the_books_neuron_and_pair_settings():
    assert activation_point(1.0, 0.5) == -0.5 and activation_point(0.0, 0.5) is None
    x = np.linspace(-1, 1, 201)
    view = pair(x, -1.0, 0.5, -2.0, 1.0)  # the book's pair with layer-2 weight -2
    assert (view.area.on, view.area.off) == (0.0, 0.5)
    np.testing.assert_allclose(view.output, np.clip(2 * x, 0, 1), atol=1e-15)
    assert pair(x, -1.0, 0.5, 1.0, 1.0).area.on == -np.inf
    assert pair(x, 0.0, 0.0, 1.0, 0.0).area is None


def nnsine(*args):
    return subprocess.run([sys.executable, "-m", "nnsine", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


@pytest.mark.subprocess
def test_cli_train_finishes_a_saved_fit(tmp_path):
    path = tmp_path / "student.json"
    path.write_text(fitfile.dumps(presets.preset("hand-tuned")))
    result = nnsine("train", str(path), "--steps", "400", "--seed", "3")
    assert result.returncode == 0, result.stderr
    trained = fitfile.loads(result.stdout)  # the same format, inside the table's ranges
    assert json.loads(result.stdout)["format"] == "nnsine-pairs"
    assert params.snap_all(trained) == trained  # loads into the sliders as it is
    assert score(trained).mse <= PAIRWISE_TARGET
    before = score(fitfile.loads(path.read_text())).mse
    assert "step    400/400" in result.stderr and f"MSE {before:.3e} ->" in result.stderr


@pytest.mark.subprocess
def test_cli_train_explains_bad_input(tmp_path):
    (tmp_path / "bad.json").write_text("{broken")
    result = nnsine("train", str(tmp_path / "bad.json"))
    assert result.returncode == 2 and "not valid JSON" in result.stderr and not result.stdout
    good = tmp_path / "good.json"
    good.write_text(fitfile.dumps(presets.preset("zeros")))
    for steps in ("-5", "1000000000"):
        result = nnsine("train", str(good), "--steps", steps)
        assert result.returncode == 2 and "--steps" in result.stderr and not result.stdout
