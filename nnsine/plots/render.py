"""The tuner's chart as a file for handouts and slides (SVG, PNG), drawn offline.

Matplotlib's Agg and SVG backends need no browser (Plotly's static export needs Chrome).
Only matplotlib.figure.Figure is used, never pyplot: no global figure list or backend
state in a server that serves a class.

The words are in the learner's language; Chinese is drawn with a CJK font installed as a
package (nnsine.plots.fonts): the PNG draws its glyphs and the SVG keeps Chinese text as
text naming that font. Without one, a Chinese chart is labelled in English (no tofu
boxes) and `fonts.note` says so for the page to show.
"""

from __future__ import annotations

import io
import math
import threading
import unicodedata

import matplotlib
from matplotlib.figure import Figure

from nnsine import i18n
from nnsine.engine import pairs, targets, views
from nnsine.engine.activations import ACTIVATIONS
from nnsine.engine.metrics import compare
from nnsine.engine.network import PAIR_NAMES, Params, forward
from nnsine.i18n import _, ngettext
from nnsine.plots.fonts import CJK_LANGUAGES, families, language
from nnsine.plots.palette import FIT_COLOR, PAIR_COLORS, TARGET_COLOR, Y_RANGE

FORMATS = ("svg", "png")
DPI = 150  # PNG pixels per inch: 1800 x about 1200 for a slide
# rcParams are global and matplotlib is not thread-safe: one export is saved at a time,
# so an SVG's text mode (svg.fonttype, per language) never leaks into another's.
_SAVING = threading.Lock()


def _number(value: float) -> str:
    return f"{value:.6g}"


def _columns(text: str) -> int:
    # A CJK glyph is 1 em wide, a column of DejaVu Sans Mono 0.6 em: about 1.66 columns.
    return math.ceil(sum(1.66 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text))


def caption(fit: Params) -> str:
    """Every value of the fit as a small table: one line per pair, then b_out."""
    word = _("pair")
    first = max(4, _columns(word))
    head = " " * (first - _columns(word)) + word + "  " + "  ".join(
        f"{name:>8}" for name in PAIR_NAMES)
    rows = [f"{i + 1:>{first}}  " + "  ".join(f"{_number(v):>8}" for v in fit.pair(i).values())
            for i in range(fit.n_pairs)]
    return "\n".join([head, *rows, _(
        "output bias b_out = {value}    (w1, b1: layer-1 weight and bias; w2, b2: layer 2's; "
        "w_out: output weight)", value=_number(fit.b_out))])


def _plain(text: str) -> str:
    # matplotlib reads $...$ as mathtext (and fails on a bad one): a label is plain text.
    return text.replace("$", r"\$")


def title(fit: Params, target: str, activation: str = "relu") -> str:
    """The chart's title: what is fitted, with how many pairs, and the score."""
    x, y = targets.sample(target)
    result = compare(forward(fit, x, ACTIVATIONS[activation]).output, y)
    words = {"target": _plain(targets.label(target)), "mse": result.mse,
             "max_error": result.max_error}
    if activation == "relu":
        return ngettext("{target} with {n} ReLU pair: MSE {mse:.5f}, max |error| "
                        "{max_error:.4f}", "{target} with {n} ReLU pairs: MSE {mse:.5f}, max "
                        "|error| {max_error:.4f}", fit.n_pairs, **words)
    return ngettext("{target} with {n} linear pair: MSE {mse:.5f}, max |error| "
                    "{max_error:.4f}", "{target} with {n} linear pairs: MSE {mse:.5f}, max "
                    "|error| {max_error:.4f}", fit.n_pairs, **words)


def figure(fit: Params, target: str = targets.DEFAULT, view: str = "book",
           activation: str = "relu", code: str | None = None) -> Figure:
    """Target, network output, each pair's contribution (its colour) and its area of
    effect (shaded; ReLU only), the score in the title and every value in the caption;
    the words in `code`'s language (default the current one; see `language`)."""
    code = language(code)
    with i18n.using(code):
        return _figure(fit, target, view, activation, *families(code))


def _figure(fit: Params, target: str, view: str, activation: str, sans: list[str],
            mono: list[str]) -> Figure:
    x, y = views.target_curve(target, view)
    trace = forward(fit, x, ACTIVATIONS[activation])
    lines = caption(fit).count("\n") + 1
    height = 5.0 + 0.17 * lines  # inches: the chart, then the caption's lines
    fig = Figure(figsize=(12, height))
    axes = fig.add_axes((0.07, (0.17 * lines + 0.75) / height, 0.78, 3.7 / height))
    low, high = views.X_RANGES[view]
    for i in range(fit.n_pairs):
        color = PAIR_COLORS[i % len(PAIR_COLORS)]
        area = pairs.area(fit, i) if activation == "relu" else None
        if area is not None and max(area.on, low) < min(area.off, high):
            axes.axvspan(max(area.on, low), min(area.off, high), color=color, alpha=0.08,
                         linewidth=0)
            for edge in (area.on, area.off):
                if math.isfinite(edge) and low <= edge <= high:
                    axes.axvline(edge, color=color, linestyle=":", linewidth=1)
        axes.plot(x, trace.contributions[:, i], color=color, linewidth=1.2, linestyle="--",
                  label=_("pair {pair}", pair=i + 1))
    axes.plot(x, y, color=TARGET_COLOR, linewidth=4, label=_plain(targets.label(target)))
    axes.plot(x, trace.output, color=FIT_COLOR, linewidth=2.5, label=_("network output"))
    axes.set(xlim=(low, high), ylim=Y_RANGE)
    axes.set_xlabel("x", family=sans)
    axes.set_ylabel("y", family=sans)
    axes.set_title(title(fit, target, activation), fontsize=14, family=sans)
    axes.grid(alpha=0.3)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                prop={"family": sans, "size": 9})
    fig.text(0.07, 0.02, caption(fit), family=mono, fontsize=9, va="bottom")
    return fig


def render(fit: Params, fmt: str, target: str = targets.DEFAULT, view: str = "book",
           activation: str = "relu", code: str | None = None) -> bytes:
    """The chart as SVG text or PNG bytes, its words in `code`'s language (default the
    current one: pass it when the chart is drawn later, outside the page's run, as a
    download's callable is); ValueError for another format."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: expected one of {', '.join(FORMATS)}")
    code = language(code)
    buffer = io.BytesIO()
    # No date or software version: the same fit gives the same file, run after run.
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    # Chinese stays text in an SVG, naming its font (paths would be glyph outlines no one
    # can search or edit); other languages' SVGs draw text as paths, as they always have.
    text = "none" if code in CJK_LANGUAGES else "path"
    drawn = figure(fit, target, view, activation, code)
    with _SAVING, matplotlib.rc_context({"svg.fonttype": text} if fmt == "svg" else {}):
        drawn.savefig(buffer, format=fmt, dpi=DPI, metadata=metadata)
    return buffer.getvalue()
