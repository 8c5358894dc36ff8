"""What the softmax page draws: Plotly figures and Markdown tables, data in, no maths."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
from plotly.colors import qualitative

from nnsine.figures import FONT_SIZE
from nnsine.softmax_steps import Batch, Steps

COLORS = qualitative.Plotly  # 10 colours: one per class, the same on every chart
MARGIN = {"l": 50, "r": 10, "t": 30, "b": 40}


def color(k: int) -> str:
    """Class k's colour (shared by bars and curves)."""
    return COLORS[k % len(COLORS)]


def number(value: float, exact: bool = False) -> str:
    """A value for Markdown: 8 significant digits like NumPy (exact: every digit, as
    Python prints a float, so 0.9999999999999999 shows); inf and nan in bold red."""
    if not math.isfinite(value):
        return f":red[**{value}**]"
    return repr(float(value)) if exact else f"{value:.8g}"


def steps_table(steps: Steps, subtract_max: bool) -> str:
    """The computation as a Markdown table: one row per class, then the sums."""
    exponent = "logit − max" if subtract_max else "logit"
    rows = [f"| class | logit | exponent ({exponent}) | exp(exponent) | probability |",
            "|---:|---:|---:|---:|---:|"]
    for k, values in enumerate(zip(steps.logits, steps.exponents, steps.exp_values,
                                   steps.probabilities, strict=True)):
        rows.append(f"| {k} | " + " | ".join(number(float(v)) for v in values) + " |")
    rows.append(f"| **sum** | | | **{number(steps.total)}** "
                f"| **{number(steps.probability_sum, exact=True)}** |")
    return "\n".join(rows)


def overflow_table(naive: Steps, stable: Steps) -> str:
    """Naive and stable softmax side by side, per class (Markdown)."""
    rows = ["| class | logit | naive exp(logit) | naive probability "
            "| exp(logit − max) | stable probability |", "|---:|---:|---:|---:|---:|---:|"]
    for k in range(len(naive.logits)):
        values = (naive.logits[k], naive.exp_values[k], naive.probabilities[k],
                  stable.exp_values[k], stable.probabilities[k])
        rows.append(f"| {k} | " + " | ".join(number(float(v)) for v in values) + " |")
    return "\n".join(rows)


def decisions_table(outputs, predicted: np.ndarray, confidence: np.ndarray) -> str:
    """Softmax outputs (n, classes) with their argmax (n,) and confidence (n,) (Markdown)."""
    rows = ["| softmax output | argmax | confidence |", "|---|---:|---:|"]
    rows += [f"| {list(row)} | {p} | {c:.2f} |"
             for row, p, c in zip(outputs, predicted, confidence, strict=True)]
    return "\n".join(rows)


def batch_text(result: Batch) -> str:
    """Each step's shape, then the probabilities as NumPy prints them."""
    return "\n".join([
        f"inputs                                    {result.inputs.shape}",
        f"np.max(inputs, axis=1, keepdims=True)     {result.row_max.shape}",
        f"np.sum(exp_values, axis=1, keepdims=True) {result.row_sums.shape}",
        f"probabilities                             {result.probabilities.shape}",
        "", str(result.probabilities)])


def _figure(traces: list[dict], name: str, height: int = 360, **layout) -> go.Figure:
    # Fixed ranges and a constant uirevision: charts are rebuilt on every rerun.
    # Traces and layout go in as plain dicts in one call: the page draws these
    # on every slider move, and Plotly validates each update separately.
    return go.Figure(traces, {"height": height, "margin": MARGIN, "font": {"size": FONT_SIZE},
                              "uirevision": name, **layout})


def probability_bars(probabilities: np.ndarray) -> go.Figure:
    """One bar per class (classes,), labelled in percent; a nan shows as a red label."""
    finite = np.isfinite(probabilities)
    labels = [f"{p:.1%}" if ok else str(p) for p, ok in zip(probabilities, finite, strict=True)]
    bars = {"type": "bar", "x": [str(k) for k in range(len(probabilities))],
            "y": np.where(finite, probabilities, 0.0), "text": labels,
            "textposition": "outside", "cliponaxis": False,
            "textfont": {"color": ["black" if ok else "red" for ok in finite]},
            "marker": {"color": [color(k) for k in range(len(probabilities))]},
            "hovertemplate": "class %{x}: %{y:.8f}<extra></extra>"}
    return _figure([bars], "bars", showlegend=False,
                   xaxis={"title": {"text": "class"}, "type": "category"},
                   yaxis={"title": {"text": "probability"}, "range": [0, 1.12],
                          "tickformat": ".0%"})


def scale_figure(factors: np.ndarray, curves: np.ndarray, factor: float,
                 current: np.ndarray) -> go.Figure:
    """Each class's probability over the scale factor: factors (f,), curves (f, classes);
    the current factor and its probabilities (classes,) marked."""
    traces = [{"type": "scatter", "x": factors, "y": curves[:, k], "mode": "lines",
               "name": f"class {k}", "line": {"color": color(k), "width": 3}}
              for k in range(curves.shape[1])]
    traces.append({"type": "scatter", "x": [factor] * len(current), "y": current,
                   "mode": "markers", "showlegend": False,
                   "marker": {"color": [color(k) for k in range(len(current))], "size": 14,
                              "line": {"color": "black", "width": 1}},
                   "hovertemplate": "×%{x}: %{y:.4f}<extra></extra>"})
    marker_line = {"type": "line", "x0": factor, "x1": factor, "y0": 0, "y1": 1,
                   "yref": "paper", "line": {"color": "#555", "dash": "dot"}}
    return _figure(traces, "scale", shapes=[marker_line],
                   legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"},
                   xaxis={"title": {"text": "scale factor (logits × factor)"},
                          "range": [float(factors[0]), float(factors[-1])]},
                   yaxis={"title": {"text": "probability"}, "range": [0, 1]})


def spiral_figure(inputs: np.ndarray, labels: np.ndarray, confidences: np.ndarray
                  ) -> go.Figure:
    """The spiral data (n, 2) coloured by true class (n,), each point's confidence (n,)."""
    traces = [{"type": "scatter", "x": inputs[labels == k, 0], "y": inputs[labels == k, 1],
               "mode": "markers", "name": f"class {k}", "customdata": confidences[labels == k],
               "marker": {"color": color(int(k)), "size": 8},
               "hovertemplate": f"class {k}<br>confidence %{{customdata:.8f}}<extra></extra>"}
              for k in np.unique(labels)]
    return _figure(traces, "spiral", height=460,
                   legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"},
                   xaxis={"range": [-1.1, 1.1], "title": {"text": "x₁"}},
                   yaxis={"range": [-1.1, 1.1], "title": {"text": "x₂"}, "scaleanchor": "x"})
