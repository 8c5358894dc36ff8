"""The browser's forward pass (nnsine/frontend/forward.js) gives NumPy's bits, run in node."""

import json
import shutil
import subprocess

import numpy as np
import pytest

from nnsine import params, presets, targets
from nnsine.network import predict
from tests.conftest import ROOT

FORWARD_JS = ROOT / "nnsine" / "frontend" / "forward.js"

DRIVER = """
import { forward, grid } from %s;
let text = "";
for await (const chunk of process.stdin) text += chunk;
const xs = grid(1000);
const outputs = JSON.parse(text).map((p) => {
  const nPairs = (p.length - 1) / 5;
  return Array.from(forward(p, nPairs, xs, new Float64Array(xs.length)));
});
// JSON.stringify writes the shortest string that reads back as the same double.
process.stdout.write(JSON.stringify({ xs: Array.from(xs), outputs }));
"""


def run_node(param_sets):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the browser's forward pass")
    driver = DRIVER % json.dumps(FORWARD_JS.as_uri())
    result = subprocess.run([node, "--input-type=module", "-e", driver], check=True,
                            input=json.dumps(param_sets), capture_output=True, text=True,
                            timeout=120)
    return json.loads(result.stdout)


def parameter_sets():
    rng = np.random.default_rng(7)
    sets = [presets.preset("hand-tuned"), presets.preset("zeros")]
    sets += [params.from_flat(np.full(41, v)) for v in (10.0, -10.0, 0.01, -0.01)]
    sets += [params.from_flat(np.round(rng.uniform(-10, 10, 41), 2)) for _ in range(300)]
    sets += [params.from_flat(rng.uniform(-10, 10, 41)) for _ in range(50)]  # any doubles
    sets += [params.from_flat(np.round(rng.uniform(-10, 10, 5 * n + 1), 2)) for n in (1, 16)]
    return sets


def test_browser_forward_pass_is_bit_identical_to_numpy():
    sets = parameter_sets()
    result = run_node([params.to_flat(p) for p in sets])
    x = targets.grid()[0]
    assert np.array_equal(np.array(result["xs"]), x)
    for fit, output in zip(sets, result["outputs"], strict=True):
        assert np.array_equal(np.array(output), predict(fit, x)), params.to_flat(fit)
