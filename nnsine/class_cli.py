"""`python -m nnsine class export CODE --teacher-token TOKEN --out DIR`: a live class's
fits (JSON, as `score` reads them), its ranking and its Canvas and Moodle grade CSVs.
The database is NNSINE_DATABASE_URL's (as the app's), or --database-url."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from nnsine.classboard.board_rules import normal_code

# SQLAlchemy (through board, board_export, board_store) is imported on demand: the CLI's
# other commands do not pay for it.


def register(commands) -> None:
    """Add the `class` command to the CLI's sub-parsers."""
    class_parser = commands.add_parser("class", help="live class board: export a class")
    actions = class_parser.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="write a class's fits, ranking and grades")
    export.add_argument("code", help="the class's join code")
    export.add_argument("--teacher-token", default=os.environ.get("NNSINE_TEACHER_TOKEN"),
                        help="the token from the teacher link (or NNSINE_TEACHER_TOKEN)")
    export.add_argument("--out", required=True, type=Path, metavar="DIR")
    export.add_argument("--database-url", default=None,
                        help="default: NNSINE_DATABASE_URL, else the app's SQLite file")
    export.set_defaults(run=export_class)


def _engine(url: str):
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.engine import make_url

    from nnsine.classboard import board_store

    parsed = make_url(url)  # ArgumentError for a malformed URL
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        if not Path(parsed.database).exists():  # never create an empty database here
            raise FileNotFoundError(f"no class database at {parsed.database}")
    plain = create_engine(parsed)  # looked at before prepare switches SQLite to WAL
    try:
        if not inspect(plain).has_table(board_store.schema_version.name):
            raise LookupError("it holds no nnsine class board")  # change nothing in it
    finally:
        plain.dispose()
    engine = board_store.prepare(create_engine(parsed))
    board_store.migrate(engine)  # a board made by an older nnsine: brought up to date
    return engine


def export_class(args: argparse.Namespace) -> int:
    """Run `class export`; returns the exit status (2: not found or not allowed)."""
    from nnsine.classboard import board, board_export, board_store

    if not args.teacher_token:
        print("nnsine: --teacher-token is required (the token in the teacher link)",
              file=sys.stderr)
        return 2
    url = args.database_url or os.environ.get("NNSINE_DATABASE_URL") or board_store.DEFAULT_URL
    try:
        engine = _engine(url)
    except Exception as error:  # noqa: BLE001 - any driver error: say it, no traceback
        print(f"nnsine: cannot open the class database ({error})", file=sys.stderr)
        return 2
    info = board.teacher_class(engine, args.teacher_token, time.time())
    if info is None or info.code != normal_code(args.code):
        print(f"nnsine: no running class {args.code!r} opens with that teacher token",
              file=sys.stderr)
        return 2
    rows = board.ranking(engine, info.id)
    engine.dispose()
    column = f"nnsine {info.code}"
    files = {"ranking.csv": board_export.ranking_csv(rows, info.rule),
             "grades-canvas.csv": board_export.canvas_csv(rows, info.rule, column),
             "grades-moodle.csv": board_export.moodle_csv(rows, info.rule, column)}
    try:
        fits = args.out / "fits"
        fits.mkdir(parents=True, exist_ok=True)
        for row in rows:
            (fits / board_export.file_name(row)).write_text(row.file)  # as handed in
        for name, text in files.items():
            (args.out / name).write_text(text, encoding="utf-8", newline="")
    except OSError as error:  # --out is a file, or a folder we may not write
        print(f"nnsine: --out {args.out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"class {info.code}: {len(rows)} hand-ins -> {args.out}/fits/, "
          f"{', '.join(files)}")
    return 0
