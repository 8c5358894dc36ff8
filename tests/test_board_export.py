"""A live class as files: ranking CSV, fit zip (read back by the `score` grading), Canvas
and Moodle gradebook CSVs, the grade rule, `python -m nnsine class export`."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
import time
import zipfile

import numpy as np
import pytest
from sqlalchemy import create_engine

from nnsine.book import presets
from nnsine.classboard import board, board_store, board_students, grading
from nnsine.classboard.board_export import (
    canvas_csv,
    fits_zip,
    moodle_csv,
    points_text,
    ranking_csv,
    score_text,
)
from nnsine.classboard.board_rules import BoardError, GradeRule, Limits
from nnsine.cli import main
from nnsine.engine.metrics import Score
from nnsine.formats import provenance
from nnsine.plots.board_figures import board_figure
from tests.conftest import ROOT
from ui.widgets import markdown_literal

MARKUP = "**x** <img src=x onerror=alert(1)> [link](http://example.com)"


@pytest.fixture
def lesson(tmp_path):
    url = f"sqlite:///{tmp_path / 'class.db'}"
    engine = board_store.prepare(create_engine(url))
    board_store.migrate(engine)
    now = time.time()
    info, token = board.create_class(engine, "sine", Limits(), now)
    for name, preset in [("=HYPERLINK(\"x\")", "zeros"), (MARKUP, "hand-tuned"),
                         ("Zoë", "hand-tuned")]:
        student = board_students.join(engine, info.code, name, "s", "a", Limits(), now)[0]
        board_students.hand_in(engine, student, presets.preset(preset), Limits(), now)
    yield url, engine, info, token, board.ranking(engine, info.id)
    engine.dispose()


def _read(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")  # UTF-8 with a BOM: Excel reads Zoë as Zoë
    return list(csv.reader(io.StringIO(text[1:])))


def test_the_grade_rule_gives_the_highest_level_reached():
    rule = GradeRule(4, (7, 10))
    assert rule.points(None) == 0 and rule.max_points == 10
    assert rule.points(Score(0.5, 1.0, 0.5)) == 4
    assert rule.points(Score(0.01, 0.08, 0.05)) == 7
    assert rule.points(Score(0.001, 0.05, 0.01)) == 10
    assert rule.describe()[1] == "max |error| ≤ 0.10: 7 points"
    with pytest.raises(BoardError, match="0 to 1000"):
        GradeRule(float("nan"), (1, 2))


def test_ranking_csv_zip_and_gradebooks(lesson):
    _, _, info, _, rows = lesson
    ranking = _read(ranking_csv(rows, info.rule))
    assert ranking[0][:4] == ["rank", "name", "alias", "mse"]
    assert [r[1] for r in ranking[1:]] == [MARKUP, "Zoë", "'=HYPERLINK(\"x\")"]  # no formula
    for row in ranking[1:]:  # at the stated precision, no float noise
        assert all(len(v.replace(".", "").lstrip("0")) <= 6 or "e" in v for v in row[3:6])
    archive = zipfile.ZipFile(io.BytesIO(fits_zip(rows)))
    assert {entry.external_attr >> 16 for entry in archive.infolist()} == {0o100644}
    entries, bad = grading.grade([(n, archive.read(n)) for n in archive.namelist()])
    assert not bad and len(entries) == 3
    canvas = _read(canvas_csv(rows, info.rule, "nnsine ABC"))
    assert canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                         "nnsine ABC"]
    assert canvas[1] == ["Points Possible", "", "", "", "", "10"]
    assert canvas[2] == [MARKUP, "", "", MARKUP, "", "10"]
    moodle = _read(moodle_csv(rows, info.rule, "nnsine ABC"))
    assert moodle[0] == ["Username", "nnsine ABC"] and moodle[3][1] == "4"


def test_numbers_at_a_stated_precision_and_points_exact():
    assert [score_text(v) for v in (1.3974000000000002, 0.000123456789, 2.0)] == [
        "1.3974", "0.000123457", "2"]
    assert [points_text(v) for v in (10.0, 7.5, 0.125, 999.123456)] == [
        "10", "7.5", "0.125", "999.123456"]


def test_names_stay_plain_in_the_chart_and_in_markdown():
    x = np.linspace(0, 1, 5)
    figure = board_figure(x, x, [x], [MARKUP], 0, "sin")
    assert figure.data[-1].name == ("1. **x** &lt;img src=x onerror=alert(1)&gt; "
                                    "[link](http://example.com)")
    assert "<" not in markdown_literal(MARKUP).replace("\\<", "")


@pytest.mark.subprocess
def test_cli_class_export(lesson, tmp_path):
    url, _, info, token, _ = lesson
    out = tmp_path / "out"
    status = main(["class", "export", info.code.lower(), "--teacher-token", token,
                   "--out", str(out), "--database-url", url])
    assert status == 0
    assert sorted(p.name for p in out.iterdir()) == ["fits", "grades-canvas.csv",
                                                     "grades-moodle.csv", "ranking.csv"]
    names = sorted(p.name for p in (out / "fits").iterdir())
    assert names == ["01-x_img_src_x_onerror_alert_1_link_http_ex.json", "02-Zoë.json",
                     "03-HYPERLINK_x.json"]
    scored = subprocess.run([sys.executable, "-m", "nnsine", "score", "--json",
                             *map(str, sorted((out / "fits").iterdir()))], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    assert '"mse"' in scored.stdout
    assert main(["class", "export", info.code, "--teacher-token", "guess", "--out",
                 str(out), "--database-url", url]) == 2
    assert main(["class", "export", info.code, "--teacher-token", token, "--out", str(out),
                 "--database-url", f"sqlite:///{tmp_path / 'missing.db'}"]) == 2
    assert not (tmp_path / "missing.db").exists()
    other = tmp_path / "grades.db"  # a teacher's own SQLite file, not a class board
    sqlite3.connect(other).execute("CREATE TABLE marks (name TEXT)").connection.commit()
    before = other.read_bytes()
    assert main(["class", "export", info.code, "--teacher-token", token, "--out", str(out),
                 "--database-url", f"sqlite:///{other}"]) == 2
    assert other.read_bytes() == before and not (tmp_path / "grades.db-wal").exists()
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    assert main(["class", "export", info.code, "--teacher-token", token, "--out",
                 str(a_file), "--database-url", url]) == 1  # a message, no traceback


def test_handed_in_files_keep_the_class_target_and_how_the_fit_was_made(tmp_path):
    """`python -m nnsine score DIR/fits/*.json` (no target option: each file's own) must
    give the board's score, and flag the shortcuts the fit used."""
    engine = board_store.prepare(create_engine(f"sqlite:///{tmp_path / 'class.db'}"))
    board_store.migrate(engine)
    now = time.time()
    info, _ = board.create_class(engine, "abs", Limits(), now)
    student = board_students.join(engine, info.code, "Ada", "s", "a", Limits(), now)[0]
    history = provenance.record(provenance.record((), "preset", "hand-tuned"), "sliders")
    board_students.hand_in(engine, student, presets.preset("hand-tuned"), Limits(), now,
                           history)
    (row,) = board.ranking(engine, info.id)
    archive = zipfile.ZipFile(io.BytesIO(fits_zip([row])))
    (entry,), bad = grading.grade([(n, archive.read(n)) for n in archive.namelist()], None)
    assert not bad and entry.target == "abs" and entry.score == row.score
    assert entry.shortcuts() == {"presets"} and row.made == entry.made()
    assert "preset hand-tuned" in row.made
    engine.dispose()
