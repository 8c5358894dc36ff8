"""One live lesson end to end in Chromium against a real server: the teacher starts a
class, a student opens the join link, joins with a name full of markup and hands in;
the board picks it up by itself, and the name shows literally everywhere."""

from __future__ import annotations

import os
import re
import zipfile

import pytest

from nnsine.book import presets
from nnsine.formats import fitfile
from tests.conftest import free_port, start_server, wait_healthy, wait_idle, warm_up

pytestmark = pytest.mark.browser
MARKUP = "**x** <img src=x onerror=alert(1)> [link](http://example.com)"


@pytest.fixture
def board_url(tmp_path, monkeypatch):
    if os.environ.get("APP_URL"):  # the container under test (its own database volume)
        yield os.environ["APP_URL"].rstrip("/")
        return
    monkeypatch.setenv("NNSINE_DATABASE_URL", f"sqlite:///{tmp_path / 'class.db'}")
    port = free_port()
    process = start_server(port)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        warm_up(url)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def _no_markup_rendered(page) -> None:
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href="http://example.com"]').count() == 0
    assert page.locator("strong", has_text=re.compile(r"^x$")).count() == 0


def start_class(browser, board_url: str, target: str | None = None):
    """A teacher's page with a new live class (on the target labelled `target`); its code."""
    teacher = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    teacher.set_default_timeout(60_000)
    teacher.goto(f"{board_url}/class")
    wait_idle(teacher)
    if target:
        teacher.get_by_label("Target for the class").click()
        teacher.get_by_role("option", name=target).click()
    teacher.get_by_role("button", name="Start a live class").click()
    # The code as the projector shows it (a server on 127.0.0.1 has no join link that a
    # phone could open, and says so instead).
    heading = teacher.locator("h2").filter(has_text=re.compile(r"^\s*[A-Z2-9]{6}\s*$"))
    heading.first.wait_for()
    return teacher, heading.first.inner_text().strip()


def open_join_link(browser, board_url: str, code: str):
    """A student's page opened from the class's join link."""
    student = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    student.set_default_timeout(20_000)
    student.goto(f"{board_url}/?join={code}")
    wait_idle(student)
    return student


def test_a_student_hands_in_and_the_board_shows_it(browser, board_url):
    teacher, code = start_class(browser, board_url)
    student = open_join_link(browser, board_url, code)
    student.get_by_label("Display name (the teacher sees it)").fill(MARKUP)
    student.get_by_role("button", name="Join the class").click()
    student.get_by_role("button", name="Hand in this fit").click()
    student.get_by_text("Received at").wait_for()
    student.get_by_text(MARKUP, exact=True).wait_for()  # the student's own name, literally
    student.get_by_text("#1 of 1").wait_for()
    _no_markup_rendered(student)

    # The board refreshes by itself (no click): the hand-in appears under an alias.
    teacher.locator('[data-testid="stMetricValue"]', has_text=re.compile(r"^1$")).wait_for()
    assert teacher.get_by_text(MARKUP).count() == 0
    teacher.get_by_text("Show names on this screen").click()
    teacher.get_by_text(f"1. {MARKUP}", exact=True).first.wait_for()
    legend = teacher.locator(".legendtext", has_text="<img src=x")
    legend.first.wait_for()
    _no_markup_rendered(teacher)
    with teacher.expect_download() as download:  # made when clicked, from the database
        teacher.get_by_role("button", name="All fits (zip of JSON)").click()
    archive = zipfile.ZipFile(download.value.path())
    (name,) = archive.namelist()
    assert fitfile.loads(archive.read(name)) == presets.preset("zeros")


def test_joining_a_class_shows_its_target_on_the_whole_tuner(browser, board_url):
    """The hand-in panel is a fragment: a join that changes the target must redraw the
    page around it (title, chart, scores), not only the panel."""
    _, code = start_class(browser, board_url, target="|x − 0.5|")
    student = open_join_link(browser, board_url, code)
    student.locator("h1", has_text="Fit sin(2πx)").wait_for()
    student.get_by_label("Display name (the teacher sees it)").fill("Ada")
    student.get_by_role("button", name="Join the class").click()
    student.locator("h1", has_text="Fit |x − 0.5|").wait_for()


def test_a_phone_joins_above_the_fold_and_a_reload_keeps_the_seat(browser, board_url):
    """Issue 23: the join link's first screen on a 390×844 phone is the join form; after
    joining, the address holds the seat, and a reload is the same student (no join form,
    the last hand-in still theirs)."""
    _, code = start_class(browser, board_url)
    phone = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                is_mobile=True).new_page()
    phone.set_default_timeout(60_000)
    phone.goto(f"{board_url}/?join={code}")
    wait_idle(phone)
    button = phone.get_by_role("button", name="Join the class")
    box = button.bounding_box()
    assert box and box["y"] + box["height"] <= 844, box  # above the fold
    phone.get_by_label("Display name (the teacher sees it)").fill("Ada")
    button.tap()
    phone.wait_for_url(re.compile(r"[?&]seat=[\w-]{43}"))
    wait_idle(phone)
    phone.get_by_role("button", name="Hand in this fit").tap()
    phone.get_by_text(re.compile(r"^Received at")).wait_for()
    phone.reload()
    wait_idle(phone)
    phone.get_by_text("Welcome back, Ada: you are in class").wait_for()
    phone.get_by_text(re.compile(r"^#1 of 1$")).wait_for()  # her rank: the hand-in is hers
    phone.get_by_role("button", name="Hand in this fit").wait_for()
    assert phone.get_by_role("button", name="Join the class").count() == 0
