"""The chapter's marimo notebook (notebooks/chapter4.py): it runs top to bottom headless
(`marimo export html` fails on any cell's error), and served by marimo in Chromium the
tuner renders, a drag re-runs the book's code with the new values, and a walkthrough step
set from Python moves the sliders. Skips without the `widget` extra and marimo."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

pytest.importorskip("anywidget")
pytest.importorskip("marimo")

from nnsine.book.walkthrough import STEPS  # noqa: E402
from nnsine.formats import params  # noqa: E402
from tests.conftest import ROOT  # noqa: E402
from tests.notebook_servers import marimo  # noqa: E402
from tests.test_widget_jupyter import local_only  # noqa: E402

NOTEBOOK = ROOT / "notebooks" / "chapter4.py"


@pytest.mark.subprocess
@pytest.mark.notebook
def test_the_chapter_notebook_runs_top_to_bottom(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "marimo", "-q", "-y", "export", "html", str(NOTEBOOK),
         "-o", str(tmp_path / "chapter4.html")], cwd=tmp_path, capture_output=True,
        text=True, timeout=300, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "MSE 0.50000" in (tmp_path / "chapter4.html").read_text()  # the book's code ran


def slider(page, key):
    return page.locator(f".nt-root input[data-key={key}]")  # CSS locators pierce shadow DOM


@pytest.mark.browser
@pytest.mark.notebook
def test_the_tuner_in_marimo_drives_the_books_code(tmp_path, page):
    outside = local_only(page)
    shutil.copy(NOTEBOOK, tmp_path / "chapter4.py")
    with marimo(tmp_path / "chapter4.py", mode="run") as (url, token):
        page.goto(f"{url}/?access_token={token}")
        page.locator(".nt-root[data-drawn]").wait_for(timeout=90_000)
        assert slider(page, "p1_w1").count() == 1
        assert page.locator(".nt-root input[type=range]").count() == 41
        page.locator(".nt-plot .main-svg").first.wait_for()  # plotly.js from the kernel
        book = page.get_by_text("The book's code with the tuner's values")
        book.filter(has_text="MSE 0.50000").wait_for()

        b_out = slider(page, "b_out")
        b_out.scroll_into_view_if_needed()
        box = b_out.bounding_box()
        middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.move(*middle)
        page.mouse.down()
        page.mouse.move(middle[0] + box["width"] * 0.1, middle[1], steps=6)
        page.mouse.up()
        value = float(b_out.input_value())
        assert value > 0
        mse = 0.5 + value**2  # the zero fit's flat output against sin(2πx)
        book.filter(has_text=f"MSE {mse:.5f}").wait_for()  # the book's cell ran again

        step = STEPS[3]
        page.locator("select").first.select_option(label=f"3. {step.title}")
        for slot, wanted in params.items(step.params):
            if wanted:
                page.wait_for_function(
                    "([el, v]) => Number(el.value) === v",
                    arg=[slider(page, slot.key).element_handle(), wanted])
    assert outside == []
