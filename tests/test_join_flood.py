"""One mischievous student must not spoil the room (issue 23), through the app at its
default limits: a real server on 127.0.0.1 (one address, as a school behind its NAT is)
spoken to over Streamlit's own websocket protocol, as tests/test_message_limits.py does.
A flood of wrong join codes from fresh sessions stops itself and does not lock out a
student whose page was open; a script's joins stop at the limits per browser and per
address. The rules themselves: tests/test_board_seats.py."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import create_engine
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.WidgetStates_pb2 import WidgetState

from nnsine.classboard import board, board_store, roster
from nnsine.classboard.board_rules import Limits
from tests.conftest import running_server
from tests.test_message_limits import _run, _session, elements, run

pytestmark = [pytest.mark.subprocess, pytest.mark.timeout(300)]

LIMITS = Limits()  # the server runs with the defaults: no NNSINE_<LIMIT> is set
NAME = "Display name (the teacher sees it)"
PARALLEL = 4  # sessions at once: a flood is quicker than a loop, and still bounded


@pytest.fixture
def lesson(tmp_path, monkeypatch):
    """A running class in a SQLite file and a server on it: (url, class, engine)."""
    for field in ("wrong_codes_per_address", "joins_per_session", "joins_per_address"):
        monkeypatch.delenv(f"NNSINE_{field.upper()}", raising=False)
    url = f"sqlite:///{tmp_path / 'class.db'}"
    monkeypatch.setenv("NNSINE_DATABASE_URL", url)
    engine = board_store.prepare(create_engine(url))
    board_store.migrate(engine)
    info, _ = board.create_class(engine, "sine", LIMITS, time.time())
    with running_server() as server:
        yield server, info, engine
    engine.dispose()


class Browser:
    """One Streamlit session on a join link (?join=CODE), as a page that was opened."""

    def __init__(self, ws):
        self.ws = ws

    @classmethod
    async def open(cls, url: str, code: str) -> Browser:
        self = cls(await _session(url))
        await self.go(code)
        return self

    async def go(self, code: str) -> None:
        """Open the join link in this session (the tab goes to the link again)."""
        self.query = f"join={code}"
        await self._show(await _run(self.ws, query=self.query))

    async def _show(self, answers) -> list[str]:
        """Remember the widgets of this run (their ids); its error messages."""
        shown = elements(answers)
        self.ids = {getattr(e, e.WhichOneof("type")).label: getattr(e, e.WhichOneof(
            "type")).id for e in shown if e.WhichOneof("type") in ("text_input", "button")}
        for answer in answers:
            if answer.WhichOneof("type") == "page_info_changed":
                self.query = answer.page_info_changed.query_string
        return [e.alert.body for e in shown if e.WhichOneof("type") == "alert"
                and e.alert.format == Alert.ERROR]

    async def press(self, label: str, **text: str) -> list[str]:
        """Type into the text fields (label -> text) and press the button `label`."""
        states = [WidgetState(id=self.ids[field], string_value=value)
                  for field, value in text.items()]
        states.append(WidgetState(id=self.ids[label], trigger_value=True))
        return await self._show(await _run(self.ws, states, self.query))

    async def join(self, code: str, name: str) -> list[str]:
        """Join with this code and name: the errors shown (none: joined)."""
        return await self.press("Join the class", **{"Join code": code, NAME: name})


async def _fresh(url: str, code: str, name: str, typed: str | None = None) -> list[str]:
    """A fresh session opens the join link of `code`, types `typed` (default: code)."""
    page = await Browser.open(url, code)
    try:
        return await page.join(typed or code, name)
    finally:
        await page.ws.close()


async def _many(count: int, make) -> list:
    """make(k) for k < count, PARALLEL at a time, in order."""
    gate = asyncio.Semaphore(PARALLEL)

    async def one(k):
        async with gate:
            return await make(k)
    return await asyncio.gather(*(one(k) for k in range(count)))


def test_wrong_codes_from_fresh_sessions_stop_but_an_open_page_still_joins(lesson):
    url, info, engine = lesson
    guesses = LIMITS.wrong_codes_per_address  # 200: the flood

    async def flood():
        ada = await Browser.open(url, info.code)  # her page is open before the flood
        wrong = await _many(guesses, lambda k: _fresh(url, "ZZZZZZ", f"Eve {k}"))
        late = await _fresh(url, info.code, "Eve", typed=info.code)  # a new session
        joined = await ada.join(info.code, "Ada")
        await ada.ws.close()
        return wrong, late, joined, ada.query

    wrong, late, joined, query = run(flood())
    assert all(len(w) == 1 and "no running class has the code 'ZZZZZZ'" in w[0]
               for w in wrong), {w[0] if w else "" for w in wrong}
    [refused] = late  # guessing is bounded: new sessions from the address are stopped
    assert refused.startswith("too many wrong codes from this browser or network")
    assert joined == [] and "seat=" in query  # Ada is in class, her seat in her address
    assert [m.name for m in roster.roster(engine, info.id)] == ["Ada"]


def test_joins_from_one_script_are_bounded_per_browser_and_per_address(lesson):
    url, info, engine = lesson
    per_browser, per_address = LIMITS.joins_per_session, LIMITS.joins_per_address

    async def one_browser():
        """100 joins from one tab: join, leave the class, open the join link again,
        join under a new name."""
        page = await Browser.open(url, info.code)
        answers = []
        for k in range(100):
            answers.append(await page.join(info.code, f"Bot {k}"))
            if not answers[-1]:
                await page.press("Leave the class")
                await page.go(info.code)
        await page.ws.close()
        return answers

    answers = run(one_browser())
    assert answers[:per_browser] == [[]] * per_browser
    assert all(a == [f"{per_browser} joins from this browser in 10 minutes: wait, or ask "
                     "the teacher"] for a in answers[per_browser:]), answers[per_browser]
    # A fresh session for every join: the address's limit stops them.
    rest = per_address - per_browser
    fresh = run(_many(rest + 5, lambda k: _fresh(url, info.code, f"Fresh {k}")))
    refused = [f"{per_address} joins from this address in 10 minutes: wait, or ask the "
               "teacher"]
    assert sorted(map(len, fresh)) == [0] * rest + [1] * 5  # sessions ran 4 at a time
    assert all(a == refused for a in fresh if a), fresh
    assert len(roster.roster(engine, info.id)) == per_address < LIMITS.students_per_class
