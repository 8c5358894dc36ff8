"""Nothing acknowledged is lost: a process handing in as fast as it can is killed with
SIGKILL mid-burst; every hand-in it acknowledged (after the commit) is in the database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine

from nnsine.classboard import board, board_store, board_students
from nnsine.classboard.board_rules import Limits
from tests.board_fixtures import *  # noqa: F403 (fixtures: engine, database_url)
from tests.conftest import ROOT

STUDENTS = 400


@pytest.mark.subprocess
def test_sigkill_during_a_burst_loses_no_acknowledged_hand_in(engine, database_url,
                                                              tmp_path):
    now = time.time()
    info, _ = board.create_class(engine, "sine", Limits(), now)
    limits = Limits(wrong_codes_per_session=10**6, students_per_class=10**6,
                    joins_per_session=10**6, joins_per_address=10**6)
    tokens = [board_students.join(engine, info.code, f"s{n}", "s", "a", limits, now)[0]
              for n in range(STUDENTS)]
    (tmp_path / "tokens").write_text("\n".join(tokens))
    child = subprocess.Popen([sys.executable, "-m", "tests.board_burst", database_url,
                              str(tmp_path / "tokens")], cwd=ROOT, stdout=subprocess.PIPE,
                             text=True)
    acked = []
    for line in child.stdout:
        if line.startswith("ACK"):
            acked.append(int(line.split()[1]))
        if len(acked) == 40:
            os.kill(child.pid, signal.SIGKILL)  # mid-burst: other threads are committing
            break
    acked += [int(line.split()[1]) for line in child.stdout if line.startswith("ACK")]
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL, "the burst ended before the kill"
    assert len(acked) < STUDENTS
    restarted = board_store.prepare(create_engine(database_url))  # as a new server would
    board_store.migrate(restarted)
    stored = {r.name for r in board.ranking(restarted, info.id)}
    restarted.dispose()
    assert {f"s{n}" for n in acked} <= stored
