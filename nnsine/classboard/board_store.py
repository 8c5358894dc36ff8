"""The live class board's tables, and the app's own schema migrations.

One SQLAlchemy Core schema for SQLite (the default: one file, no set-up) and PostgreSQL
(several replicas share it). Pages get an Engine from `st.connection("sql")`; the CLI and
tests from `sqlalchemy.create_engine`. Call `prepare(engine)` once, then `migrate(engine)`:
both are idempotent, and two servers starting at once migrate once (a lock, see below).
"""

from __future__ import annotations

import sqlite3
import time

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)

from nnsine.classboard.names import name_key
from nnsine.i18n import _

SCHEMA_VERSION = 3
DEFAULT_URL = "sqlite:///nnsine-class.db"  # relative to the server's working directory
LOCK_KEY = 4_815_162_342  # PostgreSQL advisory lock held while migrating
WRITE_KEY = 4_815_162_343  # PostgreSQL advisory lock every writing transaction takes first

metadata = MetaData()
# Every name starts with nnsine_: a shared PostgreSQL database may hold other apps' tables.
schema_version = Table("nnsine_schema_version", metadata,
                       Column("version", Integer, nullable=False))
classes = Table(
    "nnsine_classes", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(16), nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 of the token
    Column("target", Text, nullable=False),  # a name, "f:formula" or "pts:..." (schema 2)
    Column("rule", Text, nullable=False),  # the grade rule, JSON
    Column("is_open", Boolean, nullable=False),
    Column("created_at", Float, nullable=False),  # Unix seconds
    Column("expires_at", Float, nullable=False),
)
students = Table(
    "nnsine_students", metadata,
    Column("id", Integer, primary_key=True),
    Column("class_id", ForeignKey("nnsine_classes.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False),
    # names.name_key (schema 3; casefolded before): "Ada", "ada" and a Cyrillic "Аda" clash
    Column("name_key", String(200), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),  # the seat's secret
    Column("joined_at", Float, nullable=False),
    Column("number", Integer),  # 1, 2, ... in joining order: the alias (schema 3)
    Column("seen_at", Float),  # last join, rejoin or hand-in (schema 3)
    Column("released", Boolean, nullable=False, server_default=text("false")),  # schema 3
    UniqueConstraint("class_id", "name_key"),
)
# One row per student: a later hand-in replaces the earlier one (the board keeps the latest).
handins = Table(
    "nnsine_handins", metadata,
    Column("student_id", ForeignKey("nnsine_students.id", ondelete="CASCADE"),
           primary_key=True),
    Column("class_id", ForeignKey("nnsine_classes.id", ondelete="CASCADE"), nullable=False),
    Column("fit", Text, nullable=False),  # nnsine.formats.fitfile JSON
    Column("mse", Float, nullable=False),
    Column("max_error", Float, nullable=False),
    Column("mean_error", Float, nullable=False),
    Column("handed_at", Float, nullable=False),
    Column("count", Integer, nullable=False),  # how many times this student handed in
    Index("nnsine_handins_class", "class_id"),
)
# What rate limits count: wrong join codes per session and per address, hand-ins per student.
events = Table(
    "nnsine_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("key", String(200), nullable=False),
    Column("at", Float, nullable=False),
    Index("nnsine_events_lookup", "kind", "key", "at"),
)


def _v1(conn) -> None:
    # Creates today's tables, so a new database is at once what _v2 and later make.
    metadata.create_all(conn, tables=[classes, students, handins, events])


def _v2(conn) -> None:
    # A class may fit a teacher's own target (a formula, up to 1,000 points): schema 1's
    # target was VARCHAR(32). SQLite ignores VARCHAR lengths, so only PostgreSQL changes.
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE nnsine_classes ALTER COLUMN target TYPE TEXT"))


def _v3(conn) -> None:
    # A student is a seat (issue 23): a number for a stable alias when classmates are
    # removed, when last seen, a seat the teacher released for its owner to take back,
    # and names compared by their confusable skeleton. Idempotent: _v1 makes new
    # databases with these columns already.
    have = {c["name"] for c in inspect(conn).get_columns("nnsine_students")}
    for column, kind in (("number", "INTEGER"), ("seen_at", "FLOAT"),
                         ("released", "BOOLEAN NOT NULL DEFAULT false")):
        if column not in have:
            conn.execute(text(f"ALTER TABLE nnsine_students ADD COLUMN {column} {kind}"))
    taken, count = set(), {}
    rows = conn.execute(select(students.c.id, students.c.class_id, students.c.name,
                               students.c.joined_at).order_by(students.c.id)).all()
    for row in rows:
        key = name_key(row.name)
        if (row.class_id, key) in taken:  # look-alikes that joined before schema 3 stay
            key = f"{key}:{row.id}"
        taken.add((row.class_id, key))
        count[row.class_id] = count.get(row.class_id, 0) + 1
        conn.execute(update(students).where(students.c.id == row.id).values(
            name_key=key, number=count[row.class_id], seen_at=row.joined_at))


MIGRATIONS = {1: _v1, 2: _v2, 3: _v3}  # version -> step; a step is never edited once released


def _sqlite_connect(dbapi_connection, _record) -> None:
    # The driver's own transaction handling off, so that "begin" below is in charge.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # busy_timeout: writers queue. WAL: readers (the boards) never block the writer
    # (hand-ins); synchronous=FULL: a commit is on disk before a hand-in is acknowledged.
    cursor.execute("PRAGMA busy_timeout=30000")
    _switch_to_wal(cursor)
    for pragma in ("synchronous=FULL", "foreign_keys=ON"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _switch_to_wal(cursor, attempts: int = 300) -> None:
    # SQLite does not call the busy handler for a journal-mode change, so when several
    # servers open a new file at once all but one get "database is locked" at once.
    # The mode is stored in the file: retry until one switch has landed (or 30 s).
    for attempt in range(attempts):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == attempts - 1:
                raise
            time.sleep(0.1)


def _begin_immediate(conn) -> None:
    # A writer takes the write lock when its transaction starts: a read-then-write
    # transaction that took it later could fail at once ("database is locked") instead of
    # waiting its turn. A reader (see `reading`) takes none: in WAL mode it reads while a
    # hand-in is written, so boards and ranks never queue behind hand-ins.
    reader = conn.get_execution_options().get("nnsine_read", False)
    conn.exec_driver_sql("BEGIN" if reader else "BEGIN IMMEDIATE")


def _pg_writer_lock(conn) -> None:
    # PostgreSQL's BEGIN IMMEDIATE: a writer waits for the others when its transaction
    # starts. Under read committed, two joins (or hand-ins, or new classes) could both
    # count one below a limit and both insert; one at a time, every limit holds exactly,
    # across replicas too. Writes are a few ms each; readers (see `reading`) take no lock.
    if not conn.get_execution_options().get("nnsine_read", False):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_KEY})")


def reading(engine: Engine) -> Connection:
    """A connection for reads only (use it as `with reading(engine) as conn`): its
    transaction takes no writer's lock (SQLite's write lock, PostgreSQL's advisory lock)."""
    return engine.connect().execution_options(nnsine_read=True)


def prepare(engine: Engine) -> Engine:
    """Set the database up for many writers: on SQLite durable commits and a write lock
    taken when a writing transaction begins; on PostgreSQL an advisory lock taken then
    (no-op for other databases and when already done). Returns the engine."""
    if engine.dialect.name == "sqlite" and not event.contains(engine, "begin",
                                                               _begin_immediate):
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _begin_immediate)
        engine.dispose()  # connections made before the listeners would lack them
    if engine.dialect.name == "postgresql" and not event.contains(engine, "begin",
                                                                   _pg_writer_lock):
        event.listen(engine, "begin", _pg_writer_lock)
    return engine


def migrate(engine: Engine) -> int:
    """Create or upgrade the tables to SCHEMA_VERSION; returns that version. Safe when
    several servers start at once: SQLite's write lock or a PostgreSQL advisory lock lets
    one migrate while the others wait, then find nothing to do. RuntimeError if the
    database was made by a newer nnsine."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
        schema_version.create(conn, checkfirst=True)
        current = conn.execute(select(func.max(schema_version.c.version))).scalar() or 0
        if current > SCHEMA_VERSION:
            raise RuntimeError(_("the class database has schema version {current}; this "
                                 "nnsine knows up to {known}: upgrade nnsine",
                                 current=current, known=SCHEMA_VERSION))
        for version in range(current + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[version](conn)
            conn.execute(schema_version.delete())
            conn.execute(insert(schema_version).values(version=version))
    return SCHEMA_VERSION
