"""Import: the book's six arrays from a notebook (.npz or JSON) back into nnsine, checked,
with messages that name the array, the index and the expected shape."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.formats import export, fitfile, importer, params
from nnsine.formats.params import ParamsError
from tests.test_export import FITS
from tests.tuned import TUNED


def npz(**arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def six(fit=TUNED, **changes) -> dict[str, np.ndarray]:
    arrays = export.arrays(fit)
    arrays.update(changes)
    return {name: value for name, value in arrays.items() if value is not None}


@pytest.mark.parametrize("name", FITS)
def test_npz_export_imports_as_the_same_fit(name):
    imported = importer.read(export.npz_bytes(FITS[name]))
    assert imported.fit == FITS[name]  # every bit: the sliders get the very same fit
    assert imported.cross_weights == 0 and imported.n == FITS[name].n_pairs


def test_json_of_the_six_arrays_imports_exactly():
    fit = FITS["eight exact"]
    text = json.dumps({name: a.tolist() for name, a in export.arrays(fit).items()})
    assert importer.read(text.encode()).fit == fit


def test_nnsine_fit_file_imports_too():
    imported = importer.read(fitfile.dumps(TUNED).encode())
    assert imported.fit == TUNED and imported.off_slider == ""


def test_float32_arrays_from_nnfs_init_round_to_the_same_sliders():
    fit = presets.preset("hand-tuned")
    arrays = {name: a.astype(np.float32) for name, a in export.arrays(fit).items()}
    imported = importer.read(npz(**arrays))
    assert imported.fit != fit  # 0.58 in float32 is not 0.58
    assert params.snap_all(imported.fit) == fit


def test_biases_saved_one_dimensional_are_accepted():
    arrays = six(dense1_biases=TUNED.b1, dense2_biases=TUNED.b2)
    assert importer.from_arrays(arrays).fit == TUNED


def test_dense_layer_2_is_a_dense_network():
    weights = np.diag(TUNED.w2)
    weights[0, 3] = 0.25
    weights[5, 1] = -0.5
    imported = importer.read(npz(**six(dense2_weights=weights)))
    assert imported.fit is None and imported.cross_weights == 2
    assert np.array_equal(imported.layers[1][0], weights)


def test_values_beyond_the_sliders_are_named():
    imported = importer.from_arrays(six(dense1_weights=TUNED.w1.reshape(1, 8) * 3))
    assert imported.fit is not None
    assert "Pair 1 · layer-1 weight (dense1_weights)" in imported.off_slider
    assert "outside [-10, 10]" in imported.off_slider


@pytest.mark.parametrize(("changes", "words"), [
    ({"dense1_weights": TUNED.w1.reshape(8, 1)}, ["dense1_weights", "(8, 1)", "transposed"]),
    ({"dense3_weights": TUNED.w_out.reshape(1, 8)}, ["dense3_weights", "(8, 1)", "transposed"]),
    ({"dense2_weights": np.zeros((8, 9))}, ["dense2_weights", "(8, 9)", "expected (8, 8)"]),
    ({"dense1_weights": TUNED.w1}, ["dense1_weights", "(8,)", "expected (1, n)"]),
    ({"dense3_biases": np.zeros((1, 2))}, ["dense3_biases", "expected (1, 1)"]),
    ({"dense1_weights": np.ones((1, 17))}, ["dense1_weights", "17 neurons", "at most 16"]),
    ({"dense2_biases": None}, ["missing dense2_biases", "dense1_weights"]),
    ({"X": np.zeros(3)}, ["unknown arrays X"]),
])
def test_wrong_shapes_and_names_are_explained(changes, words):
    with pytest.raises(ParamsError) as error:
        importer.read(npz(**six(**changes)))
    for word in words:
        assert word in str(error.value)


@pytest.mark.parametrize(("value", "words"), [
    (np.nan, ["dense2_biases[0, 3]", "not a finite number"]),
    (np.inf, ["dense2_biases[0, 3]", "not a finite number"]),
    (1e9, ["dense2_biases[0, 3]", "outside"]),
])
def test_bad_numbers_are_named_by_array_and_index(value, words):
    biases = TUNED.b2.reshape(1, 8).copy()
    biases[0, 3] = value
    with pytest.raises(ParamsError) as error:
        importer.read(npz(**six(dense2_biases=biases)))
    for word in words:
        assert word in str(error.value)


@pytest.mark.parametrize(("leaf", "words"), [
    ("0.5", ["dense1_biases[0, 2]", "'0.5' is not a number"]),
    (True, ["dense1_biases[0, 2]", "not a number"]),
    (None, ["dense1_biases[0, 2]", "not a number"]),
])
def test_json_leaves_that_are_not_numbers(leaf, words):
    obj = {name: a.tolist() for name, a in export.arrays(TUNED).items()}
    obj["dense1_biases"][0][2] = leaf
    with pytest.raises(ParamsError) as error:
        importer.read(json.dumps(obj).encode())
    for word in words:
        assert word in str(error.value)


def test_json_nan_and_ragged_rows():
    obj = {name: a.tolist() for name, a in export.arrays(TUNED).items()}
    obj["dense3_biases"] = [[float("nan")]]
    with pytest.raises(ParamsError, match=r"dense3_biases\[0, 0\]: nan is not a finite"):
        importer.read(json.dumps(obj).encode())
    obj["dense3_biases"] = [[0.0]]
    obj["dense2_weights"][4] = [1.0]
    with pytest.raises(ParamsError, match="dense2_weights"):
        importer.read(json.dumps(obj).encode())


def test_npz_of_the_wrong_kind_of_values():
    with pytest.raises(ParamsError, match="dense1_weights holds complex128"):
        importer.read(npz(**six(dense1_weights=TUNED.w1.reshape(1, 8) + 0j)))
    with pytest.raises(ParamsError, match="dense1_weights holds object"):
        importer.read(npz(**six(dense1_weights=np.array([[1, "a"]], dtype=object))))


@pytest.mark.parametrize("shape", [(1, 10**12), (2**64, 0), (0, 2**64), (2**63, 0)])
def test_a_header_claiming_a_huge_array_is_refused_before_reading(shape):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        header = io.BytesIO()
        np.lib.format.write_array_header_1_0(
            header, {"descr": "<f8", "fortran_order": False, "shape": shape})
        archive.writestr("dense1_weights.npy", header.getvalue())
    with pytest.raises(ParamsError, match=r"dense1_weights holds float64 values of shape"):
        importer.read(buffer.getvalue())


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_LZMA])
def test_a_damaged_compressed_member_is_named(method):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("dense1_weights.npy", b"\x93NUMPY" + bytes(range(256)) * 8)
    data = bytearray(buffer.getvalue())
    start = 30 + len("dense1_weights.npy")  # the member's data, after its local header
    data[start + 9:start + 40] = b"\xff" * 31
    with pytest.raises(ParamsError, match="dense1_weights is not a NumPy array"):
        importer.read(bytes(data))


@pytest.mark.parametrize(("data", "words"), [
    (b"PK\x03\x04 not really a zip", "not a readable .npz"),
    (b"\x00\x01garbage", "not valid JSON"),
    (b"[1, 2]", "not an object of the six arrays"),
    (b" " * (importer.MAX_FILE_BYTES + 1), "bytes"),
    (b'{"format": "nnsine-pairs", "version": 3}', "version is 3"),
    (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
    (b'{"dense1_weights": ' + b"[" * 100 + b"]" * 100 + b"}", "dense1_weights"),
])
def test_files_that_are_not_networks(data, words):
    with pytest.raises(ParamsError, match=words):
        importer.read(data)


def test_check_value_is_params_check():
    assert importer.check_value(3, "x") == 3.0
    with pytest.raises(ParamsError, match="where: inf is not a finite number"):
        importer.check_value(float("inf"), "where")
