"""The live class board, the students' side: join a class with its code and a display
name, hand a fit in (the board keeps each student's latest), see one's own rank.

Like nnsine.classboard.board: an Engine prepared and migrated by
nnsine.classboard.board_store; every function commits before it returns (a hand-in's
score is returned only once it is on disk); a student is whoever holds their token and
reaches only their own class.
"""

from __future__ import annotations

from sqlalchemy import Engine, func, insert, select, update

from nnsine.classboard.board import ClassInfo, class_info
from nnsine.classboard.board_rules import (
    BoardError,
    GradeRule,
    Limits,
    display_name,
    new_token,
    normal_code,
    token_hash,
)
from nnsine.classboard.board_store import classes, events, handins, reading, students
from nnsine.classboard.names import name_key
from nnsine.engine.metrics import Score, rank_key, score
from nnsine.engine.network import Params
from nnsine.formats import fitfile, provenance
from nnsine.i18n import _, ngettext


def _count(conn, kind: str, key: str, since: float) -> int:
    return conn.execute(select(func.count()).select_from(events).where(
        events.c.kind == kind, events.c.key == key, events.c.at > since)).scalar()


def _locked(conn, session: str, address: str, opened: float, limits: Limits,
            now: float) -> bool:
    """Too many wrong codes from this session, or from this address since before the
    session opened. A school behind one NAT is one address: a flood of wrong codes from
    fresh sessions locks out new sessions, not the students whose page was already open
    (each still held to its own wrong_codes_per_session)."""
    since = now - limits.window_seconds
    if _count(conn, "code-session", session, since) >= limits.wrong_codes_per_session:
        return True
    recent = conn.execute(select(events.c.at).where(
        events.c.kind == "code-address", events.c.key == address, events.c.at > since
    ).order_by(events.c.at.desc()).limit(limits.wrong_codes_per_address)).scalars().all()
    return len(recent) >= limits.wrong_codes_per_address and opened >= recent[-1]


def _clash(name: str, other: str, code: str) -> BoardError:
    how = _("If that is you, open your own link: the address of the page where you "
            "joined (it ends in ?seat=…), on the same device. Lost it? Ask the teacher to "
            "release your name on the board, then join again. Someone else? Add an "
            "initial.")
    if other == name:
        return BoardError(_("{other} is already in class {code}. {how}", other=repr(other),
                            code=code, how=how))
    return BoardError(_("{other} is already in class {code}, and {name} looks the same. "
                        "{how}", other=repr(other), code=code, name=repr(name), how=how))


def join(engine: Engine, code: str, name: str, session: str, address: str,
         limits: Limits, now: float, opened: float | None = None
         ) -> tuple[str, ClassInfo, str]:
    """A student joins with a code and a display name -> (seat token, class, the checked
    name). The token (256 bits, `secrets`) is the student from now on: see `rejoin`.
    A name that looks like a classmate's (names.name_key) is refused with how to get
    back, unless the teacher released that seat: then this join takes it over (same row,
    alias and hand-in). Wrong codes count against the session and the address (see
    _locked; `opened` is when the session started, default now); new seats against
    limits.joins_per_session and joins_per_address."""
    name = display_name(name, limits.name_chars)
    code, key = normal_code(code), name_key(name)
    since = now - limits.window_seconds
    with engine.begin() as conn:
        if _locked(conn, session, address, now if opened is None else opened, limits, now):
            raise BoardError(_("too many wrong codes from this browser or network: wait "
                               "{minutes:.0f} minutes, then try again",
                               minutes=limits.window_seconds / 60))
        row = conn.execute(select(classes).where(classes.c.code == code,
                                                 classes.c.expires_at > now)).first()
        if row is None:
            conn.execute(insert(events), [{"kind": f"code-{kind}", "key": value, "at": now}
                                          for kind, value in (("session", session),
                                                              ("address", address))])
    if row is None:  # the wrong try is committed above, then refused
        raise BoardError(_("no running class has the code {code}: check it on the board",
                             code=repr(code)))
    if not row.is_open:
        raise BoardError(_("class {code} has closed its hand-ins", code=code))
    token = new_token()
    with engine.begin() as conn:
        same = conn.execute(select(students).where(students.c.class_id == row.id,
                                                   students.c.name_key == key)).first()
        if same is not None and not same.released:
            raise _clash(name, same.name, code)
        for kind, value, cap in (("join-session", session, limits.joins_per_session),
                                 ("join-address", address, limits.joins_per_address)):
            if _count(conn, kind, value, since) >= cap:
                minutes = limits.window_seconds / 60
                raise BoardError(ngettext(
                    "{n} join from this browser in {minutes:g} minutes: wait, or ask the "
                    "teacher", "{n} joins from this browser in {minutes:g} minutes: wait, "
                    "or ask the teacher", cap, minutes=minutes) if kind == "join-session"
                    else ngettext(
                    "{n} join from this address in {minutes:g} minutes: wait, or ask the "
                    "teacher", "{n} joins from this address in {minutes:g} minutes: wait, "
                    "or ask the teacher", cap, minutes=minutes))
        conn.execute(insert(events), [{"kind": kind, "key": value, "at": now} for kind, value
                                      in (("join-session", session),
                                          ("join-address", address))])
        if same is not None:  # a released seat: its owner (or the teacher's pick) takes it
            conn.execute(update(students).where(students.c.id == same.id).values(
                name=name, token_hash=token_hash(token), released=False, seen_at=now))
            return token, class_info(row), name
        joined = conn.execute(select(func.count(), func.max(students.c.number)).where(
            students.c.class_id == row.id)).first()
        if joined[0] >= limits.students_per_class:
            raise BoardError(ngettext("class {code} is full ({n} student)",
                                          "class {code} is full ({n} students)", joined[0],
                                          code=code))
        conn.execute(insert(students).values(
            class_id=row.id, name=name, name_key=key, token_hash=token_hash(token),
            joined_at=now, number=(joined[1] or 0) + 1, seen_at=now))
    return token, class_info(row), name


def rejoin(engine: Engine, token: str, now: float, code: str | None = None
           ) -> tuple[ClassInfo, str, fitfile.FitFile | None]:
    """A seat link (?seat=TOKEN) -> (the class, the student's name, their latest hand-in
    as a fit file or None): the same student after a reload, a second tab, a restart or
    on another replica. BoardError when no running class has this seat (wrong, removed,
    or the class ended) or, with `code`, when the seat is another class's."""
    with engine.begin() as conn:
        me = conn.execute(select(students.c.id.label("seat"), students.c.name, classes).join(
            classes, classes.c.id == students.c.class_id).where(
            students.c.token_hash == token_hash(token))).first()
        if me is None:
            raise BoardError(_("This seat link opens no seat: it is mistyped, or the "
                               "teacher removed it. Join with the class code."))
        if me.expires_at <= now:
            raise BoardError(_("Class {code} has ended: join a running class with its "
                               "code.", code=me.code))
        if code is not None and normal_code(code) != me.code:
            raise BoardError(_("This seat is in class {seat_class}, not {code}: join class "
                               "{code} with its code.", seat_class=me.code,
                               code=normal_code(code)))
        conn.execute(update(students).where(students.c.id == me.seat).values(seen_at=now))
        fit = conn.execute(select(handins.c.fit).where(
            handins.c.student_id == me.seat)).scalar()
    info = ClassInfo(me.id, me.code, me.target, GradeRule.loads(me.rule), me.is_open,
                     me.created_at, me.expires_at)
    return info, me.name, fitfile.read(fit, checked=(me.target,)) if fit else None


def _student(conn, token: str, now: float):
    row = conn.execute(select(students, classes.c.is_open, classes.c.target).join(
        classes, classes.c.id == students.c.class_id).where(
        students.c.token_hash == token_hash(token), classes.c.expires_at > now)).first()
    if row is None:
        raise BoardError(_("your class has ended or was deleted, or the teacher removed "
                           "or released your seat: join again with the class code"))
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
            raise BoardError(_("the teacher has closed hand-ins"))
        if _count(conn, "handin", str(me.id), now - 60) >= limits.handins_per_minute:
            raise BoardError(ngettext("at most {n} hand-in a minute: wait a few seconds",
                                      "at most {n} hand-ins a minute: wait a few seconds",
                                      limits.handins_per_minute))
        result = score(fit, me.target)
        values = {"fit": fitfile.dumps(fit, me.target, history), "mse": result.mse,
                  "max_error": result.max_error, "mean_error": result.mean_error,
                  "handed_at": now}
        conn.execute(insert(events).values(kind="handin", key=str(me.id), at=now))
        conn.execute(update(students).where(students.c.id == me.id).values(seen_at=now))
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
