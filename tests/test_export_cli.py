"""`python -m nnsine export` and `render` as a learner or teacher runs them."""

from __future__ import annotations

import io

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.formats import export, fitfile, importer
from tests.test_cli import nnsine
from tests.test_export import FITS

pytestmark = pytest.mark.subprocess


def saved(tmp_path, fit=None):
    path = tmp_path / "fit.json"
    path.write_text(fitfile.dumps(fit or presets.preset("hand-tuned")))
    return str(path)


def test_export_nnfs_prints_the_program(tmp_path):
    result = nnsine("export", saved(tmp_path), "--to", "nnfs")
    assert result.returncode == 0
    assert result.stdout == export.nnfs_program(presets.preset("hand-tuned"))


def test_export_nnfs_for_another_target(tmp_path):
    result = nnsine("export", saved(tmp_path), "--to", "nnfs", "--target", "triangle")
    assert "4 * np.abs((X - 0.25) % 1 - 0.5) - 1" in result.stdout


def test_export_numpy_to_a_file_imports_back(tmp_path):
    out = tmp_path / "fit.npz"
    fit = FITS["eight exact"]
    source = tmp_path / "exact.npz"
    source.write_bytes(export.npz_bytes(fit))  # an .npz is a valid FIT too
    result = nnsine("export", str(source), "--to", "numpy", "-o", str(out))
    assert result.returncode == 0 and "wrote" in result.stderr
    assert importer.read(out.read_bytes()).fit == fit


def test_export_binary_to_a_pipe(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "nnsine", "export", saved(tmp_path), "--to",
                             "numpy"], capture_output=True, timeout=60)
    assert result.returncode == 0
    with np.load(io.BytesIO(result.stdout)) as data:
        assert data.files == list(export.ARRAY_NAMES)


def test_export_torch_prints_the_loading_snippet(tmp_path):
    out = tmp_path / "mine.pt"
    result = nnsine("export", saved(tmp_path), "--to", "torch", "-o", str(out))
    assert result.returncode == 0
    assert out.read_bytes() == export.torch_bytes(presets.preset("hand-tuned"))
    assert 'torch.load("mine.pt")' in result.stderr


def test_export_of_a_dense_network_is_refused(tmp_path):
    arrays = export.arrays(presets.preset("hand-tuned"))
    arrays["dense2_weights"][0, 1] = 0.5
    path = tmp_path / "dense.npz"
    with path.open("wb") as file:
        np.savez(file, **arrays)
    result = nnsine("export", str(path), "--to", "nnfs")
    assert result.returncode == 1 and "layer 2 is dense (1 weights" in result.stderr
    assert not result.stdout


def test_export_of_a_bad_file_names_it(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{")
    result = nnsine("export", str(path), "--to", "nnfs")
    assert result.returncode == 1 and "broken.json: not valid JSON" in result.stderr
    missing = nnsine("export", str(tmp_path / "none.json"), "--to", "nnfs")
    assert missing.returncode == 1 and "No such file" in missing.stderr
    for command in (["export", "/dev/zero", "--to", "nnfs"], ["train", "/dev/zero"]):
        endless = nnsine(*command)  # read up to the size limit, not to the end of memory
        assert endless.returncode in (1, 2) and (
            "bytes" in endless.stderr or "too big" in endless.stderr), endless.stderr


def test_unknown_format_is_a_usage_error(tmp_path):
    result = nnsine("export", saved(tmp_path), "--to", "onnx")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_render_writes_svg_and_png(tmp_path):
    svg, png = tmp_path / "chart.svg", tmp_path / "chart.png"
    result = nnsine("render", saved(tmp_path), "--svg", str(svg), "--png", str(png),
                    "--view", "wide")
    assert result.returncode == 0, result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in svg.read_bytes()[:1000]


def test_render_needs_an_output(tmp_path):
    result = nnsine("render", saved(tmp_path))
    assert result.returncode == 2 and "--svg" in result.stderr
