"""The browser's forward pass (nnsine/frontend/forward.js) gives NumPy's bits, run in node."""

import json
import shutil
import subprocess

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import metrics, targets, views
from nnsine.engine.activations import ACTIVATIONS
from nnsine.engine.network import forward
from nnsine.formats import params
from tests.conftest import ROOT

FORWARD_JS = ROOT / "nnsine" / "frontend" / "forward.js"

DRIVER = """
import { checksum, forward, grid } from %s;
let text = "";
for await (const chunk of process.stdin) text += chunk;
const { sets, start, count, relu } = JSON.parse(text);
const xs = grid(count, start, 1000);
const outputs = sets.map((p) => {
  const nPairs = (p.length - 1) / 5;
  const parts = Array.from({ length: nPairs }, () => new Float64Array(xs.length));
  const y = forward(p, nPairs, xs, new Float64Array(xs.length), relu, parts);
  return { y: Array.from(y), contributions: parts.map((c) => Array.from(c)),
           checksum: checksum(y) };
});
// JSON.stringify writes the shortest string that reads back as the same double.
process.stdout.write(JSON.stringify({ xs: Array.from(xs), outputs }));
"""


def run_node(param_sets, view="book", relu=True):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the browser's forward pass")
    driver = DRIVER % json.dumps(FORWARD_JS.as_uri())
    start, count, _ = views.VIEWS[view]
    request = {"sets": param_sets, "start": start, "count": count, "relu": relu}
    result = subprocess.run([node, "--input-type=module", "-e", driver], check=True,
                            input=json.dumps(request), capture_output=True, text=True,
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


@pytest.mark.subprocess
@pytest.mark.parametrize("view, activation", [("book", "relu"), ("wide", "relu"),
                                              ("book", "linear")])
def test_browser_forward_pass_is_bit_identical_to_numpy(view, activation):
    sets = parameter_sets()
    result = run_node([params.to_flat(p) for p in sets], view, activation == "relu")
    x = views.grid(view)
    assert np.array_equal(np.array(result["xs"]), x)
    if view == "book":
        assert np.array_equal(x, targets.grid()[0])
    for fit, output in zip(sets, result["outputs"], strict=True):
        trace = forward(fit, x, ACTIVATIONS[activation])
        assert np.array_equal(np.array(output["y"]), trace.output), params.to_flat(fit)
        assert np.array_equal(np.array(output["contributions"]).T, trace.contributions)
        assert output["checksum"] == metrics.checksum(trace.output)  # the live bit-check
