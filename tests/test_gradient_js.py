"""The browser's gradient and optimizer steps (nnsine/frontend/gradient.js, optimizer.js)
give NumPy's bits: node runs them on the fits and steps the engine runs
(nnsine.engine.gradient, nnsine.engine.training), as tests/test_live_forward.py does for
the forward pass. Every comparison is of the 64 bits (0.0 and -0.0 differ)."""

from __future__ import annotations

import json
import shutil
import subprocess

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import gradient, optimizers, targets, training
from nnsine.engine.network import to_vector
from nnsine.formats import params
from tests.conftest import ROOT

FRONTEND = ROOT / "nnsine" / "frontend"

DRIVER = """
import { largest, lossAndGradient } from %s;
import { newState, trainStep } from %s;
let text = "";
for await (const chunk of process.stdin) text += chunk;
const { sets, xs, ys, relu, runs } = JSON.parse(text);
const gradients = sets.map((p) => {
  const { loss, grad } = lossAndGradient(p, (p.length - 1) / 5, xs, ys, relu);
  return { loss, grad: Array.from(grad), largest: largest(grad) };
});
const trained = runs.map(({ start, steps, settings, mask, bounds }) => {
  const vector = Float64Array.from(start);
  const state = newState(vector.length);
  const losses = [];
  for (let s = 0; s < steps; s++) {
    losses.push(trainStep(vector, (vector.length - 1) / 5, xs, ys, state, settings,
                          { mask, bounds, relu }));
  }
  return { vector: Array.from(vector), losses, momentum: Array.from(state.momentum),
           cache: Array.from(state.cache), steps: state.steps };
});
// JSON.stringify writes the shortest string that reads back as the same double; -0 is
// written 0, so the signs of zeros travel apart.
const signs = (a) => a.map((v) => Object.is(v, -0));
process.stdout.write(JSON.stringify({ gradients, trained,
  zeroSigns: gradients.map((g) => signs(g.grad)),
  vectorSigns: trained.map((r) => signs(r.vector)) }));
"""


def run_node(request: dict) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the browser's gradient")
    driver = DRIVER % (json.dumps((FRONTEND / "gradient.js").as_uri()),
                       json.dumps((FRONTEND / "optimizer.js").as_uri()))
    result = subprocess.run([node, "--input-type=module", "-e", driver], check=True,
                            input=json.dumps(request), capture_output=True, text=True,
                            timeout=300)
    return json.loads(result.stdout)


def same_bits(values, expected, negative_zeros) -> bool:
    got = np.array(values, dtype=np.float64)
    got[np.array(negative_zeros, dtype=bool)] = -0.0
    return got.view(np.uint64).tolist() == np.asarray(expected, np.float64).view(np.uint64).tolist()


def parameter_sets():
    rng = np.random.default_rng(5)
    sets = [presets.preset("hand-tuned"), presets.preset("zeros"),
            presets.preset("hand-tuned").replace(2, b2=-10.0)]
    sets += [params.from_flat(np.full(41, v)) for v in (10.0, -10.0, 0.01, -0.01)]
    sets += [params.from_flat(np.round(rng.uniform(-10, 10, 41), 2)) for _ in range(100)]
    sets += [params.from_flat(rng.uniform(-10, 10, 41)) for _ in range(30)]  # any doubles
    sets += [params.from_flat(np.round(rng.uniform(-10, 10, 5 * n + 1), 2)) for n in (1, 16)]
    return sets


RUNS = [  # (start, steps, optimizer, locked pairs, lock b_out)
    ("hand-tuned", 40, optimizers.SGD(learning_rate=0.1), (), False),
    ("hand-tuned", 60, optimizers.Adam(learning_rate=0.002, decay=1e-3), (0, 3), True),
    ("hand-tuned", 30, optimizers.Adam(learning_rate=1.0), (), False),  # slams into ±10
    ("zeros", 10, optimizers.Adam(), (), False),  # dead: nothing moves but b_out
    ("walkthrough-3", 25, optimizers.SGD(learning_rate=0.05, decay=0.1), (1,), False),
]


@pytest.mark.parametrize("target, activation", [("sine", "relu"), ("nielsen", "relu"),
                                                ("pts:0,0;0.25,1;0.5,0;0.75,-1;1,0.5",
                                                 "relu"), ("sine", "linear")])
@pytest.mark.subprocess
def test_browser_gradient_and_steps_are_bit_identical_to_numpy(target, activation):
    x, y = targets.sample(target)
    sets = parameter_sets()
    runs = []
    for name, steps, optimizer, locked, b_out in RUNS:
        start = presets.preset(name)
        mask = optimizers.lock_mask(start, locked, b_out)
        runs.append({"start": to_vector(start).tolist(), "steps": steps,
                     "settings": optimizers.to_browser(optimizer), "bounds": list(training.BOUNDS),
                     "mask": mask.tolist() if (locked or b_out) else None})
    result = run_node({"sets": [to_vector(p).tolist() for p in sets], "xs": x.tolist(),
                       "ys": y.tolist(), "relu": activation == "relu", "runs": runs})
    for fit, got, signs in zip(sets, result["gradients"], result["zeroSigns"], strict=True):
        loss, slopes = gradient.loss_and_gradient(fit, x, y, activation)
        assert got["loss"] == loss, to_vector(fit)
        assert same_bits(got["grad"], to_vector(slopes), signs), to_vector(fit)
        assert got["largest"] == np.max(np.abs(to_vector(slopes)))  # the arrows' scale
    for (name, steps, optimizer, locked, b_out), got, signs in zip(
            RUNS, result["trained"], result["vectorSigns"], strict=True):
        start = presets.preset(name)
        mask = optimizers.lock_mask(start, locked, b_out) if (locked or b_out) else None
        run = training.train(start, x, y, steps, optimizer=optimizer, mask=mask,
                             activation=activation)
        assert same_bits(got["vector"], to_vector(run.network), signs), name
        assert got["losses"] == run.losses[:-1].tolist(), name
        assert got["steps"] == run.moments.steps == steps
        np.testing.assert_array_equal(got["momentum"], run.moments.momentum)
        np.testing.assert_array_equal(got["cache"], run.moments.cache)


@pytest.mark.subprocess
def test_the_power_is_the_engines_for_every_step_of_a_long_run():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the browser's optimizer")
    where = json.dumps((FRONTEND / "optimizer.js").as_uri())
    script = (f"import {{ power }} from {where}; const out = [];"
              "for (let t = 0; t <= 20000; t++) out.push(power(0.999, t), power(0.9, t));"
              "process.stdout.write(JSON.stringify(out));")
    result = subprocess.run([node, "--input-type=module", "-e", script], check=True,
                            capture_output=True, text=True, timeout=120)
    expected = [v for t in range(20001)
                for v in (optimizers.power(0.999, t), optimizers.power(0.9, t))]
    assert json.loads(result.stdout) == expected

