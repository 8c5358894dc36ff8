"""nnsine: Chapter 4 of Neural Networks from Scratch, as a tiny NumPy engine.

Pure arrays in, arrays out; no UI code lives here.
"""

from nnsine.activations import linear, relu, sigmoid, softmax, step
from nnsine.fitfile import dumps, loads
from nnsine.metrics import Score, score
from nnsine.network import Params, Trace, forward, from_dense, predict, to_dense
from nnsine.params import ParamsError
from nnsine.presets import PRESETS, preset

__all__ = [
    "PRESETS", "Params", "ParamsError", "Score", "Trace", "dumps", "forward", "from_dense",
    "linear", "loads", "predict", "preset", "relu", "score", "sigmoid", "softmax", "step",
    "to_dense",
]
