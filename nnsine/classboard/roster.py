"""A live class's roster, the teacher's side of the seats: who joined, who has handed in
and who has not, when each was last seen; release, rename, merge or remove a student.

Every change is scoped to the teacher's own class (`class_id` from their token) and
commits before it returns. BoardError (a message for the teacher) when a student is not
in the class or a new name is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, delete, select, update

from nnsine.classboard.board_rules import BoardError, Limits, alias, display_name
from nnsine.classboard.board_store import handins, reading, students
from nnsine.classboard.names import name_key
from nnsine.i18n import _


@dataclass(frozen=True)
class Member:
    """One seat: `handed_at` None until the first hand-in; `released` when the teacher
    freed it for its owner to take back by joining again under the name."""
    id: int
    alias: str
    name: str
    joined_at: float  # Unix seconds
    seen_at: float
    handed_at: float | None
    count: int
    released: bool


def roster(engine: Engine, class_id: int) -> list[Member]:
    """Everyone in the class, in joining order."""
    with reading(engine) as conn:
        rows = conn.execute(select(students, handins.c.handed_at, handins.c.count).outerjoin(
            handins, handins.c.student_id == students.c.id).where(
            students.c.class_id == class_id).order_by(students.c.number)).all()
    return [Member(r.id, alias(r.number), r.name, r.joined_at, r.seen_at or r.joined_at,
                   r.handed_at, r.count or 0, bool(r.released)) for r in rows]


def _one(conn, class_id: int, student_id: int):
    row = conn.execute(select(students).where(students.c.id == student_id,
                                              students.c.class_id == class_id)).first()
    if row is None:
        raise BoardError(_("no student #{number} in this class (removed already?)",
                            number=student_id))
    return row


def release(engine: Engine, class_id: int, student_id: int) -> None:
    """Free a seat whose owner lost their link: the next join under a name that looks
    the same takes it over (same row, alias and hand-in; the old link stops then)."""
    with engine.begin() as conn:
        _one(conn, class_id, student_id)
        conn.execute(update(students).where(students.c.id == student_id).values(
            released=True))


def rename(engine: Engine, class_id: int, student_id: int, name: str,
           limits: Limits) -> str:
    """Give a student another display name (checked as a join's; e.g. their login for
    the gradebook) -> the checked name. BoardError when a classmate's looks the same."""
    name = display_name(name, limits.name_chars)
    with engine.begin() as conn:
        _one(conn, class_id, student_id)
        other = conn.execute(select(students.c.name).where(
            students.c.class_id == class_id, students.c.name_key == name_key(name),
            students.c.id != student_id)).scalar()
        if other is not None:
            raise BoardError(_("{other} in this class looks the same as {name}",
                                other=repr(other), name=repr(name)))
        conn.execute(update(students).where(students.c.id == student_id).values(
            name=name, name_key=name_key(name)))
    return name


def merge(engine: Engine, class_id: int, duplicate: int, into: int) -> None:
    """One student who joined twice: `into` keeps its seat and gets the later of the two
    latest hand-ins (hand-in counts added up); `duplicate` is removed, its link stops."""
    if duplicate == into:
        raise BoardError(_("pick two different students to merge"))
    with engine.begin() as conn:
        gone, kept = _one(conn, class_id, duplicate), _one(conn, class_id, into)
        theirs, ours = (conn.execute(select(handins).where(
            handins.c.student_id == s.id)).first() for s in (gone, kept))
        if theirs is not None and (ours is None or theirs.handed_at > ours.handed_at):
            values = {c: getattr(theirs, c) for c in ("fit", "mse", "max_error",
                                                      "mean_error", "handed_at")}
            values["count"] = theirs.count + (ours.count if ours else 0)
            conn.execute(delete(handins).where(handins.c.student_id == into))
            conn.execute(handins.insert().values(student_id=into, class_id=class_id,
                                                 **values))
        elif theirs is not None:
            conn.execute(update(handins).where(handins.c.student_id == into).values(
                count=ours.count + theirs.count))
        conn.execute(update(students).where(students.c.id == into).values(
            seen_at=max(kept.seen_at or 0, gone.seen_at or 0)))
        conn.execute(delete(handins).where(handins.c.student_id == duplicate))
        conn.execute(delete(students).where(students.c.id == duplicate))


def remove(engine: Engine, class_id: int, student_id: int) -> None:
    """Remove a student and their hand-in; their link stops working."""
    with engine.begin() as conn:
        _one(conn, class_id, student_id)
        conn.execute(delete(handins).where(handins.c.student_id == student_id))
        conn.execute(delete(students).where(students.c.id == student_id))

