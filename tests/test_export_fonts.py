"""The exported chart in Chinese (issue 27): drawn with a CJK font installed as a Debian
package (fonts-wqy-microhei; .ci/run and the Docker image install it), found through
matplotlib's font manager. The SVG keeps the Chinese as text naming that font, the PNG
shows the glyphs (no tofu: no "missing glyph" warning), and without such a font the chart
falls back to English and says so."""

from __future__ import annotations

import io
import warnings

import numpy as np
import pytest
from PIL import Image

from nnsine import i18n
from nnsine.book import presets
from nnsine.plots import fonts, render

CHINESE_TITLE = "正弦 sin(2πx)：8 个 ReLU 神经元对，均方误差 0.00039"
TOP = 80  # PNG rows above the axes (they start about 82 rows down at 150 dpi): the title

needs_font = pytest.mark.skipif(fonts.cjk_font() is None, reason=(
    "no CJK font installed (Debian package fonts-wqy-microhei; .ci/run installs it)"))


def _with_title(monkeypatch, text: str) -> None:
    # The chart's own words come from the catalogs; a fixed Chinese title makes the test
    # independent of how far they are translated.
    monkeypatch.setattr(render, "title", lambda fit, target, activation="relu": text)


def _chinese(fmt: str) -> tuple[bytes, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = render.render(presets.preset("hand-tuned"), fmt, code="zh")
    return data, [str(w.message) for w in caught]


@needs_font
def test_the_chinese_svg_keeps_its_words_as_text_in_the_cjk_font(monkeypatch):
    _with_title(monkeypatch, CHINESE_TITLE)
    data, said = _chinese("svg")
    svg = data.decode()
    assert f">{CHINESE_TITLE}</text>" in svg
    assert f"font-family: '{fonts.cjk_font()}'" in svg
    assert not [w for w in said if "missing from" in w], said


@needs_font
def test_the_chinese_png_draws_the_title_without_missing_glyphs(monkeypatch):
    _with_title(monkeypatch, CHINESE_TITLE)
    titled, said = _chinese("png")
    assert not [w for w in said if "missing from" in w], said
    _with_title(monkeypatch, "")
    empty, _unused = _chinese("png")

    def band(data: bytes) -> np.ndarray:
        image = Image.open(io.BytesIO(data))
        assert image.format == "PNG"
        return np.asarray(image.convert("L"))[:TOP].astype(int)

    inked = np.abs(band(titled) - band(empty)) > 64
    assert inked.sum() > 2000  # a title's worth of dark pixels, where the empty one has none


def test_english_svgs_still_draw_text_as_paths():
    svg = render.render(presets.preset("hand-tuned"), "svg", code="en")
    assert b"<text" not in svg and svg.count(b"<path") > 20


def test_without_a_cjk_font_the_chart_is_english_and_says_so(monkeypatch):
    monkeypatch.setattr(fonts, "cjk_font", lambda: None)
    fit = presets.preset("hand-tuned")
    with i18n.using("en"):
        english = render.render(fit, "png")
    assert fonts.language("zh") == "en"
    assert render.render(fit, "png", code="zh") == english  # labels in English, no tofu
    with i18n.using("zh"):
        assert render.render(fit, "png") == english
        assert b"<text" not in render.render(fit, "svg")
        assert fonts.note() and "fonts-wqy-microhei" in fonts.note()
    assert fonts.note("es") is None and fonts.note("en") is None


@needs_font
def test_with_the_font_there_is_nothing_to_say():
    assert fonts.language("zh") == "zh" and fonts.note("zh") is None
