"""Fonts for the exported chart's words (nnsine.plots.render): Chinese needs a CJK font,
found among the fonts installed as packages (Debian's fonts-wqy-microhei: the Docker
image and CI install it) through matplotlib's font manager, never by a path of ours.
Without one, the chart falls back to English and `note` says so."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from matplotlib import font_manager

from nnsine import i18n
from nnsine.i18n import _

CJK_LANGUAGES = frozenset({"zh"})  # languages whose words need a CJK font
# Fonts with Simplified Chinese, best first: Debian's fonts-wqy-microhei (what the image
# and CI install), then other packaged families a laptop may have (Noto CJK, Zen Hei).
CJK_FAMILIES = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC",
                "WenQuanYi Zen Hei", "Source Han Sans SC")
CJK_FILES = ("wqy-microhei.ttc", "NotoSansCJK-Regular.ttc", "wqy-zenhei.ttc")


@cache  # which fonts are installed does not change while the server runs
def cjk_font() -> str | None:
    """The family name of an installed font that has Simplified Chinese (matplotlib's font
    manager, then the system's font folders for a font installed after matplotlib built
    its font cache), or None when there is none."""
    known = {font.name for font in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in known:
            return family
    for path in font_manager.findSystemFonts():
        if Path(path).name in CJK_FILES:
            font_manager.fontManager.addfont(path)  # the manager's own way to add a font
            return font_manager.FontProperties(fname=path).get_name()
    return None


def language(code: str | None = None) -> str:
    """The language a chart is labelled in: `code` (default the current one), or English
    when it needs a CJK font and none is installed."""
    code = code or i18n.current()
    return i18n.DEFAULT if code in CJK_LANGUAGES and cjk_font() is None else code


def note(code: str | None = None) -> str | None:
    """What the page should say beside the export when the chart cannot be in the learner's
    language (`code`, default the current one), in that language; None when it can."""
    code = code or i18n.current()
    if language(code) == code:
        return None
    with i18n.using(code):
        return _("This server has no Chinese font installed, so the exported chart's labels "
                 "are in English. The fonts-wqy-microhei package adds one.")


def families(code: str) -> tuple[list[str], list[str]]:
    """(proportional, monospace) font families for the chart's words in `code`."""
    if code in CJK_LANGUAGES:
        # Latin and digits keep their usual look; a glyph a font lacks comes from the next.
        return [cjk_font(), "sans-serif"], ["DejaVu Sans Mono", cjk_font(), "monospace"]
    return ["sans-serif"], ["monospace"]
