"""The live class board, the students' side: join a class with its code and a display
name, hand a fit in (the board keeps each student's latest), see one's own rank.

Like nnsine.classboard.board: an Engine prepared and migrated by
nnsine.classboard.board_store; every function commits before it returns (a hand-in's
score is returned only once it is on disk); a student is whoever holds their token and
reaches only their own class.
"""

from __future__ import annotations

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from nnsine.classboard.board import ClassInfo, class_info
from nnsine.classboard.board_rules import (
    BoardError,
    Limits,
    display_name,
    new_token,
    normal_code,
    token_hash,
)
from nnsine.classboard.board_store import classes, events, handins, reading, students
from nnsine.engine.metrics import Score, rank_key, score
from nnsine.engine.network import Params
from nnsine.formats import fitfile, provenance


def _count(conn, kind: str, key: str, since: float) -> int:
    return conn.execute(select(func.count()).select_from(events).where(
        events.c.kind == kind, events.c.key == key, events.c.at > since)).scalar()


def join(engine: Engine, code: str, name: str, session: str, address: str,
         limits: Limits, now: float) -> tuple[str, ClassInfo, str]:
    """A student joins with a code and a display name -> (student token, class, the
    checked name). Wrong codes count against the session and the address: past
    limits.wrong_codes_per_* in limits.window_seconds, every try is refused."""
    name = display_name(name, limits.name_chars)
    code = normal_code(code)
    keys = (("session", session, limits.wrong_codes_per_session),
            ("address", address, limits.wrong_codes_per_address))
    since = now - limits.window_seconds
    with engine.begin() as conn:
        if any(_count(conn, f"code-{kind}", key, since) >= cap for kind, key, cap in keys):
            raise BoardError("too many wrong codes from this browser or network: wait "
                             f"{limits.window_seconds / 60:.0f} minutes, then try again")
        row = conn.execute(select(classes).where(classes.c.code == code,
                                                 classes.c.expires_at > now)).first()
        if row is None:
            conn.execute(insert(events), [{"kind": f"code-{kind}", "key": key, "at": now}
                                          for kind, key, _ in keys])
    if row is None:  # the wrong try is committed above, then refused
        raise BoardError(f"no running class has the code {code!r}: check it on the board")
    if not row.is_open:
        raise BoardError(f"class {code} has closed its hand-ins")
    token = new_token()
    try:
        with engine.begin() as conn:
            joined = conn.execute(select(func.count()).select_from(students).where(
                students.c.class_id == row.id)).scalar()
            if joined >= limits.students_per_class:
                raise BoardError(f"class {code} is full ({joined} students)")
            conn.execute(insert(students).values(
                class_id=row.id, name=name, name_key=name.casefold(),
                token_hash=token_hash(token), joined_at=now))
    except IntegrityError:
        raise BoardError("someone in this class already uses that display name: add an "
                         "initial") from None
    return token, class_info(row), name


def _student(conn, token: str, now: float):
    row = conn.execute(select(students, classes.c.is_open, classes.c.target).join(
        classes, classes.c.id == students.c.class_id).where(
        students.c.token_hash == token_hash(token), classes.c.expires_at > now)).first()
    if row is None:
        raise BoardError("your class has ended or was deleted: join again with a new code")
    return row


def hand_in(engine: Engine, student_token: str, fit: Params, limits: Limits, now: float,
            history: tuple[provenance.Event, ...] = ()) -> Score:
    """Store the student's fit (replacing any earlier one) as a fit file on the class's
    target with `history` (how it was made, sealed), scored on that target; returns the
    score once committed. BoardError when the class is closed or gone, or
    after limits.handins_per_minute hand-ins in the last minute."""
    with engine.begin() as conn:
        me = _student(conn, student_token, now)
        if not me.is_open:
            raise BoardError("the teacher has closed hand-ins")
        if _count(conn, "handin", str(me.id), now - 60) >= limits.handins_per_minute:
            raise BoardError(f"at most {limits.handins_per_minute} hand-ins a minute: "
                             "wait a few seconds")
        result = score(fit, me.target)
        values = {"fit": fitfile.dumps(fit, me.target, history), "mse": result.mse,
                  "max_error": result.max_error, "mean_error": result.mean_error,
                  "handed_at": now}
        conn.execute(insert(events).values(kind="handin", key=str(me.id), at=now))
        changed = conn.execute(update(handins).where(handins.c.student_id == me.id).values(
            count=handins.c.count + 1, **values)).rowcount
        if not changed:
            conn.execute(insert(handins).values(student_id=me.id, class_id=me.class_id,
                                                count=1, **values))
    return result


def standing(engine: Engine, student_token: str, now: float) -> tuple[int, int] | None:
    """The student's (rank, number of hand-ins) in their class; None before a hand-in."""
    with reading(engine) as conn:
        me = _student(conn, student_token, now)
        rows = conn.execute(select(handins.c.student_id, handins.c.mse, handins.c.max_error,
                                   handins.c.handed_at).where(
            handins.c.class_id == me.class_id)).all()
    rows.sort(key=lambda r: rank_key(r.mse, r.max_error, r.handed_at, r.student_id))
    ranks = {r.student_id: rank for rank, r in enumerate(rows, 1)}
    return (ranks[me.id], len(rows)) if me.id in ranks else None
