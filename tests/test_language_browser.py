"""Each page in Spanish and in Chinese in a real Chromium: the page speaks the language of
its link (or of the browser), no English sentence of the catalogs is left on it, and the
language survives a page switch, a reload and the picker."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from nnsine import i18n
from tests.conftest import open_app, wait_idle
from ui.shell import PAGES

pytestmark = pytest.mark.browser
SHOWN = 40  # characters: a sentence, not a word that both languages share


def english_sentences(code: str) -> list[str]:
    """The catalog's English sentences long enough to be sentences, without placeholders or
    markup, whose translation differs: none of them may be on a page in `code`."""
    with open(i18n.LOCALE_DIR / code / "LC_MESSAGES" / "nnsine.po", "rb") as file:
        catalog = read_po(file)
    return [m.id for m in catalog if isinstance(m.id, str) and len(m.id) >= SHOWN
            and m.string and m.string != m.id and not i18n.placeholders(m.id)
            and not re.search(r"[*`_\[\]$<>|\\]", m.id)]


def title(code: str, page) -> str:
    with i18n.using(code):
        return i18n._(page.title)


def nav(page):
    return page.locator(".st-key-nav")


@pytest.mark.parametrize("code", ["es", "zh"])
@pytest.mark.parametrize("shown", PAGES, ids=lambda p: p.url)
def test_each_page_speaks_the_language_of_its_link(app_url, page, shown, code):
    open_app(page, f"{app_url}/{shown.url}?lang={code}")
    expect(nav(page)).to_contain_text(title(code, PAGES[0]), timeout=60_000)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    text = page.locator('[data-testid="stMain"]').inner_text()
    left = [sentence for sentence in english_sentences(code) if sentence in text]
    assert left == []


@pytest.mark.parametrize(("locale", "code"), [("es-MX", "es"), ("zh-CN", "zh"),
                                              ("fr-FR", "en")])
def test_without_lang_the_browsers_language_is_spoken(app_url, browser, locale, code):
    context = browser.new_context(locale=locale, viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        open_app(page, f"{app_url}/softmax")
        expect(nav(page)).to_contain_text(title(code, PAGES[4]), timeout=60_000)
    finally:
        context.close()


def test_the_language_survives_a_page_switch_a_reload_and_the_picker(app_url, page):
    open_app(page, f"{app_url}/?lang=zh")
    nav(page).get_by_text(title("zh", PAGES[4])).click()
    page.wait_for_url("**/softmax?*lang=zh*")
    wait_idle(page)
    page.reload()
    wait_idle(page)
    expect(nav(page)).to_contain_text(title("zh", PAGES[0]), timeout=60_000)
    picker = page.locator(".st-key-lang_pick")
    picker.click()
    page.get_by_role("option", name="Español").click()
    page.wait_for_url("**lang=es*")
    expect(nav(page)).to_contain_text(title("es", PAGES[0]), timeout=60_000)
    expect(page.locator("html")).to_have_attribute("lang", "es")


def test_an_unknown_language_falls_back_to_english_and_says_so(app_url, page):
    open_app(page, f"{app_url}/?lang=fr")
    expect(page.get_by_text("lang=fr: there is no translation")).to_be_visible(timeout=60_000)
    expect(nav(page)).to_contain_text("Sine tuner")


def test_the_page_tells_the_browser_its_language(app_url, page):
    open_app(page, f"{app_url}/softmax?lang=zh")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans", timeout=60_000)


def test_a_decimal_comma_typed_or_pasted_into_a_number_field_is_its_point(app_url, page):
    """Streamlit's number fields are the browser's own: a typed comma was dropped and 4,8
    became 48. In Spanish it is the decimal point (ui/page_language.js)."""
    open_app(page, f"{app_url}/softmax?lang=es")
    field = page.locator(".st-key-sm_exact_1 input")
    field.click()
    field.press("Control+a")
    field.press("Delete")
    field.press_sequentially("4,8")
    field.press("Enter")
    page.wait_for_url("**sm_logits=4.8%2C4.8%2C*")
    wait_idle(page)
    field = page.locator(".st-key-sm_exact_2 input")
    field.click()
    field.press("Control+a")
    field.press("Delete")
    field.evaluate("""(input) => {
        const data = new DataTransfer();
        data.setData("text", "0,5");
        input.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                         cancelable: true}));
    }""")
    field.press("Enter")
    page.wait_for_url("**sm_logits=4.8%2C4.8%2C0.5*")
