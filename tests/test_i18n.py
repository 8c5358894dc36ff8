"""The translation layer (nnsine.i18n) and its catalogs: every sentence of the source is in
the template, every catalog translates every one of them with English's placeholders, a
`?lang=` value or a browser's locale picks a language or none, and `_` is never shadowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from nnsine import i18n
from tests.conftest import ROOT

METHODS = [("**/tests/**", "ignore"), ("**/.venv/**", "ignore"),
           ("nnsine/**.py", "python"), ("ui/**.py", "python"),
           ("pages/**.py", "python"), ("app.py", "python")]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
TRANSLATED = [lang.code for lang in i18n.LANGUAGES if lang.code != i18n.DEFAULT]


def catalog(path: Path):
    with open(path, "rb") as file:
        return read_po(file)


def in_source() -> set:
    """Every message the source marks (a plural as its (singular, plural) pair)."""
    found = set()
    for folder in ("nnsine", "ui", "pages"):
        for _filename, _lineno, message, _comments, _context in extract_from_dir(
                str(ROOT / folder), [(p.split("/", 1)[1] if p.startswith(folder + "/") else p,
                                      m) for p, m in METHODS], keywords=KEYWORDS):
            found.add(message)
    return found


def test_the_template_holds_every_sentence_of_the_source():
    template = {m.id if isinstance(m.id, str) else tuple(m.id)
                for m in catalog(i18n.LOCALE_DIR / "nnsine.pot") if m.id}
    source = {m if isinstance(m, str) else tuple(m) for m in in_source()}
    assert source - template == set(), "run `make messages`, then translate what is new"
    assert template - source == set(), "run `make messages` (sentences no longer used)"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_catalog_translates_every_sentence_with_its_placeholders(code):
    template = {m.id for m in catalog(i18n.LOCALE_DIR / "nnsine.pot") if m.id}
    messages = [m for m in catalog(i18n.LOCALE_DIR / code / "LC_MESSAGES" / "nnsine.po")
                if m.id]
    assert {m.id for m in messages} == template, "run `make messages`"
    for message in messages:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert not message.fuzzy and all(strings), f"{code}: untranslated {ids[0]!r}"
        wanted = i18n.placeholders(ids[-1]) - {"n"}
        for string in strings:
            assert i18n.placeholders(string) - {"n"} == wanted, (code, ids[0], string)


def test_a_language_is_picked_from_a_tag_or_not_at_all():
    assert [i18n.pick(t) for t in ("es", "ES", "es-MX", "es_AR", "zh-CN", "zh-Hans-CN",
                                   "zh_TW", "en-GB", "qps")] == [
        "es", "es", "es", "es", "zh", "zh", "zh", "en", "qps"]
    for text in (None, "", "fr", "xx-YY", "<script>", "e" * 100, "es-" + "x" * 20, "1"):
        assert i18n.pick(text) is None


def test_messages_follow_the_language_of_their_block_only():
    assert i18n._("Sine tuner") == "Sine tuner"
    with i18n.using("es"):
        assert i18n._("Sine tuner") == "Ajuste del seno"
        with i18n.using("qps"):
            assert i18n._("Pair {pair}", pair=3) == "⟦Pair 3⟧"
        assert i18n.current() == "es"
    assert i18n.current() == "en"
    with pytest.raises(ValueError, match="'fr'"):
        i18n.activate("fr")


def test_plurals_and_decimal_commas_come_from_the_language():
    assert i18n.ngettext("{n} pair", "{n} pairs", 1) == "1 pair"
    assert i18n.ngettext("{n} pair", "{n} pairs", 3) == "3 pairs"
    assert i18n.decimal_comma("es") and not i18n.decimal_comma("zh")
    assert not i18n.decimal_comma("en")


def _binds_underscore(tree: ast.AST) -> list[int]:
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)]


def test_no_module_that_translates_uses_underscore_as_a_throwaway_name():
    """`x, _ = f()` in a module that imports `_` would make `_("...")` a TypeError."""
    for folder in ("nnsine", "ui", "pages"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text())
            imports = any(isinstance(n, ast.ImportFrom) and n.module == "nnsine.i18n"
                          and any(a.name == "_" for a in n.names) for n in ast.walk(tree))
            if imports:
                assert _binds_underscore(tree) == [], path.relative_to(ROOT)


def test_every_widget_callback_runs_in_the_sessions_language():
    """Streamlit runs callbacks before the page sets the language (ui/language.py)."""
    bare = []
    for path in [*(ROOT / "pages").glob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.keyword) and node.arg in ("on_click", "on_change"):
                value = node.value
                if isinstance(value, ast.Constant) or (
                        isinstance(value, ast.Call) and getattr(value.func, "id", "")
                        == "localized"):
                    continue
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bare == [], "pass callbacks as localized(callback) (ui/language.py)"


def test_every_fragment_reruns_in_the_sessions_language():
    """A fragment's own rerun starts in a new thread too (ui/language.py)."""
    bare = []
    for path in [*(ROOT / "pages").glob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef):
                names = [ast.unparse(d) for d in node.decorator_list]
                if any("fragment" in name for name in names) and "localized" not in names:
                    bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bare == [], "decorate fragments @localized under @st.fragment (ui/language.py)"


def test_the_pages_language_script_has_no_angle_bracket():
    """st.html reads a script as HTML first: a `<tag>` even in a comment stopped it."""
    assert "<" not in (ROOT / "ui" / "page_language.js").read_text()
