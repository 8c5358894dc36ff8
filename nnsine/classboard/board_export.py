"""A live class's hand-ins as files: the ranking CSV, a zip of JSON fit files (what
`python -m nnsine score` reads) and gradebook CSVs for Canvas and Moodle.

Canvas's gradebook import reads the columns of its own export: Student, ID, SIS User ID,
SIS Login ID, Section, then one column per assignment, and an optional "Points Possible"
row first. Students here have only a display name, so ID is empty and the name goes in
Student and SIS Login ID (ask the class to join with their login for automatic matching).
Moodle's CSV import (Grades > Import > CSV file) maps any one column to a user field
(username, ID number or e-mail) and any other column to a grade item: we write Username
(the display name) and one grade column.
"""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from collections.abc import Sequence

from nnsine.classboard.board import Handin
from nnsine.classboard.board_rules import GradeRule, goals_reached


def _cell(value) -> str:
    """A spreadsheet cell that stays text: =, +, -, @ would start a formula in Excel."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(header: Sequence[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[v if isinstance(v, (int, float)) else _cell(v) for v in row]
                      for row in rows])
    return out.getvalue()


def when(seconds: float) -> str:
    """Unix seconds -> ISO 8601 UTC, e.g. 2026-11-30T23:05:01Z."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def ranking_csv(rows: list[Handin], rule: GradeRule) -> str:
    """The ranking, one row a student, best first."""
    return _csv(["rank", "name", "alias", "mse", "max_error", "mean_error", "goals_reached",
                 "points", "handed_in_utc", "hand_ins"],
                [[r.rank, r.name, r.alias, r.score.mse, r.score.max_error, r.score.mean_error,
                  goals_reached(r.score), rule.points(r.score), when(r.handed_at), r.count]
                 for r in rows])


def file_name(row: Handin) -> str:
    """A safe, unique file name for a hand-in: 03-Ada_Lovelace.json."""
    stem = re.sub(r"[^\w.-]+", "_", row.name).strip("._") or row.alias
    return f"{row.rank:02d}-{stem[:40]}.json"


def fits_zip(rows: list[Handin]) -> bytes:
    """Every hand-in as an nnsine.formats.fitfile JSON file, zipped."""
    out = io.BytesIO()
    # Level 1: rebuilt on every 2-second board refresh; a class on 1,000 points is 8 MB
    # of mostly the same target text, which even the fastest level shrinks ~50x.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for row in rows:
            archive.writestr(file_name(row), row.file)  # as handed in: target, provenance
    return out.getvalue()


def canvas_csv(rows: list[Handin], rule: GradeRule, column: str) -> str:
    """A CSV for Canvas's gradebook import; `column` names the assignment."""
    lines = [["Points Possible", "", "", "", "", rule.max_points]]
    lines += [[r.name, "", "", r.name, "", rule.points(r.score)] for r in rows]
    return _csv(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", column], lines)


def moodle_csv(rows: list[Handin], rule: GradeRule, column: str) -> str:
    """A CSV for Moodle's grade import (map Username to username, `column` to an item)."""
    return _csv(["Username", column], [[r.name, rule.points(r.score)] for r in rows])
