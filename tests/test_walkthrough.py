"""The hand-tuning walkthrough: zeros to hand-tuned, few changes per step, on the grid."""

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnsine.book import presets, walkthrough
from nnsine.engine.metrics import score
from nnsine.engine.network import PAIR_NAMES, predict
from nnsine.formats import fitfile, params

ROOT = Path(__file__).resolve().parents[1]
STEPS = walkthrough.STEPS
OFFSET = len(walkthrough.HAND_TUNED) - 1  # pair 8


def changed(before, after):
    """{(pair, name)} of the values that differ; pair None for the output bias."""
    found = {(i, name) for i in range(after.n_pairs) for name in PAIR_NAMES
             if before.pair(i)[name] != after.pair(i)[name]}
    return found | ({(None, "b_out")} if before.b_out != after.b_out else set())


def test_starts_at_zeros_and_ends_at_hand_tuned():
    assert STEPS[0].params == presets.preset("zeros")
    assert STEPS[-1].params == presets.preset("hand-tuned")
    assert presets.HAND_TUNED is walkthrough.HAND_TUNED
    assert walkthrough.steps() == STEPS


def test_each_step_changes_a_few_values_of_the_pair_it_names():
    tuned = 0  # the ramp pair being tuned: pair 1, then 2, ...
    for before, step in zip(STEPS, STEPS[1:], strict=False):
        diff = changed(before.params, step.params)
        assert 1 <= len(diff) <= 3, step.title
        assert {i for i, _ in diff} == {step.pair}
        number = int(re.match(r"Pair (\d+): ", step.title).group(1)) if (
            step.title.startswith("Pair")) else OFFSET + 1
        assert number == step.pair + 1
        if step.pair != OFFSET:
            assert step.pair in (tuned, tuned + 1)
            tuned = step.pair
    assert tuned == OFFSET - 1  # every ramp pair was tuned, in order


def test_the_steps_follow_the_book():
    titles = [step.title for step in STEPS]
    assert titles[:7] == [
        "All zeros", "Pair 1: weights to 1", "Pair 1: layer-1 weight 6",
        "Pair 1: layer-2 bias 0.7", "Pair 1: layer-2 weight -1",
        "Pair 1: output weight -1", "Pair 8: offset +0.7"]
    assert titles[7:12] == [
        "Pair 2: weights to 1", "Pair 2: switch on at x = 0.12", "Pair 2: switch off at x = 0.24",
        "Pair 2: output weight -0.53", "Pair 8: offset +1.03"]
    assert "offset" in titles[-1].lower()  # the last re-offset (or its fine-tuning)
    # start, pair 1 in 5 + an offset, 6 pairs in 4 + an offset each, and a fine-tuning of
    # the offset unless the last re-offset already is the hand-tuned one
    assert len(STEPS) in (1 + 6 + 6 * 5, 1 + 6 + 6 * 5 + 1)
    # Pair 1 at "weights to 1" is y = x; with layer-1 weight 6 (the book's) it is y = 6x.
    x = np.linspace(0, 1, 11)
    np.testing.assert_allclose(predict(STEPS[1].params, x), x)
    np.testing.assert_allclose(predict(STEPS[2].params, x), 6 * x)
    # Every offset step puts the curve's start back at 0 (within half a slider step).
    for step in STEPS[1:-1]:
        if step.title.startswith("Pair 8: offset"):
            assert abs(predict(step.params, [0.0])[0]) <= 0.005 + 1e-12


def test_every_value_is_on_the_slider_grid():
    for step in STEPS:
        assert params.snap_all(step.params) == step.params, step.title
        for slot, value in params.items(step.params):
            params.check(slot.field, value, slot.label)


def test_the_error_falls_overall():
    first, last = score(STEPS[0].params), score(STEPS[-1].params)
    assert last.max_error < first.max_error and last.mse < first.mse
    # The last pair-8 step starts the curve at 0; fine-tuning then beats it.
    assert score(STEPS[-1].params).mse < score(STEPS[-2].params).mse


def test_captions_are_short_and_specific():
    for step in STEPS:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", step.caption) if s]
        assert 1 <= len(sentences) <= 3, step.caption
        assert "book" not in step.caption.lower()
    assert "x = 0.12" in STEPS[4].caption and "0.70" in STEPS[5].caption
    assert "the way down starts" in next(s.caption for s in STEPS if s.title == (
        "Pair 3: output weight 0.38"))


def test_every_step_is_a_preset():
    names = [name for name in presets.PRESETS if name.startswith("walkthrough-")]
    assert names == [f"walkthrough-{k}" for k in range(1, len(STEPS) + 1)]
    for k, step in enumerate(STEPS, 1):
        assert presets.preset(f"walkthrough-{k}") == step.params


def test_a_walkthrough_built_from_other_rows_ends_there():
    rows = ((4.0, -0.4, -1.0, 0.8, -0.5), (2.0, -1.2, -1.0, 0.6, 1.0), (0.0, 0.1, 1.0, 0.0, 1.0))
    steps = walkthrough.steps(rows)
    assert steps[-1].params == presets._from_rows(rows)
    assert steps[0].params == params.defaults(3)


@pytest.mark.subprocess
def test_cli_prints_a_walkthrough_step():
    result = subprocess.run([sys.executable, "-m", "nnsine", "preset", "walkthrough-3"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "nnsine-pairs"
    assert fitfile.loads(result.stdout) == STEPS[2].params


def test_unknown_preset_names_the_walkthrough_range():
    with pytest.raises(KeyError, match=f"walkthrough-1 ... walkthrough-{len(STEPS)}"):
        presets.preset("walkthrough-0")
