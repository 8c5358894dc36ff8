"""A network from a learner's notebook into nnsine: the book's six arrays, as an .npz
(np.savez) or as JSON ({"dense1_weights": [[...]], ...}), or nnsine's own fit file.

Layer 2 diagonal: a pair network, which the sliders can hold. Otherwise a dense network,
shown read-only. Every number goes through `check_value` (nnsine.formats.params.check).
"""

from __future__ import annotations

import io
import json
import lzma
import math
import zipfile
import zlib
from dataclasses import dataclass

import numpy as np

from nnsine.engine.network import Params, dense_forward, forward, from_dense, to_dense
from nnsine.formats import fitfile, params, sniff
from nnsine.formats.export import ARRAY_NAMES
from nnsine.i18n import _

MAX_FILE_BYTES = 256 * 1024  # 16 pairs as JSON with every digit: about 12 KB
MAX_ABS = 1e6  # a weight or bias beyond this is a broken file, not a trained network
ANY_WEIGHT = params.Field("weight", "weight or bias", -MAX_ABS, MAX_ABS, 0.01, 0.0)
Layers = list[tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class Imported:
    """A checked network: the book's three layers (weights (inputs, outputs), biases
    (1, outputs), float64); `fit` is its pair network when layer 2 is diagonal, else None;
    `off_slider` names the first value the sliders cannot hold ("" if none)."""

    layers: Layers
    fit: Params | None
    off_slider: str = ""

    @property
    def n(self) -> int:
        """Neurons per hidden layer."""
        return self.layers[0][0].shape[1]

    @property
    def cross_weights(self) -> int:
        """Nonzero weights off layer 2's diagonal: how far it is from a pair network."""
        weights = self.layers[1][0]
        return int(np.count_nonzero(weights - np.diag(np.diag(weights))))


def check_value(value, where: str, field: params.Field = ANY_WEIGHT) -> float:
    """The one check every imported number passes (finite, in range): params.check."""
    return params.check(field, value, where)


def expected_shapes(n: int) -> dict[str, tuple[int, int]]:
    """Each array's shape for n neurons per hidden layer, in the book's layout."""
    return {"dense1_weights": (1, n), "dense1_biases": (1, n), "dense2_weights": (n, n),
            "dense2_biases": (1, n), "dense3_weights": (n, 1), "dense3_biases": (1, 1)}


def _width(shape: tuple[int, ...]) -> int:
    if len(shape) == 2 and shape[0] == 1 and shape[1] >= 1:
        return shape[1]
    if len(shape) == 2 and shape[1] == 1 and shape[0] > 1:
        raise params.ParamsError(_(
            "{name} has shape {shape}; expected (1, n) for one input and n neurons. It looks "
            "transposed: Layer_Dense keeps weights as (inputs, outputs), PyTorch as (outputs, "
            "inputs); save dense1.weights, or weight.T from PyTorch.",
            name="dense1_weights", shape=shape))
    raise params.ParamsError(_("{name} has shape {shape}; expected (1, n) for one input and n "
                               "neurons.", name="dense1_weights", shape=shape))


def _shaped(name: str, array: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    if array.shape == shape:
        return array
    if name.endswith("_biases") and array.shape == (shape[1],):
        return array.reshape(shape)  # biases saved 1-D: unambiguous
    if array.shape == shape[::-1]:
        raise params.ParamsError(_(
            "{name} has shape {shape}; expected {expected} (inputs, outputs), as Layer_Dense "
            "stores it. It looks transposed (PyTorch's (outputs, inputs) layout?): save its .T.",
            name=name, shape=array.shape, expected=shape))
    raise params.ParamsError(_("{name} has shape {shape}; expected {expected} (inputs, "
                               "outputs), as Layer_Dense stores it.", name=name,
                               shape=array.shape, expected=shape))


def from_arrays(arrays: dict[str, np.ndarray]) -> Imported:
    """The six named arrays (any real dtype) -> Imported; ParamsError names the array, the
    index and the expected shape of the first problem."""
    missing = [name for name in ARRAY_NAMES if name not in arrays]
    unknown = sorted(set(arrays) - set(ARRAY_NAMES))
    if missing or unknown:
        six = ", ".join(ARRAY_NAMES)
        raise params.ParamsError(
            _("missing {names}; expected the six arrays {six}", names=", ".join(missing),
              six=six) if missing else
            _("unknown arrays {names}; expected the six arrays {six}", names=", ".join(unknown),
              six=six))
    n = _width(np.shape(arrays["dense1_weights"]))
    if n > params.MAX_PAIRS:
        raise params.ParamsError(_("{name} has {n} neurons (shape (1, {n})); nnsine shows at "
                                   "most {most}", name="dense1_weights", n=n,
                                   most=params.MAX_PAIRS))
    checked = {}
    for name, shape in expected_shapes(n).items():
        array = _shaped(name, arrays[name], shape)
        values = [check_value(v, f"{name}[{i}, {j}]")
                  for i, row in enumerate(array.tolist()) for j, v in enumerate(row)]
        checked[name] = np.array(values, dtype=np.float64).reshape(shape)
    layers = [(checked[f"dense{k}_weights"], checked[f"dense{k}_biases"]) for k in (1, 2, 3)]
    try:
        fit = from_dense(layers)
    except ValueError:
        return Imported(layers, None)
    return Imported(layers, fit, _off_slider(fit))


ARRAY_OF = {"w1": "dense1_weights", "b1": "dense1_biases", "w2": "dense2_weights",
            "b2": "dense2_biases", "w_out": "dense3_weights", "b_out": "dense3_biases"}


def _off_slider(fit: Params) -> str:
    for slot, value in params.items(fit):
        try:
            check_value(value, f"{slot.label} ({ARRAY_OF[slot.field.name]})", slot.field)
        except params.ParamsError as problem:
            return str(problem)
    return ""


def from_fit(fit: Params) -> Imported:
    """An nnsine fit as an Imported pair network."""
    return Imported(to_dense(fit), fit, _off_slider(fit))


# What a damaged member raises while it is read (a bad deflate or LZMA stream included).
UNREADABLE = (ValueError, EOFError, OSError, zlib.error, lzma.LZMAError)


def _npz(data: bytes) -> dict[str, np.ndarray]:
    # Each array's header is read before its data: a header may claim any shape.
    arrays = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            name = info.filename.removesuffix(".npy")
            try:
                with archive.open(info) as member:
                    version = np.lib.format.read_magic(member)
                    read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                                   else np.lib.format.read_array_header_2_0)
                    shape, _order, dtype = read_header(member)
            except UNREADABLE as error:
                raise params.ParamsError(_("{name} is not a NumPy array ({problem})",
                                           name=name, problem=error)) from None
            # Each dimension first: math.prod((2**64, 0)) is 0, and NumPy overflows on it.
            if (any(d > params.MAX_PAIRS ** 2 for d in shape)
                    or math.prod(shape) > params.MAX_PAIRS ** 2 or dtype.kind not in "fiu"):
                raise params.ParamsError(_("{name} holds {dtype} values of shape {shape}; "
                                           "expected real numbers, at most {most} x {most}",
                                           name=name, dtype=dtype, shape=shape,
                                           most=params.MAX_PAIRS))
            try:
                with archive.open(info) as member:
                    arrays[name] = np.lib.format.read_array(member, allow_pickle=False)
            except UNREADABLE as error:
                raise params.ParamsError(_("{name} is not a NumPy array ({problem})",
                                           name=name, problem=error)) from None
    return arrays


def _json(text: bytes) -> Imported:
    try:
        obj = json.loads(text)
    except RecursionError:
        raise params.ParamsError(_("not valid JSON (nested too deeply)")) from None
    except (UnicodeDecodeError, ValueError) as error:
        raise params.ParamsError(_("not valid JSON: {problem}; expected the book's six arrays "
                                   '(.npz, or JSON {{"dense1_weights": [[...]], ...}}) or a '
                                   "fit file", problem=sniff.not_json(text, error))) from None
    if isinstance(obj, dict) and "format" in obj:  # a fit file: read as the tuner reads it
        return from_fit(fitfile.read(text).params)
    if not isinstance(obj, dict):
        raise params.ParamsError(_("the JSON is not an object of the six arrays"))
    arrays = {}
    for name, value in obj.items():
        try:
            arrays[name] = np.array(value, dtype=object)
        except (ValueError, RecursionError):
            raise params.ParamsError(_("{name} is not a list of rows of numbers",
                                       name=name)) from None
    return from_arrays(arrays)


def read(data: bytes) -> Imported:
    """An uploaded file's bytes (.npz or JSON, told apart by content) -> Imported;
    ParamsError for anything else."""
    if len(data) > MAX_FILE_BYTES:
        raise params.ParamsError(_("the file is over {size:,} bytes; the six arrays of a "
                                   "{n}-neuron network take a few KB", size=MAX_FILE_BYTES,
                                   n=params.MAX_PAIRS))
    if data[:4] == b"PK\x03\x04":
        try:
            return from_arrays(_npz(data))
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as error:
            raise params.ParamsError(_("not a readable .npz file ({problem})",
                                       problem=error)) from None
    return _json(data)


def output(imported: Imported, x: np.ndarray) -> np.ndarray:
    """The network's output (n,) at inputs x (n,): a pair network through nnsine's forward
    (the sliders' bits), a dense one through the book's np.dot layers."""
    if imported.fit is not None:
        return forward(imported.fit, x).output
    return dense_forward(imported.layers, x)[:, 0]
