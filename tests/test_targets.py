"""Named targets: known values, any shape, the book's grid unchanged, the CLI ranks by them."""

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from nnfs.datasets import sine_data

from nnsine.book import presets
from nnsine.engine import targets
from nnsine.engine.metrics import score
from nnsine.formats import fitfile, params

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name, x, y", [
    ("triangle", [0, 0.125, 0.25, 0.5, 0.75, 0.875, 1], [0, 0.5, 1, 0, -1, -0.5, 0]),
    ("abs", [0, 0.25, 0.5, 0.9, 1], [0.5, 0.25, 0, 0.4, 0.5]),
    ("step", [0, 0.49, 0.499999, 0.5, 0.7, 1], [0, 0, 0, 1, 1, 1]),
    ("sine", [0, 0.25, 0.75], [0, 1, -1]),
])
def test_known_values(name, x, y):
    np.testing.assert_allclose(targets.TARGETS[name](np.array(x)), y, atol=1e-12)


def test_nielsen_is_the_formula():
    for x in (0.0, 0.3, 0.77, 1.0):
        expected = 0.2 + 0.4 * x * x + 0.3 * x * math.sin(15 * x) + 0.05 * math.cos(50 * x)
        assert targets.nielsen(np.array(x)) == pytest.approx(expected, abs=1e-15)
    assert targets.nielsen(np.array(0.0)) == pytest.approx(0.25)


def test_triangle_has_the_sines_extremes_and_zeros_on_the_grid():
    x, y = targets.sample("triangle")
    sine = targets.sample("sine")[1]
    assert y.max() == 1 == sine.max().round(12) and y.min() == -1
    assert np.argmax(y) == np.argmax(sine) == 250 and np.argmin(y) == np.argmin(sine) == 750
    assert np.all(np.sign(y[1:-1].round(12)) == np.sign(sine[1:-1].round(12)))


@pytest.mark.parametrize("name", sorted(targets.TARGETS))
def test_every_target_keeps_any_shape(name):
    f = targets.TARGETS[name]
    for shape in [(), (7,), (7, 1), (2, 3, 4)]:
        x = np.random.default_rng(0).uniform(0, 1, shape)
        assert np.shape(f(x)) == shape
    assert name in targets.LABELS


@pytest.mark.parametrize("name", sorted(targets.TARGETS))
def test_the_grid_is_the_books(name):
    x, _ = targets.sample(name)
    book_x, book_y = sine_data()
    assert np.array_equal(x, book_x[:, 0]) and x.shape == (1000,)
    assert np.array_equal(targets.sample("sine")[1], book_y[:, 0])


def test_the_step_is_only_approximated_by_pairs():
    assert score(presets.preset("hand-tuned"), "step").max_error > 0.4


@pytest.mark.subprocess
def test_cli_score_ranks_by_the_target(tmp_path):
    # y = |x - 0.5| exactly: one pair with w1 = 1, b1 = -0.5 is max(0, x - 0.5), and a
    # second mirrored one is max(0, 0.5 - x); the sum is |x - 0.5|.
    kink = params.from_flat([1, -0.5, 1, 0, 1, -1, 0.5, 1, 0, 1, 0])
    files = {"kink.json": kink, "hand.json": presets.preset("hand-tuned")}
    for name, fit in files.items():
        (tmp_path / name).write_text(fitfile.dumps(fit))
    names = [str(tmp_path / name) for name in ("hand.json", "kink.json")]
    by_target = {}
    for target in ("abs", "sine"):
        result = subprocess.run([sys.executable, "-m", "nnsine", "score", "--json",
                                 "--target", target, *names],
                                capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert result.returncode == 0, result.stderr
        rows = json.loads(result.stdout)
        by_target[target] = [Path(row["file"]).name for row in rows]
        assert rows[0]["mse"] == score(files[by_target[target][0]], target).mse
    assert by_target == {"abs": ["kink.json", "hand.json"], "sine": ["hand.json", "kink.json"]}
    assert score(kink, "abs").max_error < 1e-12


def test_target_text_is_the_drawn_curve_with_gaps():
    from nnsine.engine import views
    text = views.target_text("f:log(x + 0.25)", "wide").split(",")  # x from -0.5
    assert len(text) == 2000 and text[0] == ""  # log(-0.25) is undefined: a gap
    assert float(text[750]) == round(float(np.log(0.5)), 5)  # x = 0.25
