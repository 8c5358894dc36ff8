"""The book's words (nnsine.book) in the learner's language: every text the walkthrough,
the figure map, Fig. 4-33's note, the listings and the presets give the app goes through
the translation layer (the pseudo-locale wraps all of it), each language gets its own
walkthrough with the same fits, and a tab the figure map opens is named as the tab is."""

from __future__ import annotations

import re

from nnsine import i18n
from nnsine.book import figure_map, listings, more_pairs, presets, walkthrough
from nnsine.book import walkthrough_reasons as why
from nnsine.i18n import _
from tests.pseudo_locale import leftovers

INNERMOST = re.compile(r"⟦[^⟦⟧]*⟧")


def _outside(text: str) -> str:
    """`text` without its wrapped messages, nested ones too (a translated tab name or
    quote fills a placeholder of a translated sentence: ⟦open the tab *⟦Probe …⟧*⟧)."""
    while INNERMOST.search(text):
        text = INNERMOST.sub(" ", text)
    return text


def _untranslated(texts) -> list[str]:
    return [text for text in texts if leftovers(_outside(text))]


def test_every_word_of_the_walkthrough_is_translated():
    with i18n.using(i18n.PSEUDO):
        steps = walkthrough.STEPS
        texts = [text for step in steps
                 for text in (step.title, step.caption, step.reason, step.figure_note)]
        last = len(steps) - 1
        texts += [walkthrough.reason_on_page(k, "triangle", (0.3, 0.1)) for k in (5, last)]
        texts += [why.linear_note(step.params) for step in steps[:3]]
        texts += [why.linear_note(steps[-1].params, "triangle", (0.3, 0.1))]
    assert _untranslated(texts) == []
    assert steps[1].title == "⟦Pair 1: weights to 1⟧"


def test_each_language_has_its_walkthrough_with_the_same_fits():
    english = walkthrough.STEPS
    with i18n.using(i18n.PSEUDO):
        pseudo = walkthrough.STEPS
        assert walkthrough.walk() is pseudo  # built once per language
    assert walkthrough.STEPS is english and english[3].title == "Pair 1: layer-2 bias 0.7"
    assert [s.params for s in pseudo] == [s.params for s in english]
    assert [s.figure for s in pseudo] == [s.figure for s in english]
    with i18n.using(i18n.PSEUDO):
        assert [walkthrough.changed(k) for k in range(len(pseudo))] == [
            walkthrough.changed(k, english) for k in range(len(english))]


def test_every_word_of_the_figure_map_is_translated():
    with i18n.using(i18n.PSEUDO):
        views = figure_map.FIGURES
        texts = [text for view in views for text in (view.caption, view.then) if text]
        probe = figure_map.by_figure("4-31")
        # The tuner's tabs are opened by their shown name (tests/test_pseudo_locale.py).
        assert probe.state["tuner_tab"] == _("Probe the network") == "⟦Probe the network⟧"
        assert figure_map.by_figure("4-32").state["tuner_tab"] == _(
            "Fig. 4-32: let the optimizer finish")
    # Figs. 4-1 to 4-4 are the activation table's captions (nnsine/engine): left to it.
    assert _untranslated(texts[4:]) == []
    assert [v.link for v in views] == [v.link for v in figure_map.FIGURES]
    assert figure_map.by_figure("4-30").state["tuner_tab"] == "Probe the network"


def test_the_readme_table_stays_english():
    english = figure_map.readme_table()
    with i18n.using(i18n.PSEUDO):
        assert figure_map.readme_table() == english
    assert "⟦" not in english


def test_fig_4_33_listings_and_presets_are_translated():
    with i18n.using(i18n.PSEUDO):
        texts = [more_pairs.note(more_pairs.sixteen_pairs()), _(more_pairs.WORDS),
                 _(figure_map.FIG_4_32_BOOK), _(why.OURS)]
        texts += [title for _n, title, _l, _w in listings.printed(range(1, 16))]
        texts += [presets.title(name) for name in (*presets.TITLES, "walkthrough-3")]
        printed = listings.printed([1, 9])
    assert _untranslated(texts) == []
    assert presets.title("no-such-preset") == "no-such-preset"
    # What the book's code prints is NumPy's and Python's: the same in every language.
    assert [lines for _n, _t, lines, _w in printed] == [
        lines for _n, _t, lines, _w in listings.printed([1, 9])]


def test_chinese_sentences_are_joined_without_a_space():
    assert why.sentences("One.", "", "Two.") == "One. Two."
    with i18n.using("zh"):
        assert why.sentences("第一句。", "第二句。") == "第一句。第二句。"
