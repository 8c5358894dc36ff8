"""The live tuner's words come from Python (nnsine/frontend_words.py): every key the
browser's files name is sent and every word sent is used, each is translated (the
pseudo-locale wraps all of them), nnsine/frontend/words.js only fills `{name}`
placeholders, the app's component data and the notebook widget carry them, and
`Tuner(lang=...)` speaks the language it is given or names the value it cannot read."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from nnsine import frontend_words, i18n
from nnsine.engine import handles
from nnsine.formats.checks import ParamsError
from tests.conftest import ROOT, opened
from tests.test_tuner_page import tuner_data

FRONTEND = ROOT / "nnsine" / "frontend"
FIELD = re.compile(r"\{(\w+)\}")
WORDS_DRIVER = """
import { say, list } from %s;
const words = { pair: "Pair {pair}: {why}", list_separator: "{first}、{second}" };
process.stdout.write(JSON.stringify([say(words, "pair", { pair: 3, why: "x" }),
  say(words, "pair", { pair: 0 }), say(words, "absent"), say(undefined, "pair"),
  list(words, ["a", "b", "c"]), list(words, ["a"])]));
"""


def js_text() -> str:
    return "\n".join(path.read_text() for path in FRONTEND.glob("*.js"))


def test_every_key_the_browser_names_is_sent_and_every_word_sent_is_used():
    sent = frontend_words.words()
    quoted = set(re.findall(r'"(\w+)"', js_text()))
    named = set(re.findall(r'\b(?:say|word)\(\s*[\w.]+,\s*"(\w+)"', js_text()))
    assert named and named <= set(sent)
    reasons = {f"why_{key}" for key in handles.WHY}  # data.words[`why_${found.why}`]
    assert set(sent) - reasons <= quoted
    assert reasons <= set(sent)


def test_every_word_is_translated_and_its_placeholders_are_plain_names():
    english = frontend_words.words()
    with i18n.using(i18n.PSEUDO):
        pseudo = frontend_words.words()
    assert set(pseudo) == set(english)
    for key, text in pseudo.items():
        assert text.startswith("⟦") and text.endswith("⟧"), key
        assert i18n.placeholders(text) == set(FIELD.findall(english[key])), key
    assert frontend_words.words()["pair"] == "Pair {pair}"  # the block's language only


@pytest.mark.subprocess
def test_the_browser_fills_placeholders_and_lists_in_the_languages_words():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the browser's words")
    code = WORDS_DRIVER % json.dumps((FRONTEND / "words.js").as_uri())
    done = subprocess.run([node, "--input-type=module", "-e", code], check=True,
                          capture_output=True, text=True, timeout=60)
    assert json.loads(done.stdout) == ["Pair 3: x", "Pair 0: {why}", "absent", "pair",
                                       "a、b、c", "a"]


@pytest.mark.app
def test_the_apps_live_tuner_is_given_the_words_of_the_page_language():
    data = tuner_data(opened("app.py", {"lang": i18n.PSEUDO}))
    with i18n.using(i18n.PSEUDO):
        assert data["words"] == frontend_words.words()
    assert data["slots"][0]["short"].startswith("⟦")
    assert tuner_data(opened("app.py"))["words"] == frontend_words.words()


def test_the_notebook_tuner_speaks_the_language_it_is_given():
    pytest.importorskip("anywidget")
    from nnsine.widget import Tuner

    assert Tuner()._data["words"] == frontend_words.words()
    pseudo = Tuner(lang=i18n.PSEUDO)
    with i18n.using(i18n.PSEUDO):
        assert pseudo._data["words"] == frontend_words.words()
    assert pseudo._score_text.startswith("⟦MSE 0.50000")
    assert i18n.current() == i18n.DEFAULT  # the widget's language stays in the widget
    assert Tuner(lang="es-MX").lang == "es" and Tuner(lang="zh_CN").lang == "zh"
    for bad in ("fr", "", None, 3, "<script>"):
        with pytest.raises(ParamsError, match=r"lang: no translation for .*one of en, es, zh"):
            Tuner(lang=bad)
    pseudo.lang = "en"  # a language set later is checked and spoken at once
    assert pseudo._data["words"] == frontend_words.words()
    assert pseudo._score_text.startswith("MSE 0.50000")
    with pytest.raises(ParamsError, match="'fr'"):
        pseudo.lang = "fr"
    assert pseudo.lang == "en"  # kept


def test_a_spanish_tuners_checks_speak_spanish_and_a_new_language_clears_old_notices():
    from nnsine.formats.checks import ParamsError
    from nnsine.widget import Tuner

    tuner = Tuner(lang="es")
    with pytest.raises(ParamsError, match="no es un número"):
        tuner.values = {**tuner.values, "p1_w1": "abc"}
    tuner.notices = ["una nota"]
    tuner.lang = "zh"
    assert tuner.notices == []
