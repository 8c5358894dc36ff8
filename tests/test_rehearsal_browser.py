"""Issue 23's rehearsal: a lesson played against a real server, as a room plays it.

The README's classroom command (`streamlit run app.py --server.address 0.0.0.0`) on a
SQLite file, then on a real PostgreSQL (NNSINE_DATABASE_URL, as the app reads it): the
teacher starts a class and takes the join link and the teacher link; three students join
from their own browsers, one a 390×844 phone with touch; then what a room does to a class:
one student reloads, one opens the join link in a second tab (the app refuses the same
name there and says how to get back: the seat link, which brings the student back), the
phone is locked (the page hidden and frozen, its socket dropped, the phone off the wifi
for a while), and the server is killed and started again on the same port and database.
Everyone hands in again. Every hand-in gets an answer ("Received at …" or an error that
says what to do); each student is on the board once and in `python -m nnsine class
export` once, with every acknowledged hand-in counted and the last one's fit as handed
in; the teacher's reloaded page is the board. A second lesson runs behind
deploy/haproxy.cfg with two replicas on one SQLite file, one of them killed mid-class.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import signal
import time
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from nnsine.engine.metrics import score
from nnsine.formats import fitfile
from tests.board_fixtures import database_url, postgres_url  # noqa: F401 (fixtures)
from tests.conftest import free_port, start_server, wait_healthy, wait_idle
from tests.device_fixtures import Finger
from tests.test_board_browser import start_class
from tests.test_cli import nnsine
from tests.test_failover import Student, replicas, stop  # noqa: F401 (a fixture)
from tests.test_outage_browser import fit_in_url
from tests.test_touch_browser import grab

pytestmark = [
    pytest.mark.browser,
    # .ci/container reruns the browser tests against the image: these restart and kill
    # their own servers, so they have nothing to add there.
    pytest.mark.skipif(bool(os.environ.get("APP_URL")),
                       reason="starts its own app processes; APP_URL is not used"),
]

CLASSROOM = ("--server.address", "0.0.0.0")  # the README's classroom command
NAMES = ("Ada", "Bea", "Cy")  # Cy is on the phone
DOWN = '[data-testid="stConnectionStatus"]'  # Streamlit's, while its socket is down
# Every socket a page opens, kept where the test can drop it as a phone's radio does.
KEEP_SOCKETS = """(() => { const Native = window.WebSocket; window.__sockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) { super(...args); window.__sockets.push(this); } }; })();"""
HIDE = """(hidden) => { for (const [key, value] of [["hidden", hidden],
    ["visibilityState", hidden ? "hidden" : "visible"]]) {
    if (hidden) Object.defineProperty(document, key, {value, configurable: true});
    else delete document[key]; }
  document.dispatchEvent(new Event("visibilitychange")); }"""


# A data frame's rows as Glide Data Grid gives them to screen readers: (first column's
# header, [{header: cell}]).
TABLE = """(table) => { const heads = [...table.querySelectorAll("thead th")].map(
    (h) => h.innerText.trim());
  return [heads[0], [...table.querySelectorAll("tbody tr")].map((row) => Object.fromEntries(
    [...row.querySelectorAll("td")].map((cell, i) => [heads[i], cell.innerText.trim()])))];
}"""


class Pupil(Student):
    """A student in a browser of their own (tests.test_failover.Student: its sockets,
    press_right, wait_reconnected), who joins from the join link and hands in."""

    def __init__(self, browser, join_url: str, name: str, phone: bool = False):
        size = {"width": 390, "height": 844} if phone else {"width": 1200, "height": 900}
        self.context = browser.new_context(viewport=size, has_touch=phone, is_mobile=phone)
        self.context.add_init_script(KEEP_SOCKETS)
        self.name, self.phone = name, phone
        self.sockets: list[float] = []
        self.handed: list = []  # the fit of each hand-in the app acknowledged
        self.answer: str | None = None  # the last answer to a hand-in
        self.page = self._open(join_url)
        self.page.get_by_label("Display name (the teacher sees it)").fill(name)
        self._press(self.page.get_by_role("button", name="Join the class"))
        self.page.wait_for_url(re.compile(r"[?&]seat=[\w-]{43}"))
        wait_idle(self.page)

    def _open(self, url: str):
        page = self.context.new_page()
        page.set_default_timeout(60_000)
        page.on("websocket", lambda _: self.sockets.append(time.monotonic()))
        page.goto(url)
        wait_idle(page)
        return page

    def _press(self, button) -> None:
        button.tap() if self.phone else button.click()

    def _drag(self, key: str) -> None:
        """A finger drag on a slider a phone shows (pair 1), a twentieth of its width."""
        x, y, box = grab(self.page, key)
        opened = self.page.url
        Finger(self.page).drag((x, y), (x + box["width"] / 20, y))
        self.page.wait_for_function("(old) => location.href !== old", arg=opened)
        wait_idle(self.page)

    def change_fit(self) -> None:
        """A new fit with a new MSE, each answer told apart by it: the output bias's
        arrow key on a desktop; on the phone a finger on pair 1 (its bias b2 first, so
        that its output weight changes the curve)."""
        if not self.phone:
            self.press_right()
            return
        if fit_in_url(self.page).b2[0] == 0:
            self._drag("p1_b2")
        self._drag("p1_w_out")

    def hand_in(self, change: bool = True) -> str:
        """Change the fit (or not), press Hand in, wait for the answer (a test failure
        if none comes); an acknowledged fit is kept. The answer's text."""
        if change:
            self.change_fit()
        fit = fit_in_url(self.page)
        mse = f"{score(fit).mse:.5f}"
        self._press(self.page.get_by_role("button", name="Hand in this fit"))
        answer = self.page.get_by_text(re.compile(
            rf"^(Received at \d{{1,2}}:\d\d:\d\d(\s?[AP]M)?: MSE {re.escape(mse)}|Not handed in)"))
        if self.answer:  # still on screen until the new answer replaces it
            answer = answer.filter(has_not_text=self.answer)
        try:
            answer.wait_for()
        except PlaywrightTimeout as error:
            raise AssertionError(f"{self.name}'s hand-in got no answer: {error}") from None
        self.answer = text = answer.inner_text()
        if text.startswith("Received at"):
            self.handed.append(fit)
        return text

    def hand_in_until_received(self, tries: int = 3) -> None:
        """Hand in; on an error answer, do what it says (press again)."""
        answers = [self.hand_in()]
        while not answers[-1].startswith("Received at") and len(answers) < tries:
            answers.append(self.hand_in())
        assert answers[-1].startswith("Received at"), (self.name, answers)

    def lock(self) -> None:
        """The phone is locked: page hidden and frozen, off the wifi, its socket gone."""
        self.context.set_offline(True)  # no socket can open again until unlock
        self.page.evaluate(HIDE, True)
        self.page.evaluate("() => window.__sockets.forEach((s) => s.close())")
        self.cdp = self.context.new_cdp_session(self.page)
        self.cdp.send("Page.setWebLifecycleState", {"state": "frozen"})

    def unlock(self) -> None:
        since = time.monotonic()
        self.cdp.send("Page.setWebLifecycleState", {"state": "active"})
        self.page.evaluate(HIDE, False)
        self.page.locator(DOWN).wait_for()  # the page knows it was cut off
        self.context.set_offline(False)
        self.wait_reconnected(since)
        self.page.locator(DOWN).wait_for(state="detached")
        wait_idle(self.page)


def _links(teacher, base: str, code: str) -> tuple[str, str]:
    """The join link and the teacher token as the teacher's page gives them."""
    token = dict(parse_qsl(urlsplit(teacher.url).query))["teacher"]
    teacher.locator("code", has_text=f"/class?teacher={token}").wait_for()  # on screen
    wait_idle(teacher)
    shown = [c.inner_text().strip() for c in teacher.locator("code").all()]
    joins = [text for text in shown if text.endswith(f"/?join={code}")]
    # Listening on all interfaces the join link names the LAN address; a machine with
    # none says so instead, and students type the code on this server's page.
    return (joins[0] if joins else f"{base}/?join={code}"), token


def play_lesson(browser, url: str, interrupt, opened: list):
    """The lesson up to the second round of hand-ins, each browser context added to
    `opened`; `interrupt(pupils)` takes a server away and returns (when it was back, the
    pupils whose sessions it took). (the teacher's page, code, teacher token, pupils)."""
    teacher, code = start_class(browser, url)
    opened.append(teacher.context)
    join_url, token = _links(teacher, url, code)
    pupils = []
    for name in NAMES:
        pupils.append(Pupil(browser, join_url, name, phone=name == "Cy"))
        opened.append(pupils[-1].context)
    for pupil in pupils:
        pupil.hand_in_until_received()
    ada, bea, cy = pupils

    cy.lock()
    ada.page.reload()
    wait_idle(ada.page)
    ada.page.get_by_text(f"Welcome back, Ada: you are in class {code} with your last "
                         "hand-in.").wait_for()
    assert ada.page.get_by_role("button", name="Join the class").count() == 0

    seat_url = bea.page.url
    tab = bea._open(join_url)  # the bare join link: no seat in this tab
    tab.get_by_label("Display name (the teacher sees it)").fill("Bea")
    tab.get_by_role("button", name="Join the class").click()
    refused = tab.locator('[data-testid="stAlertContentError"]', has_text="'Bea' is "
                          f"already in class {code}")
    refused.wait_for()
    assert "?seat=" in refused.inner_text()  # how to get back: the page where she joined
    tab.goto(seat_url)  # she does as it says, in this tab
    wait_idle(tab)
    tab.get_by_text("Welcome back, Bea").wait_for()
    bea.page = tab  # she goes on here; the first tab stays open on the same seat
    cy.unlock()

    since, taken = interrupt(pupils)
    for pupil in taken:
        pupil.wait_reconnected(since)
    for pupil in taken:  # the old page is back on a new session: press at once
        pupil.hand_in(change=False)
    for pupil in pupils:
        wait_idle(pupil.page)
        pupil.hand_in_until_received()
    return teacher, code, token, pupils


def check_board_and_export(teacher, code: str, token: str, database: str,
                           pupils: list[Pupil], out) -> None:
    """Each student once on the board and once in `class export`, with every
    acknowledged hand-in; the teacher's page, open through it all, is the board, and so
    it is after a reload."""
    teacher.get_by_text(f"{len(pupils)} joined · {len(pupils)} handed in · 0 not yet",
                        exact=True).wait_for()  # the board refreshes by itself
    teacher.reload()
    wait_idle(teacher)
    teacher.locator("h2", has_text=code).wait_for()
    assert teacher.get_by_role("button", name="Start a live class").count() == 0
    teacher.get_by_text(f"{len(pupils)} joined · {len(pupils)} handed in · 0 not yet",
                        exact=True).wait_for()
    teacher.get_by_text("Show names on this screen").click()
    cells = teacher.locator('[data-testid="stDataFrame"] td')
    for pupil in pupils:  # in the ranking and in the roster
        cells.filter(has_text=re.compile(rf"^{pupil.name}$")).nth(1).wait_for(state="attached")
    tables = dict(t.evaluate(TABLE) for t in teacher.locator(
        '[data-testid="stDataFrame"] table').all())
    counts = {p.name: len(p.handed) for p in pupils}
    for rows in (tables["rank"], tables["student"]):  # the ranking, the roster
        assert sorted(r["student"] for r in rows) == sorted(NAMES), rows
        assert {r["student"]: int(r["hand-ins"]) for r in rows} == counts, rows

    result = nnsine("class", "export", code, "--teacher-token", token, "--out", str(out),
                    "--database-url", database)
    assert result.returncode == 0, result.stderr
    with open(out / "ranking.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["name"] for r in rows) == sorted(NAMES), rows
    for row in rows:
        pupil = next(p for p in pupils if p.name == row["name"])
        assert int(row["hand_ins"]) == len(pupil.handed), (row, len(pupil.handed))
        handed = fitfile.loads((out / "fits" / f"{int(row['rank']):02d}-{pupil.name}.json")
                               .read_text())
        assert handed == pupil.handed[-1], pupil.name  # the last acknowledged fit


class Server:
    """The README's classroom server on one port and one database, killed (SIGKILL: no
    goodbye to anyone) and started again."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.start()

    def start(self) -> None:
        self.process = start_server(self.port, *CLASSROOM)
        wait_healthy(self.url, self.process, timeout=120)

    def restart(self, pupils):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.start()
        return time.monotonic(), pupils  # every session was on it


def test_a_lesson_survives_reloads_tabs_a_locked_phone_and_a_restart(
        browser, database_url, monkeypatch, tmp_path):  # noqa: F811 (the fixture)
    monkeypatch.setenv("NNSINE_DATABASE_URL", database_url)
    server, opened = Server(), []
    try:
        *lesson, pupils = play_lesson(browser, server.url, server.restart, opened)
        check_board_and_export(*lesson, database_url, pupils, tmp_path / "export")
    finally:
        for context in opened:
            context.close()
        stop(server.process)


@pytest.fixture
def class_replicas(tmp_path, monkeypatch, request):
    """tests.test_failover's two replicas behind deploy/haproxy.cfg, on one SQLite file:
    (proxy url, {name: process}, database url)."""
    database = f"sqlite:///{tmp_path / 'class.db'}"
    monkeypatch.setenv("NNSINE_DATABASE_URL", database)
    url, servers = request.getfixturevalue("replicas")
    yield url, servers, database


@pytest.mark.skipif(not shutil.which("haproxy"), reason="haproxy is not installed")
def test_a_lesson_behind_the_proxy_survives_a_replica_killed_mid_class(
        browser, class_replicas, tmp_path):
    url, servers, database = class_replicas

    def kill_one(pupils):
        """SIGKILL the replica that holds the most students (the proxy's cookie says
        which); its students come back on the other one."""
        on = {p.name: p.page.request.get(f"{url}/_stcore/health").headers.get(
            "x-nnsine-replica") for p in pupils}
        victim = max(servers, key=lambda name: list(on.values()).count(name))
        servers[victim].send_signal(signal.SIGKILL)
        servers[victim].wait()
        taken = [p for p in pupils if on[p.name] == victim]
        assert taken, on
        return time.monotonic(), taken

    opened = []
    try:
        *lesson, pupils = play_lesson(browser, url, kill_one, opened)
        check_board_and_export(*lesson, database, pupils, tmp_path / "export")
    finally:
        for context in opened:
            context.close()
