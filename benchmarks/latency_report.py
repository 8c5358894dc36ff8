"""The latency table: median / p95 (ms) per row for the app, the bare page and the static
limit, the app's ratios to both, and PASS/MISS against the issue's targets."""

from __future__ import annotations

import numpy as np
from latency_trials import KINDS, SLIDER


def stats(values: list[float | None] | None) -> dict | None:
    """n, median, p95 of the samples that happened; missing counts those that did not."""
    if values is None:
        return None
    done = [v for v in values if v is not None]
    if not done:
        return {"n": 0, "missing": len(values), "median": None, "p95": None}
    return {"n": len(done), "missing": len(values) - len(done),
            "median": float(np.median(done)), "p95": float(np.percentile(done, 95))}


def ratio(top: dict | None, bottom: dict | str | None) -> dict | None:
    if not isinstance(top, dict) or not isinstance(bottom, dict) or not top["n"] or (
            not bottom["n"]):
        return None
    return {stat: top[stat] / bottom[stat] for stat in ("median", "p95")}


def row(label: str, app, bare, static, target: tuple | None = None) -> dict:
    """One row; bare may be a text (e.g. "never updates"). target: (text, statistic, limit,
    against) with against None (the app's ms) or "bare" (the app's ratio to the bare page)."""
    result = {"row": label, "app": stats(app),
              "bare": bare if isinstance(bare, str) else stats(bare), "static": stats(static)}
    result["app/bare"] = ratio(result["app"], result["bare"])
    result["app/static"] = ratio(result["app"], result["static"])
    if target:
        text, stat, limit, against = target
        value = (result["app"] or {}).get(stat) if against is None else (
            (result["app/bare"] or {}).get(stat))
        result["target"] = text
        result["result"] = "n/a" if value is None else ("PASS" if value <= limit else "MISS")
    return result


def _cell(s) -> str:
    if s is None:
        return "–"
    if isinstance(s, str):
        return s
    if not s["n"]:
        return f"no result ({s['missing']} missing)"
    missing = f", {s['missing']} missing" if s["missing"] else ""
    return f"{s['median']:.1f} / {s['p95']:.1f} (n={s['n']}{missing})"


def _ratio(r) -> str:
    return "–" if r is None else f"{r['median']:.2f} / {r['p95']:.2f}"


def table(rows: list[dict], first: str = "measurement",
          baseline: tuple[str, str] = ("bare Streamlit", "bare")) -> str:
    """Markdown: every time is median / p95 in ms, every ratio median / p95. first: the
    first column's title; baseline: the "bare" column's title and its name in the ratio."""
    title, short = baseline
    lines = [f"| {first} | nnsine app | {title} | static limit | app ÷ {short} | "
             "app ÷ static | target | result |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['row']} | {_cell(r['app'])} | {_cell(r['bare'])} | "
                     f"{_cell(r['static'])} | {_ratio(r['app/bare'])} | "
                     f"{_ratio(r['app/static'])} | {r.get('target', '')} | "
                     f"{r.get('result', '')} |")
    return "\n".join(lines)


def phase_table(phases: dict[str, list[dict]]) -> str:
    """Medians of each phase of a live redraw, per series (e.g. "drag, app")."""
    names = ["to input handler", "to frame start", "forward + restyle", "to painted"]
    lines = ["| live redraw (median ms) | " + " | ".join(names) + " | n |",
             "|---|" + "---|" * (len(names) + 1)]
    for series, samples in phases.items():
        done = [s for s in samples if s]
        cells = [f"{np.median([s[name] for s in done]):.1f}" if done else "–" for name in names]
        lines.append(f"| {series} | " + " | ".join(cells) + f" | {len(done)} |")
    return "\n".join(lines)


def load_steps(load: dict) -> dict[str, float | None]:
    """Milestones of one page load (ms since navigation start)."""
    plotly = [r["end"] for r in load.get("plotly_js", []) if r["end"]]
    return {"DOMContentLoaded": load.get("dom_content_loaded"),
            "chart element mounted": (load.get("mount") or {}).get("at"),
            "plotly.js fetched": max(plotly) if plotly else None}


def load_table(series) -> str:
    """Median milestones of the page loads, per page."""
    steps = ["DOMContentLoaded", "chart element mounted", "plotly.js fetched"]
    lines = ["| page load (median ms) | " + " | ".join(steps) + " | first curve painted |",
             "|---|---|---|---|---|"]
    for name in KINDS:
        keys = [f"load.{name}.{step}" for step in steps] + [f"load.{name}"]
        cells = [stats(series[key]) for key in keys]
        lines.append(f"| {name} | " + " | ".join(
            "–" if not c or not c["n"] else f"{c['median']:.0f}" for c in cells) + " |")
    return "\n".join(lines)


def rows(series, notes) -> list[dict]:
    """The issue's four targets, then the rows that explain them (marked ·)."""
    never = (f"never (changed in {notes['bare drags that updated the chart']} of "
             f"{notes['bare drags']} drags; "
             f"{notes['websocket frames sent during drags'].get('bare', 0)} ws frames sent)")
    return [
        row("pointer move during a drag (its timeStamp) → curve painted", series["move.app"], never,
            series["move.static"], ("p95 ≤ 25 ms", "p95", 25.0, None)),
        row("pointer move dispatched (its input event) → curve painted", series["move.app.input"],
            never, series["move.static.input"], ("p95 ≤ 25 ms", "p95", 25.0, None)),
        row("key press → curve painted (bare: via Python)", series["key.app"],
            series["key.bare"], series["key.static"], ("p95 ≤ 35 ms", "p95", 35.0, None)),
        row("release → Python metrics painted (bare: key press → chart painted)",
            series["release.app"], series["key.bare"], None,
            ("median ≤ 1.1 × bare", "median", 1.1, "bare")),
        row("first live curve after page load (bare: first chart)", series["load.app"],
            series["load.bare"], series["load.static"], ("median ≤ 1.0 × bare", "median", 1.0,
                                                         "bare")),
        row("· release → metrics painted (bare: key press → metric painted)",
            series["release.app"], series["key.bare.metric"], None),
        row("· mouse release → chart painted (app: curve is live)", None,
            series["release.bare.chart"], None),
        row("· key press → Python metrics painted (app: the first press commits at once)",
            series["key.app.metric"], series["key.bare.metric"], None),
        row("· fast drag (moves back to back): each frame's oldest input event → painted",
            series["fast.app"], None, series["fast.static"]),
    ]


def throttled_rows(series) -> list[dict]:
    """Issue 13: a cheap device, Chromium's CPU slowed 4×, at desktop and phone width. The
    baseline is the canvas floor (the static page's sliders with the curves on a canvas, no
    Plotly, no Streamlit), kept under "bare" so that app/bare is app ÷ floor."""
    return [row(f"CPU 4× slower, {label}: pointer move → curve painted",
                series[f"move.app.cpu4.{label}"], series.get(f"move.floor.cpu4.{label}"),
                series[f"move.static.cpu4.{label}"], ("p95 ≤ 33 ms", "p95", 33.0, None))
            for label in ("desktop", "phone") if series.get(f"move.app.cpu4.{label}")]


def notes_text(notes: dict, width: int) -> str:
    """What the table does not show: counts of frames, redraws and moves."""
    fast = "; ".join(f"{name} {c['draws']} draws for {c['moves']} moves"
                     for name, c in notes["fast drags"].items())
    return (f"Slider {SLIDER}, chart {width} px wide. Websocket frames sent during drags: "
            f"{notes['websocket frames sent during drags']}. App redraws pushed by Python "
            f"after each release: {notes['app redraws from Python per release']}. "
            f"Fast drags: {fast}.")
