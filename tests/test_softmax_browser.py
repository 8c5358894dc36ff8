"""The softmax page in a real Chromium: typing a logit updates the probabilities."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from nnsine.engine.activations import softmax
from tests.conftest import open_app


@pytest.mark.browser
def test_typing_a_logit_changes_the_confidence(app_url, page):
    open_app(page, f"{app_url}/softmax")
    confidence = page.locator('.st-key-sm_result [data-testid="stMetricValue"]').nth(1)
    # Generous waits: the machine is shared, and the page draws several charts first.
    expect(confidence).to_have_text(f"{softmax([4.8, 1.21, 2.385])[0]:.2%}", timeout=60_000)
    field = page.locator(".st-key-sm_exact_1 input")
    field.fill("4.8")
    field.press("Enter")
    # expect() waits for the rerun to show the new value; no sleeping.
    expect(confidence).to_have_text(f"{softmax([4.8, 4.8, 2.385])[0]:.2%}", timeout=60_000)
    expect(page.locator(".st-key-sm_logit_1 [data-testid=stSliderThumbValue]")).to_have_text(
        "4.800", timeout=60_000)
    page.wait_for_url("**sm_logits=4.8%2C4.8%2C2.385*")
