"""The live board's chart: every hand-in's curve over the target, one highlighted."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from nnsine.plots.figures import FIT_COLOR, fit_figure, trace_name

OTHERS_COLOR = "#7f8c9a"


def board_figure(x: np.ndarray, target: np.ndarray, outputs: list[np.ndarray],
                 labels: list[str], highlight: int | None, target_label: str) -> go.Figure:
    """x and target (n,), one output (n,) per label (best first); the `highlight`-th
    (0-based, or None) drawn thick on top. Labels are escaped: Plotly reads a few HTML
    tags (<a href>, <b>) in trace names, and a student's name must show as typed."""
    figure = fit_figure(x, target, target, target_label)
    figure.data = figure.data[:1]
    order = [k for k in range(len(outputs)) if k != highlight]
    order += [highlight] if highlight is not None and 0 <= highlight < len(outputs) else []
    for k in order:
        chosen = k == highlight
        figure.add_scatter(x=x, y=outputs[k], mode="lines",
                           name=f"{k + 1}. {trace_name(labels[k])}",
                           showlegend=chosen,
                           opacity=1 if chosen else 0.45,
                           line={"color": FIT_COLOR if chosen else OTHERS_COLOR,
                                 "width": 4 if chosen else 1.2})
    figure.update_layout(height=460)
    return figure
