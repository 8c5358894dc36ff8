"""The layer the docs promise (docs/content/develop/architecture.md): `nnsine/` never
imports Streamlit. Read from the source (every import statement, also those inside
functions)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "nnsine").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_nnsine_never_imports_streamlit(path):
    assert not {n for n in imports(path) if n.split(".")[0] == "streamlit"}

