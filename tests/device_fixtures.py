"""Browser contexts for phones, tablets and themes, touch through CDP, and colour checks.

Touch is real: Chromium gets Input.dispatchTouchEvent over CDP (has_touch contexts), so
the page sees pointer and touch events with pointerType "touch", as on a device."""

from __future__ import annotations

import contextlib

from tests.conftest import open_app

# (width, height): a phone (390 × 844, as in issue 13) and a tablet, both ways round.
DEVICES = {
    "phone-portrait": (390, 844), "phone-landscape": (844, 390),
    "tablet-portrait": (768, 1024), "tablet-landscape": (1024, 768),
}

# WCAG relative luminance and contrast of CSS "rgb(r, g, b)" strings, in the page.
COLOUR_JS = """
window.__rgb = (css) => (css.match(/[\\d.]+/g) || []).map(Number);
window.__lum = (css) => { const [r, g, b] = __rgb(css).map((v) => {
  v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
window.__contrast = (a, b) => { const [x, y] = [__lum(a), __lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05); };
window.__over = (css, alpha, bg) => { const f = __rgb(css), g = __rgb(bg);
  return `rgb(${f.slice(0, 3).map((v, i) => v * alpha + g[i] * (1 - alpha)).join(",")})`; };
"""


@contextlib.contextmanager
def device_page(browser, width=1400, height=1000, scheme="light", touch=False):
    """A page in a fresh context: viewport, the browser's colour preference, touch."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  color_scheme=scheme, has_touch=touch,
                                  is_mobile=touch and width < 700, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.add_init_script(COLOUR_JS)
    try:
        yield page
    finally:
        context.close()


def open_tuner(page, url):
    open_app(page, url)
    page.wait_for_selector(".nt-root[data-drawn]")
    page.wait_for_selector(".nt-plot .legendtext")  # plotly.js has drawn its axes


def app_background(page) -> str:
    return page.evaluate(
        "() => getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor")


class Finger:
    """One finger on the screen, through CDP (viewport CSS pixels)."""

    def __init__(self, page):
        self.cdp = page.context.new_cdp_session(page)

    def _send(self, kind, x=None, y=None):
        points = [] if x is None else [{"x": x, "y": y, "id": 1, "radiusX": 4, "radiusY": 4}]
        self.cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    def down(self, x, y):
        self._send("touchStart", x, y)

    def move(self, x, y):
        self._send("touchMove", x, y)

    def up(self):
        self._send("touchEnd")

    def cancel(self):
        self._send("touchCancel")

    def drag(self, start, end, steps=12):
        """Down at start, `steps` moves to end (x, y), up."""
        self.down(*start)
        for k in range(1, steps + 1):
            self.move(start[0] + (end[0] - start[0]) * k / steps,
                      start[1] + (end[1] - start[1]) * k / steps)
        self.up()
