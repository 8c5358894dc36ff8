"""The sketch pad: an empty chart on the tuner's axes where a learner or a teacher draws
a target with the mouse or a finger (Plotly's lasso records the stroke's path)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from nnsine.i18n import _
from nnsine.plots.figures import FONT_SIZE, TARGET_COLOR, Y_RANGE

X_RANGE = (0.0, 1.0)


def sketch_figure(points: tuple[np.ndarray, np.ndarray] | None = None) -> go.Figure:
    """An empty chart on the book's axes, lasso-ready; `points` (x (n,), y (n,)), if
    given, is the current sketch, drawn as the target is."""
    # Plotly sends a lasso's path only when it can select something: an invisible
    # mesh of points covers the plot area.
    mesh_x, mesh_y = np.meshgrid(np.linspace(*X_RANGE, 41), np.linspace(*Y_RANGE, 33))
    traces = [go.Scatter(x=mesh_x.ravel(), y=mesh_y.ravel(), mode="markers",
                         marker={"opacity": 0, "size": 4}, hoverinfo="skip",
                         showlegend=False, name=_("sketch pad"))]
    if points is not None:
        traces.append(go.Scatter(x=points[0], y=points[1], mode="lines+markers",
                                 name=_("your sketch"), line={"color": TARGET_COLOR, "width": 4}))
    figure = go.Figure(traces)
    figure.update_layout(
        height=320, margin={"l": 50, "r": 10, "t": 10, "b": 40}, dragmode="lasso",
        font={"size": FONT_SIZE}, uirevision="sketch", showlegend=points is not None,
        xaxis={"range": list(X_RANGE), "title": "x", "fixedrange": True},
        yaxis={"range": list(Y_RANGE), "title": "y", "fixedrange": True},
    )
    return figure
