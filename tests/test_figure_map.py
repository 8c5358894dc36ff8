"""Issue 18: every figure of Chapter 4 (4-1 ... 4-34) is in the figure map, and its link
(plus the step it names) opens a page state that shows it, without an exception."""

from __future__ import annotations

import re
import runpy
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from nnsine.book import figure_map, walkthrough
from nnsine.engine import probe
from ui import shell

ROOT = Path(__file__).resolve().parents[1]
# The page files app.py lists, by URL path (a page's URL is its file name).
PAGE_FILES = {Path(page.script).stem: page.script for page in shell.PAGES}
FIGURES = {view.figure: view for view in figure_map.FIGURES}


def nodes(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from nodes(child)


def has_key(at: AppTest, key: str) -> bool:
    for node in nodes(at._tree):
        proto_id = getattr(getattr(node, "proto", None), "id", "") or ""
        if getattr(node, "key", None) == key or proto_id.endswith(key):
            return True
    return False


def open_figure(view: figure_map.FigureView) -> AppTest:
    """Open the link as a browser would (a fresh session), then do what `then` says."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in parse_qsl(urlsplit(view.link).query):
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    if view.page != "tuner":
        at.switch_page(PAGE_FILES[view.page]).run()
        assert not at.exception, at.exception
    if view.state:
        for key, value in view.state.items():
            at.session_state[key] = value
        at.run()
    assert not at.exception, at.exception
    return at


def test_the_map_covers_every_figure_of_the_chapter_once():
    assert list(FIGURES) == [f"4-{k}" for k in range(1, 35)]
    text = (ROOT.parent / "shared" / "reference" / "ch4-chapter.txt")
    if text.exists():  # the chapter's figures are exactly these
        found = re.findall(r"image/(4-\d+)\.png", text.read_text())
        assert found == list(FIGURES)
    assert {view.page for view in FIGURES.values()} <= set(PAGE_FILES)
    table = figure_map.readme_table()
    assert all(f"| {f} |" in table for f in FIGURES)


@pytest.mark.app
@pytest.mark.parametrize("figure", list(FIGURES))
def test_every_figure_opens(figure):
    view = FIGURES[figure]
    at = open_figure(view)
    assert has_key(at, view.shows), (figure, view.shows)
    number = int(figure.split("-")[1])
    if view.page == "activations":
        assert at.radio(key="act_name").value == view.query["act"]
    elif view.page == "one-pair":
        SETTINGS = runpy.run_path(str(ROOT / "pages" / "one-pair.py"))["FIGURES"]  # noqa: N806

        for key, value in SETTINGS[figure].items():
            assert at.session_state[key] == value, (figure, key)
        assert f"Fig. {figure}:" in " ".join(b.label for b in at.button)
    elif 17 <= number <= 29:
        index = int(view.query["walk"]) - 1
        assert at.session_state["walk_step"] == index
        assert at.session_state["fit"] == walkthrough.STEPS[index].params
        assert f"Fig. {figure}" in " ".join(c.value for c in at.caption)
    elif figure in ("4-30", "4-31"):
        fit = at.session_state["fit"]
        words = probe.explain(probe.probe(fit, view.state["probe_x"]), fit)
        shown = " ".join(m.value for m in at.markdown)
        assert all(sentence in shown for _, sentence in words)
    elif figure == "4-33":
        assert at.session_state["fit"].n_pairs == 16
