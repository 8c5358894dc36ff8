"""The tuner's "Take it to your notebook" under AppTest: code view, downloads, import."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.formats import export, fitfile, params
from tests.test_tuner_page import app, shown

pytestmark = pytest.mark.app


def opened():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    assert not at.get("code")  # closed: nothing built on a slider release
    at.session_state["notebook"] = True
    at.run()
    assert not at.exception, at.exception
    return at


def downloads(at) -> dict[str, str]:
    return {d.proto.label: d.proto for d in at.get("download_button")}


def upload(at, name: str, content: bytes):
    at.file_uploader(key="notebook_upload").upload(name, content, "application/octet-stream")
    at.run()
    assert not at.exception, at.exception


def test_the_books_code_is_shown_with_the_apps_mse():
    at = opened()
    (code,) = at.get("code")
    fit = presets.preset("hand-tuned")
    assert "class Layer_Dense:" in code.proto.code_text
    assert "dense1.weights = np.array([[6.0, 5.0" in code.proto.code_text
    assert f"MSE {next(m.value for m in at.metric if m.label == 'MSE')}" in code.proto.code_text
    assert code.proto.code_text.endswith(export.nnfs_program(fit).split("# Run as is")[1].rstrip())
    labels = downloads(at)
    assert {"Download nnsine_fit.py", "Chart as SVG", "Chart as PNG"} <= set(labels)


def test_each_format_shows_its_snippet():
    at = opened()
    at.session_state["notebook_format"] = "torch"
    at.run()
    assert "model.load_state_dict(torch.load(" in at.get("code")[0].proto.code_text
    assert "Download nnsine-fit.pt" in downloads(at)
    at.session_state["notebook_format"] = "numpy"
    at.run()
    assert 'data["dense2_weights"]' in at.get("code")[0].proto.code_text


def test_a_pair_network_off_the_grid_is_rounded_only_when_asked():
    at = opened()
    fit = params.from_flat(np.round(params.to_flat(presets.preset("hand-tuned")), 2) + 0.001)
    upload(at, "mine.npz", export.npz_bytes(fit))
    assert at.session_state["fit"] == presets.preset("hand-tuned")  # not yet
    assert "rounds every value" in at.info[0].value
    at.button(key="notebook_load").click().run()
    assert at.session_state["fit"] == params.snap_all(fit)
    assert any("Loaded mine.npz" in shown(s.value) for s in at.success)
    at.button(key="notebook_undo_button").click().run()
    assert at.session_state["fit"] == presets.preset("hand-tuned")


def test_an_exported_npz_loads_back_as_the_same_fit():
    at = opened()
    fit = params.snap_all(params.from_flat(np.linspace(-2, 2, 41)))
    upload(at, "round.npz", export.npz_bytes(fit))
    at.button(key="notebook_load").click().run()
    assert at.session_state["fit"] == fit


def test_a_dense_network_is_shown_read_only_with_its_score():
    at = opened()
    arrays = export.arrays(presets.preset("hand-tuned"))
    arrays["dense2_weights"][2, 5] = 0.3
    upload(at, "dense.json", json.dumps({k: v.tolist() for k, v in arrays.items()}).encode())
    assert "layer 2 is dense (1 weight off its diagonal)" in at.warning[-1].value
    assert not [b for b in at.button if b.key == "notebook_load"]
    assert at.session_state["fit"] == presets.preset("hand-tuned")
    assert len(at.get("plotly_chart")) >= 1 and at.dataframe
    # The probe at x = 0.08, against the book's arithmetic written out here
    hidden1 = np.maximum(0, 0.08 * arrays["dense1_weights"] + arrays["dense1_biases"])
    hidden2 = np.maximum(0, hidden1 @ arrays["dense2_weights"] + arrays["dense2_biases"])
    table = at.dataframe[-1].value
    assert list(table["layer 1"]) == list(hidden1[0]) and list(table["layer 2"]) == list(
        hidden2[0])


def test_a_bad_file_is_explained_and_the_fit_kept():
    at = opened()
    buffer = io.BytesIO()
    np.savez(buffer, dense1_weights=np.ones((8, 1)))
    upload(at, "bad.npz", buffer.getvalue())
    assert at.session_state["fit"] == presets.preset("hand-tuned")
    assert "missing dense1_biases" in shown(at.error[0].value) and "unchanged" in at.error[0].value
    upload(at, "fit.json", fitfile.dumps(presets.preset("zeros")).encode())
    assert any("Every value is already a slider position" in c.value for c in at.caption)
