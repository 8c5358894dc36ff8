"""A student is a seat, not a websocket session (issue 23): the seat token's rules, names
that look alike, the teacher's roster (release, rename, merge, remove), join limits, and
wrong codes that cannot lock a school's address out. SQLite and a real PostgreSQL."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import create_engine, insert, select, text

from nnsine import i18n
from nnsine.book import presets
from nnsine.classboard import board, board_rules, board_store, board_students, clock, roster
from nnsine.classboard.board_rules import BoardError, Limits
from nnsine.classboard.names import name_key, skeleton
from tests.board_fixtures import *  # noqa: F403 (fixtures: engine, database_url)

NOW = 1_800_000_000.0
LIMITS = Limits()
GOOD, ZEROS = presets.preset("hand-tuned"), presets.preset("zeros")


def _join(engine, code, name, session=None, address="a", now=NOW, limits=LIMITS, **kw):
    return board_students.join(engine, code, name, session or name, address, limits, now,
                               **kw)[0]


def test_look_alike_names_share_one_skeleton():
    for name in ("ada", "ADA", "\u0410da", "Ada\u034f", "\uff21\uff44\uff41", " Ada"[1:]):
        assert name_key(name) == name_key("Ada"), (name, skeleton(name))
    for name in ("Adá", "Ada L", "Bob", "Ad"):
        assert name_key(name) != name_key("Ada"), name
    assert len(name_key("x" * 64)) == 64


def test_a_seat_link_brings_the_student_back_as_themselves(engine):
    info, _ = board.create_class(engine, "sine", LIMITS, NOW)
    ada = _join(engine, info.code, "Ada")
    assert len(ada) >= 43  # 256 bits from `secrets`, URL-safe
    back, name, fit = board_students.rejoin(engine, ada, NOW + 5, info.code.lower())
    assert (back.code, name, fit) == (info.code, "Ada", None)
    board_students.hand_in(engine, ada, GOOD, LIMITS, NOW + 10)
    back, name, fit = board_students.rejoin(engine, ada, NOW + 3600)  # a restart later
    assert fit.params == GOOD and fit.target == "sine"
    [me] = roster.roster(engine, info.id)
    assert (me.name, me.alias, me.count, me.seen_at) == ("Ada", "Otter", 1, NOW + 3600)


@pytest.mark.parametrize(("token", "code", "words"), [
    ("wrong", None, "opens no seat"), ("ada", "OTHER", "is in class"),
    ("ada", None, "has ended")])
def test_a_seat_link_is_refused_with_what_to_do(engine, token, code, words):
    info, _ = board.create_class(engine, "sine", Limits(class_hours=1), NOW)
    other, _ = board.create_class(engine, "abs", LIMITS, NOW)
    ada = _join(engine, info.code, "Ada")
    when = NOW + 3601 if words == "has ended" else NOW
    with pytest.raises(BoardError, match=words):
        board_students.rejoin(engine, ada if token == "ada" else token, when,
                              other.code if code else None)


def test_the_same_name_is_never_silently_a_second_student(engine):
    info, _ = board.create_class(engine, "sine", LIMITS, NOW)
    ada = _join(engine, info.code, "Ada")
    for look_alike in ("Ada", "ada", "\u0410da", "Ada\u034f"):
        with pytest.raises(BoardError, match="'Ada' is already in class .*seat=") as error:
            _join(engine, info.code, look_alike, session="new tab")
        assert "release your name" in str(error.value)
    assert [m.name for m in roster.roster(engine, info.id)] == ["Ada"]
    # The teacher releases the seat: the next "Ada" takes it over, hand-in and alias too.
    board_students.hand_in(engine, ada, GOOD, LIMITS, NOW)
    [seat] = roster.roster(engine, info.id)
    roster.release(engine, info.id, seat.id)
    again = _join(engine, info.code, "ada", session="phone")
    assert board_students.rejoin(engine, again, NOW)[2].params == GOOD
    with pytest.raises(BoardError, match="opens no seat"):
        board_students.rejoin(engine, ada, NOW)  # the lost link stops
    [member] = roster.roster(engine, info.id)
    assert (member.id, member.alias, member.count, member.released) == (seat.id, "Otter", 1,
                                                                        False)


def test_the_teacher_renames_merges_and_removes(engine):
    info, _ = board.create_class(engine, "sine", LIMITS, NOW)
    other, _ = board.create_class(engine, "sine", LIMITS, NOW)
    tokens = {n: _join(engine, info.code, n) for n in ("Ada", "Ada L", "Bob", "Cy")}
    board_students.hand_in(engine, tokens["Ada"], ZEROS, LIMITS, NOW)
    board_students.hand_in(engine, tokens["Ada L"], GOOD, LIMITS, NOW + 1)
    ids = {m.name: m.id for m in roster.roster(engine, info.id)}
    with pytest.raises(BoardError, match="looks the same"):
        roster.rename(engine, info.id, ids["Bob"], "\u0410da", LIMITS)
    assert roster.rename(engine, info.id, ids["Bob"], " bob.smith ", LIMITS) == "bob.smith"
    roster.merge(engine, info.id, ids["Ada L"], ids["Ada"])  # Ada's later hand-in wins
    with pytest.raises(BoardError, match="no student"):
        roster.remove(engine, other.id, ids["Cy"])  # another class's teacher
    roster.remove(engine, info.id, ids["Cy"])
    members = roster.roster(engine, info.id)
    assert [(m.name, m.alias, m.count) for m in members] == [("Ada", "Otter", 2),
                                                             ("bob.smith", "Lynx", 0)]
    assert [(r.name, r.fit) for r in board.ranking(engine, info.id)] == [("Ada", GOOD)]
    for gone in ("Ada L", "Cy"):
        with pytest.raises(BoardError, match="opens no seat"):
            board_students.rejoin(engine, tokens[gone], NOW)


def test_joins_are_bounded_per_browser_and_per_address(engine):
    limits = Limits(joins_per_session=2, joins_per_address=5)
    info, _ = board.create_class(engine, "sine", limits, NOW)
    for k in range(2):
        _join(engine, info.code, f"Bot {k}", session="bot", limits=limits)
    with pytest.raises(BoardError, match="2 joins from this browser"):
        _join(engine, info.code, "Bot 2", session="bot", limits=limits)
    for k in range(3):
        _join(engine, info.code, f"Fresh {k}", limits=limits)
    with pytest.raises(BoardError, match="5 joins from this address"):
        _join(engine, info.code, "Fresh 4", limits=limits)
    _join(engine, info.code, "Next door", address="b", limits=limits)
    later = NOW + limits.window_seconds + 1
    _join(engine, info.code, "Fresh 5", limits=limits, now=later)


def test_wrong_codes_from_fresh_sessions_do_not_lock_out_an_open_page(engine):
    """A flood of wrong codes from one school address (fresh sessions each time) locks
    out new sessions only: a student whose page was open before still joins."""
    limits = Limits(wrong_codes_per_address=20)
    info, _ = board.create_class(engine, "sine", limits, NOW)
    for k in range(25):  # bounded: 25 guesses, each from a fresh session
        with pytest.raises(BoardError):
            _join(engine, "ZZZZZZ", "Eve", session=f"eve{k}", limits=limits, now=NOW + k,
                  opened=NOW + k)
    with pytest.raises(BoardError, match="too many wrong codes"):
        _join(engine, info.code, "Eve", session="eve99", limits=limits, now=NOW + 30,
              opened=NOW + 30)
    _join(engine, info.code, "Ada", session="ada", limits=limits, now=NOW + 31,
          opened=NOW - 60)


OLD_STUDENTS = """CREATE TABLE nnsine_students (id {id} PRIMARY KEY, class_id INTEGER NOT NULL
REFERENCES nnsine_classes(id) ON DELETE CASCADE, name VARCHAR(200) NOT NULL, name_key
VARCHAR(200) NOT NULL, token_hash VARCHAR(64) NOT NULL UNIQUE, joined_at FLOAT NOT NULL,
UNIQUE (class_id, name_key))"""


def test_a_schema_2_database_gets_seats_and_keeps_its_students(database_url):
    engine = board_store.prepare(create_engine(database_url))
    board_store.migrate(engine)
    info, _ = board.create_class(engine, "sine", LIMITS, NOW)
    with engine.begin() as conn:  # the students table as schema 2 made it
        conn.execute(text("DROP TABLE nnsine_handins"))
        conn.execute(text("DROP TABLE nnsine_students"))
        serial = "SERIAL" if conn.dialect.name == "postgresql" else "INTEGER"
        conn.execute(text(OLD_STUDENTS.format(id=serial)))
        for k, name in enumerate(["Ada", "\u0410da", "Bob"]):  # look-alikes let in before
            conn.execute(text("INSERT INTO nnsine_students (class_id, name, name_key, "
                              "token_hash, joined_at) VALUES (:c, :n, :k, :t, :j)"),
                         {"c": info.id, "n": name, "k": name.casefold(), "t": f"h{k}",
                          "j": NOW + k})
        board_store.handins.create(conn)
        conn.execute(board_store.schema_version.delete())
        conn.execute(insert(board_store.schema_version).values(version=2))
    assert board_store.migrate(engine) == 3
    members = roster.roster(engine, info.id)
    assert [(m.name, m.alias, m.seen_at, m.released) for m in members] == [
        ("Ada", "Otter", NOW, False), ("\u0410da", "Heron", NOW + 1, False),
        ("Bob", "Lynx", NOW + 2, False)]
    with pytest.raises(BoardError, match="already in class"):
        _join(engine, info.code, "ada")
    assert _join(engine, info.code, "Cy")
    with engine.connect() as conn:
        numbers = conn.execute(select(board_store.students.c.number).order_by(
            board_store.students.c.id)).scalars().all()
    assert numbers == [1, 2, 3, 4]
    engine.dispose()


def test_last_seen_reads_as_a_board_says_it_in_each_language():
    seconds = (0, 4.9, 40, 185, 7300)
    assert [clock.ago(s) for s in seconds] == [
        "just now", "just now", "40 sec. ago", "3 min. ago", "2 hr. ago"]
    with i18n.using("es"):
        assert [clock.ago(s) for s in seconds[2:]] == ["hace 40 s", "hace 3 min", "hace 2 h"]
    with i18n.using("zh"):
        assert [clock.ago(s) for s in seconds[2:]] == ["40秒前", "3分钟前", "2小时前"]
    with i18n.using("qps"):
        assert clock.ago(0) == "⟦just now⟧" and clock.ago(40) == "40 sec. ago"


def test_times_of_day_are_written_as_the_language_writes_them():
    noon = datetime(2026, 12, 6, 14, 3, 7).timestamp()  # the server's local time
    assert clock.clock_time(noon) == "2:03:07\u202fPM"
    with i18n.using("es"):
        assert clock.clock_time(noon) == "14:03:07"
    with i18n.using("zh"):
        assert clock.clock_time(noon) == "14:03:07"


def test_aliases_are_stored_in_english_and_shown_in_the_language():
    assert board_rules.alias(41) == "Otter 2"  # what the database and the CSVs hold
    with i18n.using("qps"):
        assert [board_rules.shown_alias(a) for a in ("Otter", "Otter 2", "Ada", "Ada 2")] == [
            "⟦Otter⟧", "⟦Otter⟧ 2", "Ada", "Ada 2"]
