"""A PyTorch state_dict file written with the standard library (torch stays optional).

torch.save's format is a zip archive (stored, not compressed): `archive/data.pkl`, a pickle
of the dict in which each tensor is `torch._utils._rebuild_tensor_v2(storage, offset, size,
stride, requires_grad, hooks)` and each storage a persistent id ("storage", torch.DoubleStorage,
key, "cpu", numel) whose bytes are `archive/data/<key>`; plus `archive/byteorder` and
`archive/version`. Only globals that torch.load(weights_only=True) allows are named.
The pickle is written opcode by opcode: pickling stand-ins for torch's classes would need
torch importable, or fake modules in sys.modules (global state in a shared server).
"""

from __future__ import annotations

import io
import struct
import zipfile

import numpy as np

ARCHIVE = "archive"
ALIGNMENT = 64  # torch.save aligns each storage's bytes to 64 in the file (mmap=True loads)


def _text(value: str) -> bytes:
    data = value.encode()
    return b"X" + struct.pack("<I", len(data)) + data  # BINUNICODE


def _int(value: int) -> bytes:
    return b"J" + struct.pack("<i", value)  # BININT


def _global(module: str, name: str) -> bytes:
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"  # GLOBAL


def _tuple(items: list[bytes]) -> bytes:
    return b"(" + b"".join(items) + b"t"  # MARK ... TUPLE


def _ordered_dict() -> bytes:
    return _global("collections", "OrderedDict") + b")R"  # OrderedDict(): EMPTY_TUPLE REDUCE


def _tensor(key: str, array: np.ndarray) -> bytes:
    storage = _tuple([_text("storage"), _global("torch", "DoubleStorage"), _text(key),
                      _text("cpu"), _int(array.size)]) + b"Q"  # BINPERSID
    stride, step = [], 1
    for size in reversed(array.shape):  # C order, in elements
        stride.insert(0, step)
        step *= size
    arguments = _tuple([storage, _int(0), _tuple([_int(s) for s in array.shape]),
                        _tuple([_int(s) for s in stride]), b"\x89", _ordered_dict()])
    return _global("torch._utils", "_rebuild_tensor_v2") + arguments + b"R"


def pickle_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """data.pkl for `arrays` (storage keys "0", "1", ... in the dict's order)."""
    items = [_text(name) + _tensor(str(k), array) for k, (name, array) in enumerate(arrays.items())]
    return b"\x80\x02" + _ordered_dict() + b"(" + b"".join(items) + b"u."  # SETITEMS STOP


def _write(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(f"{ARCHIVE}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
    # Pad the local header's extra field so that the data starts on ALIGNMENT, as torch does.
    start = archive.fp.tell() + 30 + len(info.filename.encode())
    padding = -(start + 4) % ALIGNMENT
    info.extra = struct.pack("<HH", 0xFE5A, padding) + b"\0" * padding
    archive.writestr(info, data, compress_type=zipfile.ZIP_STORED)


def dumps(arrays: dict[str, np.ndarray]) -> bytes:
    """A torch.load-able file of name -> float64 tensor, one storage per array."""
    arrays = {name: np.ascontiguousarray(array, dtype="<f8") for name, array in arrays.items()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        _write(archive, "data.pkl", pickle_bytes(arrays))
        _write(archive, "byteorder", b"little")
        for k, array in enumerate(arrays.values()):
            _write(archive, f"data/{k}", array.tobytes())
        _write(archive, "version", b"3\n")
    return buffer.getvalue()
