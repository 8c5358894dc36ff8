"""Plotly builders for the chapter's other pages: activations, one neuron or pair, why
nonlinear, the optimizer. Data in, go.Figure out, fixed axes (charts rebuild every rerun)."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from nnsine.engine import targets
from nnsine.i18n import _
from nnsine.plots.figures import (
    FIT_COLOR,
    FONT_SIZE,
    GUIDE_COLOR,
    LABEL_BACKGROUND,
    TARGET_COLOR,
    Y_RANGE,
    area_overlay,
    trace_name,
)

COLORS = (FIT_COLOR, "#2e86ab", "#3bb273", "#7768ae")
# Plotly drops points it finds nearly in line (simplify), which turned 1,201 samples of the
# sigmoid into ~22 visible straight pieces: curves keep every point.
SMOOTH = {"simplify": False}
AREA_COLOR = "#3bb273"


def _layout(figure: go.Figure, x_range, y_range, x_title="x", y_title=None,
            height=380, revision="chart", **extra) -> go.Figure:
    y_title = _("output") if y_title is None else y_title  # translated per call, not at import
    figure.update_layout(
        height=height, margin={"l": 50, "r": 10, "t": 30, "b": 40}, font={"size": FONT_SIZE},
        uirevision=revision, legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        xaxis={"range": list(x_range), "title": x_title},
        yaxis={"range": list(y_range), "title": y_title}, **extra)
    return figure


def curves_figure(x: np.ndarray, curves: dict[str, np.ndarray], x_range, y_range, *,
                  points: dict[str, float | None] | None = None, area=None,
                  revision: str = "curves") -> go.Figure:
    """Named curves (each (n,) over x (n,)), labelled dotted lines at the x of `points`,
    and a pair's area of effect shaded (an nnsine.engine.pairs.Area, or None). A point's
    label is its whole text with "{x}" where the x goes ("switches on at x = {x}",
    nnsine.engine.neuron.MARKERS); a label without "{x}" gets " x = ..." after it. The first
    curve is solid and the others dashed and thinner, so a curve lying on another still
    shows; every point is drawn (no line simplification: a smooth curve stays smooth)."""
    figure = go.Figure([go.Scatter(x=x, y=y, mode="lines", name=name,
                                   line={"color": COLORS[k % len(COLORS)], "width": 5 - 2 * k,
                                         "dash": "dash" if k else "solid", **SMOOTH})
                        for k, (name, y) in enumerate(curves.items())])
    # The band only: where the area starts and ends is labelled through `points`.
    figure.update_layout(shapes=area_overlay(area, AREA_COLOR, tuple(x_range))["shapes"][:1])
    shown = [(label, at) for label, at in (points or {}).items()
             if at is not None and x_range[0] <= at <= x_range[1]]
    for k, (label, at) in enumerate(shown):
        figure.add_vline(x=at, line={"dash": "dot", "color": GUIDE_COLOR, "width": 2})
        # Each label on its own line, on the side of its mark with more room.
        right_half = at - x_range[0] > 0.6 * (x_range[1] - x_range[0])
        figure.add_annotation(x=at, y=1 - 0.09 * k, xref="x", yref="paper", showarrow=False,
                              text=_marker(label, at), yanchor="top",
                              xanchor="right" if right_half else "left",
                              bgcolor=LABEL_BACKGROUND)
    return _layout(figure, x_range, y_range, revision=revision)


def _marker(label: str, at: float) -> str:
    where = f"{at:.2f}"
    return label.replace("{x}", where) if "{x}" in label else f"{label} x = {where}"


def fits_figure(x: np.ndarray, target: np.ndarray, fits: dict[str, np.ndarray],
                target_label: str | None = None, revision: str = "fits") -> go.Figure:
    """The target and several named outputs over x (all (n,)), on the sine tuner's axes;
    `target_label` defaults to the book's target's (sin(2πx))."""
    target_label = targets.label(targets.DEFAULT) if target_label is None else target_label
    figure = go.Figure(go.Scatter(x=x, y=target, mode="lines",
                                  name=trace_name(target_label),
                                  line={"color": TARGET_COLOR, "width": 5, **SMOOTH}))
    for k, (name, output) in enumerate(fits.items()):
        figure.add_scatter(x=x, y=output, mode="lines", name=trace_name(name),
                           line={"color": COLORS[k % len(COLORS)], "width": 3,
                                 "dash": "dash" if k % 2 else "solid", **SMOOTH})
    return _layout(figure, (0, 1), Y_RANGE, y_title="y", revision=revision)


def errors_figure(x: np.ndarray, target: np.ndarray, fits: dict[str, np.ndarray],
                  revision: str = "errors") -> go.Figure:
    """Each named output's error (output - target, all (n,)) over x; the y range is set by
    the largest error rounded up, so it stays put while the data does."""
    errors = {name: np.asarray(output) - target for name, output in fits.items()}
    largest = max(float(np.max(np.abs(error))) for error in errors.values())
    limit = float(10 ** np.ceil(np.log10(largest))) if largest > 0 else 1.0
    limit = limit / 2 if largest <= limit / 2 else limit
    figure = go.Figure([go.Scatter(x=x, y=error, mode="lines", name=name,
                                   line={"color": COLORS[k % len(COLORS)], "width": 3})
                        for k, (name, error) in enumerate(errors.items())])
    return _layout(figure, (0, 1), (-limit, limit), y_title=_("output − target"), height=300,
                   revision=revision)


def loss_figure(losses: dict[str, np.ndarray], steps: int, y_range=(1e-7, 1.0),
                revision: str = "loss") -> go.Figure:
    """MSE per step (each (steps + 1,)) on a log axis from 0 to `steps`."""
    figure = go.Figure()
    for k, (name, values) in enumerate(losses.items()):
        # Thinned to at most ~1000 points: a browser needs no more for one curve.
        stride = max(1, len(values) // 1000)
        steps_taken = np.arange(len(values))[::stride]
        figure.add_scatter(x=steps_taken, y=values[::stride], mode="lines", name=name,
                           line={"color": COLORS[k % len(COLORS)], "width": 3})
    figure = _layout(figure, (0, steps), (0, 1), x_title=_("training step (optimizer updates)"),
                     y_title="MSE",
                     height=300, revision=revision)
    # One tick a decade, written 10⁻⁶ rather than SI's "1μ" (which a learner reads as a unit).
    figure.update_yaxes(type="log", range=[math.log10(y_range[0]), math.log10(y_range[1])],
                        dtick=1, exponentformat="power", showexponent="all")
    return figure


def weights_figure(weights: np.ndarray, title: str, revision: str = "weights") -> go.Figure:
    """A weight matrix (inputs, outputs) as a heatmap: row i = from neuron i, column j = to j."""
    size = weights.shape
    labels = ([_("from {neuron}", neuron=i + 1) for i in range(size[0])],
              [_("to {neuron}", neuron=j + 1) for j in range(size[1])])
    limit = max(1.0, float(np.max(np.abs(weights))))
    figure = go.Figure(go.Heatmap(
        z=weights, x=labels[1], y=labels[0], zmin=-limit, zmax=limit, zmid=0,
        colorscale="RdBu", texttemplate="%{z:.2f}", hovertemplate="%{y} %{x}: %{z:.4f}"))
    figure.update_layout(height=420, margin={"l": 70, "r": 10, "t": 40, "b": 40},
                         font={"size": FONT_SIZE - 4}, title=title, uirevision=revision,
                         yaxis={"autorange": "reversed"})
    return figure
