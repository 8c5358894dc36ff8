"""The live board's 2-second refresh keeps the session's language (Chromium, a real
server): a fragment's rerun may run in a new script thread, whose language would be
English, so the board's fragments are `localized` (ui/classroom/board_panel.py)."""

from __future__ import annotations

import re
import time

import pytest
from sqlalchemy import create_engine

from nnsine.book import presets
from nnsine.classboard import board_store, board_students
from nnsine.classboard.board_rules import Limits
from tests.conftest import free_port, start_server, wait_healthy, wait_idle, warm_up

pytestmark = pytest.mark.browser


@pytest.fixture
def served(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'class.db'}"
    monkeypatch.setenv("NNSINE_DATABASE_URL", url)
    port = free_port()
    process = start_server(port)
    app = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(app, process)
        warm_up(app)
        yield app, url
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_refreshed_board_stays_in_the_teachers_language(browser, served):
    app, url = served
    teacher = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    teacher.set_default_timeout(60_000)
    teacher.goto(f"{app}/class?lang=qps")
    wait_idle(teacher)
    teacher.get_by_role("button", name="⟦Start a live class⟧").click()
    heading = teacher.locator("h2").filter(has_text=re.compile(r"^\s*[A-Z2-9]{6}\s*$"))
    heading.first.wait_for()
    code = heading.first.inner_text().strip()
    engine = board_store.prepare(create_engine(url))
    try:  # a hand-in the board shows only after a refresh of its fragment
        token, _info, _name = board_students.join(engine, code, "Ada", "s", "a", Limits(),
                                                  time.time())
        board_students.hand_in(engine, token, presets.preset("hand-tuned"), Limits(),
                               time.time())
    finally:
        engine.dispose()
    shown = teacher.get_by_role("button", name=re.compile("Open the highlighted fit"))
    shown.wait_for()
    assert shown.inner_text().strip() == "⟦Open the highlighted fit in the tuner⟧"
    # The board's headings and table headers after its refresh: wrapped, none left bare.
    assert teacher.get_by_text("⟦Hand-ins⟧").count() >= 1
    assert teacher.get_by_text("Hand-ins", exact=True).count() == 0
