"""Plotly figure builders: data in, go.Figure out (no maths beyond layout)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

Y_RANGE = (-1.6, 1.6)
# One colour per pair, shared by its sliders, its contribution curve and the probe.
PAIR_COLORS = (
    "#2E91E5", "#E15F99", "#1CA71C", "#FB0D0D", "#DA16FF", "#B68100", "#750D86", "#00A08B",
    "#511CFB", "#6C7C32", "#FB00D1", "#862A16", "#0D2A63", "#A777F1", "#620042", "#AF0038",
)  # no greys (inactive) and nothing near the fit's orange
TARGET_COLOR, FIT_COLOR = "#9aa0a6", "#e4572e"
FONT_SIZE = 18  # readable from the back of a classroom


def fit_figure(x: np.ndarray, target: np.ndarray, output: np.ndarray,
               target_label: str = "sin(2πx)") -> go.Figure:
    """Target and network output over x, all (n,), on fixed axes."""
    figure = go.Figure([
        go.Scatter(x=x, y=target, mode="lines", name=target_label,
                   line={"color": TARGET_COLOR, "width": 4}),
        go.Scatter(x=x, y=output, mode="lines", name="network output",
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
                 names: list[str], target_label: str = "sin(2πx)") -> go.Figure:
    """A class's fits overlaid on the target: x, target and each output (n,), best first."""
    figure = fit_figure(x, target, target, target_label)
    figure.data = figure.data[:1]
    for rank, (name, output) in enumerate(zip(names, outputs, strict=True)):
        figure.add_scatter(x=x, y=output, mode="lines", name=f"{rank + 1}. {name}",
                           line={"color": PAIR_COLORS[rank % len(PAIR_COLORS)],
                                 "width": 3 if rank == 0 else 1.5})
    figure.update_layout(height=520, legend={"orientation": "v", "y": 1, "x": 1.02,
                                             "yanchor": "top"})
    return figure


def area_overlay(area, color: str, x_range: tuple[float, float]) -> dict:
    """Plotly shapes and annotations that shade one pair's area of effect (an
    nnsine.pairs.Area, or None) and label where it switches on and off."""
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
    labels = [{"x": v, "y": y, "xref": "x", "yref": "paper", "text": f"{word} at x = {v:.2f}",
               "showarrow": False, "xanchor": "left", "font": {"color": color, "size": 14},
               "bgcolor": "rgba(255,255,255,0.8)"}
              for v, word, y in ((area.on, "on", 0.02), (area.off, "off", 0.10))
              if x_range[0] <= v <= x_range[1]]
    return {"shapes": [band, *marks], "annotations": labels}
