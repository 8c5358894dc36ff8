"""The browser's dense network (nnsine/frontend/dense.js: "enable all of the weights")
gives the bits of nnsine.engine.dense_order in node, forward, gradient and optimizer steps;
dense_order is engine.dense's BLAS backprop to the last bits (1e-12 of the largest)."""

from __future__ import annotations

import json
import shutil
import subprocess

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import dense, dense_order, optimizers, targets, training
from tests.test_gradient_js import FRONTEND, same_bits

DENSE_DRIVER = """
import { denseForward, denseLossAndGradient } from %s;
import { newState, step } from %s;
let text = "";
for await (const chunk of process.stdin) text += chunk;
const { sets, xs, ys, relu, runs } = JSON.parse(text);
const signs = (a) => a.map((v) => Object.is(v, -0));
const gradients = sets.map((v) => {
  const { loss, grad } = denseLossAndGradient(v, xs, ys, relu);
  const y = Array.from(denseForward(v, xs, new Float64Array(xs.length), relu));
  return { loss, grad: Array.from(grad), signs: signs(Array.from(grad)), y };
});
const trained = runs.map(({ start, steps, settings, mask, bounds }) => {
  const vector = Float64Array.from(start);
  const state = newState(vector.length);
  const losses = [];
  for (let s = 0; s < steps; s++) {
    const { loss, grad } = denseLossAndGradient(vector, xs, ys, relu);
    losses.push(loss);
    step(vector, grad, state, settings, mask, bounds);
  }
  return { vector: Array.from(vector), signs: signs(Array.from(vector)), losses };
});
process.stdout.write(JSON.stringify({ gradients, trained }));
"""


def dense_networks():
    rng = np.random.default_rng(9)
    hand = dense.from_params(presets.preset("hand-tuned"))
    mixed = training.sine_run(hand, 30).network  # layer 2 no longer diagonal
    networks = [hand, mixed, dense.from_params(presets.preset("zeros"))]
    networks += [dense.initial(rng, scale=s) for s in (0.1, 1.0, 3.0)]
    networks += [dense.initial(rng, (1, n, n, 1), 1.0) for n in (1, 3, 16)]
    return networks


@pytest.mark.parametrize("target, activation", [("sine", "relu"), ("nielsen", "relu"),
                                                ("sine", "linear")])
@pytest.mark.subprocess
def test_browser_dense_network_is_bit_identical_to_numpy(target, activation):
    x, y = targets.sample(target)
    hand = dense.from_params(presets.preset("hand-tuned"))
    runs = [(hand, 30, optimizers.Adam(learning_rate=0.01), None),  # all the weights
            (hand, 30, optimizers.Adam(learning_rate=0.01), dense.pair_mask()),  # pairwise
            (hand, 20, optimizers.SGD(learning_rate=0.1),
             optimizers.lock_mask(hand, [0, 5], b_out=True))]
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the browser's dense network")
    driver = DENSE_DRIVER % (json.dumps((FRONTEND / "dense.js").as_uri()),
                             json.dumps((FRONTEND / "optimizer.js").as_uri()))
    request = {"sets": [n.vector.tolist() for n in dense_networks()], "xs": x.tolist(),
               "ys": y.tolist(), "relu": activation == "relu",
               "runs": [{"start": start.vector.tolist(), "steps": steps,
                         "settings": optimizers.to_browser(optimizer),
                         "bounds": list(training.BOUNDS),
                         "mask": None if mask is None else mask.tolist()}
                        for start, steps, optimizer, mask in runs]}
    result = json.loads(subprocess.run([node, "--input-type=module", "-e", driver],
                                       check=True, input=json.dumps(request),
                                       capture_output=True, text=True, timeout=300).stdout)
    for network, got in zip(dense_networks(), result["gradients"], strict=True):
        loss, grad = dense_order.loss_and_gradient(network.vector, x, y, activation)
        assert got["loss"] == loss and same_bits(got["grad"], grad, got["signs"])
        assert got["y"] == dense_order.forward(network, x, activation).tolist()
    for (start, steps, optimizer, mask), got in zip(runs, result["trained"], strict=True):
        run = training.train(start, x, y, steps, optimizer=optimizer, mask=mask,
                             activation=activation, exact=True)
        assert same_bits(got["vector"], run.network.vector, got["signs"])
        assert got["losses"] == run.losses[:-1].tolist()


@pytest.mark.parametrize("activation", ["relu", "linear"])
def test_the_fixed_order_dense_pass_is_blas_backprop_to_the_last_bits(activation):
    x, y = targets.sample("triangle")
    for network in dense_networks():
        loss, grad = dense_order.loss_and_gradient(network.vector, x, y, activation)
        expected_loss, expected = dense.loss_and_gradient(network, x, y, activation)
        assert loss == pytest.approx(expected_loss, rel=1e-12)
        # Relative to the largest entry; 1e-15 for sums that cancel to about 0.
        assert np.max(np.abs(grad - expected)) <= 1e-12 * np.max(np.abs(expected)) + 1e-15
        np.testing.assert_allclose(dense_order.forward(network, x, activation),
                                   dense.forward(network, x, activation), rtol=0, atol=1e-12)
