"""`make messages` (docs: Develop → Translations) on a copy of the checkout: the Makefile's
own recipe extracts the same sentences the template holds and leaves every translation as
it was, so running it after an English change only adds what is new."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import ROOT

pytestmark = pytest.mark.subprocess


def recipe() -> list[str]:
    """The shell lines of the Makefile's `messages` target, continuations joined."""
    text = (ROOT / "Makefile").read_text()
    body = re.search(r"^messages:.*\n((?:\t.*\n)+)", text, re.MULTILINE).group(1)
    return [line.strip() for line in body.replace("\\\n", " ").splitlines() if line.strip()]


def pairs(path: Path) -> dict:
    with open(path, "rb") as file:
        return {m.id: m.string for m in read_po(file) if m.id}


def test_make_messages_changes_no_sentence_and_no_translation(tmp_path):
    for name in ("nnsine", "ui", "pages"):
        shutil.copytree(ROOT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
    for name in ("app.py", "babel.cfg"):
        shutil.copy(ROOT / name, tmp_path / name)
    pybabel = str(Path(sys.executable).parent / "pybabel")
    for line in recipe():
        subprocess.run(line.replace("$(VENV)/bin/pybabel", pybabel), shell=True, check=True,
                       cwd=tmp_path, capture_output=True, timeout=300)
    locale = Path("nnsine/locale")
    for catalog in ["nnsine.pot", *(f"{code}/LC_MESSAGES/nnsine.po" for code in ("es", "zh"))]:
        assert pairs(tmp_path / locale / catalog) == pairs(ROOT / locale / catalog), catalog


def test_a_new_language_starts_from_the_template_and_is_found(tmp_path, monkeypatch):
    """Adding a language (the guide's step 2): `pybabel init` makes its catalog from the
    template; with its line in LANGUAGES the layer reads it (untranslated: English)."""
    from nnsine import i18n

    pybabel = str(Path(sys.executable).parent / "pybabel")
    subprocess.run([pybabel, "init", "-i", str(i18n.LOCALE_DIR / "nnsine.pot"), "-d",
                    str(tmp_path), "-D", "nnsine", "-l", "fr"], check=True,
                   capture_output=True, timeout=120)
    assert pairs(tmp_path / "fr/LC_MESSAGES/nnsine.po").keys() == pairs(
        i18n.LOCALE_DIR / "nnsine.pot").keys()
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(i18n, "CODES", i18n.CODES | {"fr"})
    i18n.translations.cache_clear()
    try:
        assert i18n.pick("fr-CA") == "fr"
        with i18n.using("fr"):
            assert i18n._("Sine tuner") == "Sine tuner"  # not yet translated
    finally:
        i18n.translations.cache_clear()
