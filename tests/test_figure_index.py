"""Issue 24: the in-app figure index lists every figure 4-1 ... 4-34 from the figure map,
and each one's button opens, in the same session and without an exception, the page state
that shows it (the element figure_map names, and what the figure is about)."""

from __future__ import annotations

import pytest

from nnsine.book import figure_map, more_pairs, walkthrough
from nnsine.engine import probe
from tests.test_figure_map import FIGURES, has_key
from tests.test_tuner_page import app


def index():
    at = app()
    at.switch_page("pages/figures.py").run()
    assert not at.exception, at.exception
    return at


@pytest.mark.app
def test_the_index_names_every_figure_with_its_caption():
    at = index()
    labels = [b.label for b in at.button if b.key and b.key.startswith("figure_")]
    assert labels == [f"Open Fig. 4-{k}" for k in range(1, 35)]
    text = " ".join(m.value for m in at.markdown)
    for view in figure_map.FIGURES:
        assert f"**Fig. {view.figure}**" in text and view.caption in text
        assert f"]({view.link})" in text  # tests/test_figure_map.py opens each link


@pytest.mark.app
@pytest.mark.parametrize("figure", list(FIGURES))
def test_every_figure_is_one_click_from_the_index(figure):
    view = FIGURES[figure]
    at = index()
    at.session_state["fit"] = walkthrough.STEPS[3].params  # some other state to replace
    at.session_state["activation"] = "linear"
    at.button(key=f"figure_{figure}").click().run()
    assert not at.exception, at.exception
    assert has_key(at, view.shows), (figure, view.shows)
    number = int(figure.split("-")[1])
    if view.page == "activations":
        assert at.radio(key="act_name").value == view.query["act"]
    elif view.page == "one-pair":
        assert at.session_state["one_pair_figure"] == figure
    elif 17 <= number <= 29:
        index_ = int(view.query["walk"]) - 1
        assert at.session_state["walk_step"] == index_
        assert at.session_state["fit"] == walkthrough.STEPS[index_].params
        assert at.session_state["activation"] == "relu"
        assert f"Fig. {figure}" in " ".join(c.value for c in at.caption)
    elif figure in ("4-30", "4-31"):
        fit = at.session_state["fit"]
        words = probe.explain(probe.probe(fit, view.state["probe_x"]), fit)
        shown = " ".join(m.value for m in at.markdown)
        assert all(sentence in shown for _, sentence in words)
    elif figure == "4-33":
        fit = at.session_state["fit"]
        assert fit.n_pairs == 16 and fit == more_pairs.sixteen_pairs()
        assert more_pairs.WORDS in " ".join(i.value for i in at.info)
