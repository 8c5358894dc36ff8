"""`python -m nnsine` as a teacher runs it: real subprocesses, real files."""

import json
import subprocess
import sys
from pathlib import Path

from nnsine import fitfile, presets
from nnsine.metrics import score

ROOT = Path(__file__).resolve().parents[1]


def nnsine(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "nnsine", *args], capture_output=True,
                          text=True, cwd=cwd or ROOT, timeout=60)


def test_preset_prints_the_json_format():
    result = nnsine("preset", "hand-tuned")
    assert result.returncode == 0
    assert fitfile.loads(result.stdout) == presets.preset("hand-tuned")
    assert json.loads(result.stdout)["format"] == "nnsine-pairs"


def test_unknown_preset_is_an_error_naming_the_known_ones():
    result = nnsine("preset", "perfect")
    assert result.returncode == 2 and "hand-tuned" in result.stderr and not result.stdout


def make_class(tmp_path):
    (tmp_path / "ada.json").write_text(fitfile.dumps(presets.preset("hand-tuned")))
    (tmp_path / "bob.json").write_text(fitfile.dumps(presets.preset("zeros")))
    (tmp_path / "cy.json").write_text("{broken")
    return [str(tmp_path / name) for name in ("bob.json", "cy.json", "ada.json")]


def test_score_ranks_good_files_and_reports_the_bad_one(tmp_path):
    result = nnsine("score", *make_class(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "MSE" in lines[0] and "ada.json" in lines[1] and "bob.json" in lines[2]
    assert f"{score(presets.preset('hand-tuned')).mse:.6f}" in lines[1]
    assert "cy.json" in result.stderr and "not valid JSON" in result.stderr


def test_score_json_lists_scores_and_errors(tmp_path):
    result = nnsine("score", "--json", *make_class(tmp_path), str(tmp_path / "missing.json"))
    assert result.returncode == 1
    rows = json.loads(result.stdout)
    assert [row["file"].rsplit("/", 1)[-1] for row in rows] == [
        "ada.json", "bob.json", "cy.json", "missing.json"]
    assert rows[0]["mse"] == score(presets.preset("hand-tuned")).mse
    assert "error" in rows[2] and "error" in rows[3]


def test_score_of_good_files_exits_zero(tmp_path):
    files = make_class(tmp_path)
    assert nnsine("score", files[0], files[2]).returncode == 0


def test_score_expands_a_wildcard_the_shell_left_alone(tmp_path):
    make_class(tmp_path)
    result = nnsine("score", str(tmp_path / "*.json"))  # as `docker run ... /data/*.json`
    assert result.returncode == 1 and "ada.json" in result.stdout and "cy.json" in result.stderr
