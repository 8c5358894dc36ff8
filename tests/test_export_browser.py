"""In Chromium: open "Take it to your notebook", download the book's program and run it
(it prints the MSE the page shows), download the chart as PNG and SVG."""

from __future__ import annotations

import subprocess
import sys

import pytest

from nnsine.book.presets import preset
from nnsine.engine.metrics import score
from tests.conftest import open_app, wait_idle

pytestmark = pytest.mark.browser


def test_download_the_program_and_the_chart(app_url, page, tmp_path):
    open_app(page, app_url)
    page.locator(".st-key-preset_hand-tuned button").click()
    shown = f"{score(preset('hand-tuned')).mse:.5f}"
    mse = page.locator('[data-testid="stMetric"]', has_text="MSE").first
    # The click's rerun may not have started yet: wait for the value, not for idle.
    mse.locator('[data-testid="stMetricValue"]', has_text=shown).wait_for()
    wait_idle(page)
    page.locator(".st-key-notebook summary").click()
    page.wait_for_selector('.st-key-notebook [data-testid="stCode"]')
    with page.expect_download() as download:
        page.get_by_text("Download nnsine_fit.py").click()
    program = tmp_path / "nnsine_fit.py"
    download.value.save_as(program)
    result = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"MSE: {shown} ")
    for fmt, magic in (("PNG", b"\x89PNG"), ("SVG", b"<?xml")):
        with page.expect_download() as download:
            page.get_by_text(f"Chart as {fmt}").click()
        saved = tmp_path / f"chart.{fmt.lower()}"
        download.value.save_as(saved)
        assert saved.read_bytes().startswith(magic)
