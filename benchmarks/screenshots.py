"""The README's pictures, made again from the app as it is: `make screenshots`.

    python benchmarks/screenshots.py [--out docs]

Starts `streamlit run app.py` on a free port (as the tests do) and drives Debian's Chromium
($CHROMIUM, default /usr/bin/chromium) through Playwright:
  docs/tuner.png          the tuner at 1400 × 1000 with the hand-tuned fit loaded;
  docs/phone-light.png    the hand-tuned fit on a phone (390 × 844), light theme, pair 3
  docs/phone-dark.png     under the chart, each pair's contribution shown; and dark.
Not a test: it asserts nothing, it only draws (tests/test_narrow_browser.py checks the
phone layout itself).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM_ARGS, running_server, wait_idle  # noqa: E402
from tests.device_fixtures import device_page, open_tuner  # noqa: E402

PHONE = (390, 844)
DESKTOP = (1400, 1000)


def settle(page) -> None:
    """Wait for the icon font and for plotly.js to finish its transition."""
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.wait_for_timeout(500)


def desktop(browser, url: str, out: Path) -> Path:
    with device_page(browser, *DESKTOP) as page:
        open_tuner(page, url)
        page.locator(".st-key-preset_hand-tuned button").click()
        wait_idle(page)
        settle(page)
        path = out / "tuner.png"
        page.screenshot(path=path)
    return path


def phone(browser, url: str, out: Path, scheme: str) -> Path:
    with device_page(browser, *PHONE, scheme=scheme, touch=True) as page:
        open_tuner(page, url)
        page.locator(".st-key-preset_hand-tuned button").tap()
        page.get_by_text("Each pair's contribution").tap()
        page.wait_for_function("() => document.querySelector('.nt-root').__nnsine"
                               ".data.show_contributions")
        wait_idle(page)
        page.locator(".nt-picker").evaluate("(e) => e.scrollIntoView({block: 'start'})")
        page.locator(".nt-picker button[aria-label='Pair 3']").tap()
        settle(page)
        path = out / f"phone-{scheme}.png"
        page.screenshot(path=path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs",
                        help="folder for the pictures (default: docs/)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with running_server() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS)
        try:
            made = [desktop(browser, url, args.out)]
            made += [phone(browser, url, args.out, scheme) for scheme in ("light", "dark")]
        finally:
            browser.close()
    for path in made:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
