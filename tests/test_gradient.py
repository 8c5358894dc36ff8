"""∂MSE/∂parameter of the pair network (nnsine.engine.gradient) against independent
oracles: the chain rule written out per sample in plain Python, central differences of
the engine's forward pass away from the ReLU kinks, and the dense network's backprop."""

from __future__ import annotations

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import dense, gradient, targets
from nnsine.engine.activations import ACTIVATIONS
from nnsine.engine.network import Params, forward, from_vector, to_vector
from nnsine.formats import params


def chain_rule(fit: Params, xs, ys, relu: bool) -> list[float]:
    """The oracle: for each sample, each pair's path x -> z1 -> h1 -> z2 -> h2 -> output
    differentiated by hand, scalars only, summed in a different order (sample-major,
    Python floats, then divided by n). ReLU'(z) is 1 for z > 0, else 0 (the book's)."""
    n_pairs, per_pair = fit.n_pairs, [fit.pair(i) for i in range(fit.n_pairs)]
    total = [0.0] * (5 * n_pairs + 1)
    for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
        z1 = [p["w1"] * x + p["b1"] for p in per_pair]
        h1 = [max(z, 0.0) if relu else z for z in z1]
        z2 = [p["w2"] * h + p["b2"] for p, h in zip(per_pair, h1, strict=True)]
        h2 = [max(z, 0.0) if relu else z for z in z2]
        output = fit.b_out + sum(p["w_out"] * h for p, h in zip(per_pair, h2, strict=True))
        de = 2.0 * (output - y)  # d(error^2)/d(output); the mean's 1/n comes last
        for i, p in enumerate(per_pair):
            slope2 = 1.0 if (z2[i] > 0 or not relu) else 0.0
            slope1 = 1.0 if (z1[i] > 0 or not relu) else 0.0
            d_z2 = de * p["w_out"] * slope2
            d_z1 = d_z2 * p["w2"] * slope1
            for k, value in enumerate((d_z1 * x, d_z1, d_z2 * h1[i], d_z2, de * h2[i])):
                total[5 * i + k] += value
        total[-1] += de
    return [value / len(xs) for value in total]


def fits():
    rng = np.random.default_rng(11)
    yield presets.preset("hand-tuned")
    yield from (params.from_flat(np.round(rng.uniform(-10, 10, 41), 2)) for _ in range(4))
    yield from (params.from_flat(rng.uniform(-3, 3, 5 * n + 1)) for n in (1, 3, 16))


@pytest.mark.parametrize("activation", ["relu", "linear"])
def test_the_gradient_is_the_chain_rule_per_sample(activation):
    x, y = targets.sample()
    for fit in fits():
        loss, slopes = gradient.loss_and_gradient(fit, x, y, activation)
        expected = chain_rule(fit, x, y, activation == "relu")
        np.testing.assert_allclose(to_vector(slopes), expected, rtol=1e-9, atol=1e-13)
        output = forward(fit, x, ACTIVATIONS[activation]).output
        assert loss == pytest.approx(np.mean((output - y) ** 2), rel=1e-12)
        assert slopes.n_pairs == fit.n_pairs


def loss_at(vector, x, y, activation):
    output = forward(from_vector(vector), x, ACTIVATIONS[activation]).output
    return float(np.mean((output - y) ** 2))


@pytest.mark.parametrize("activation", ["relu", "linear"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_gradient_matches_central_differences_away_from_the_kinks(activation, seed):
    rng = np.random.default_rng(seed)
    x, y = targets.sample("nielsen" if seed == 2 else "sine")
    vector = rng.uniform(-3, 3, 41)
    fit, h = from_vector(vector), 1e-6
    trace = forward(fit, x, ACTIVATIONS[activation])
    z1 = x[:, None] * fit.w1 + fit.b1
    z2 = trace.hidden1 * fit.w2 + fit.b2
    if activation == "relu":
        # With |w|, |b| <= 3 and x in [0, 1), a nudge of h moves z1 or z2 by under 7h < 1e-5:
        # no sample may cross a kink, and the ReLUs do clip somewhere.
        assert min(np.min(np.abs(z1)), np.min(np.abs(z2))) > 1e-5
        assert np.any(z2 > 0) and np.any(z2 < 0)
    expected = np.empty(41)
    for k in range(41):
        plus, minus = vector.copy(), vector.copy()
        plus[k] += h
        minus[k] -= h
        expected[k] = (loss_at(plus, x, y, activation) - loss_at(minus, x, y, activation)) / (2 * h)
    np.testing.assert_allclose(to_vector(gradient.gradient(fit, x, y, activation)), expected,
                               rtol=1e-5, atol=1e-8)


def test_the_pair_gradient_is_the_dense_backprops_pair_part():
    fit = presets.preset("hand-tuned")
    x, y = targets.sample()
    _, dense_slopes = dense.loss_and_gradient(dense.from_params(fit), x, y)
    (dw1, db1), (dw2, db2), (dw3, db3) = dense.Dense(dense_slopes).layers
    slopes = gradient.gradient(fit, x, y)
    for got, want in ((slopes.w1, dw1[0]), (slopes.b1, db1[0]), (slopes.w2, np.diag(dw2)),
                      (slopes.b2, db2[0]), (slopes.w_out, dw3[:, 0])):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-16)
    assert slopes.b_out == pytest.approx(db3[0, 0], rel=1e-10)


def test_the_relus_derivative_at_zero_is_zero():
    # One pair, one sample where both neurons' inputs are exactly 0: no gradient passes.
    fit = params.from_flat([2.0, -1.0, 1.0, 0.0, 1.0, 0.0])  # z1 = 2x - 1 = 0 at x = 0.5
    slopes = gradient.gradient(fit, np.array([0.5]), np.array([1.0]))
    assert to_vector(slopes).tolist() == [0.0, 0.0, 0.0, 0.0, 0.0, -2.0]
    moved = gradient.gradient(fit, np.array([0.75]), np.array([1.0]))
    assert np.all(to_vector(moved) != 0.0)


def test_a_dead_pair_gets_no_gradient_and_is_named():
    x, y = targets.sample()
    fit = presets.preset("hand-tuned").replace(2, b2=-10.0)  # pair 3's layer 2: off for all x
    fit = fit.replace(5, w1=1.0, b1=-5.0, b2=0.5)  # pair 6's layer 1 off, layer 2 on
    slopes = gradient.gradient(fit, x, y)
    assert slopes.pair(2) == dict.fromkeys(("w1", "b1", "w2", "b2", "w_out"), 0.0)
    assert [slopes.pair(5)[k] for k in ("w1", "b1", "w2")] == [0.0, 0.0, 0.0]
    assert slopes.pair(5)["b2"] != 0.0 and slopes.pair(5)["w_out"] != 0.0
    assert all(any(slopes.pair(i).values()) for i in (0, 1, 3, 4, 6, 7))
    assert gradient.dead(fit, x) == gradient.Dead(pairs=(2,), layer1=(5,))
    assert gradient.dead(fit, x, "linear") == gradient.Dead((), ())


def test_all_zeros_has_every_pair_dead_and_only_the_output_bias_may_move():
    x, y = targets.sample()
    zeros = presets.preset("zeros")
    slopes = gradient.gradient(zeros, x, y)
    assert not np.any(to_vector(slopes)[:-1])
    assert slopes.b_out == pytest.approx(-2 * np.mean(y), abs=1e-15)
    assert gradient.dead(zeros, x).pairs == tuple(range(8))


def test_named_keys_are_the_url_names_in_order():
    x, y = targets.sample()
    slopes = gradient.gradient(presets.preset("hand-tuned"), x, y)
    named = gradient.named(slopes)
    assert list(named) == [slot.key for slot in params.slots(8)]
    assert list(named)[:2] == ["p1_w1", "p1_b1"] and list(named)[-2:] == ["p8_w_out", "b_out"]
    assert list(named.values()) == to_vector(slopes).tolist()


def test_the_batch_is_the_same_gradient_on_the_flat_vector():
    x, y = targets.sample("triangle")
    fit = presets.preset("hand-tuned")
    loss, flat = gradient.PairBatch(x, y).loss_and_gradient(to_vector(fit))
    expected_loss, slopes = gradient.loss_and_gradient(fit, x, y)
    assert loss == expected_loss and np.array_equal(flat, to_vector(slopes))
    with pytest.raises(ValueError, match="not 'sigmoid'"):
        gradient.PairBatch(x, y, "sigmoid")


def test_why_still_names_the_dead_pairs_in_a_learners_words():
    assert gradient.why_still(gradient.Dead((), ())) == []
    one, both = gradient.why_still(gradient.Dead(pairs=(2,), layer1=(0, 5)))
    assert one.startswith("Pair 3 gets no gradient: the layer-2 neuron is 0 for every x")
    assert both.startswith("Pairs 1 and 6 get no gradient for the layer-1 weight")
    x, _ = targets.sample()
    said = gradient.why_still(gradient.dead(presets.preset("zeros"), x))
    assert said[0].startswith("Pairs 1, 2, 3, 4, 5, 6, 7 and 8 get no gradient")


def test_the_sliders_gradient_of_a_dense_network_is_its_pair_part():
    # The dense wiring (layer 2 all weights): the 41 sliders' arrows are the pair part of
    # the dense gradient; with layer 2 diagonal that is the pair network's gradient.
    fit = presets.preset("hand-tuned")
    x, y = targets.sample()
    network = dense.from_params(fit)
    _, slopes = dense.loss_and_gradient(network, x, y)
    on_sliders = dense.pair_part(dense.Dense(slopes, network.sizes))
    np.testing.assert_allclose(to_vector(on_sliders), to_vector(gradient.gradient(fit, x, y)),
                               rtol=1e-10, atol=1e-16)
