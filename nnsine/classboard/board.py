"""The live class board, the teacher's side: create a class, rank its hand-ins, close,
delete, expire. The students' side (join, hand in, rank) is nnsine.classboard.board_students.

Every function takes a SQLAlchemy Engine prepared and migrated by nnsine.classboard.board_store and
commits before it returns: what it returns (a receipt, a token) is already on disk.
A teacher is whoever holds the class's teacher token; a student whoever holds theirs.
Refusals raise board_rules.BoardError with a message for the user.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from nnsine.classboard.board_rules import (
    BoardError,
    GradeRule,
    Limits,
    alias,
    new_code,
    new_token,
    token_hash,
)
from nnsine.classboard.board_store import classes, events, handins, reading, students
from nnsine.engine import targets
from nnsine.engine.metrics import Score, rank_key
from nnsine.engine.network import Params
from nnsine.engine.target_formula import TargetError
from nnsine.formats import fitfile
from nnsine.i18n import _, ngettext


@dataclass(frozen=True)
class ClassInfo:
    """One live class."""
    id: int
    code: str
    target: str
    rule: GradeRule
    is_open: bool
    created_at: float  # Unix seconds
    expires_at: float


@dataclass(frozen=True)
class Handin:
    """A student's latest hand-in, ranked: name (plain text, never markup) and alias;
    `file` is the fit file as handed in (the class's target, how the fit was made)."""
    rank: int
    name: str
    alias: str
    fit: Params
    score: Score
    handed_at: float
    count: int
    file: str  # the fit file as handed in
    made: str  # how the fit was made, as a teacher reads it (sealed in the file)


def class_info(row) -> ClassInfo:
    """A classes row -> ClassInfo."""
    return ClassInfo(row.id, row.code, row.target, GradeRule.loads(row.rule), row.is_open,
                     row.created_at, row.expires_at)


def create_class(engine: Engine, target: str, limits: Limits, now: float,
                 rule: GradeRule | None = None, address: str | None = None
                 ) -> tuple[ClassInfo, str]:
    """A new open class on `target` (a name, "f:formula" or "pts:..." as in
    nnsine.engine.targets) -> (its info, the teacher token). Deletes expired classes
    first; BoardError for a target that targets.check refuses, when limits.max_classes
    are running, and when `address` (a browser's; None: the command line) has started
    limits.classes_per_address in limits.window_seconds."""
    try:
        targets.check(target)
    except TargetError as error:
        raise BoardError(_("Target: {problem}", problem=error)) from None
    purge_expired(engine, now, limits)
    token, rule = new_token(), rule or GradeRule()
    for _attempt in range(10):  # a clash of random codes is rare; try another
        try:
            with engine.begin() as conn:
                if address is not None and _started(conn, address, now, limits) >= (
                        limits.classes_per_address):
                    raise BoardError(ngettext(
                        "this network address started {n} class in the last {minutes:g} "
                        "minutes; use it or wait",
                        "this network address started {n} classes in the last {minutes:g} "
                        "minutes; use one of them or wait", limits.classes_per_address,
                        minutes=limits.window_seconds / 60))
                running = conn.execute(select(func.count()).select_from(classes)).scalar()
                if running >= limits.max_classes:
                    raise BoardError(ngettext(
                        "this server already runs {n} class (the limit, "
                        "NNSINE_MAX_CLASSES); delete an old one first",
                        "this server already runs {n} classes (the limit, "
                        "NNSINE_MAX_CLASSES); delete an old one first", running))
                values = {"code": new_code(), "token_hash": token_hash(token),
                          "target": target, "rule": rule.dumps(), "is_open": True,
                          "created_at": now, "expires_at": now + 3600 * limits.class_hours}
                class_id = conn.execute(insert(classes).values(**values)).inserted_primary_key[0]
                if address is not None:
                    conn.execute(insert(events).values(kind="class", key=address, at=now))
            return ClassInfo(class_id, values["code"], target, rule, True, now,
                             values["expires_at"]), token
        except IntegrityError:
            continue
    raise BoardError(_("could not find a free join code; try again"))


def _started(conn, address: str, now: float, limits: Limits) -> int:
    return conn.execute(select(func.count()).select_from(events).where(
        events.c.kind == "class", events.c.key == address,
        events.c.at > now - limits.window_seconds)).scalar()


def teacher_class(engine: Engine, token: str, now: float) -> ClassInfo | None:
    """The live class this teacher token opens, or None (wrong, expired or deleted)."""
    with reading(engine) as conn:
        row = conn.execute(select(classes).where(classes.c.token_hash == token_hash(token),
                                                 classes.c.expires_at > now)).first()
    return class_info(row) if row else None


def ranking(engine: Engine, class_id: int) -> list[Handin]:
    """The class's latest hand-ins, best first (MSE, then max |error|, then earliest);
    each student's alias is by their seat's number (stable when classmates are removed)."""
    with reading(engine) as conn:
        rows = conn.execute(select(handins, students.c.name, students.c.number).join(
            students, students.c.id == handins.c.student_id).where(
            handins.c.class_id == class_id)).all()
        target = conn.execute(select(classes.c.target).where(
            classes.c.id == class_id)).scalar()
    rows.sort(key=lambda r: rank_key(r.mse, r.max_error, r.handed_at, r.student_id))
    files = [fitfile.read(r.fit, checked=(target,)) for r in rows]  # parsed once each
    return [Handin(rank, r.name, alias(r.number), file.params,
                   Score(r.mse, r.max_error, r.mean_error), r.handed_at, r.count, r.fit,
                   file.made())
            for rank, (r, file) in enumerate(zip(rows, files, strict=True), 1)]


def set_open(engine: Engine, class_id: int, is_open: bool) -> None:
    """Open or close a class's hand-ins."""
    with engine.begin() as conn:
        conn.execute(update(classes).where(classes.c.id == class_id).values(is_open=is_open))


def set_rule(engine: Engine, class_id: int, rule: GradeRule) -> None:
    """Store the teacher's grade rule."""
    with engine.begin() as conn:
        conn.execute(update(classes).where(classes.c.id == class_id).values(rule=rule.dumps()))


def delete_class(engine: Engine, class_id: int) -> None:
    """Delete a class with its students and hand-ins."""
    with engine.begin() as conn:
        # (Its rate-limit events hold only numbers and go within limits.window_seconds.)
        conn.execute(delete(handins).where(handins.c.class_id == class_id))
        conn.execute(delete(students).where(students.c.class_id == class_id))
        conn.execute(delete(classes).where(classes.c.id == class_id))


def purge_expired(engine: Engine, now: float, limits: Limits) -> int:
    """Delete expired classes (with their data) and old rate-limit events; returns how
    many classes went."""
    with reading(engine) as conn:
        old = [r.id for r in conn.execute(select(classes.c.id).where(classes.c.expires_at <= now))]
    for class_id in old:
        delete_class(engine, class_id)
    with engine.begin() as conn:
        conn.execute(delete(events).where(events.c.at < now - max(limits.window_seconds, 60)))
    return len(old)
