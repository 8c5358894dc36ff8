"""Plotly figure builders: data in, go.Figure out (no maths beyond layout)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

Y_RANGE = (-1.6, 1.6)
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
