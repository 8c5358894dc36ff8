"""The standard route, as Community Cloud, Spaces or a teacher's VM take it: a fresh copy of
the repository, a fresh venv, `pip install -r requirements.txt`, then `streamlit run app.py`
from the copy's root, and no other step. A cold deep link opens first, then the browser
smoke tests run against that server.

About a minute with pip's cache warm; locally `pytest -m "not standard_route"` skips it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, running_server
from tests.test_cold_start_browser import check_cold_link

pytestmark = [
    pytest.mark.browser,
    pytest.mark.standard_route,
    pytest.mark.skipif(bool(os.environ.get("APP_URL")), reason="builds its own server"),
]

SMOKE = [
    "tests/test_offline_browser.py",
    "tests/test_tuner_browser.py::test_the_curve_follows_a_drag_and_the_metrics_follow_the_release",
]


def fresh_copy(destination: Path) -> None:
    """What a clone holds (the working tree's tracked and new files), nothing a build made."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
        capture_output=True, check=False)
    if listed.returncode != 0:  # not a git checkout: the tree minus what builds make
        shutil.copytree(ROOT, destination, ignore=shutil.ignore_patterns(
            ".git", ".venv", "__pycache__", "*.egg-info", "build", "artifacts", ".*_cache"))
        return
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is skipped
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)


@pytest.fixture(scope="module")
def standard_route(tmp_path_factory):
    """URL of `streamlit run app.py` in a fresh venv made from requirements.txt alone."""
    base = tmp_path_factory.mktemp("standard-route")
    root, venv = base / "nnsine", base / "venv"
    fresh_copy(root)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "-r", "requirements.txt"],
                   cwd=root, check=True, timeout=1200,
                   env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    with running_server(streamlit=venv / "bin" / "streamlit", root=root) as url:
        yield url


def test_a_cold_deep_link_to_the_tuner(browser, standard_route):
    check_cold_link(browser, standard_route, "/tuner?p1_w1=6")


def test_the_browser_smoke_tests_pass(standard_route):
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SMOKE],
                         cwd=ROOT, env={**os.environ, "APP_URL": standard_route},
                         capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
