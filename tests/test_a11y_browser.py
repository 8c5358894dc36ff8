"""axe-core on every page and tab in both themes, and the live tuner by keyboard alone.

axe-core comes from npm (tests/a11y/package.json; `make` runs npm ci there) and is
injected into the running app. Serious and critical violations fail the test."""

import pytest

from tests.conftest import ROOT, open_app, wait_idle
from tests.device_fixtures import device_page, open_tuner
from ui import shell

pytestmark = pytest.mark.browser
AXE = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", *(page.url for page in shell.PAGES[1:])]  # the tuner is at /
TUNER_TABS = ["Probe the network", "Fig. 4-32: let the optimizer finish"]  # "Edit a pair" is open

RUN_AXE = """async () => (await axe.run(document, { resultTypes: ['violations'] }))
  .violations.filter((v) => ['serious', 'critical'].includes(v.impact))
  .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' '))
    .join(' | ')}`)"""


def violations(page):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make .venv/.dev-deps` (npm ci in tests/a11y)")
    page.add_script_tag(path=str(AXE))
    # While Streamlit reruns (a component's first release, a URL sync), it fades the page's
    # elements as stale, which axe rightly sees as low contrast: check once idle, and once
    # more if a rerun started during the check.
    for _ in range(2):
        wait_idle(page)
        page.wait_for_timeout(1000)  # charts and components finish drawing after the run
        found = page.evaluate(RUN_AXE)
        if not found:
            break
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_axe_violations_on_any_page_or_tab(app_url, browser, scheme):
    found = {}
    with device_page(browser, scheme=scheme) as page:
        for path in PAGES:
            open_app(page, f"{app_url}/{path}")
            found[path or "tuner"] = violations(page)
        open_tuner(page, app_url)
        for tab in TUNER_TABS:
            page.get_by_role("tab", name=tab).click()
            wait_idle(page)
            found[tab] = violations(page)
    assert {name: v for name, v in found.items() if v} == {}


def test_phone_layout_has_no_serious_axe_violations(app_url, browser):
    with device_page(browser, 390, 844, scheme="dark", touch=True) as page:
        open_tuner(page, app_url)
        assert violations(page) == []


# Every control of the live tuner is in the tab order (one stop each) ...
CONTROLS = """() => [...document.querySelectorAll('.nt-root button, .nt-root input')]
  .filter((e) => e.offsetParent !== null).map((e) => e.id || e.getAttribute('aria-label'))"""
FOCUSED = "() => document.activeElement.id || document.activeElement.getAttribute('aria-label')"


@pytest.mark.parametrize("size", [(1400, 1000), (390, 844)])
def test_every_tuner_control_is_reachable_by_tab(app_url, browser, size):
    with device_page(browser, *size) as page:
        open_tuner(page, app_url)
        wanted = page.evaluate(CONTROLS)
        page.locator(".nt-root").evaluate(
            "(root) => root.insertAdjacentHTML('beforebegin', '<a id=nt-start href=#>start</a>')")
        page.locator("#nt-start").focus()
        seen = []
        for _ in range(len(wanted)):
            page.keyboard.press("Tab")
            seen.append(page.evaluate(FOCUSED))
        assert seen == wanted


# ... and operable from the keyboard: arrows on a slider, Enter on − / +, typing a value,
# picking a pair.
def test_the_tuner_works_by_keyboard_alone(app_url, browser):
    with device_page(browser, 390, 844) as page:
        open_tuner(page, app_url)
        slider = page.locator(".nt-root input[data-key=p1_b2]")
        row = page.locator(".nt-root .nt-row", has=page.locator("input[data-key=p1_b2]"))
        slider.focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert slider.input_value() == "0.02"
        row.locator(".nt-step[data-step='-1']").focus()
        page.keyboard.press("Enter")
        assert slider.input_value() == "0.01"
        row.locator(".nt-number").focus()
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type("-1.5")
        page.keyboard.press("Enter")
        assert slider.input_value() == "-1.5"
        page.wait_for_function("() => location.href.includes('p1_b2=-1.5')")
        page.locator(".nt-picker button[aria-label='Pair 2']").focus()
        page.keyboard.press("Space")
        assert page.locator(".nt-root input[data-key=p2_w1]").is_visible()
        assert not slider.is_visible()
