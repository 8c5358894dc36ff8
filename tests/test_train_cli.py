"""`python -m nnsine grad FIT` and `train FIT --lock PAIRS --out FILE` (nnsine.train_cli),
run through the CLI's main in this process (tests/test_cli.py runs real subprocesses)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nnsine import cli
from nnsine.book import presets
from nnsine.engine import gradient, targets
from nnsine.engine.metrics import score
from nnsine.engine.network import to_vector
from nnsine.formats import fitfile


@pytest.fixture
def fit_file(tmp_path):
    def write(fit=None, target="sine", name="fit.json"):
        path = tmp_path / name
        path.write_text(fitfile.dumps(fit or presets.preset("hand-tuned"), target))
        return str(path)
    return write


def run(capsys, *args) -> tuple[int, str, str]:
    """Exit status, stdout, stderr; argparse's usage errors (SystemExit) included."""
    try:
        status = cli.main(list(args))
    except SystemExit as exit_:
        status = exit_.code
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


@pytest.mark.parametrize("target", ["sine", "triangle"])
def test_grad_prints_every_gradient_by_url_name_on_the_fits_own_target(capsys, fit_file,
                                                                       target):
    status, out, err = run(capsys, "grad", fit_file(target=target))
    assert status == 0
    printed = json.loads(out)
    fit = presets.preset("hand-tuned")
    expected = gradient.named(gradient.gradient(fit, *targets.sample(target)))
    assert printed == expected and len(printed) == 41  # JSON floats read back exactly
    assert list(printed)[:3] == ["p1_w1", "p1_b1", "p1_w2"] and list(printed)[-1] == "b_out"
    assert "MSE" in err and "no gradient" not in err


def test_grad_says_why_a_fit_of_zeros_cannot_move(capsys, fit_file):
    status, out, err = run(capsys, "grad", fit_file(presets.preset("zeros")))
    assert status == 0 and not any(list(json.loads(out).values())[:-1])
    assert "Pairs 1, 2, 3, 4, 5, 6, 7 and 8 get no gradient" in err and "dead ReLU" in err


def test_grad_with_linear_hidden_layers_and_a_bad_file(capsys, fit_file, tmp_path):
    status, out, _ = run(capsys, "grad", fit_file(), "--activation", "linear")
    x, y = targets.sample()
    linear = gradient.gradient(presets.preset("hand-tuned"), x, y, "linear")
    assert status == 0 and json.loads(out) == gradient.named(linear)
    (tmp_path / "bad.json").write_text("{broken")
    status, out, err = run(capsys, "grad", str(tmp_path / "bad.json"))
    assert status == 2 and not out and "bad.json" in err and "not valid JSON" in err


def test_train_locks_pairs_and_the_output_bias_and_writes_out(capsys, fit_file, tmp_path):
    # An off-grid value in a locked pair comes back exactly: locked values are not rounded.
    start = presets.preset("hand-tuned").replace(1, w1=5.123456789)
    out_file = tmp_path / "trained.json"
    status, out, err = run(capsys, "train", fit_file(start), "--steps", "150", "--lock",
                           "1, 2,b_out", "--out", str(out_file))
    assert status == 0 and not out and "MSE" in err
    trained = fitfile.loads(out_file.read_text())
    before, after = to_vector(start), to_vector(trained)
    assert np.array_equal(after[:10], before[:10]) and after[-1] == before[-1]
    assert np.any(after[10:40] != before[10:40])
    assert score(trained).mse < score(start).mse
    made = fitfile.read(out_file.read_text()).made()
    assert "pair 1, pair 2, b_out locked" in made


def test_train_with_plain_gradient_descent(capsys, fit_file):
    status, out, _ = run(capsys, "train", fit_file(), "--steps", "50", "--optimizer", "sgd",
                         "--learning-rate", "0.1")
    assert status == 0 and score(fitfile.loads(out)).mse < score(presets.preset("hand-tuned")).mse


@pytest.mark.parametrize("args, message", [
    (["--lock", "17"], "argument --lock: pair: 17 is outside 1 to 16"),
    (["--lock", "x"], "argument --lock: pair: 'x' is not a whole number"),
    (["--lock", "1,,2"], "argument --lock: pair: '' is not a whole number"),
    (["--learning-rate", "nan"], "argument --learning-rate: nan is not a finite number"),
    (["--learning-rate", "0"], "learning rate must be above 0 and at most 10, not 0.0"),
    (["--learning-rate", "-1"], "not -1.0"),
    (["--learning-rate", "1e9"], "not 1000000000.0"),
    (["--learning-rate", "x"], "'x' is not a number"),
    (["--optimizer", "rmsprop"], "invalid choice: 'rmsprop'"),
])
def test_bad_train_arguments_are_usage_messages_naming_the_value(capsys, args, message):
    status, out, err = run(capsys, "train", "fit.json", *args)
    assert status == 2 and not out and err.startswith("usage:") and message in err


def test_a_pair_the_fit_does_not_have_is_named(capsys, fit_file):
    status, out, err = run(capsys, "train", fit_file(), "--lock", "9")
    assert status == 2 and not out
    assert err.strip() == "nnsine: --lock: there is no pair 9: the network has pairs 1 to 8"


def test_an_unwritable_out_file_is_an_error_line(capsys, fit_file, tmp_path):
    target = tmp_path / "no" / "such" / "dir.json"
    status, out, err = run(capsys, "train", fit_file(), "--steps", "1", "--out", str(target))
    assert status == 1 and not out and "dir.json" in err and "No such file" in err
