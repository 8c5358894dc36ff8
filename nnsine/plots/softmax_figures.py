"""What the softmax page draws: Plotly figures and Markdown tables, data in, no maths; the
words in the current language, the numbers as NumPy prints them (a decimal point)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.colors import qualitative

from nnsine.engine.softmax_steps import Batch, Steps
from nnsine.i18n import _
from nnsine.plots.figures import FONT_SIZE, GUIDE_COLOR

COLORS = qualitative.Plotly  # 10 colours: one per class, the same on every chart
MARGIN = {"l": 50, "r": 10, "t": 30, "b": 40}


def color(k: int) -> str:
    """Class k's colour (shared by bars and curves)."""
    return COLORS[k % len(COLORS)]


def _red(text: str) -> str:
    return f":red[**{text}**]" if text in ("inf", "-inf", "nan") else text


def number(value: float, exact: bool = False) -> str:
    """One float for Markdown as print() shows a NumPy float64 (its shortest repr, so
    0.9999999999999999 shows); inf and nan in bold red. `exact` is kept for callers: a
    NumPy scalar always prints every digit it needs."""
    return _red(str(np.float64(value)))


def cells(values) -> list[str]:
    """Each element of a 1-D array (n,) as print(array) shows it: NumPy chooses the
    digits (at most 8 after the point) and the notation for the whole array at once, so a
    column reads as the book's printed arrays do. inf and nan in bold red."""
    text = np.array2string(np.asarray(values, dtype=np.float64), max_line_width=10**9,
                           threshold=10**9, separator=" ")
    return [_red(cell) for cell in text[1:-1].split()]


def steps_table(steps: Steps, subtract_max: bool) -> str:
    """The computation as a Markdown table: one row per class (each column printed as
    NumPy prints that array), then the sums (as print() shows np.sum)."""
    exponent = _("logit − max") if subtract_max else _("logit")
    head = (_("class"), _("logit"), _("exponent ({what})", what=exponent), _("exp(exponent)"),
            _("probability"))
    rows = ["| " + " | ".join(head) + " |", "|---:|---:|---:|---:|---:|"]
    columns = [cells(a) for a in (steps.logits, steps.exponents, steps.exp_values,
                                  steps.probabilities)]
    for k, values in enumerate(zip(*columns, strict=True)):
        rows.append(f"| {k} | " + " | ".join(values) + " |")
    total = _("**sum**")
    rows.append(f"| {total} | | | **{number(steps.total)}** "
                f"| **{number(steps.probability_sum)}** |")
    return "\n".join(rows)


def overflow_table(naive: Steps, stable: Steps) -> str:
    """Naive and stable softmax side by side, per class (Markdown, NumPy's digits)."""
    head = (_("class"), _("logit"), _("naive exp(logit)"), _("naive probability"),
            _("exp(logit − max)"), _("stable probability"))
    rows = ["| " + " | ".join(head) + " |", "|---:|---:|---:|---:|---:|---:|"]
    columns = [cells(a) for a in (naive.logits, naive.exp_values, naive.probabilities,
                                  stable.exp_values, stable.probabilities)]
    for k, values in enumerate(zip(*columns, strict=True)):
        rows.append(f"| {k} | " + " | ".join(values) + " |")
    return "\n".join(rows)


def decisions_table(outputs, predicted: np.ndarray, confidence: np.ndarray) -> str:
    """Softmax outputs (n, classes) with their argmax (n,) and confidence (n,) (Markdown)."""
    head = (_("softmax output"), "argmax", _("confidence"))
    rows = ["| " + " | ".join(head) + " |", "|---|---:|---:|"]
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
            # The theme's text colour; only a non-finite value's label is coloured.
            "textfont": {} if finite.all() else {
                "color": [GUIDE_COLOR if ok else "red" for ok in finite]},
            "marker": {"color": [color(k) for k in range(len(probabilities))]},
            "hovertemplate": _("class {number}: {value}", number="%{x}", value="%{y:.8f}")
            + "<extra></extra>"}
    return _figure([bars], "bars", showlegend=False,
                   xaxis={"title": {"text": _("class")}, "type": "category"},
                   yaxis={"title": {"text": _("probability")}, "range": [0, 1.12],
                          "tickformat": ".0%"})


def scale_figure(factors: np.ndarray, curves: np.ndarray, factor: float,
                 current: np.ndarray) -> go.Figure:
    """Each class's probability over the scale factor: factors (f,), curves (f, classes);
    the current factor and its probabilities (classes,) marked."""
    traces = [{"type": "scatter", "x": factors, "y": curves[:, k], "mode": "lines",
               "name": _("class {number}", number=k), "line": {"color": color(k), "width": 3}}
              for k in range(curves.shape[1])]
    traces.append({"type": "scatter", "x": [factor] * len(current), "y": current,
                   "mode": "markers", "showlegend": False,
                   "marker": {"color": [color(k) for k in range(len(current))], "size": 14,
                              "line": {"color": GUIDE_COLOR, "width": 1}},
                   "hovertemplate": "×%{x}: %{y:.4f}<extra></extra>"})
    marker_line = {"type": "line", "x0": factor, "x1": factor, "y0": 0, "y1": 1,
                   "yref": "paper", "line": {"color": GUIDE_COLOR, "dash": "dot"}}
    return _figure(traces, "scale", shapes=[marker_line],
                   legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"},
                   xaxis={"title": {"text": _("scale factor (logits × factor)")},
                          "range": [float(factors[0]), float(factors[-1])]},
                   yaxis={"title": {"text": _("probability")}, "range": [0, 1]})


def exp_figure(x: np.ndarray, y: np.ndarray, exponents: np.ndarray,
               exp_values: np.ndarray) -> go.Figure:
    """y = e^x (n,) over x (n,) (book Fig. 4-34), with each class's exponent and its exp
    (classes,) marked where they fall inside the drawn range."""
    top = 160.0  # e^5 ≈ 148 fits; fixed, as the chart is rebuilt every rerun
    inside = (exponents >= x[0]) & (exponents <= x[-1])
    traces = [{"type": "scatter", "x": x, "y": y, "mode": "lines", "name": "e^x",
               "line": {"color": "#555", "width": 3, "simplify": False}},
              {"type": "scatter", "x": exponents[inside], "y": exp_values[inside],
               "mode": "markers", "name": _("your exponents"),
               "marker": {"color": [color(int(k)) for k in np.flatnonzero(inside)],
                          "size": 14, "line": {"color": "black", "width": 1}},
               "hovertemplate": "e^%{x:.3f} = %{y:.4f}<extra></extra>"}]
    return _figure(traces, "exp", showlegend=False,
                   xaxis={"title": {"text": "x"}, "range": [float(x[0]), float(x[-1])]},
                   yaxis={"title": {"text": "e^x"}, "range": [-5.0, top]})


def spiral_figure(inputs: np.ndarray, labels: np.ndarray, confidences: np.ndarray
                  ) -> go.Figure:
    """The spiral data (n, 2) coloured by true class (n,), each point's confidence (n,)."""
    traces = [{"type": "scatter", "x": inputs[labels == k, 0], "y": inputs[labels == k, 1],
               "mode": "markers", "name": _("class {number}", number=k),
               "customdata": confidences[labels == k],
               "marker": {"color": color(int(k)), "size": 8},
               "hovertemplate": _("class {number}<br>confidence {value}", number=k,
                                  value="%{customdata:.8f}") + "<extra></extra>"}
              for k in np.unique(labels)]
    return _figure(traces, "spiral", height=460,
                   legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"},
                   xaxis={"range": [-1.1, 1.1], "title": {"text": "x₁"}},
                   yaxis={"range": [-1.1, 1.1], "title": {"text": "x₂"}, "scaleanchor": "x"})
