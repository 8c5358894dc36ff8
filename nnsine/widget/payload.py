"""What the notebook tuner's front end is given and sends back, and the checks on every
value set from Python. `tuner_data` is the same `data` pages/live_panel.py gives the
Streamlit component (the contract of nnsine/frontend/live_tuner.js); `accept_release` reads
its "release" message as live_panel.accept_release does; values, fits and the book's layers
are checked as every other way in (nnsine.formats.params, importer). No Streamlit here.
Words are in the current language (nnsine.i18n): the widget builds them `with
i18n.using(lang)`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from nnsine import assets, frontend_words
from nnsine.engine import targets, views
from nnsine.engine.metrics import Score, checksum
from nnsine.engine.network import Params, forward
from nnsine.formats import importer, params
from nnsine.formats.checks import ParamsError, shorten
from nnsine.i18n import _
from nnsine.plots.palette import FONT_SIZE, PAIR_COLORS, Y_RANGE, trace_name

# The component's HTML (as pages/live_panel.HTML, without Streamlit's preload link).
HTML = ('<div class="nt-root">'
        '<div class="nt-chart" role="img">'
        '<div class="nt-plot"></div><canvas class="nt-live" aria-hidden="true"></canvas>'
        '</div><div class="nt-sliders"></div></div>')
HEIGHT = 440  # px, as the app's chart when not presenting


def tuner_data(fit: Params, target: str, rev: int, selected: int = 0, view: str = "book",
               activation: str = "relu", show_contributions: bool = False,
               target_text: str | None = None) -> dict:
    """The live tuner's `data` for `fit` (JSON-able): the slider values and their slots,
    the grid the browser's forward pass uses, the target as text, axes and colours, and
    every word the browser says (frontend_words), in the current language.
    `rev` changes whenever the browser must take `values` (it never yanks a dragged one);
    `target_text`: views.target_text(target, view) if the caller has it (5 ms to make)."""
    start, count, denominator = views.VIEWS[view]
    return {
        "rev": rev, "values": params.to_flat(fit), "n_pairs": fit.n_pairs,
        "slots": [{"key": s.key, "label": s.label, "short": _(s.field.label), "pair": s.pair,
                   "low": s.field.low, "high": s.field.high, "step": s.field.step}
                  for s in params.slots(fit.n_pairs)],
        "selected": selected, "colors": list(PAIR_COLORS[:fit.n_pairs]),
        "relu": activation == "relu", "show_contributions": show_contributions,
        "grid": {"start": start, "count": count, "denominator": denominator},
        "target": target_text or views.target_text(target, view),
        "target_label": trace_name(targets.label(target)),
        "x_range": list(views.X_RANGES[view]), "y_range": list(Y_RANGE),
        "overlay": {"shapes": [], "annotations": []},
        "height": HEIGHT, "font_size": FONT_SIZE,
        "words": frontend_words.words(),
    }


def values_of(fit: Params) -> dict[str, float]:
    """Params -> {"p1_w1": ..., ..., "b_out": ...}: the URL's names, in slot order."""
    return {slot.key: value for slot, value in params.items(fit)}


def fit_of(values) -> Params:
    """{"p1_w1": ..., "b_out": ...} for 1 to 16 whole pairs -> Params, every value checked
    as a slider's (finite, in its field's range). Raises ParamsError naming the key and
    value: "Pair 3 · layer-1 weight (p3_w1): nan is not a finite number"."""
    if not isinstance(values, Mapping):
        raise ParamsError(f"values: expected a dict of slider values, got "
                          f"{type(values).__name__}")
    keys = [str(key) for key in values]
    pairs = {int(key[1:].partition("_")[0]) for key in keys
             if key[:1] == "p" and key[1:].partition("_")[0].isdigit()}
    n_pairs = max(pairs, default=0)
    if not 1 <= n_pairs <= params.MAX_PAIRS:
        raise ParamsError(f"values: {n_pairs} pairs; a fit has 1 to {params.MAX_PAIRS}")
    expected = params.slots(n_pairs)
    names = {slot.key for slot in expected}
    if unknown := sorted(set(keys) - names):
        raise ParamsError(f"values: unknown keys {shorten(', '.join(unknown))}")
    if missing := [slot.key for slot in expected if slot.key not in values]:
        raise ParamsError(f"values: missing {shorten(', '.join(missing))}")
    return params.from_flat([params.check(slot.field, values[slot.key],
                                          f"{slot.label} ({slot.key})") for slot in expected])


def checked_fit(fit) -> Params:
    """`fit` if it is Params whose every value a slider can hold, else ParamsError."""
    if not isinstance(fit, Params):
        raise ParamsError(f"fit: expected nnsine's Params, got {type(fit).__name__}")
    if fit.n_pairs > params.MAX_PAIRS:
        raise ParamsError(f"fit: {fit.n_pairs} pairs; a fit has 1 to {params.MAX_PAIRS}")
    return fit_of(values_of(fit))


def score_text(score: Score) -> str:
    """The metrics line under the sliders, as the app's export words them."""
    return _("MSE {mse:.5f}, max |error| {max_error:.4f}", mse=score.mse,
             max_error=score.max_error)


def accept_release(release: dict, base: Params) -> tuple[Params, list[str]]:
    """The browser's release {"values", "seq", "checksum"} -> (fit, notices), checked as
    the app's (params.from_values: a bad value kept at `base` or clipped, and said); a
    curve whose checksum differs from the engine's is said too (pages/live_panel.py)."""
    fit, problems = params.from_values(release.get("values"), base)
    if problems:
        return fit, [_("Slider value corrected: {problem}.", problem=problem)
                     for problem in problems]
    if release.get("checksum") != checksum(forward(fit, views.grid("book")).output):
        return fit, [_("The browser's curve and the engine's differ; the metrics are the "
                       "engine's.")]
    return fit, []


def fit_of_layers(dense1, dense2, dense3) -> Params:
    """The book's three Layer_Dense objects (`.weights` (inputs, outputs), `.biases`
    (1, outputs)) of a pair network -> Params, checked as the notebook import
    (nnsine.formats.importer). ParamsError names the array and index of a bad value, a
    dense layer 2, or the first value the sliders cannot hold."""
    arrays = {}
    for k, layer in enumerate((dense1, dense2, dense3), start=1):
        for part in ("weights", "biases"):
            if not hasattr(layer, part):
                raise ParamsError(f"dense{k} has no .{part}: expected the book's Layer_Dense")
            arrays[f"dense{k}_{part}"] = getattr(layer, part)
    imported = importer.from_arrays(arrays)
    if imported.fit is None:
        raise ParamsError(f"layer 2 is dense ({imported.cross_weights} weights off its "
                          "diagonal): only a pair network fits the sliders")
    if imported.off_slider:
        raise ParamsError(imported.off_slider)
    return imported.fit


def css(theme: Path) -> str:
    """The app's own stylesheets, then `theme`: the notebook's colours as their --st-*."""
    files = (assets.FRONTEND / "live_tuner.css", assets.FRONTEND / "handle_layer.css", theme)
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def plotly_js() -> bytes:
    """plotly.js's basic bundle, as the app serves it (nnsine/vendor/plotly; sent once)."""
    return assets.PLOTLY_JS.read_bytes()
