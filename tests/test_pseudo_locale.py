"""The test that finds a forgotten string: every page and tab rendered in the pseudo-locale
(`?lang=qps`, every translated message wrapped in ⟦…⟧) shows no word outside the
brackets but code-like names (tests/pseudo_locale.py). A failure names the element and
its text: wrap that sentence in `_()` where the app builds it (docs: Translations)."""

from __future__ import annotations

import pytest

from tests.board_fixtures import class_database  # noqa: F401 (a fixture)
from tests.conftest import opened
from tests.pseudo_locale import unwrapped

pytestmark = pytest.mark.app

PSEUDO = {"lang": "qps"}
TUNER_TABS = ("⟦Edit a pair⟧", "⟦Probe the network⟧", "⟦Fig. 4-32: let the optimizer finish⟧")
CASES = {
    "tuner": ("app.py", {}),
    "walkthrough": ("app.py", {"walk": "3"}),
    "exercise": ("app.py", {"ex": "1", "ex_target": "sine", "ex_pairs": "3",
                            "ex_goals": "0.2,0.1"}),
    "join link": ("app.py", {"join": "ABCDEF"}),
    "activations": ("pages/activations.py", {}),
    "sigmoid": ("pages/activations.py", {"act": "sigmoid"}),
    "one-pair": ("pages/one-pair.py", {}),
    "why-nonlinear": ("pages/why-nonlinear.py", {}),
    "softmax": ("pages/softmax.py", {}),
    "class": ("pages/class.py", {}),
    "figures": ("pages/figures.py", {}),
}


@pytest.fixture(autouse=True)
def database(class_database):  # noqa: F811 (the fixture, by name)
    """A new class database for every test (tests/board_fixtures.py)."""
    return class_database


@pytest.mark.parametrize("case", CASES)
def test_every_word_of_the_page_is_translated(case):
    script, query = CASES[case]
    at = opened(script, PSEUDO | query)
    assert unwrapped(at) == []


@pytest.mark.parametrize("tab", TUNER_TABS)
def test_every_word_of_each_tuner_tab_is_translated(tab):
    at = opened("app.py", PSEUDO)
    at.session_state["tuner_tab"] = tab
    at.run()
    assert not at.exception, at.exception
    assert unwrapped(at) == []


def test_every_word_of_a_running_class_is_translated():
    teacher = opened("pages/class.py", PSEUDO)
    teacher.button(key="board_start").click().run()
    assert not teacher.exception, teacher.exception
    assert unwrapped(teacher) == []
