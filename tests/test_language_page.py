"""Which language a page speaks under AppTest (ui/language.py): the link's `lang`, the
picker, the URL written back, a value with no catalog named in English."""

from __future__ import annotations

import pytest

from tests.conftest import opened

pytestmark = pytest.mark.app


def nav_labels(at) -> list[str]:
    return [link.proto.label for link in at.sidebar.get("page_link")]


def test_a_link_in_a_regional_spanish_is_spanish_and_the_url_says_es():
    at = opened("app.py", {"lang": "es-MX"})
    assert at.session_state["lang"] == "es"
    assert "Ajuste del seno" in nav_labels(at)
    assert at.query_params["lang"] == ["es"] or at.query_params["lang"] == "es"


def test_english_by_default_and_no_lang_in_the_url():
    at = opened("pages/softmax.py")
    assert at.session_state["lang"] == "en"
    assert "lang" not in at.query_params
    assert "Sine tuner" in nav_labels(at)


def test_the_picker_changes_the_language_and_the_url():
    at = opened("pages/softmax.py", {"lang": "es"})
    at.selectbox(key="lang_pick").set_value("zh").run()
    assert not at.exception
    assert "正弦拟合器" in nav_labels(at)
    assert str(at.query_params["lang"]).strip("[]'") == "zh"
    at.selectbox(key="lang_pick").set_value("en").run()
    assert "Sine tuner" in nav_labels(at)
    assert "lang" not in at.query_params  # English in an English browser: a clean URL


@pytest.mark.parametrize("value", ["fr", "<b>x</b>", "e" * 300])
def test_a_language_without_a_catalog_is_english_with_a_note_naming_it(value):
    at = opened("app.py", {"lang": value})
    notes = [w.value for w in at.warning if "there is no translation" in w.value]
    assert len(notes) == 1 and value[:20] in notes[0].replace("\\", "")
    assert "Sine tuner" in nav_labels(at)
