"""Databases for the class-board tests: a SQLite file, and a real PostgreSQL server that
the tests start from Debian's `postgresql` package (initdb into a temporary folder as a
non-root user, pg_ctl on a free port 55432-55439, stopped at the end of the session)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from nnsine.classboard import board_store

PORTS = range(55432, 55440)


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    return Path(which).parent if which else None


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


@pytest.fixture(scope="session")
def postgres_url():
    """URL of a throw-away PostgreSQL server (skipped, or failed under CI, without one)."""
    bin_dir = _binaries()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        reason = "PostgreSQL server binaries not found: apt-get install postgresql"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    user = None
    if os.geteuid() == 0:  # initdb refuses to run as root
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run initdb as")
    data = Path(tempfile.mkdtemp(prefix="nnsine-pg-"))
    if user:
        os.chown(data, user.pw_uid, user.pw_gid)
    run = {"user": user.pw_uid if user else None, "group": user.pw_gid if user else None,
           "check": True, "capture_output": True, "timeout": 120}
    subprocess.run([bin_dir / "initdb", "-D", data / "db", "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--no-sync"], **run)
    port = _free_port()
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1"
    subprocess.run([bin_dir / "pg_ctl", "-D", data / "db", "-o", options, "-l",
                    data / "log", "-w", "-t", "120", "start"], **run)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([bin_dir / "pg_ctl", "-D", data / "db", "-m", "immediate", "-w",
                        "stop"], **{**run, "check": False})
        shutil.rmtree(data, ignore_errors=True)


def _empty(url: str):
    engine = board_store.prepare(create_engine(url))
    board_store.metadata.drop_all(engine)
    return engine


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A URL to an empty database: a SQLite file, then the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'class.db'}"
        return
    url = request.getfixturevalue("postgres_url")
    _empty(url).dispose()
    yield url


@pytest.fixture
def engine(database_url):
    """A migrated Engine on `database_url`."""
    engine = board_store.prepare(create_engine(database_url))
    board_store.migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def class_database(tmp_path, monkeypatch):
    """The app's class board (AppTest) on a new SQLite file, its join links naming a
    network address (NNSINE_PUBLIC_URL); the migrated Engine."""
    url = f"sqlite:///{tmp_path / 'class.db'}"
    monkeypatch.setenv("NNSINE_DATABASE_URL", url)
    monkeypatch.setenv("NNSINE_PUBLIC_URL", "http://192.168.1.5:8501")
    engine = board_store.prepare(create_engine(url))
    board_store.migrate(engine)
    yield engine
    engine.dispose()
