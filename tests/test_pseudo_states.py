"""The pseudo-locale beyond each page's first render (issue 27): every walkthrough step,
activation, figure and preset, linear hidden layers, the probe where pairs are on and off,
the optimizer after Step and Train, a bad file, a bad link, an own formula, an exercise
met, the export panel, softmax's overflow, the class page's fits, a board with students.
Every text shown in `?lang=qps` is inside ⟦…⟧ but code-like names (tests/pseudo_locale.py),
hover texts and the live tuner's data included. Each state runs twice: the second, strict
pass dots every message's own letters, so English filled into a placeholder (an
exception's text, a recorded detail, a field's name) shows as a word outside the dots.
"""

from __future__ import annotations

import json
import re

import pytest

from nnsine import i18n
from nnsine.book import figure_map, presets, walkthrough
from nnsine.engine import target_formula, targets
from nnsine.engine.activations import TABLE
from nnsine.formats import fitfile
from nnsine.i18n import _
from tests.board_fixtures import class_database  # noqa: F401 (a fixture)
from tests.conftest import opened
from tests.pseudo_locale import leftovers, texts
from ui.tuner import export_panel, optimizer_panel, probe_panel

pytestmark = pytest.mark.app

PSEUDO = {"lang": "qps"}


def shown_tab(label: str) -> str:
    """A tab's label as the page shows it (a tab is chosen by its label)."""
    with i18n.using(i18n.PSEUDO):
        return _(label)


_PSEUDO_GETTEXT = i18n._Pseudo.gettext
TARGET_NAMES = list(targets.TARGETS)  # a bad ?target= lists the names a link may use
ONE_PAIR_FIGURES = ("4-9", "4-10", "4-11", "4-12", "4-13", "4-14", "4-15", "4-16")


@pytest.fixture(autouse=True)
def database(class_database):  # noqa: F811 (the fixture, by name)
    """A new class database for every test (tests/board_fixtures.py)."""
    return class_database


# Streamlit's colour directive (`:red[**inf**]`) is markup, not a word.
COLOUR = re.compile(r":(?:red|orange|green|blue|violet|gray|grey|rainbow|primary)\[")


# What a person reads in a Plotly figure or the live tuner's data beyond what
# tests/pseudo_locale.py reads (titles, annotations, legend names): hover texts, trace
# texts, tick labels, and the words, slot labels and overlay of the live tuner.
READ_KEYS = {"text", "hovertemplate", "hovertext", "ticktext", "label", "title", "name",
             "target_label", "words", "annotations", "shapes", "overlay", "slots",
             "texttemplate", "legendgrouptitle", "colorbar"}
NOT_READ = {"key", "colors", "color", "font", "family", "xref", "yref", "type", "mode",
            "hoverinfo", "textposition", "xanchor", "yanchor", "line", "fillcolor", "layer"}


def _deep(value, where: str, reading: bool):
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_READ and not key.endswith("color"):
                yield from _deep(item, f"{where}.{key}", reading or key in READ_KEYS)
    elif isinstance(value, list):
        for item in value:
            yield from _deep(item, where, reading)
    elif isinstance(value, str) and reading:
        yield where, value


def _shown(figure: dict) -> dict:
    """A figure without the names of traces neither in the legend nor in a hover."""
    for trace in figure.get("data", []):
        if trace.get("showlegend") is False and trace.get("hoverinfo") in ("skip", "none"):
            trace.pop("name", None)
    return figure


def _data_texts(at):
    stack = [at._tree]
    while stack:
        node = stack.pop()
        stack.extend(getattr(node, "children", {}).values())
        proto = getattr(node, "proto", None)
        for field in ("json", "spec"):
            raw = getattr(proto, field, "") if proto is not None else ""
            if isinstance(raw, str) and raw.startswith("{"):
                try:
                    yield from _deep(_shown(json.loads(raw)), field, False)
                except ValueError:
                    pass


# The strict pass: a message's own letters become dots (placeholders kept), so a word
# left is a value filled in: English from an exception, a key, a name the app built.
# Values that are the user's or code in every language are listed here.
FIELD = re.compile(r"(\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\})")
LETTER = re.compile(r"[^\W\d_]")
VALUES = {
    "bad", "nope", "abc", "zz", "yes", "fast",  # what the tests typed or named
    "hand", "tuned", "zeros", "sixteen", "pairs",  # preset names as recorded (URL, CLI)
    "view", "sm", "logits", "max", "batch", "scale",
    "shift", "ex", "goals", "P1", "nnsine",  # URL keys and values (sm_logits, P1_W1 ...)
    "RuntimeWarning", "overflow", "encountered", "in",  # NumPy's warning, as it prints it
    "str", "AM", "PNG", "SVG", "npz", "fit", "Adam", "SGD", "init", "arcsin",  # code, files
    "Activation",  # Activation_ReLU, the book's class
    "NNSINE", "PUBLIC", "URL",  # an environment variable's name
    "and",  # English's list ("1, 2 and 3": nnsine.engine.wording.listed, CLDR in es, zh)
    "import", "os", *target_formula.FUNCTIONS, *target_formula.CONSTANTS,  # a formula's code
}


def _dots(message: str) -> str:
    parts = FIELD.split(message)
    return "⟦" + "".join(p if k % 2 else LETTER.sub("•", p) for k, p in enumerate(parts)) + "⟧"


@pytest.fixture(params=["qps", "strict"], autouse=True)
def strict(request, monkeypatch):
    """Each state twice: in the pseudo-locale, and with every message's letters dotted."""
    if request.param == "strict":
        monkeypatch.setattr(i18n._Pseudo, "gettext", lambda self, m: _dots(m))
        monkeypatch.setattr(i18n._Pseudo, "ngettext",
                            lambda self, s, p, n: _dots(s if n == 1 else p))
    _forget()  # texts cached per language were made by the other pass
    yield request.param == "strict"
    _forget()


def _forget() -> None:
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    figure_map._figures_in.cache_clear()
    walkthrough._steps_in.cache_clear()


def clean(at, also=()) -> list[str]:
    """What `unwrapped` reports, but for Streamlit's colour markup (tell the lead), and
    the figures' and live tuner's other texts; in the strict pass, the words of values."""
    assert not at.exception, at.exception
    strict = i18n._Pseudo.gettext is not _PSEUDO_GETTEXT
    found = [*texts(at), *_data_texts(at)]
    if strict:  # the live tuner's words are templates: their {placeholders} are not values
        found = [(w, FIELD.sub(" ", re.sub("[⟦⟧]", " ", t))) for w, t in found]
    unknown = VALUES | set(also) if strict else set()
    return sorted({f"{where}: {words} in {text[:100]!r}" for where, text in found
                   if (words := sorted(set(leftovers(_plain(text))) - unknown))})


def _plain(text: str) -> str:
    """Text without markup: HTML tags, Plotly's %{fields}, colour, Markdown's escapes."""
    text = re.sub(r"<[^>]*>|%\{[^}]*\}", " ", text)
    return re.sub(r"\\(.)", r"\1", COLOUR.sub("[", text))


def tuner(query=None, preset="hand-tuned"):
    at = opened("app.py", PSEUDO | (query or {}))
    if preset:
        at.button(key=f"preset_{preset}").click().run()
    return at


@pytest.mark.parametrize("step", range(1, 38))
def test_every_walkthrough_step(step):
    assert clean(opened("app.py", PSEUDO | {"walk": str(step)})) == []


@pytest.mark.parametrize("name", [a.name for a in TABLE])
def test_every_activation(name):
    assert clean(opened("pages/activations.py", PSEUDO | {"act": name})) == []


@pytest.mark.parametrize("figure", ONE_PAIR_FIGURES)
def test_every_one_pair_figure(figure):
    assert clean(opened("pages/one-pair.py", PSEUDO | {"fig": figure})) == []


@pytest.mark.parametrize("preset", ["zeros", "hand-tuned"])
def test_every_preset_loaded(preset):
    assert clean(tuner(preset=preset)) == []


def test_linear_hidden_layers():
    at = tuner()
    at.segmented_control(key="activation").set_value("linear").run()
    assert clean(at) == []
    for tab in (shown_tab("Probe the network"), shown_tab(optimizer_panel.TAB)):
        at.session_state["tuner_tab"] = tab
        at.run()
        assert clean(at) == [], tab


@pytest.mark.parametrize("x", [-0.4, 0.08, 0.3, 0.51, 0.9, 1.4])
def test_the_probe_where_pairs_are_on_and_off(x):
    at = tuner()
    at.session_state["tuner_tab"] = shown_tab("Probe the network")
    at.session_state[probe_panel.X] = x
    at.run()
    assert clean(at) == []


@pytest.mark.parametrize("preset", ["zeros", "hand-tuned"])
def test_the_optimizer_after_step_and_train(preset):
    at = tuner(preset=preset)
    at.session_state["tuner_tab"] = shown_tab(optimizer_panel.TAB)
    at.run()
    at.session_state["opt_steps"] = optimizer_panel.STEPS[0]
    at.button(key="opt_train").click().run()
    assert clean(at) == []
    at.radio(key="opt_mode").set_value("pairs").run()
    at.button(key="opt_step").click().run()
    assert clean(at) == []
    at.button(key="opt_play").click().run()
    assert clean(at) == []


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00", b"{nope", b'{"format": 3}',
                                  b"x,y\n0,1\n"])
def test_a_bad_file(data):
    at = tuner()
    at.file_uploader(key="upload").upload("bad.json", data).run()
    assert clean(at) == []


def test_a_bad_link():
    assert clean(opened("app.py", PSEUDO | {"p1_w1": "abc", "P1_W1": "3"})) == []


@pytest.mark.parametrize("query", [{"target": "zz"}, {"pairs": "99"}, {"walk": "99"},
                                   {"ex": "1", "ex_goals": "a"}])
def test_other_bad_links(query):
    assert clean(opened("app.py", PSEUDO | query), also=TARGET_NAMES) == []


@pytest.mark.parametrize("formula", ["abs(x - 0.3)", "__import__('os')", "1/x"])
def test_an_own_formula_target(formula):
    at = tuner()
    at.selectbox(key="target_pick").set_value("own").run()
    assert clean(at) == []
    at.text_input(key="own_formula").set_value(formula).run()
    at.button(key="own_formula_use").click().run()
    assert clean(at) == []


def test_an_own_csv_target():
    at = tuner()
    at.selectbox(key="target_pick").set_value("own").run()
    at.file_uploader(key="own_csv").upload("t.csv", b"x,y\n0,0\n0.5,1\n1,0\n").run()
    assert clean(at) == []
    at.file_uploader(key="own_csv").upload("t.csv", b"nope").run()
    assert clean(at) == []


@pytest.mark.parametrize("goals", ["5,4", "0.2,0.0001"])
def test_an_exercise_with_goals_met(goals):
    at = tuner({"ex": "1", "ex_target": "sine", "ex_pairs": "8", "ex_goals": goals})
    assert clean(at) == []


@pytest.mark.parametrize("to", list(export_panel.FORMATS))
def test_the_export_panel_open(to):
    at = tuner()
    at.session_state[export_panel.OPEN] = True
    at.session_state[export_panel.FORMAT] = to
    at.run()
    assert clean(at) == []


def test_the_export_panel_import():
    at = tuner()
    at.session_state[export_panel.OPEN] = True
    at.run()
    at.file_uploader(key=export_panel.UPLOAD).upload("a.json", b"{nope").run()
    assert clean(at) == []


@pytest.mark.parametrize("button", ["sm_push", "sm_book"])
def test_softmax_with_extreme_logits(button):
    at = opened("pages/softmax.py", PSEUDO)
    at.button(key=button).click().run()
    assert clean(at) == []


def test_the_class_page_with_fits():
    at = opened("pages/class.py", PSEUDO)
    uploader = at.file_uploader(key="class_files")
    # File names and a file's line are the user's: named here with no words of their own.
    uploader.upload("p1.json", fitfile.dumps(presets.preset("zeros")).encode())
    uploader.upload("p2.json", fitfile.dumps(presets.preset("hand-tuned")).encode())
    uploader.upload("p3.json", b"{")
    uploader.run()
    assert clean(at) == []
    at.toggle(key="class_names").set_value(True).run()
    assert clean(at) == []


def test_the_board_with_students():
    teacher = opened("pages/class.py", PSEUDO)
    teacher.button(key="board_start").click().run()
    join = next(c.value for c in teacher.code if "/?join=" in c.value)
    code = re.search(r"join=(\w+)", join)[1]
    for name, preset in (("p1", "hand-tuned"), ("p2", "zeros")):  # names: the user's
        student = tuner({"join": code}, preset=preset)
        student.text_input(key="handin_name").input(name)
        submit = next(b for b in student.button if b.key.startswith("FormSubmitter:handin_join"))
        submit.click().run()
        assert not student.error, [e.value for e in student.error]
        assert clean(student) == []
        student.button(key="handin_send").click().run()
        assert clean(student) == []
    teacher.run()
    assert clean(teacher) == []


@pytest.mark.parametrize("figure", ["4-1", "4-17", "4-30", "4-32", "4-33"])
def test_every_figure_opened(figure):
    at = opened("pages/figures.py", PSEUDO)
    if f"figure_{figure}" in [b.key for b in at.button]:
        at.button(key=f"figure_{figure}").click().run()
    assert clean(at) == []


def test_why_nonlinear_trained():
    at = opened("pages/why-nonlinear.py", PSEUDO)
    at.button(key="why_train").click().run()
    assert clean(at) == []


@pytest.mark.parametrize("release", [
    {"values": [12.0, 0.123, float("nan")] + [0.0] * 38, "checksum": 0.0},
    {"values": [1.0, 2.0], "checksum": 0},
    {"values": "nope", "checksum": "x"},
])
def test_a_bad_release_from_the_browser(release):
    at = tuner()
    at.session_state["live"] = {"release": {**release, "seq": 1}}
    at.run()
    assert clean(at) == []


@pytest.mark.parametrize("query", [
    {"sm_logits": "1,abc"}, {"sm_logits": "5"}, {"sm_logits": "1,1001"},
    {"sm_logits": "-1000,-1000,-1000"}, {"sm_shift": "inf"}, {"sm_max": "yes"},
    {"sm_scale": "-1"}, {"sm_batch": "1,2"}, {"sm_logits": "1000,1000,-1000", "sm_max": "1"}])
def test_softmax_bad_and_extreme_links(query):
    assert clean(opened("pages/softmax.py", PSEUDO | query)) == []


@pytest.mark.parametrize("typed", ["0", "nan", "fast", "1e9"])
def test_a_bad_learning_rate(typed):
    at = tuner()
    at.session_state["tuner_tab"] = shown_tab(optimizer_panel.TAB)
    at.run()
    at.radio(key="opt_mode").set_value("pairs").run()
    at.text_input(key="opt_rate_sgd").set_value(typed).run()
    assert clean(at) == []
    at.button(key="opt_play").click().run()
    assert clean(at) == []


def test_play_on_zeros_and_a_malformed_run():
    at = tuner(preset="zeros")
    at.session_state["tuner_tab"] = shown_tab(optimizer_panel.TAB)
    at.run()
    at.radio(key="opt_mode").set_value("pairs").run()
    at.button(key="opt_play").click().run()
    assert clean(at) == []
    bad = {"momentum": [0.0] * 41, "cache": [-1.0] + [0.0] * 40, "steps": 3, "losses": []}
    at.session_state["live"] = {"release": {"values": [0.0] * 41, "seq": 5, "optimizer": bad,
                                            "checksum": 0.0}}
    at.run()
    assert clean(at) == []


@pytest.mark.parametrize("query", [
    {"b_out": "0.123"}, {"present": "1"}, {"teacher": "zz"}, {"join": "ZZZZZZ"},
    {"target": "f:1/0"}, {"target": "f:"}, {"view": "zz"}, {"pairs": "16"},
    {"ex": "1", "ex_target": "f:abs(x)", "ex_hide": "presets,walkthrough,optimizer"}])
def test_more_links(query):
    script = "pages/class.py" if "teacher" in query else "app.py"
    assert clean(opened(script, PSEUDO | query), also=TARGET_NAMES) == []


def test_the_exercise_composer():
    at = opened("pages/class.py", PSEUDO)
    for goals in ("0.1; 0.05", "zz"):
        at.text_input(key="ex_form_goals").set_value(goals)
        next(b for b in at.button if "exercise_form" in b.key).click().run()
        assert clean(at) == []


def test_the_board_managed():
    teacher = opened("pages/class.py", PSEUDO)
    teacher.button(key="board_start").click().run()
    code = re.search(r"join=(\w+)", next(c.value for c in teacher.code if "join=" in c.value))[1]
    student = tuner({"join": code})
    student.text_input(key="handin_name").input("p1")
    next(b for b in student.button if b.key.startswith("FormSubmitter:handin_join")).click().run()
    student.button(key="handin_send").click().run()
    student.segmented_control(key="activation").set_value("linear").run()
    assert clean(student) == []
    teacher.run()
    for action in ("rename", "remove"):
        if f"roster_{action}" in [b.key for b in teacher.button]:
            teacher.button(key=f"roster_{action}").click().run()
            assert clean(teacher) == [], action
    teacher.button(key="board_close").click().run()
    assert clean(teacher) == []
    student.segmented_control(key="activation").set_value("relu").run()
    student.button(key="handin_send").click().run()  # hand-ins are closed
    assert clean(student) == []
    teacher.button(key="board_reopen").click().run()
    if "board_delete" in [b.key for b in teacher.button]:
        teacher.button(key="board_delete").click().run()
    assert clean(teacher) == []
    student.run()
    assert clean(student) == []


@pytest.mark.parametrize(("preset", "pair"), [("hand-tuned", 0), ("hand-tuned", 7),
                                              ("zeros", 2)])
def test_edit_a_pair(preset, pair):
    at = tuner(preset=preset)
    at.session_state["tuner_tab"] = shown_tab("Edit a pair")
    at.run()
    at.selectbox(key="edit_pair").set_value(pair).run()
    assert clean(at) == []
    at.toggle(key="contributions").set_value(True).run()
    at.toggle(key="wide").set_value(True).run()
    assert clean(at) == []
