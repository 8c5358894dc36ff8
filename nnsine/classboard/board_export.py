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


SIGNIFICANT = 6  # digits of MSE, max |error| and mean |error| in the CSVs
BOM = "\ufeff"  # Excel reads a CSV as UTF-8 only with it (else Zoë is ZoÃ«)


def score_text(value: float) -> str:
    """An error or MSE at the CSVs' stated precision: SIGNIFICANT digits (0.0123457,
    1.3974 rather than 1.3974000000000002)."""
    return f"{value:.{SIGNIFICANT}g}"


def points_text(value: float) -> str:
    """Points exactly as the teacher set them, shortest form: 10, 7.5, 0.125."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _csv(header: Sequence[str], rows: list[list]) -> str:
    """A CSV that a school's spreadsheet opens: UTF-8 with a byte-order mark, CRLF lines,
    numbers as text already formatted (ints as they are), no cell read as a formula."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[v if isinstance(v, int) else _cell(v) for v in row] for row in rows])
    return BOM + out.getvalue()


def when(seconds: float) -> str:
    """Unix seconds -> ISO 8601 UTC, e.g. 2026-11-30T23:05:01Z."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def ranking_csv(rows: list[Handin], rule: GradeRule) -> str:
    """The ranking, one row a student, best first."""
    return _csv(["rank", "name", "alias", "mse", "max_error", "mean_error", "goals_reached",
                 "points", "handed_in_utc", "hand_ins"],
                [[r.rank, r.name, r.alias, *map(score_text, (r.score.mse, r.score.max_error,
                                                              r.score.mean_error)),
                  goals_reached(r.score), points_text(rule.points(r.score)),
                  when(r.handed_at), r.count] for r in rows])


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
            # A file's mode is in its entry: writestr's default (0600) locked out the
            # grading container's user (uid 10001). 0644, dated when handed in.
            entry = zipfile.ZipInfo(file_name(row), time.gmtime(row.handed_at)[:6])
            entry.external_attr = 0o100644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, row.file, compresslevel=1)  # as handed in
    return out.getvalue()


def canvas_csv(rows: list[Handin], rule: GradeRule, column: str) -> str:
    """A CSV for Canvas's gradebook import; `column` names the assignment."""
    lines = [["Points Possible", "", "", "", "", points_text(rule.max_points)]]
    lines += [[r.name, "", "", r.name, "", points_text(rule.points(r.score))] for r in rows]
    return _csv(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", column], lines)


def moodle_csv(rows: list[Handin], rule: GradeRule, column: str) -> str:
    """A CSV for Moodle's grade import (map Username to username, `column` to an item)."""
    return _csv(["Username", column], [[r.name, points_text(rule.points(r.score))]
                                       for r in rows])
