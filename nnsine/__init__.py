"""nnsine: Chapter 4 of Neural Networks from Scratch, as a tiny NumPy engine.

Pure arrays in, arrays out; no UI code lives here.

`from nnsine import forward, preset, score, ...` works, but each name is imported only
when it is first asked for (PEP 562). Importing this package itself imports nothing:
a package that imported its own modules made every `import nnsine.x.y` run the whole
engine while holding the package's import lock, and two sessions' first runs on a new
server (each importing a different page's modules at once) hit Python's import
deadlock check ("_DeadlockError") one time in three.
"""

from importlib import import_module

_WHERE = {  # public name -> the module that defines it
    "PRESETS": "nnsine.book.presets", "preset": "nnsine.book.presets",
    **dict.fromkeys(["linear", "relu", "sigmoid", "softmax", "step"],
                    "nnsine.engine.activations"),
    "Score": "nnsine.engine.metrics", "score": "nnsine.engine.metrics",
    **dict.fromkeys(["Params", "Trace", "forward", "from_dense", "predict", "to_dense"],
                    "nnsine.engine.network"),
    "dumps": "nnsine.formats.fitfile", "loads": "nnsine.formats.fitfile",
    "ParamsError": "nnsine.formats.params",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    """The public name `name`, imported from its module on first use (AttributeError for
    any other name, so `from nnsine import cli` still finds the submodule)."""
    if name not in _WHERE:
        raise AttributeError(f"module 'nnsine' has no attribute {name!r}")
    return getattr(import_module(_WHERE[name]), name)
