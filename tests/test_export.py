"""Exports run where a learner runs them: the book-style program under the real nnfs in a
subprocess, the .npz through NumPy, the torch file through a real `torch.load` (the CPU
wheel in requirements-dev.txt; a missing torch skips here and fails under CI).

The oracle for the program's bits is the book's own arithmetic, np.dot layer by layer
(nnsine.engine.network.dense_forward): nnsine's pair forward adds the pairs one by one (as the
browser does), BLAS in another order, so those two agree to ~1e-13, not to the bit.
"""

from __future__ import annotations

import importlib.util
import io
import os
import subprocess
import sys
import zipfile

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import targets
from nnsine.engine.metrics import score
from nnsine.engine.network import dense_forward, forward, to_dense
from nnsine.formats import export, params, torchfile
from tests.tuned import TUNED

HAS_TORCH = importlib.util.find_spec("torch") is not None


def random_fit(n_pairs: int, seed: int) -> params.Params:
    """Values anywhere in the sliders' range, off the 0.01 grid: repr must carry every bit."""
    rng = np.random.default_rng(seed)
    return params.from_flat(rng.uniform(-3, 3, 5 * n_pairs + 1))


FITS = {"hand-tuned": presets.preset("hand-tuned"), "tuned": TUNED, "one pair": random_fit(1, 1),
        "eight exact": random_fit(8, 2), "sixteen": random_fit(16, 3)}


def run(code: str, tmp_path, *, before: str = "") -> tuple[str, np.ndarray]:
    """Run `code` (after `before`) in a fresh interpreter; its stdout and dense3.output."""
    saved = tmp_path / "output.npy"
    program = tmp_path / "program.py"
    program.write_text(before + code + f"\nnp.save({str(saved)!r}, dense3.output)\n")
    result = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout, np.load(saved)


@pytest.mark.subprocess
@pytest.mark.parametrize("name", FITS)
def test_program_gives_the_books_arithmetic_bit_for_bit(name, tmp_path):
    fit = FITS[name]
    stdout, output = run(export.nnfs_program(fit), tmp_path)
    x, _ = targets.sample()
    assert output.shape == (1000, 1) and output.dtype == np.float64
    assert np.array_equal(output, dense_forward(to_dense(fit), x))  # the very same bits
    np.testing.assert_allclose(output[:, 0], forward(fit, x).output, rtol=0, atol=1e-12)
    result = score(fit)
    assert stdout == f"MSE: {result.mse:.5f}  max |error|: {result.max_error:.4f}\n"


@pytest.mark.subprocess
@pytest.mark.parametrize("target", [t for t in targets.TARGETS if t != targets.DEFAULT])
def test_program_scores_the_apps_target(target, tmp_path):
    fit = presets.preset("hand-tuned")
    code = export.nnfs_program(fit, target) + "\nnp.save('y.npy', y)\n"
    stdout, _ = run(code, tmp_path)
    assert np.array_equal(np.load(tmp_path / "y.npy")[:, 0], targets.sample(target)[1])
    result = score(fit, target)
    assert stdout == f"MSE: {result.mse:.5f}  max |error|: {result.max_error:.4f}\n"


@pytest.mark.subprocess
def test_program_under_nnfs_init_is_float32_close(tmp_path):
    fit = presets.preset("hand-tuned")
    stdout, output = run(export.nnfs_program(fit), tmp_path,
                         before="import nnfs\nnnfs.init()\n")
    x, _ = targets.sample()
    exact = dense_forward(to_dense(fit), x)
    assert not np.array_equal(output, exact)  # what the program's comment warns about
    np.testing.assert_allclose(output, exact, rtol=0, atol=1e-6)
    assert stdout.startswith("MSE: ")


def test_program_rejects_an_unknown_target():
    with pytest.raises(ValueError, match="unknown target"):
        export.nnfs_program(TUNED, "cosine")


def test_npz_holds_the_books_six_arrays():
    fit = FITS["eight exact"]
    with np.load(io.BytesIO(export.npz_bytes(fit)), allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    assert list(arrays) == list(export.ARRAY_NAMES)
    assert {name: a.shape for name, a in arrays.items()} == {
        "dense1_weights": (1, 8), "dense1_biases": (1, 8), "dense2_weights": (8, 8),
        "dense2_biases": (1, 8), "dense3_weights": (8, 1), "dense3_biases": (1, 1)}
    assert all(a.dtype == np.float64 for a in arrays.values())
    layers = [(arrays[f"dense{k}_weights"], arrays[f"dense{k}_biases"]) for k in (1, 2, 3)]
    x, _ = targets.sample()
    assert np.array_equal(dense_forward(layers, x), dense_forward(to_dense(fit), x))


def test_torch_file_is_a_zip_torch_would_write():
    data = export.torch_bytes(TUNED)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert {"archive/data.pkl", "archive/version", "archive/byteorder"} <= set(names)
        for info in archive.infolist():
            assert info.compress_type == zipfile.ZIP_STORED
            start = info.header_offset + 30 + len(info.filename) + len(info.extra)
            assert start % torchfile.ALIGNMENT == 0
        weight = np.frombuffer(archive.read("archive/data/2"), dtype="<f8")
    assert np.array_equal(weight, export.torch_state_dict(TUNED)["2.weight"].ravel())


def test_torch_state_dict_is_out_in_layout():
    state = export.torch_state_dict(FITS["eight exact"])
    assert {k: v.shape for k, v in state.items()} == {
        "0.weight": (8, 1), "0.bias": (8,), "2.weight": (8, 8), "2.bias": (8,),
        "4.weight": (1, 8), "4.bias": (1,)}


@pytest.mark.subprocess
@pytest.mark.parametrize("name", ["hand-tuned", "sixteen"])
def test_torch_snippet_loads_the_file(name, tmp_path):
    if not HAS_TORCH:
        reason = "torch is not installed: pip install -r requirements-dev.txt"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    fit = FITS[name]
    (tmp_path / "nnsine-fit.pt").write_bytes(export.torch_bytes(fit))
    check = ("\nimport numpy as np\n"
             "state = torch.load('nnsine-fit.pt')  # weights_only=True, the default\n"
             "np.savez('state.npz', **{k: v.numpy() for k, v in state.items()})\n"
             "np.save('output.npy', output)\n")
    program = tmp_path / "snippet.py"
    program.write_text(export.torch_snippet(fit.n_pairs) + check)
    result = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                            cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"MSE: {score(fit).mse:.5f}\n"
    with np.load(tmp_path / "state.npz") as state:
        for key, array in export.torch_state_dict(fit).items():
            assert np.array_equal(state[key], array), key  # every weight, bit for bit
    x, _ = targets.sample()
    # torch's addmm adds the bias in its own order: equal to ~1e-13, not to the bit.
    np.testing.assert_allclose(np.load(tmp_path / "output.npy")[:, 0], forward(fit, x).output,
                               rtol=0, atol=1e-12)


def test_export_by_name():
    assert export.export(TUNED, "nnfs").decode() == export.nnfs_program(TUNED)
    assert export.export(TUNED, "numpy") == export.npz_bytes(TUNED)
    with pytest.raises(KeyError, match="unknown format"):
        export.export(TUNED, "onnx")


def test_torch_pickle_names_only_what_weights_only_loading_allows():
    """Without torch: unpickle data.pkl with stand-ins for the only globals it may name."""
    import collections
    import pickle

    data = export.torch_bytes(FITS["sixteen"])
    archive = zipfile.ZipFile(io.BytesIO(data))

    def rebuild(storage, offset, size, stride, requires_grad, hooks):
        assert offset == 0 and requires_grad is False and hooks == collections.OrderedDict()
        return np.lib.stride_tricks.as_strided(storage, size, [s * 8 for s in stride])

    class Unpickler(pickle.Unpickler):
        def find_class(self, module, name):
            return {("collections", "OrderedDict"): collections.OrderedDict,
                    ("torch._utils", "_rebuild_tensor_v2"): rebuild,
                    ("torch", "DoubleStorage"): "DoubleStorage"}[(module, name)]

        def persistent_load(self, pid):
            kind, storage_type, key, location, numel = pid
            assert (kind, storage_type, location) == ("storage", "DoubleStorage", "cpu")
            storage = np.frombuffer(archive.read(f"archive/data/{key}"), dtype="<f8")
            assert storage.size == numel
            return storage

    state = Unpickler(io.BytesIO(archive.read("archive/data.pkl"))).load()
    expected = export.torch_state_dict(FITS["sixteen"])
    assert isinstance(state, collections.OrderedDict) and list(state) == list(expected)
    for key, array in expected.items():
        assert np.array_equal(state[key], array), key
