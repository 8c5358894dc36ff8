"""The class board's store against SQLite and a real PostgreSQL: schema, hand-ins,
ranking, limits, isolation, deletion, and 40 students handing in at once."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, func, insert, select, text

from nnsine.book import presets
from nnsine.classboard import board, board_store, board_students
from nnsine.classboard.board_rules import BoardError, GradeRule, Limits
from nnsine.engine import targets
from nnsine.engine.metrics import score
from tests.board_fixtures import *  # noqa: F403 (fixtures: engine, database_url)

NOW = 1_800_000_000.0
LIMITS = Limits()
GOOD, ZEROS = presets.preset("hand-tuned"), presets.preset("zeros")


def _join(engine, code, name, session=None, address="a", now=NOW):
    """A join from its own browser session (one per name unless told)."""
    return board_students.join(engine, code, name, session or name, address, LIMITS,
                               now)[0]


def at_once(call, items: list) -> list[Exception]:
    """call(item) for every item, each in its own thread, all let go at the same moment;
    the exceptions they raised."""
    barrier, errors = threading.Barrier(len(items)), []

    def run(item):
        barrier.wait()
        try:
            call(item)
        except Exception as error:  # noqa: BLE001 - returned to the test
            errors.append(error)

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_migrate_is_idempotent_and_safe_from_many_servers_at_once(database_url):
    engines = [board_store.prepare(create_engine(database_url)) for _ in range(4)]
    errors = at_once(board_store.migrate, engines)
    assert not errors, errors
    assert board_store.migrate(engines[0]) == board_store.SCHEMA_VERSION
    with engines[0].connect() as conn:
        assert conn.execute(select(func.count()).select_from(
            board_store.schema_version)).scalar() == 1  # one row
    for e in engines:
        e.dispose()


def test_a_schema_1_database_is_migrated_and_keeps_its_classes(database_url):
    """Schema 1 stored a class's target as VARCHAR(32); schema 2 holds any target."""
    engine = board_store.prepare(create_engine(database_url))
    board_store.migrate(engine)
    with engine.begin() as conn:  # make it the database an earlier nnsine left behind
        if conn.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE nnsine_classes ALTER COLUMN target TYPE VARCHAR(32)"))
        conn.execute(board_store.schema_version.delete())
        conn.execute(insert(board_store.schema_version).values(version=1))
    old, _ = board.create_class(engine, "triangle", LIMITS, NOW)
    assert board_store.migrate(engine) == board_store.SCHEMA_VERSION == 3
    points = targets.points_target([i / 99 for i in range(100)],
                                   [(i / 99) ** 2 for i in range(100)])
    assert len(points) > 32
    info, teacher = board.create_class(engine, points, LIMITS, NOW)
    assert board.teacher_class(engine, teacher, NOW).target == points
    assert [c.code for c in (old, info)] == [
        r.code for r in engine.connect().execute(select(board_store.classes.c.code).order_by(
            board_store.classes.c.id))]
    engine.dispose()


def test_a_class_on_a_teachers_own_target_scores_hand_ins_on_it(engine):
    formula = "f:abs(x - 0.3) + 0.25*sin(6*pi*x)"
    info, _ = board.create_class(engine, formula, LIMITS, NOW)
    assert info.target == formula
    ada = _join(engine, info.code, "Ada")
    received = board_students.hand_in(engine, ada, GOOD, LIMITS, NOW + 1)
    assert received == score(GOOD, formula) != score(GOOD)
    assert board.ranking(engine, info.id)[0].score == score(GOOD, formula)
    for bad, problem in [("f:__import__('os')", "Target: "), ("f:", "Target: "),
                         ("pts:0,0;0,1", "Target: "), ("cosine", "unknown target 'cosine'")]:
        with pytest.raises(BoardError, match=problem):
            board.create_class(engine, bad, LIMITS, NOW)


def test_a_lesson_create_join_hand_in_rank(engine):
    info, teacher = board.create_class(engine, "sine", LIMITS, NOW)
    assert len(info.code) == 6 and len(teacher) >= 43  # 256 bits, URL-safe base64
    assert board.teacher_class(engine, teacher, NOW).code == info.code
    assert board.teacher_class(engine, "guess", NOW) is None
    ada = _join(engine, info.code.lower(), "Ada")
    bob = _join(engine, f" {info.code[:3]}-{info.code[3:]} ", "Bob")
    assert board_students.standing(engine, ada, NOW) is None
    board_students.hand_in(engine, bob, GOOD, LIMITS, NOW + 1)
    board_students.hand_in(engine, ada, ZEROS, LIMITS, NOW + 2)
    assert board_students.standing(engine, ada, NOW) == (2, 2)
    # The board keeps the latest hand-in: Ada's second one replaces her first.
    board_students.hand_in(engine, ada, GOOD, LIMITS, NOW + 3)
    rows = board.ranking(engine, info.id)
    assert [(r.rank, r.name, r.alias, r.count) for r in rows] == [
        (1, "Bob", "Heron", 1), (2, "Ada", "Otter", 2)]
    assert rows[1].fit == GOOD and rows[1].score == score(GOOD)


def test_names_are_checked_and_unique_in_a_class(engine):
    info, _ = board.create_class(engine, "sine", LIMITS, NOW)
    _join(engine, info.code, "Ada")
    for name, problem in [("ada", "'Ada' is already in class"), ("   ", "empty"),
                          ("x" * 65, "65 char"), ("a\u202eb", "invisible"),
                          ("\u3164", "shows nothing"), ("\u2800", "shows nothing"),
                          ("\u0301", "shows nothing")]:
        with pytest.raises(BoardError, match=problem):
            _join(engine, info.code, name)
    markup = "**x** <img src=x onerror=alert(1)> [link](http://example.com)"
    token = _join(engine, info.code, markup)
    board_students.hand_in(engine, token, GOOD, LIMITS, NOW)
    assert board.ranking(engine, info.id)[0].name == markup  # stored as typed


def test_wrong_codes_are_rate_limited_per_session_and_per_address(engine):
    info, _ = board.create_class(engine, "sine", LIMITS, NOW)
    for _ in range(LIMITS.wrong_codes_per_session):
        with pytest.raises(BoardError, match="no running class"):
            _join(engine, "ZZZZZZ", "Eve", session="eve")
    with pytest.raises(BoardError, match="too many wrong codes"):
        _join(engine, info.code, "Eve", session="eve")  # even the right code, for now
    for k in range(LIMITS.wrong_codes_per_address - LIMITS.wrong_codes_per_session):
        with pytest.raises(BoardError):
            _join(engine, "ZZZZZZ", "Eve", session=f"new{k}")
    with pytest.raises(BoardError, match="too many wrong codes"):
        _join(engine, info.code, "Eve", session="fresh")  # same address, new session
    _join(engine, info.code, "Ada", session="ada", address="elsewhere")
    later = NOW + LIMITS.window_seconds + 1
    _join(engine, info.code, "Eve", session="eve", now=later)


def test_hand_ins_per_minute_closing_and_class_limits(engine):
    limits = Limits(handins_per_minute=2, max_classes=2, class_hours=1)
    info, _ = board.create_class(engine, "sine", limits, NOW)
    ada = _join(engine, info.code, "Ada")
    board_students.hand_in(engine, ada, GOOD, limits, NOW)
    board_students.hand_in(engine, ada, GOOD, limits, NOW + 1)
    with pytest.raises(BoardError, match="2 hand-ins a minute"):
        board_students.hand_in(engine, ada, GOOD, limits, NOW + 2)
    board_students.hand_in(engine, ada, GOOD, limits, NOW + 61)
    board.set_open(engine, info.id, False)
    with pytest.raises(BoardError, match="closed"):
        board_students.hand_in(engine, ada, GOOD, limits, NOW + 130)
    with pytest.raises(BoardError, match="closed"):
        _join(engine, info.code, "Bob")
    board.create_class(engine, "sine", limits, NOW)
    with pytest.raises(BoardError, match="already runs 2 classes"):
        board.create_class(engine, "sine", limits, NOW)
    # An hour on, both classes have expired and were deleted with their data.
    board.create_class(engine, "sine", limits, NOW + 3601)
    with pytest.raises(BoardError, match="ended or was deleted"):
        board_students.standing(engine, ada, NOW + 3601)


def test_a_student_sees_only_their_own_class(engine):
    one, _ = board.create_class(engine, "sine", LIMITS, NOW)
    two, teacher_two = board.create_class(engine, "abs", LIMITS, NOW)
    ada = _join(engine, one.code, "Ada")
    bob = _join(engine, two.code, "Bob")
    board_students.hand_in(engine, ada, GOOD, LIMITS, NOW)
    board_students.hand_in(engine, bob, GOOD, LIMITS, NOW)
    assert board_students.standing(engine, ada, NOW) == (1, 1)
    assert [r.name for r in board.ranking(engine, two.id)] == ["Bob"]
    assert board.ranking(engine, two.id)[0].score == score(GOOD, "abs")  # class's target
    assert board.teacher_class(engine, ada, NOW) is None  # a student token opens no board
    board.delete_class(engine, two.id)
    assert board.teacher_class(engine, teacher_two, NOW) is None
    with pytest.raises(BoardError, match="deleted"):
        board_students.hand_in(engine, bob, GOOD, LIMITS, NOW)
    with engine.connect() as conn:
        names = [r.name for r in conn.execute(select(board_store.students.c.name))]
    assert names == ["Ada"]


def test_the_grade_rule_round_trips(engine):
    info, _ = board.create_class(engine, "sine", LIMITS, NOW)
    board.set_rule(engine, info.id, GradeRule(1, (2, 3)))
    with engine.connect() as conn:
        text = conn.execute(select(board_store.classes.c.rule)).scalar()
    assert GradeRule.loads(text) == GradeRule(1.0, (2.0, 3.0))


def test_forty_students_hand_in_within_one_second(engine):
    info, _ = board.create_class(engine, "sine", LIMITS, NOW)
    tokens = [_join(engine, info.code, f"Student {k}") for k in range(40)]
    errors = at_once(lambda token: board_students.hand_in(engine, token, GOOD, LIMITS,
                                                          NOW + 1), tokens)
    assert not errors, errors[:3]
    rows = board.ranking(engine, info.id)
    assert sorted(r.name for r in rows) == sorted(f"Student {k}" for k in range(40))
    assert {r.count for r in rows} == {1}


def test_limits_hold_when_many_ask_at_once(engine):
    """Count-then-insert limits under concurrency: on PostgreSQL (read committed) two joins
    could both count one below the limit and both get in, and two first hand-ins of one
    student could both insert; writers now go one at a time, as on SQLite."""
    limits = Limits(students_per_class=3, handins_per_minute=2)
    info, _ = board.create_class(engine, "sine", limits, NOW)
    names = [f"Student {k}" for k in range(12)]
    errors = at_once(lambda name: board_students.join(engine, info.code, name, name, "a",
                                                      limits, NOW), names)
    assert len(errors) == 9 and all("is full (3 students)" in str(e) for e in errors), errors
    ada = _join(engine, board.create_class(engine, "sine", limits, NOW)[0].code, "Ada")
    errors = at_once(lambda _: board_students.hand_in(engine, ada, GOOD, limits, NOW + 1),
                     list(range(8)))
    assert len(errors) == 6 and all("2 hand-ins a minute" in str(e) for e in errors), errors
    with engine.connect() as conn:
        assert conn.execute(select(board_store.handins.c.count)).scalars().all() == [2]


def test_one_address_cannot_fill_the_server_with_classes(engine):
    for _ in range(LIMITS.classes_per_address):
        board.create_class(engine, "sine", LIMITS, NOW, address="10.0.0.7")
    with pytest.raises(BoardError, match="started 5 classes in the last 10 minutes"):
        board.create_class(engine, "sine", LIMITS, NOW + 1, address="10.0.0.7")
    board.create_class(engine, "sine", LIMITS, NOW + 1, address="10.0.0.8")  # another
    board.create_class(engine, "sine", LIMITS, NOW + 1)  # the command line: no address
    later = NOW + LIMITS.window_seconds + 1
    board.create_class(engine, "sine", LIMITS, later, address="10.0.0.7")


def test_boards_and_ranks_read_while_a_hand_in_is_being_written(engine):
    """Readers take no write lock (SQLite in WAL mode): a teacher's board and a student's
    rank do not queue behind hand-ins."""
    info, _ = board.create_class(engine, "sine", LIMITS, NOW)
    ada = _join(engine, info.code, "Ada")
    board_students.hand_in(engine, ada, GOOD, LIMITS, NOW)
    done = threading.Event()
    with engine.begin() as writer:  # a hand-in in progress holds the write lock
        writer.execute(insert(board_store.events).values(kind="x", key="y", at=NOW))

        def read():
            board.ranking(engine, info.id)
            board_students.standing(engine, ada, NOW)
            done.set()

        threading.Thread(target=read, daemon=True).start()
        assert done.wait(10), "a read waited for the writer"


@pytest.mark.parametrize(("value", "words"), [
    ("٣", "only the digits 0-9"), ("1_0", "not a whole number"), ("0", "outside 1 to"),
    ("1e308", "outside"), ("nan", "not a finite number")])
def test_limits_from_the_environment_pass_the_one_number_check(value, words):
    variable = "NNSINE_CLASS_HOURS" if value in ("1e308", "nan") else "NNSINE_MAX_CLASSES"
    with pytest.raises(ValueError, match=words) as error:
        Limits.from_env({variable: value})
    assert str(error.value).startswith(f"{variable}: ")
    assert Limits.from_env({"NNSINE_MAX_CLASSES": " 7 ", "NNSINE_CLASS_HOURS": "2.5"}) == (
        Limits(max_classes=7, class_hours=2.5))


def test_board_standing_and_grading_rank_alike(engine):
    """One ranking (nnsine.engine.metrics.rank_key) in all three places: equal scores are
    ordered by arrival, on the board, in a student's standing and in a graded upload."""
    from nnsine.classboard import grading
    from nnsine.formats import fitfile

    info, _ = board.create_class(engine, "sine", LIMITS, NOW)
    arrivals = [("Zed", GOOD), ("Amy", GOOD), ("Cy", ZEROS), ("Bea", GOOD)]
    tokens = [_join(engine, info.code, name) for name, _ in arrivals]
    for k, (token, (_, fit)) in enumerate(zip(tokens, arrivals, strict=True)):
        board_students.hand_in(engine, token, fit, LIMITS, NOW + k)
    expected = ["Zed", "Amy", "Bea", "Cy"]
    assert [r.name for r in board.ranking(engine, info.id)] == expected
    standings = {name: board_students.standing(engine, token, NOW)[0]
                 for (name, _), token in zip(arrivals, tokens, strict=True)}
    assert sorted(standings, key=standings.get) == expected
    entries, bad = grading.grade([(name, fitfile.dumps(fit)) for name, fit in arrivals])
    assert bad == [] and [e.name for e in entries] == expected
