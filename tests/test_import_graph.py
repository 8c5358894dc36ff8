"""No import cycles in nnsine/ and ui/: one server process runs every session's script
in its own thread, so on a new server several sessions' first runs import our modules at
the same moment. Python holds a lock per module while it runs that module's imports; a
cycle (including a package whose __init__ imports its own modules) lets two threads take
those locks in opposite orders, and Python then raises `_DeadlockError` in one session:
its first page showed "This app has encountered an error" about one time in three when a
class opened different links at once (tests/test_cold_start_browser.py).

The graph is read from the source (module-level imports, each module also needing its
parent package), not from Python's own import machinery, so it is an independent check.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from tests.conftest import ROOT


def modules() -> dict[str, Path]:
    """Every module of ours by dotted name (a package by its own name)."""
    found = {}
    for folder in ("nnsine", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """Our modules that importing `name` runs first: what its top level imports (in
    if/try blocks too; not inside functions, which run later) and every parent package."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names = set()
    nodes = [n for top in ast.parse(path.read_text()).body
             for n in (ast.walk(top) if isinstance(top, (ast.If, ast.Try)) else [top])]
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)  # submodules
    names.add(name.rpartition(".")[0])
    parents = {".".join(n.split(".")[:i]) for n in names for i in range(1, n.count(".") + 2)}
    return (parents & known) - {name}


def test_our_modules_import_without_cycles():
    found = modules()
    assert {"nnsine", "nnsine.engine.network", "ui.fit_state"} <= set(found)
    graph = {name: imported(name, path, set(found)) for name, path in found.items()}
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        pytest.fail(f"import cycle: {' -> '.join(error.args[1])}")


@pytest.mark.subprocess
def test_the_package_keeps_its_public_names_and_imports_none_of_them():
    code = ("import sys, nnsine; assert [m for m in sys.modules if m.startswith('nnsine')]"
            " == ['nnsine']; from nnsine import forward, preset, score, ParamsError, cli; "
            "print(round(score(preset('hand-tuned')).mse, 6))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "0.000387"


def test_the_engine_imports_nothing_above_it():
    """nnsine/engine is the ground floor: no import (at any depth, functions included) of
    formats, book, plots, classboard, the widget or ui. Ranges, steps and the slider grid
    are engine facts (nnsine.engine.fields); parsing and files are formats."""
    above = ("nnsine.formats", "nnsine.book", "nnsine.plots", "nnsine.classboard",
             "nnsine.widget", "nnsine.cli")
    found = {}
    for name, path in modules().items():
        if not name.startswith("nnsine.engine"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            targets = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                       [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            bad = [t for t in targets if t == "nnsine" or t.startswith(above)
                   or t.split(".")[0] in {"ui", "pages", "streamlit"}]
            if bad:
                found.setdefault(name, []).extend(bad)
    assert found == {}
