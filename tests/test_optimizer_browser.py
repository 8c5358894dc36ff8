"""Watch the optimizer learn, in a real Chromium (issue 25): the gradient on all 41
sliders, accessible by name; Step moves the sliders; Play animates in the browser and
Pause holds, the fit going back to Python as one release. No timing assertions."""

import re

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import gradient, targets
from nnsine.engine.network import to_vector
from tests.conftest import open_app, wait_idle

pytestmark = pytest.mark.browser

VALUES = "() => Array.from(document.querySelector('.nt-root').__nnsine.values)"
STEPS = "() => { const L = document.querySelector('.nt-root').__nnsine.learning;" \
        " return L.state ? L.state.steps : 0; }"


def hand_tuned(page, url):
    open_app(page, url)
    page.wait_for_selector(".nt-root[data-drawn]")
    page.locator(".st-key-preset_hand-tuned button").click()
    wanted = to_vector(presets.preset("hand-tuned")).tolist()
    page.wait_for_function(f"(wanted) => ({VALUES})().every((v, k) => v === wanted[k])",
                           arg=wanted)
    wait_idle(page)


def pairs_tab(page):
    page.get_by_role("tab", name="Fig. 4-32: let the optimizer finish").click()
    wait_idle(page)
    page.get_by_text("Keep the pairs, step by step on the sliders").click()
    wait_idle(page)
    button(page, "Step").wait_for()


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def test_every_slider_shows_its_gradient_by_name(app_url, page):
    hand_tuned(page, app_url)
    bars = page.get_by_role("img", name=re.compile(r"^gradient of "))
    assert bars.count() == 41
    fit = presets.preset("hand-tuned")
    x, y = targets.sample()
    want = to_vector(gradient.gradient(fit, x, y))
    page.wait_for_function("() => [...document.querySelectorAll('.nt-grad')]"
                           ".every((bar) => bar.dataset.value !== undefined)")
    shown = page.evaluate("() => [...document.querySelectorAll('.nt-grad')]"
                          ".map((bar) => Number(bar.dataset.value))")
    np.testing.assert_array_equal(shown, want)  # Python's values, as they are
    k = int(np.argmax(np.abs(want)))
    name = bars.nth(k).get_attribute("aria-label")
    assert ("lower it" if want[k] > 0 else "raise it") in name
    # The slider is described by its gradient: the keyboard hears it too.
    described = page.locator(".nt-root input[type=range]").nth(k).get_attribute(
        "aria-describedby")
    assert page.locator(f"#{described}").get_attribute("aria-label") == name


def test_step_moves_the_sliders_and_play_animates_until_pause(app_url, page):
    hand_tuned(page, app_url)
    pairs_tab(page)
    before = page.evaluate(VALUES)
    button(page, "Step").click()
    page.wait_for_function(f"(before) => ({VALUES})().some((v, k) => v !== before[k])",
                           arg=before)
    wait_idle(page)
    button(page, "Play").click()
    page.wait_for_selector(".nt-root[data-playing='1']")
    first = page.evaluate(STEPS)
    page.wait_for_function(f"(first) => ({STEPS})() > first + 10", arg=first)
    moving = page.evaluate(VALUES)
    page.wait_for_function(f"(then) => ({VALUES})().some((v, k) => v !== then[k])",
                           arg=moving)  # still moving: Play animates
    button(page, "Pause").click()
    page.wait_for_selector(".nt-root[data-playing='']")
    held = page.evaluate(VALUES)
    button(page, "Play").wait_for()  # Python heard the release
    wait_idle(page)
    assert page.evaluate(VALUES) == held  # Pause holds, and Python kept the browser's fit
    button(page, "Undo: back to my values").click()
    wanted = to_vector(presets.preset("hand-tuned")).tolist()
    page.wait_for_function(f"(wanted) => ({VALUES})().every((v, k) => v === wanted[k])",
                           arg=wanted)
