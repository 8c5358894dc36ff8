"""nnsine: Chapter 4 of Neural Networks from Scratch, as a tiny NumPy engine.

Pure arrays in, arrays out; no UI code lives here.
"""

from nnsine.book.presets import PRESETS, preset
from nnsine.engine.activations import linear, relu, sigmoid, softmax, step
from nnsine.engine.metrics import Score, score
from nnsine.engine.network import Params, Trace, forward, from_dense, predict, to_dense
from nnsine.formats.fitfile import dumps, loads
from nnsine.formats.params import ParamsError

__all__ = [
    "PRESETS", "Params", "ParamsError", "Score", "Trace", "dumps", "forward", "from_dense",
    "linear", "loads", "predict", "preset", "relu", "score", "sigmoid", "softmax", "step",
    "to_dense",
]
