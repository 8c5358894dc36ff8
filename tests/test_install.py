"""`pip install nnsine` as a user outside the repository gets it (issue 28): the wheel is
built from a copy holding only what pyproject.toml ships, installed with its dependencies
into a fresh venv, and used from another folder with no PYTHONPATH: every public name
imports, every module imports, every `python -m nnsine` command runs. The plain install
stays lean (no Plotly or Streamlit); the `app` and `postgres` extras add the rest.

One to two minutes with pip's cache warm (most of it installing the app extra);
locally `pytest -m "not slow_install"` skips it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow_install

SHIPPED = ["pyproject.toml", "LICENSE", "NOTICE", "nnsine"]  # the build needs nothing else
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
ENV["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"

# Run by the venv's Python: every module of the installed package, imported one by one;
# prints {module: null, or the name of the missing module that stopped it}.
IMPORT_ALL = textwrap.dedent("""
    import importlib, json, pkgutil, sys
    import nnsine
    assert "site-packages" in nnsine.__file__, nnsine.__file__
    result = {}
    for module in pkgutil.walk_packages(nnsine.__path__, "nnsine."):
        if module.name == "nnsine.__main__":
            continue  # runs the CLI; every command is run below instead
        try:
            importlib.import_module(module.name)
            result[module.name] = None
        except ModuleNotFoundError as error:
            result[module.name] = error.name.split(".")[0]
    from importlib.resources import files
    from nnsine import *  # noqa: F403
    imported = dir()
    result["*"] = sorted(name for name in nnsine.__all__ if name not in imported)
    result["frontend"] = sorted(p.name for p in (files("nnsine") / "frontend").iterdir())
    print(json.dumps(result))
""")

# A class database with one class and two hand-ins, made by the app's side (joining
# compares names with ICU, the app extra): `class export` then reads it on a plain install.
MAKE_CLASS = textwrap.dedent("""
    import sys, time
    from sqlalchemy import create_engine
    from nnsine.book import presets
    from nnsine.classboard import board, board_store, board_students
    from nnsine.classboard.board_rules import Limits
    engine = board_store.prepare(create_engine(sys.argv[1]))
    board_store.migrate(engine)
    now = time.time()
    info, token = board.create_class(engine, "sine", Limits(), now)
    for name, preset in [("Ada", "hand-tuned"), ("Bob", "zeros")]:
        student = board_students.join(engine, info.code, name, "s", "a", Limits(), now)[0]
        board_students.hand_in(engine, student, presets.preset(preset), Limits(), now)
    print(info.code, token)
""")


def run(*args, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=ENV, capture_output=True,
                            text=True, timeout=timeout, check=False)
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """nnsine-*.whl, built from a copy of what pyproject.toml ships; the build backend
    (setuptools) comes from the index, in pip's isolated build environment."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    source.mkdir()
    for name in SHIPPED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(ROOT / name, source / name)
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", base / "dist", source,
        cwd=base)
    (built,) = (base / "dist").glob("nnsine-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    """(the venv's python, the wheel, a folder far from the repository) after a plain
    `pip install nnsine-*.whl` into a fresh venv."""
    base = tmp_path_factory.mktemp("install")
    venv, elsewhere = base / "venv", base / "elsewhere"
    elsewhere.mkdir()
    run(sys.executable, "-m", "venv", venv, cwd=base)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", "--no-compile", wheel, cwd=elsewhere)
    return python, wheel, elsewhere


def nnsine(python, *args, cwd):
    return run(python, "-m", "nnsine", *args, cwd=cwd, timeout=300)


@pytest.mark.subprocess
def test_a_plain_install_imports_every_name_and_leaves_the_app_out(installed):
    python, wheel, elsewhere = installed
    result = json.loads(run(python, "-c", IMPORT_ALL, cwd=elsewhere).stdout)
    assert result.pop("*") == []  # every name in nnsine.__all__ imported
    assert "live_tuner.js" in result.pop("frontend")  # the package data is installed
    missing = {name: why for name, why in result.items() if why is not None}
    # lean: the app's charts and the notebook widget are extras
    assert set(missing.values()) == {"plotly", "anywidget"}, missing
    assert all(name.startswith(("nnsine.plots.", "nnsine.assets")) if why == "plotly"
               else name.startswith("nnsine.widget") for name, why in missing.items()), missing
    for core in ("nnsine.cli", "nnsine.plots.render", "nnsine.classboard.board",
                 "nnsine.engine.target_formula", "nnsine.formats.fitfile"):
        assert result[core] is None, core
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}"
                                ".dist-info/METADATA").decode()
    assert "License-Expression: MIT" in metadata and "License-File: NOTICE" in metadata
    assert "Requires-Dist: simpleeval" in metadata  # issue 28: a plain install lacked it


@pytest.mark.subprocess
def test_every_command_runs_from_another_folder(installed):
    python, _, here = installed
    commands = nnsine(python, "--help", cwd=here).stdout
    for command in ("preset", "score", "listings", "train", "class", "export", "render"):
        assert command in commands  # each one is run below
    fit = nnsine(python, "preset", "hand-tuned", cwd=here).stdout
    (here / "fits").mkdir()
    (here / "fits" / "ada.json").write_text(fit)
    (here / "fits" / "notes.txt").write_text("not a fit")
    assert "ada.json" in nnsine(python, "score", "fits/ada.json", cwd=here).stdout
    graded = nnsine(python, "score", "fits", cwd=here)
    assert "ada.json" in graded.stdout and "skipped: fits/notes.txt" in graded.stderr
    assert "Exponentiated values:" in nnsine(python, "listings", cwd=here).stdout
    trained = nnsine(python, "train", "fits/ada.json", "--steps", "3", cwd=here).stdout
    assert json.loads(trained)["format"] == "nnsine-pairs"
    assert "class Layer_Dense" in nnsine(python, "export", "fits/ada.json", "--to", "nnfs",
                                         cwd=here).stdout
    for to, out in (("numpy", "fit.npz"), ("torch", "fit.pt")):
        nnsine(python, "export", "fits/ada.json", "--to", to, "-o", out, cwd=here)
        assert (here / out).stat().st_size > 0
    nnsine(python, "render", "fits/ada.json", "--svg", "fit.svg", "--png", "fit.png", cwd=here)
    assert (here / "fit.svg").read_text().lstrip().startswith("<?xml")
    assert (here / "fit.png").read_bytes().startswith(b"\x89PNG")
    url = f"sqlite:///{here / 'class.db'}"
    code, token = run(sys.executable, "-c", MAKE_CLASS, url, cwd=ROOT).stdout.split()
    nnsine(python, "class", "export", code, "--teacher-token", token, "--out", "lesson",
           "--database-url", url, cwd=here)
    ranked = nnsine(python, "score", "lesson/fits", cwd=here).stdout.splitlines()
    assert len(ranked) == 3 and "Ada" in ranked[1] and "Bob" in ranked[2]


@pytest.mark.subprocess
def test_the_extras_install_the_app_and_the_postgres_driver(installed):
    """Last: it adds the extras (app, postgres, widget) to the plain install's venv (their
    own venv would install NumPy, matplotlib and SQLAlchemy a second time)."""
    python, wheel, elsewhere = installed
    run(python, "-m", "pip", "install", "-q", "--no-compile", f"{wheel}[app,postgres,widget]",
        cwd=elsewhere)
    result = json.loads(run(python, "-c", IMPORT_ALL, cwd=elsewhere).stdout)
    assert result.pop("*") == [] and result.pop("frontend")
    assert {name: why for name, why in result.items() if why is not None} == {}
    run(python, "-c", "import streamlit, plotly, segno, psycopg; psycopg.pq.version()",
        cwd=elsewhere)
