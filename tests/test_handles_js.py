"""The browser's handle maths (nnsine/frontend/handles.js) gives nnsine.engine.handles' bits,
run in node over hundreds of random pairs and handle moves."""

import json
import shutil
import subprocess

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import handles
from nnsine.engine.network import Params
from nnsine.formats import params
from tests.conftest import ROOT

HANDLES_JS = ROOT / "nnsine" / "frontend" / "handles.js"

DRIVER = """
import { handles, moveHandle, nudgeHandle, snap } from %s;
let text = "";
for await (const chunk of process.stdin) text += chunk;
const { cases, snaps, slots } = JSON.parse(text);  // slots: as the component's data has them
const out = cases.map(({ pair, move, nudge }) => {
  const found = handles(pair);
  const result = { handles: found.handles, why: found.why, moved: {}, nudged: {} };
  for (const name of Object.keys(found.handles)) {
    result.moved[name] = move[name].map((to) => moveHandle(pair, name, to, slots));
    result.nudged[name] = nudge.map((steps) => nudgeHandle(pair, name, steps, slots));
  }
  return result;
});
process.stdout.write(JSON.stringify({ out, snaps: snaps.map((v) => snap(v, slots[1])) }));
"""
NUDGES = [1, -1, 10, -10, 2000, -2000]


def run_node(request):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the browser's handle maths")
    result = subprocess.run([node, "--input-type=module", "-e",
                             DRIVER % json.dumps(HANDLES_JS.as_uri())], check=True,
                            input=json.dumps(request), capture_output=True, text=True,
                            timeout=120)
    return json.loads(result.stdout)


def random_pairs(rng):
    """Grid pairs, the book's shape (w2 = -1, b2 > 0, mirrored too), any doubles, and the
    hand-tuned fit: every kind of handle, and pairs that lack some."""
    pairs = [list(presets.preset("hand-tuned").pair(i).values()) for i in range(8)]
    pairs += [[0.0] * 5, [1.0, 0.0, 1.0, 0.0, 1.0], [-1.0, 0.5, 1.0, 0.0, 1.0]]
    pairs += [list(np.round(rng.uniform(-10, 10, 5), 2)) for _ in range(300)]
    for _ in range(300):
        w1 = round(rng.uniform(0.5, 10), 2) * rng.choice([1, -1])
        pairs.append([w1, round(rng.uniform(-10, 10), 2), -1.0,
                      round(rng.uniform(0.01, 3), 2), round(rng.uniform(-10, 10), 2)])
    pairs += [list(rng.uniform(-10, 10, 5)) for _ in range(100)]
    return [[float(v) for v in p] for p in pairs]


def as_params(pair):
    return Params(*([v] for v in pair), b_out=0.0)


@pytest.mark.subprocess
def test_browser_handles_match_the_engine_bit_for_bit():
    rng = np.random.default_rng(14)
    cases = []
    for pair in random_pairs(rng):
        xs = [*rng.uniform(-1, 2, 6), -50.0, 50.0, 0.0]
        ys = [*rng.uniform(-3, 3, 6), -500.0, 500.0, 0.0, 1e-5]
        cases.append({"pair": pair, "move": {"on": xs, "off": xs, "height": ys},
                      "nudge": NUDGES})
    snaps = [*rng.uniform(-12, 12, 2000), *(k / 8 for k in range(-90, 91)), -0.0, 0.005]
    slots = [{"low": s.field.low, "high": s.field.high, "step": s.field.step}
             for s in params.slots(1)[:5]]  # what ui/tuner/live_panel.py sends the browser
    result = run_node({"cases": cases, "snaps": snaps, "slots": slots})
    assert result["snaps"] == [params.snap(params.FIELDS["b1"], v) for v in snaps]
    kinds = set()
    for case, js in zip(cases, result["out"], strict=True):
        fit = as_params(case["pair"])
        found, why = handles.handles(fit, 0)
        # The browser names the reason by its key; Python sends its sentence (data.words).
        assert (handles.WHY[js["why"]] if js["why"] else None) == why, case["pair"]
        assert {n: {"field": h.field, "at": h.at} for n, h in found.items()} == js["handles"]
        for name in found:
            kinds.add((name, found[name].field))
            for to, moved in zip(case["move"][name], js["moved"][name], strict=True):
                expected = handles.move_handle(fit, 0, name, to)
                assert moved == list(expected.pair(0).values()), (case["pair"], name, to)
            for steps, nudged in zip(NUDGES, js["nudged"][name], strict=True):
                expected = handles.nudge_handle(fit, 0, name, steps)
                assert nudged == list(expected.pair(0).values()), (case["pair"], name, steps)
    # Every handle, and both kinds of knot, were exercised.
    assert kinds == {("on", "b1"), ("on", "b2"), ("off", "b1"), ("off", "b2"),
                     ("height", "w_out")}
