"""Light and dark: the live tuner and the Plotly charts follow Streamlit's theme.

Both routes to a theme: the browser's preference (Playwright color_scheme; the app sets
no theme, so Streamlit follows it) and Streamlit's own menu (Light / Dark). Colours are
checked as computed in the page; screenshots go to artifacts/ for a person to look at."""

import pytest

from tests.conftest import ROOT, open_app
from tests.device_fixtures import app_background, device_page, open_tuner

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "artifacts"

# What the tuner's chart shows, in computed colours: legend text and box, tick labels,
# grid, slider labels and values, over the page's background.
TUNER_COLOURS = """(bg) => {
  const q = (sel) => document.querySelector(sel);
  const legend = q('.nt-plot .legend .bg'), grid = q('.nt-plot .gridlayer path');
  return {
    legendText: __contrast(getComputedStyle(q('.nt-plot .legendtext')).fill, bg),
    tick: __contrast(getComputedStyle(q('.nt-plot .xtick text')).fill, bg),
    legendBox: __contrast(__over(legend.style.fill, Number(legend.style.fillOpacity || 1), bg),
                          bg),
    grid: __contrast(__over(grid.style.stroke, Number(grid.style.strokeOpacity || 1), bg), bg),
    name: __contrast(getComputedStyle(q('.nt-root .nt-name')).color, bg),
    value: __contrast(getComputedStyle(q('.nt-root .nt-number')).color, bg),
    dark: __lum(bg) < 0.2,
  };
}"""

# The same for the first st.plotly_chart on a page (Streamlit's theme="streamlit").
CHART_COLOURS = """(bg) => {
  const chart = document.querySelector('[data-testid=stPlotlyChart]');
  const grid = chart.querySelector('.gridlayer path');
  const texts = [...chart.querySelectorAll('.xtick text, .ytick text, .legendtext, '
                 + '.annotation-text, .g-xtitle text')];
  return {
    text: Math.min(...texts.map((t) => __contrast(getComputedStyle(t).fill, bg))),
    grid: grid ? __contrast(__over(grid.style.stroke, Number(grid.style.strokeOpacity || 1),
                                   bg), bg) : 1.5,
    background: __contrast(getComputedStyle(chart.querySelector('.main-svg')).backgroundColor
                           === 'rgba(0, 0, 0, 0)' ? bg : getComputedStyle(
                             chart.querySelector('.main-svg')).backgroundColor, bg),
  };
}"""


def check_tuner(page, dark):
    bg = app_background(page)
    c = page.evaluate(TUNER_COLOURS, bg)
    assert c["dark"] == dark, bg
    for part in ("legendText", "tick", "name", "value"):
        assert c[part] >= 4.5, (part, c)  # WCAG AA text
    assert c["legendBox"] < 1.3, c        # the legend box is the page's colour, not grey
    assert 1.05 < c["grid"] < 2.2, c      # a grid you can see, not bright lines


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_tuner_follows_the_browsers_preference(app_url, browser, scheme):
    ARTIFACTS.mkdir(exist_ok=True)
    with device_page(browser, scheme=scheme) as page:
        open_tuner(page, app_url)
        page.locator(".st-key-preset_hand-tuned button").click()
        page.get_by_text("Each pair's contribution").click()
        page.wait_for_function("() => document.querySelector('.nt-root').__nnsine"
                               ".data.show_contributions")
        check_tuner(page, dark=scheme == "dark")
        page.screenshot(path=ARTIFACTS / f"theme-{scheme}-tuner.png")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["one-pair", "activations"])
def test_plotly_charts_follow_the_theme(app_url, browser, scheme, path):
    with device_page(browser, scheme=scheme) as page:
        open_app(page, f"{app_url}/{path}")
        page.wait_for_selector("[data-testid=stPlotlyChart] .xtick text")
        c = page.evaluate(CHART_COLOURS, app_background(page))
        assert c["text"] >= 4.5, c
        assert c["background"] < 1.3, c
        assert c["grid"] < 2.2, c
        page.screenshot(path=ARTIFACTS / f"theme-{scheme}-{path}.png", full_page=True)


def test_switching_to_dark_in_streamlits_menu_restyles_the_live_tuner(app_url, browser):
    with device_page(browser, scheme="light") as page:
        open_tuner(page, app_url)
        check_tuner(page, dark=False)
        page.get_by_test_id("stMainMenu").click()
        page.get_by_test_id("stMainMenuItem-theme-Dark").click()
        page.keyboard.press("Escape")
        # No reload and no new data from Python: the component sees the theme change.
        page.wait_for_function("() => __lum(getComputedStyle(document.querySelector("
                               "'.nt-plot .legendtext')).fill) > 0.5")
        check_tuner(page, dark=True)
        page.screenshot(path=ARTIFACTS / "theme-menu-dark-tuner.png")
