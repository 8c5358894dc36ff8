"""Issue 23 in the app (AppTest): the join link's first screen is the join form; joining
puts the seat in the address bar; a new session (a reload, a restart, another replica)
with that address is the same student; a second tab without it is refused by name with
how to get back; the teacher's address brings the board back."""

from __future__ import annotations

import time

import pytest

from nnsine.classboard import board, roster
from tests.board_fixtures import class_database  # noqa: F401 (a fixture)
from tests.conftest import opened
from tests.test_board_page import (
    database,  # noqa: F401 (the autouse fixture)
    join_and_hand_in,
    start_class,
)
from tests.test_tuner_page import shown


def _query(at) -> dict:
    """The session's address bar: parameter -> value."""
    values = {key: at.query_params[key] for key in at.query_params}
    return {k: v if isinstance(v, str) else v[-1] for k, v in values.items()}


@pytest.mark.app
def test_the_join_link_opens_on_the_join_form():
    _, code, _ = start_class()
    student = opened("app.py", {"join": code})
    first = [el.key for el in student.text_input][:2]
    assert first == ["handin_code", "handin_name"]  # the page's first inputs
    assert "Join class" in student.markdown[0].value


@pytest.mark.app
def test_a_reload_or_a_restart_keeps_the_student_with_their_hand_in(database):  # noqa: F811
    teacher, code, _ = start_class()
    student = join_and_hand_in(code, "Ada", preset="hand-tuned")
    seat = _query(student)["seat"]
    assert len(seat) >= 43 and "join" not in student.query_params
    # A new session with the same address: a reload, a phone waking up, a new server.
    back = opened("app.py", {"seat": seat})
    assert "handin_code" not in [t.key for t in back.text_input]  # no join form
    assert any("Welcome back, Ada" in shown(s.value) for s in back.success)
    assert [m.value for m in back.metric if m.label == "Your rank"] == ["#1 of 1"]
    assert "preset" in " ".join(c.value for c in back.caption)  # how the fit was made
    back.button(key="handin_send").click().run()
    assert any(s.value.startswith("Received at") for s in back.success)
    info = board.teacher_class(database, _query(teacher)["teacher"], time.time())
    [member] = roster.roster(database, info.id)
    assert (member.name, member.count) == ("Ada", 2)


@pytest.mark.app
def test_a_second_tab_without_the_seat_is_told_how_to_get_back():
    _, code, _ = start_class()
    join_and_hand_in(code, "Ada")
    tab = opened("app.py", {"join": code})
    tab.text_input(key="handin_name").input("\u0410da")  # a Cyrillic А
    tab.button(key="FormSubmitter:handin_join-Join the class").click().run()
    [error] = [e.value for e in tab.error]
    assert "'Ada' is already in class" in error and "?seat=" in error


@pytest.mark.app
def test_a_dead_seat_says_so_and_offers_the_join_form():
    _, code, _ = start_class()
    at = opened("app.py", {"seat": "x" * 43, "join": code})
    assert any("opens no seat" in shown(w.value) for w in at.warning)
    assert "seat" not in at.query_params
    assert at.text_input(key="handin_code").value == code


@pytest.mark.app
def test_the_teacher_is_back_on_the_board_after_a_reload():
    teacher, code, token = start_class()
    assert _query(teacher)["teacher"] == token
    assert any("bookmark this" in m.value for m in teacher.markdown)
    reloaded = opened("pages/class.py", _query(teacher))
    assert any(code in m.value for m in reloaded.markdown)
    assert "board_start" not in [b.key for b in reloaded.button]


@pytest.mark.app
def test_the_board_shows_the_roster_and_the_teacher_releases_a_seat(database):  # noqa: F811
    teacher, code, token = start_class()
    join_and_hand_in(code, "Ada")
    tab = opened("app.py", {"join": code})
    tab.text_input(key="handin_name").input("Bob")
    tab.button(key="FormSubmitter:handin_join-Join the class").click().run()
    teacher.run()
    assert any("2 joined · 1 handed in · 1 not yet" in m.value for m in teacher.markdown)
    table = teacher.dataframe[-1].value  # the roster, under the ranking
    assert list(table["student"]) == ["Otter", "Heron"]
    assert list(table["handed in"])[1] == "not yet"
    teacher.selectbox(key="roster_pick").select_index(0)
    teacher.button(key="roster_release").click().run()
    assert any("Released the seat of Otter" in s.value for s in teacher.success)
    again = opened("app.py", {"join": code})  # Ada lost her page: she joins again
    again.text_input(key="handin_name").input("ada")
    again.button(key="FormSubmitter:handin_join-Join the class").click().run()
    assert not again.error, [e.value for e in again.error]
    info = board.teacher_class(database, token, time.time())
    assert [(m.name, m.count) for m in roster.roster(database, info.id)] == [("ada", 1),
                                                                             ("Bob", 0)]


@pytest.mark.app
def test_the_join_link_names_the_lan_address_never_loopback(monkeypatch):
    """The README's classroom command (`streamlit run app.py --server.address 0.0.0.0`):
    the join link and QR code name this machine's LAN address (Streamlit's Network URL);
    listening on loopback only, the board says there is no link a phone can open."""
    from streamlit import config, net_util

    monkeypatch.delenv("NNSINE_PUBLIC_URL")
    monkeypatch.setattr(net_util, "get_internal_ip", lambda: "192.168.1.77")
    before = config.get_option("server.address")
    try:
        config.set_option("server.address", "0.0.0.0")
        at = opened("pages/class.py")
        at.button(key="board_start").click().run()
        join = next(c.value for c in at.code if "/?join=" in c.value)
        assert join.startswith("http://192.168.1.77:")
        assert len(at.get("image")) == 1
        config.set_option("server.address", "127.0.0.1")
        at.run()
        assert not [c for c in at.code if "/?join=" in c.value]
        assert any("No join link that a phone can open" in e.value for e in at.error)
        assert not at.get("image")  # no QR code of a link no phone can open
    finally:
        config.set_option("server.address", before)
