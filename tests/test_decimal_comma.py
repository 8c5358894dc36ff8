"""Issue 27 in the formats: a typed number takes the decimal comma of the learner's
language (`0,7` in Spanish, never in English or Chinese), a typed list then separates with
`;`, URLs keep the decimal point in every language, and every message a person reads from
nnsine.formats is in the current language (the pseudo-locale wraps each in ⟦…⟧)."""

import re

import pytest

from nnsine.book import presets
from nnsine.formats import (
    checks,
    exercise,
    fitfile,
    importer,
    links,
    params,
    provenance,
    softmax_settings,
    state_keys,
)
from nnsine.i18n import using

ParamsError = params.ParamsError


@pytest.mark.parametrize(("text", "number"), [
    ("0,7", 0.7), ("1,5e-3", 0.0015), (" -2,25 ", -2.25), ("0.7", 0.7), (",5", 0.5), ("3", 3.0),
])
def test_spanish_reads_a_decimal_comma(text, number):
    with using("es"):
        assert checks.to_float(text, "learning rate", text=True) == number
        assert checks.in_range(text, -10, 10, "w1", text=True) == number


@pytest.mark.parametrize("code", ["en", "zh"])
def test_a_language_with_a_decimal_point_refuses_a_comma_and_names_the_value(code):
    with using(code), pytest.raises(ParamsError) as error:
        checks.to_float("0,7", "learning rate", text=True)
    if code == "en":
        assert str(error.value) == ("learning rate: '0,7' is not a number "
                                    "(write 0.7 with a decimal point)")
    assert "'0,7'" in str(error.value) and "learning rate" in str(error.value)


@pytest.mark.parametrize("code", ["en", "es", "zh"])
@pytest.mark.parametrize("text", ["1,234.5", "1.234,5", "0,1,5"])
def test_a_comma_with_a_point_or_two_commas_is_refused_in_every_language(code, text):
    with using(code), pytest.raises(ParamsError) as error:
        checks.to_float(text, "goal", text=True)
    assert repr(text) in str(error.value)


def test_a_thousands_comma_gets_no_decimal_point_hint():
    with pytest.raises(ParamsError) as error:
        checks.to_float("1,234", "goal", text=True)
    assert str(error.value) == "goal: '1,234' is not a number"


def test_json_numbers_and_the_comma_switch_ignore_the_language():
    with using("es"):
        assert checks.to_float(0.5, "w1") == 0.5
        with pytest.raises(ParamsError):
            checks.to_float("0,5", "w1", text=True, comma=False)
        with pytest.raises(ParamsError):
            checks.to_float("0,5", "w1")  # not text: a JSON string is no number
    assert checks.to_float("0,5", "w1", text=True, comma=True) == 0.5


@pytest.mark.parametrize(("text", "goals"), [
    ("0,1; 0,05", (0.1, 0.05)), ("0,1;0,05;", (0.1, 0.05)), ("0,7", (0.7,)),
    ("0.1, 0.05", (0.1, 0.05)), ("0.1; 0.05", (0.1, 0.05)),
])
def test_a_spanish_list_of_goals_is_separated_by_semicolons(text, goals):
    """As typed in the teacher's form; a link's are read with points (below)."""
    with using("es"):
        assert exercise.parse_goals(text) == goals


def test_commas_separate_an_english_list_and_semicolons_too():
    assert exercise.parse_goals("0.1, 0.05") == (0.1, 0.05)
    assert exercise.parse_goals("0.1; 0.05") == (0.1, 0.05)
    with pytest.raises(ParamsError, match=r"'0,1, 0,05' no es un número \(en una lista, sep"):
        with using("es"):  # said in Spanish, naming the value and the separator
            exercise.parse_goals("0,1, 0,05")


def test_a_link_keeps_the_decimal_point_in_spanish():
    with using("es"):
        fit, problems = params.from_query({"p1_w1": "0,7", "p1_b1": "0.5"})
        settings, sm_problems = softmax_settings.from_query({"sm_shift": "0,5"})
    assert fit.pair(0)["b1"] == 0.5 and fit.pair(0)["w1"] == params.defaults().pair(0)["w1"]
    assert len(problems) == 1 and "0,7" in problems[0]
    assert settings.shift == 0.0 and len(sm_problems) == 1 and "0,5" in sm_problems[0]


def _messages() -> list[str]:
    """One message of each kind nnsine.formats shows a person."""
    said = []
    for bad in (b"\x89PNG\r\n\x1a\n", b"", b"hello", b'{"format": "keras"}', b"[1]"):
        for reader in (fitfile.read, importer.read):
            try:
                reader(bad)
            except ParamsError as error:
                said.append(str(error))
    said += links.repair({"amp;p1_w1": "1%2C2", "p1_b1": "2)."})[1]
    said += state_keys.url_problems({"P1_W1": "1", "colour": "red"})
    said += params.from_query({"pairs": "x", "p1_w1": "inf", "p9_w1": "1"})[1]
    said += exercise.from_query({"ex": "1", "ex_pairs": "99", "ex_goals": "0",
                                 "ex_hide": "nothing"})[1]
    said += softmax_settings.from_query({"sm_logits": "1", "sm_max": "2", "sm_x": "1"})[1]
    said += params.from_values([1, "x", 99.0] + [0.0] * 38, params.defaults())[1]
    history = provenance.record(provenance.record((), "preset", "hand-tuned"), "sliders")
    said.append(provenance.describe(history))
    said.append(fitfile.read(fitfile.dumps(presets.preset("zeros"))).made())
    return said


def test_every_message_of_the_formats_is_translated():
    with using("qps"):
        said = _messages()
    assert len(said) > 25
    assert [text for text in said if not (text.startswith("⟦") and text.endswith("⟧"))] == []


@pytest.mark.parametrize("code", ["es", "zh"])
def test_messages_keep_their_placeholders_filled_in_each_language(code):
    with using(code):
        said = _messages()
    assert [text for text in said if re.search(r"\{[a-z_]+(:[^}]*)?\}", text)] == []


def test_a_links_goals_mean_the_same_in_every_language():
    """ex_goals=2,1 is two goals and ex_goals=0,1 no goal, whatever the reader's language:
    a link keeps the decimal point (only what a person types follows the language)."""
    for code in ("en", "es", "zh"):
        with using(code):
            task, problems = exercise.from_query({"ex": "1", "ex_goals": "2,1"})
            assert problems == [] and task.goals == (2.0, 1.0)
            __, problems = exercise.from_query({"ex": "1", "ex_goals": "0,1"})
            assert len(problems) == 1 and "ex_goals" in problems[0]
