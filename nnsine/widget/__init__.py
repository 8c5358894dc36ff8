"""The live tuner as a notebook widget (anywidget): `from nnsine.widget import Tuner`.

Needs the `widget` extra (anywidget); no Streamlit. As in `nnsine`, the name is imported on
first use (PEP 562), so importing this package runs none of its modules (see
tests/test_import_graph.py for why).
"""

from importlib import import_module

__all__ = ["Tuner"]


def __getattr__(name: str):
    """`Tuner`, imported from nnsine.widget.tuner on first use."""
    if name != "Tuner":
        raise AttributeError(f"module 'nnsine.widget' has no attribute {name!r}")
    return import_module("nnsine.widget.tuner").Tuner
