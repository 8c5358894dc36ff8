"""Plotly figure builders: data in, go.Figure out (no maths beyond layout)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from nnsine.engine import targets
from nnsine.i18n import _

# The shared style facts; imported here too, as before, for every figure builder.
from nnsine.plots.palette import (  # noqa: F401
    FIT_COLOR,
    FONT_SIZE,
    GUIDE_COLOR,
    LABEL_BACKGROUND,
    PAIR_COLORS,
    TARGET_COLOR,
    Y_RANGE,
    trace_name,
)


def fit_figure(x: np.ndarray, target: np.ndarray, output: np.ndarray,
               target_label: str | None = None) -> go.Figure:
    """Target and network output over x, all (n,), on fixed axes; `target_label` defaults
    to the book's target's (sin(2πx))."""
    target_label = targets.label(targets.DEFAULT) if target_label is None else target_label
    figure = go.Figure([
        go.Scatter(x=x, y=target, mode="lines", name=trace_name(target_label),
                   line={"color": TARGET_COLOR, "width": 4}),
        go.Scatter(x=x, y=output, mode="lines", name=_("network output"),
                   line={"color": FIT_COLOR, "width": 3}),
    ])
    # Fixed ranges and a constant uirevision: the chart is rebuilt on every
    # rerun, and neither the axes nor a user's zoom should jump with it.
    figure.update_layout(
        height=440, margin={"l": 50, "r": 10, "t": 10, "b": 40},
        font={"size": FONT_SIZE}, uirevision="fit",
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        xaxis={"range": [0, 1], "title": "x", "zeroline": False},
        yaxis={"range": list(Y_RANGE), "title": "y"},
    )
    return figure


def class_figure(x: np.ndarray, target: np.ndarray, outputs: list[np.ndarray],
                 names: list[str], target_label: str | None = None) -> go.Figure:
    """A class's fits overlaid on the target: x, target and each output (n,), best first;
    `names` as the files are called (plain text, shown as typed)."""
    figure = fit_figure(x, target, target, target_label)
    figure.data = figure.data[:1]
    for rank, (name, output) in enumerate(zip(names, outputs, strict=True)):
        figure.add_scatter(x=x, y=output, mode="lines", name=f"{rank + 1}. {trace_name(name)}",
                           line={"color": PAIR_COLORS[rank % len(PAIR_COLORS)],
                                 "width": 3 if rank == 0 else 1.5})
    figure.update_layout(height=520, legend={"orientation": "v", "y": 1, "x": 1.02,
                                             "yanchor": "top"})
    return figure


def area_overlay(area, color: str, x_range: tuple[float, float],
                 pair: int | None = None) -> dict:
    """Plotly shapes and annotations that shade one pair's area of effect (an
    nnsine.engine.pairs.Area, or None) and label where it switches on and off; `pair` (0-based)
    names the pair in the labels, so the colour is not the only cue."""
    if area is None:
        return {"shapes": [], "annotations": []}
    low, high = max(area.on, x_range[0]), min(area.off, x_range[1])
    if low >= high:
        return {"shapes": [], "annotations": []}
    band = {"type": "rect", "xref": "x", "yref": "paper", "x0": low, "x1": high,
            "y0": 0, "y1": 1, "fillcolor": color, "opacity": 0.12, "line": {"width": 0},
            "layer": "below"}
    marks = [{"type": "line", "xref": "x", "yref": "paper", "x0": v, "x1": v, "y0": 0,
              "y1": 1, "line": {"color": color, "width": 2, "dash": "dot"}}
             for v in (area.on, area.off) if x_range[0] <= v <= x_range[1]]
    # "on" low and "off" higher, so that a narrow area's labels do not overlap.
    # Text in the theme's colour (a pair colour is a line colour, 3:1, not text's 4.5:1).
    labels = [{"x": v, "y": y, "xref": "x", "yref": "paper",
               "text": _switch_label(turns, pair, v), "showarrow": False, "xanchor": "left",
               "font": {"size": 14}, "bgcolor": LABEL_BACKGROUND, "bordercolor": color}
              for v, turns, y in ((area.on, "on", 0.02), (area.off, "off", 0.10))
              if x_range[0] <= v <= x_range[1]]
    return {"shapes": [band, *marks], "annotations": labels}


def _switch_label(turns: str, pair: int | None, x: float) -> str:
    where = f"{x:.2f}"
    if pair is None:
        return (_("switches on at x = {x}", x=where) if turns == "on" else
                _("switches off at x = {x}", x=where))
    return (_("pair {pair} switches on at x = {x}", pair=pair + 1, x=where) if turns == "on"
            else _("pair {pair} switches off at x = {x}", pair=pair + 1, x=where))
