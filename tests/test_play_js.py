"""Play in the browser as the UI will run it: engine.play.setup's dict straight into
nnsine/frontend/optimizer.js (and dense.js), node steps it, and the result is
training.sine_run's to the bit; the browser's optimizer state comes back as Moments and
Python goes on from where the browser paused."""

from __future__ import annotations

import json
import shutil
import subprocess

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import dense, optimizers, play, targets, training
from nnsine.engine.network import from_vector, to_vector
from tests.test_gradient_js import FRONTEND

DRIVER = """
import { denseLossAndGradient } from %s;
import { newState, step, trainStep } from %s;
let text = "";
for await (const chunk of process.stdin) text += chunk;
const { setup, steps, pause } = JSON.parse(text);
const vector = Float64Array.from(setup.vector);
const state = newState(vector.length);
const losses = [];
let paused = null;
for (let s = 0; s < steps; s++) {
  if (s === pause) {
    paused = { vector: Array.from(vector), momentum: Array.from(state.momentum),
               cache: Array.from(state.cache), steps: state.steps };
  }
  if (setup.dense) {
    const { loss, grad } = denseLossAndGradient(vector, setup.xs, setup.ys, setup.relu);
    losses.push(loss);
    step(vector, grad, state, setup.settings, setup.mask, setup.bounds);
  } else {
    losses.push(trainStep(vector, setup.n_pairs, setup.xs, setup.ys, state, setup.settings,
                          { mask: setup.mask, bounds: setup.bounds, relu: setup.relu }));
  }
}
process.stdout.write(JSON.stringify({ vector: Array.from(vector), losses, paused }));
"""


def run_node(request: dict) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test Play in the browser")
    driver = DRIVER % (json.dumps((FRONTEND / "dense.js").as_uri()),
                       json.dumps((FRONTEND / "optimizer.js").as_uri()))
    result = subprocess.run([node, "--input-type=module", "-e", driver], check=True,
                            input=json.dumps(request), capture_output=True, text=True,
                            timeout=300)
    return json.loads(result.stdout)


HAND = presets.preset("hand-tuned")
CASES = [  # network, options for setup and sine_run
    (HAND, {"optimizer": optimizers.Adam(learning_rate=0.002), "locked": [0]}),
    (HAND, {"optimizer": optimizers.SGD(learning_rate=0.1), "lock_b_out": True,
            "target": "triangle"}),
    (HAND, {"optimizer": optimizers.Adam(learning_rate=0.01), "activation": "linear"}),
    (dense.from_params(HAND), {"optimizer": optimizers.Adam(learning_rate=0.01)}),
    (dense.from_params(HAND), {"optimizer": optimizers.Adam(learning_rate=0.01),
                               "pairwise": True, "locked": [2, 7]}),
]


@pytest.mark.subprocess
@pytest.mark.parametrize("network, options", CASES)
def test_play_in_the_browser_is_sine_run_and_python_resumes_where_it_paused(network,
                                                                             options):
    setup = play.setup(network, **options)
    json.dumps(setup, allow_nan=False)  # plain JSON: the page can send it as it is
    result = run_node({"setup": setup, "steps": 25, "pause": 15})
    run = training.sine_run(network, 25, exact=True, **options)
    vector = run.network.vector if setup["dense"] else to_vector(run.network)
    assert result["vector"] == vector.tolist()
    assert result["losses"] == run.losses[:-1].tolist()
    paused = result["paused"]
    at_pause = (dense.Dense(np.array(paused["vector"]), network.sizes) if setup["dense"]
                else from_vector(paused["vector"]))
    x, y = targets.sample(options.get("target", targets.DEFAULT))
    mask = None if setup["mask"] is None else np.array(setup["mask"])
    rest = training.train(at_pause, x, y, 10, mask=mask, exact=True,
                          moments=play.moments(paused), optimizer=options["optimizer"],
                          activation=options.get("activation", "relu"))
    rest_vector = rest.network.vector if setup["dense"] else to_vector(rest.network)
    assert rest_vector.tolist() == result["vector"]


def test_setup_names_the_pair_network_and_refuses_bad_input():
    setup = play.setup(HAND, locked=[1], lock_b_out=True)
    assert setup["names"][:2] == ["p1_w1", "p1_b1"] and len(setup["vector"]) == 41
    assert setup["mask"][5:10] == [0.0] * 5 and setup["mask"][-1] == 0.0
    assert setup["settings"] == {"kind": "adam", "learning_rate": 0.005, "decay": 0.0,
                                 "epsilon": 1e-7, "beta_1": 0.9, "beta_2": 0.999}
    assert play.setup(HAND)["mask"] is None and setup["bounds"] == [-10.0, 10.0]
    with pytest.raises(ValueError, match="there is no pair 9"):
        play.setup(HAND, locked=[8])
    with pytest.raises(ValueError, match="not 'sigmoid'"):
        play.setup(HAND, activation="sigmoid")


@pytest.mark.parametrize("state, message", [
    ({"momentum": [0.1], "cache": [0.1, 0.2], "steps": 1}, "as many of each"),
    ({"momentum": [float("nan")], "cache": [0.1], "steps": 1}, "finite"),
    ({"momentum": [0.1], "cache": [-0.1], "steps": 1}, "cannot be negative"),
    ({"momentum": [0.1], "cache": [0.1], "steps": -1}, "not '-1'"),
    ({"momentum": [0.1], "cache": [0.1], "steps": 1.5}, "not '1.5'"),
    ({"momentum": [0.1], "cache": [0.1], "steps": True}, "not 'True'"),
    ({"momentum": "x", "cache": [0.1], "steps": 1}, "lists of numbers"),
    ({"cache": [0.1], "steps": 1}, "lists of numbers"),
])
def test_a_bad_browser_state_is_a_value_error_naming_it(state, message):
    with pytest.raises(ValueError, match=message):
        play.moments(state)
