"""The network at one x as a diagram (book Figs. 4-30, 4-31): data in, go.Figure out."""

from __future__ import annotations

import plotly.graph_objects as go

from nnsine.engine.network import Params
from nnsine.engine.probe import Probe
from nnsine.i18n import N_, _
from nnsine.plots.figures import FIT_COLOR, FONT_SIZE, GUIDE_COLOR, PAIR_COLORS

INACTIVE, INPUT_COLOR = "#c8c8c8", GUIDE_COLOR  # both themes
COLUMNS = (N_("input"), N_("layer 1"), N_("layer 2"), N_("output"))  # shown through `_()`


def _label(value: float) -> str:
    return f"{round(value, 2) + 0.0:.2f}"  # + 0.0: no "-0.00"


def _link(start, end, weight: float, color: str) -> go.Scatter:
    # Sign by dash (solid +, dashed -), size by |weight|: colour already says "active".
    return go.Scatter(
        x=[start[0], end[0]], y=[start[1], end[1]], mode="lines", hoverinfo="skip",
        showlegend=False, line={"color": color if weight else INACTIVE,
                                "width": 1 + 0.7 * min(abs(weight), 10.0),
                                "dash": "dash" if weight < 0 else "solid"})


def network_diagram(params: Params, p: Probe) -> go.Figure:
    """Input, the two columns of n_pairs neurons and the output, each labelled with its
    value at p.x; active neurons and the links into them in their pair's colour."""
    n = params.n_pairs
    middle = (n - 1) / 2
    rows = [n - 1 - i for i in range(n)]  # pair 1 on top
    links = []
    for i in range(n):
        color = PAIR_COLORS[i % len(PAIR_COLORS)]
        both = bool(p.active1[i] and p.active2[i])
        links += [
            _link((0, middle), (1, rows[i]), params.w1[i], color if p.active1[i] else INACTIVE),
            _link((1, rows[i]), (2, rows[i]), params.w2[i], color if both else INACTIVE),
            _link((2, rows[i]), (3, middle), params.w_out[i],
                  color if p.active2[i] else INACTIVE),
        ]
    colors = [PAIR_COLORS[i % len(PAIR_COLORS)] if active else INACTIVE
              for actives in (p.active1, p.active2) for i, active in enumerate(actives)]
    small = n > 8  # 16 pairs share the same height
    neurons = go.Scatter(
        name="neurons", x=[1] * n + [2] * n, y=rows + rows, mode="markers+text",
        text=[_label(v) for v in (*p.hidden1, *p.hidden2)],
        # 16 pairs leave no room above a neuron: label beside it, away from the middle.
        textposition=["middle left"] * n + ["middle right"] * n if small else "top center",
        textfont={"size": 13 if small else 16}, hoverinfo="skip", showlegend=False,
        marker={"size": 16 if small else 26, "color": colors,
                "line": {"color": "white", "width": 2}})
    ends = [go.Scatter(name=name, x=[column], y=[middle], mode="markers+text", text=[text],
                       textposition=position, hoverinfo="skip", showlegend=False,
                       marker={"size": 34, "color": color, "symbol": "square"})
            for name, column, text, position, color in (
                ("input", 0, f"x = {_label(p.x)}", "bottom center", INPUT_COLOR),
                ("output", 3, f"y = {_label(p.output)}", "middle right", FIT_COLOR))]
    figure = go.Figure([*links, neurons, *ends])
    top = n - 1 + 0.7
    for column, title in enumerate(COLUMNS):
        figure.add_annotation(x=column, y=top, text=f"<b>{_(title)}</b>", showarrow=False,
                              yanchor="bottom")
    figure.add_annotation(
        x=1.5, y=-0.6 - 0.4 * small, showarrow=False, yanchor="top", font={"size": 14},
        text=_("colour: linear, every neuron passes its sum on · dashed: negative weight · "
               "thicker: larger |weight|") if p.linear else _(
            "colour: active (value > 0) · grey: inactive · dashed: negative weight · thicker: "
            "larger |weight|"))
    figure.update_layout(
        height=520, margin={"l": 10, "r": 10, "t": 10, "b": 10}, font={"size": FONT_SIZE},
        showlegend=False, dragmode=False,
        xaxis={"range": [-0.5, 3.5], "visible": False, "fixedrange": True},
        yaxis={"range": [-1.3 - 0.6 * small, top + 0.9 + 0.6 * small], "visible": False,
               "fixedrange": True})
    return figure
