"""The live class board in the app (AppTest): a teacher starts a class, a student joins
from the tuner's join link and hands in, the board ranks it under an alias, names show
as plain text, the teacher link alone opens the board, closing and deleting work."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from nnsine.book import presets
from nnsine.classboard import board
from tests.board_fixtures import class_database, postgres_url  # noqa: F401 (a fixture)
from tests.conftest import opened
from tests.test_tuner_page import shown

pytestmark = pytest.mark.app

MARKUP = "**x** <img src=x onerror=alert(1)> [link](http://example.com)"


@pytest.fixture(autouse=True)
def database(class_database):  # noqa: F811 (the fixture, by name)
    """A new class database for every test (tests/board_fixtures.py)."""
    return class_database


def class_page(query=None) -> AppTest:
    return opened("pages/class.py", query)


def tuner(query=None) -> AppTest:
    return opened("app.py", query)


def start_class() -> tuple[AppTest, str, str]:
    at = class_page()
    at.button(key="board_start").click().run()
    assert not at.exception, at.exception
    codes = [c.value for c in at.code]
    join = next(c for c in codes if "/?join=" in c)
    teacher = next(c for c in codes if "/class?teacher=" in c)
    assert join.startswith("http://192.168.1.5:8501/?join=")
    assert len(at.get("image")) == 1  # the QR code
    return at, join.rsplit("=", 1)[1], teacher.rsplit("=", 1)[1]


def join_and_hand_in(code: str, name: str, preset: str = "zeros") -> AppTest:
    at = tuner({"join": code})
    at.button(key=f"preset_{preset}").click().run()
    assert at.text_input(key="handin_code").value == code
    at.text_input(key="handin_name").input(name)
    at.button(key="FormSubmitter:handin_join-Join the class").click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    at.button(key="handin_send").click().run()
    assert not at.exception, at.exception
    assert any(s.value.startswith("Received at") for s in at.success), at.success
    return at


def test_a_live_lesson_start_join_hand_in_rank(database):
    teacher, code, token = start_class()
    assert "No hand-ins yet" in teacher.info[0].value
    student = join_and_hand_in(code, MARKUP)
    assert [m.value for m in student.metric if m.label == "Your rank"] == ["#1 of 1"]
    # The name is plain text: in a st.text, and in no Markdown element as typed.
    assert MARKUP in [t.value for t in student.text]
    assert not [m for m in student.markdown if "<img" in m.value or "**x**" in m.value]

    teacher.run()
    table = teacher.dataframe[0].value
    assert list(table["student"]) == ["Otter"]  # the projector's view: an alias
    teacher.toggle(key="board_names").set_value(True).run()
    assert list(teacher.dataframe[0].value["student"]) == [MARKUP]
    (chart,) = teacher.get("plotly_chart")
    assert "&lt;img src=x" in chart.proto.spec and "<img" not in chart.proto.spec
    assert not [m for m in teacher.markdown if "<img" in m.value]


def test_the_teacher_link_alone_opens_the_board(database):
    _, code, token = start_class()
    other = class_page({"teacher": token})
    assert any(c.value == code for c in other.code) or any(code in m.value
                                                           for m in other.markdown)
    assert token in other.query_params["teacher"]  # kept: a reload comes back here
    other.run()
    assert any(code in m.value for m in other.markdown)
    guess = class_page({"teacher": "x" * 43})
    assert "opens no class" in guess.error[0].value
    assert not [m for m in guess.markdown if code in m.value]
    student_only = class_page()
    assert student_only.button(key="board_start")  # a fresh session sees no board


def test_closing_and_deleting_a_class(database):
    teacher, code, token = start_class()
    student = join_and_hand_in(code, "Ada")
    teacher.button(key="board_close").click().run()
    assert "closed" in teacher.warning[0].value
    student.button(key="handin_send").click().run()
    assert "closed hand-ins" in student.error[0].value
    teacher.button(key="board_reopen").click().run()
    teacher.button(key="board_delete").click().run()
    assert teacher.button(key="board_start")
    assert board.teacher_class(database, token, 0) is None
    student.button(key="handin_send").click().run()
    assert re.search("ended or was deleted", " ".join(e.value for e in student.error))


def test_the_board_downloads_and_loads_the_best_fit(database):
    teacher = tuner()
    teacher.switch_page("pages/class.py").run()
    teacher.button(key="board_start").click().run()
    code = next(c.value for c in teacher.code if "/?join=" in c.value).rsplit("=", 1)[1]
    join_and_hand_in(code, "Ada", "hand-tuned")
    join_and_hand_in(code, "Bob")
    teacher.run()
    labels = [b.label for b in teacher.get("download_button")]
    assert sorted(labels) == ["All fits (zip of JSON)", "All hand-ins (CSV)",
                              "Grades for Canvas (CSV)", "Grades for Moodle (CSV)"]
    assert teacher.selectbox(key="board_pick").value == "Otter"  # the best, highlighted
    teacher.button(key="board_load").click().run()
    assert not teacher.exception, teacher.exception
    assert teacher.session_state["fit"] == presets.preset("hand-tuned")
    assert any("Otter" in s.value for s in teacher.success)


def test_presenter_mode_always_shows_aliases(database):
    teacher, code, _ = start_class()
    join_and_hand_in(code, "Ada")
    teacher.session_state["presenting"] = True
    teacher.toggle(key="board_names").set_value(True).run()
    assert teacher.toggle(key="board_names").disabled
    assert list(teacher.dataframe[0].value["student"]) == ["Otter"]
    assert list(teacher.dataframe[-1].value["student"]) == ["Otter"]  # the roster too
    assert not [c for c in teacher.code if "teacher=" in c.value]  # the secret stays off


def test_a_wrong_code_is_refused_and_counted(database, monkeypatch):
    monkeypatch.setenv("NNSINE_WRONG_CODES_PER_SESSION", "2")
    at = tuner({"join": "NOPE42"})
    for expected in ["no running class", "no running class", "too many wrong codes"]:
        at.text_input(key="handin_name").input("Eve")
        at.button(key="FormSubmitter:handin_join-Join the class").click().run()
        assert expected in at.error[0].value


@pytest.mark.db
def test_the_board_runs_on_postgresql(request, monkeypatch):
    monkeypatch.setenv("NNSINE_DATABASE_URL", request.getfixturevalue("postgres_url"))
    _, code, token = start_class()
    join_and_hand_in(code, "Ada")
    assert [m.value for m in class_page({"teacher": token}).metric
            if m.label == "Hand-ins"] == ["1"]


def test_an_unreachable_database_is_named_not_a_traceback(monkeypatch):
    monkeypatch.setenv("NNSINE_DATABASE_URL", "postgresql+psycopg://nobody:secret@127.0.0.1:1/x")
    at = class_page()
    at.button(key="board_start").click().run()
    assert not at.exception, at.exception
    (error,) = at.error
    shown = error.value.replace("\\", "")  # Markdown escapes: the URL shows as typed
    assert "NNSINE_DATABASE_URL=postgresql+psycopg://nobody:***@127.0.0.1:1/x" in shown
    assert "secret" not in shown
    assert at.file_uploader(key="class_files")  # the rest of the page goes on


def test_a_live_class_carries_an_exercise(database):
    at = class_page()
    at.button(key="board_start").click().run()
    assert not at.exception, at.exception
    at.selectbox(key="ex_form_target").set_value("sine")
    at.number_input(key="ex_form_pairs").set_value(4)
    [b for b in at.button if "Make the link" in b.label][0].click().run()
    assert not at.exception, at.exception
    links = [c.value for c in at.code if "ex=1" in c.value]
    assert len(links) == 2 and "join=" in links[1] and "ex_pairs=4" in links[1]


def test_a_live_class_on_a_formula_carries_that_exercise_and_sets_the_students_target(
        database):
    at = class_page()
    at.selectbox(key="board_target").set_value("own").run()
    at.text_input(key="board_formula").input("abs(x - 0.3)").run()
    at.button(key="board_start").click().run()
    assert not at.exception, at.exception
    assert any("target abs(x - 0.3)" in shown(m.value) for m in at.markdown)
    code = next(c.value for c in at.code if "/?join=" in c.value).rsplit("=", 1)[1]
    at.selectbox(key="ex_form_target").set_value("own")
    at.text_input(key="ex_form_formula").input("abs(x - 0.3)")
    [b for b in at.button if "Make the link" in b.label][0].click().run()
    links = [c.value for c in at.code if "ex=1" in c.value]
    assert len(links) == 2 and f"join={code}" in links[1], links
    assert all(link.startswith("http://192.168.1.5:8501/tuner?") for link in links)

    student = join_and_hand_in(code, "Ada")  # the plain join link: no target in it
    assert student.session_state["fit_target"] == "f:abs(x - 0.3)"
    assert not [w for w in student.warning if "This class fits" in w.value]


def test_a_bad_formula_for_a_live_class_is_named_and_starts_nothing(database):
    at = class_page()
    at.selectbox(key="board_target").set_value("own").run()
    at.text_input(key="board_formula").input("__import__('os')").run()
    at.button(key="board_start").click().run()
    assert not at.exception, at.exception
    assert [e for e in at.error if shown(e.value).startswith("Target: ")], at.error
    assert not [c for c in at.code if "/?join=" in c.value]


def test_a_live_class_can_fit_the_target_made_on_the_tuner(database):
    """Points from a CSV or a sketch are made on the tuner; the class page offers them."""
    at = class_page()
    points = "pts:0,0;0.5,1;1,0"
    at.session_state["fit_target"] = points
    at.run()
    at.selectbox(key="board_target").set_value(points).run()
    at.button(key="board_start").click().run()
    assert not at.exception, at.exception
    assert any("target 3 points" in shown(m.value) for m in at.markdown)


def test_no_hand_in_while_the_tuner_shows_linear_layers(database):
    """The board scores ReLU pairs: the numbers received must be the ones on screen."""
    _, code, _ = start_class()
    at = join_and_hand_in(code, "Ada")
    at.segmented_control(key="activation").set_value("linear").run()
    assert at.button(key="handin_send").disabled
    assert any("switch *Hidden layers* back" in i.value for i in at.info)
