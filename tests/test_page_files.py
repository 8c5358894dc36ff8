"""Every page in app.py can answer a cold deep link (pages/cold_start.py): its file is named
by its URL and hands a pages/-folder discovery run to app.py before drawing anything."""

import ast
import re

import pytest

from tests.conftest import ROOT

PAGES = re.findall(r'\("(pages/[\w-]+\.py)"', (ROOT / "app.py").read_text())


def test_app_lists_the_pages():
    assert "pages/tuner.py" in PAGES and len(PAGES) >= 6


@pytest.mark.parametrize("path", PAGES)
def test_a_page_hands_a_cold_run_to_the_app_before_drawing(path):
    tree = ast.parse((ROOT / path).read_text())
    body = [node for node in tree.body if not isinstance(node, (ast.Import, ast.ImportFrom))
            and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
    assert ast.unparse(body[0]) == "cold_start.via_app()", path  # the first statement
