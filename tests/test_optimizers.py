"""Optimizer steps one at a time (nnsine.engine.optimizers through engine.training): the
book's SGD and Adam on the pair network's own numbers, locks kept bit for bit, learning
rates checked, and a step that lowers the MSE of the hand-tuned fit."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import dense, gradient, optimizers, targets, training
from nnsine.engine.network import forward, from_vector, to_vector


def bits(values) -> list[int]:
    """Each float's 64 bits: 0.0 and -0.0 differ, as a lock must not change them."""
    return np.asarray(values, dtype=np.float64).view(np.uint64).tolist()


@pytest.mark.parametrize("rate", [0, 0.0, -0.1, -1e-300, 1e9, 10.000001, math.nan, math.inf,
                                  -math.inf])
def test_a_bad_learning_rate_is_a_value_error_naming_it(rate):
    for make in (optimizers.SGD, optimizers.Adam):
        with pytest.raises(ValueError, match="learning rate must be above 0") as error:
            make(learning_rate=rate)
        assert repr(float(rate)) in str(error.value)


@pytest.mark.parametrize("rate", ["0.1", None, True, [0.1]])
def test_a_learning_rate_that_is_not_a_number_is_named(rate):
    with pytest.raises(ValueError, match="learning rate must be a number, not"):
        optimizers.check_learning_rate(rate)


def test_good_learning_rates_and_a_bad_decay():
    assert optimizers.check_learning_rate(1e-12) == 1e-12
    assert optimizers.check_learning_rate(np.float32(0.5)) == 0.5
    assert optimizers.check_learning_rate(10) == 10.0
    with pytest.raises(ValueError, match="decay must be .* not -1"):
        optimizers.Adam(decay=-1)


def test_one_sgd_step_is_the_books_update_and_lowers_the_mse():
    fit = presets.preset("hand-tuned")
    x, y = targets.sample()
    loss, slopes = gradient.loss_and_gradient(fit, x, y)
    run = training.train(fit, x, y, 1, optimizer=optimizers.SGD(learning_rate=0.1))
    assert np.array_equal(to_vector(run.network), to_vector(fit) - 0.1 * to_vector(slopes))
    assert run.losses[0] == loss and run.moments.steps == 1
    assert gradient.loss_and_gradient(run.network, x, y)[0] < loss
    assert run.losses[1] == gradient.loss_and_gradient(run.network, x, y)[0]


def test_adam_lowers_the_mse_over_a_few_steps_and_steps_add_up():
    fit = presets.preset("hand-tuned")
    x, y = targets.sample()
    adam = optimizers.Adam(learning_rate=0.001)  # 0.005's first step overshoots this fit
    run = training.train(fit, x, y, 5, optimizer=adam)
    assert np.all(run.losses[1:] < run.losses[0])
    one = training.train(fit, x, y, 1, optimizer=adam)  # Step, Step, ... as the UI does
    for _ in range(4):
        one = training.resume(one, x, y, 1, optimizer=adam)
    assert bits(to_vector(one.network)) == bits(to_vector(run.network))
    assert np.array_equal(one.losses, run.losses)


@pytest.mark.parametrize("make", [optimizers.SGD, optimizers.Adam])
def test_a_locked_pair_and_the_output_bias_stay_bit_for_bit(make):
    # -0.0 and a value off the slider grid in the locked pairs: kept exactly, not rounded.
    fit = presets.preset("hand-tuned").replace(0, b2=-0.0).replace(2, w1=3.14159265358979)
    x, y = targets.sample()
    run = training.sine_run(fit, 300, locked=[0, 2], lock_b_out=True,
                            optimizer=make(learning_rate=0.05))
    before, after = to_vector(fit), to_vector(run.network)
    locked = np.r_[0:5, 10:15, 40]
    assert bits(after[locked]) == bits(before[locked])
    assert np.all(after[np.r_[5:10, 15:40]] != before[np.r_[5:10, 15:40]])
    assert run.best_loss < run.losses[0]
    assert bits(to_vector(run.best)[locked]) == bits(before[locked])


def test_a_locked_pair_in_the_dense_network_keeps_its_contribution():
    fit = presets.preset("hand-tuned")
    x, _ = targets.sample()
    start = dense.from_params(fit)
    run = training.sine_run(start, 200, locked=[3], optimizer=optimizers.Adam(0.02))
    (w1, b1), (w2, b2), (w3, b3) = run.network.layers
    assert np.count_nonzero(w2 - np.diag(np.diag(w2))) > 0  # the other pairs mixed
    assert bits(w2[:, 3]) == bits(start.layers[1][0][:, 3]) and b2[0, 3] == fit.b2[3]
    assert (w1[0, 3], b1[0, 3], w3[3, 0]) == (fit.w1[3], fit.b1[3], fit.w_out[3])
    hidden = np.maximum(np.maximum(x[:, None] @ w1 + b1, 0) @ w2 + b2, 0)
    pair4 = forward(fit, x).contributions[:, 3]
    np.testing.assert_array_equal(hidden[:, 3] * w3[3, 0], pair4)


def test_lock_mask_names_a_pair_that_is_not_there():
    fit = presets.preset("hand-tuned")
    with pytest.raises(ValueError, match="there is no pair 17: the network has pairs 1 to 8"):
        optimizers.lock_mask(fit, [16])
    with pytest.raises(ValueError, match="there is no pair 0"):
        optimizers.lock_mask(dense.from_params(fit), [-1])
    with pytest.raises(ValueError, match="there is no pair '2'"):
        optimizers.lock_mask(fit, ["2"])
    mask = optimizers.lock_mask(fit, [1], b_out=True)
    assert mask.tolist() == [1.0] * 5 + [0.0] * 5 + [1.0] * 30 + [0.0]


def test_power_is_close_to_pow_and_exact_for_small_exponents():
    for t in (1, 2, 3, 10, 1000, 123_456):
        assert optimizers.power(0.999, t) == pytest.approx(0.999**t, rel=1e-14)
    assert optimizers.power(0.9, 0) == 1.0 and optimizers.power(0.9, 1) == 0.9


def test_a_fit_of_zeros_does_not_move_and_dead_says_why():
    zeros = presets.preset("zeros")
    x, y = targets.sample()
    run = training.train(zeros, x, y, 10, optimizer=optimizers.SGD())
    assert np.array_equal(to_vector(run.network)[:-1], np.zeros(40))
    assert gradient.dead(zeros, x).pairs == tuple(range(8))
    assert abs(run.network.b_out) < 1e-15  # the sine's mean is 0: nothing to learn there


def test_pair_training_clips_into_the_sliders_range():
    fit = from_vector(np.clip(to_vector(presets.preset("hand-tuned")) * 3, -9.99, 9.99))
    run = training.sine_run(fit, 50, optimizer=optimizers.Adam(learning_rate=1.0))
    assert np.all(np.abs(to_vector(run.network)) <= 10.0)
