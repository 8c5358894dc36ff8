// The live tuner's chart: plotly.js for what changes only when Python says so (axes,
// target, legend, area of effect), a canvas over the plot area for the live curves.
import { grid } from "./forward.js";
import { say } from "./words.js";

// plotly.js's basic bundle (nnsine/vendor/plotly), served beside us (ui/tuner/tuner_assets.py).
const PLOTLY_URL = new URL("../nnsine.plotly/plotly-basic.min.js", import.meta.url).href;
export const OUTPUT_COLOR = "#e4572e", TARGET_COLOR = "#7d8590";  // nnsine/plots/figures.py
// Fixed margins and the legend inside the plot: the plot area is known before plotly.js
// has loaded, so the first curve is drawn at once and Plotly's axes join it later.
const margin = (fontSize) => ({ l: Math.round(3.8 * fontSize), r: 12, t: 10,
                                b: Math.round(3 * fontSize) });

// One <script> per page; keep our Plotly even if Streamlit later sets window.Plotly.
export function loadPlotly() {
  if (window.__nnsinePlotly) return window.__nnsinePlotly;
  window.__nnsinePlotly = new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = PLOTLY_URL;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => {
      script.remove();
      window.__nnsinePlotly = null;  // a failed load (a network blip) is tried again
      // Said in the learner's words by live_tuner.js (data.words[error.word]).
      reject(Object.assign(new Error(`could not load ${PLOTLY_URL}`),
        { word: "plotly_missing", params: { url: PLOTLY_URL } }));
    };
    document.head.appendChild(script);
  });
  return window.__nnsinePlotly;
}

// "0.00628,,0.01257" -> [0.00628, null, 0.01257]: the target's points (null: a gap).
export const targetPoints = (text) => text.split(",").map((v) => (v === "" ? null : Number(v)));

// Plotly draws what changes only when Python says so: axes, target, legend, the area
// of effect. The live curves are drawn on a canvas over the plot area: a Plotly
// restyle costs ~12 ms a frame, a canvas line well under 1 ms.
export function plotTraces(data, target) {
  const x = Array.from(grid(data.grid.count, data.grid.start, data.grid.denominator));
  return [
    // simplify: false: Plotly's line simplification draws a smooth target with corners.
    { x, y: target, mode: "lines", name: data.target_label,
      line: { color: TARGET_COLOR, width: 4, simplify: false }, hoverinfo: "skip" },
    { x: [null], y: [null], mode: "lines", name: say(data.words, "network_output"),  // legend only
      line: { color: OUTPUT_COLOR, width: 3 } },
  ];
}

// Colours from Streamlit's theme (tuner_theme.js): readable on light and dark.
export function layout(data, theme) {
  const axis = { gridcolor: theme.grid, linecolor: theme.axisLine, zerolinecolor: theme.axisLine,
                 fixedrange: true, automargin: false };
  return {
    height: data.height, margin: margin(data.font_size),
    font: { size: data.font_size, color: theme.text },
    uirevision: "fit",
    showlegend: true,
    legend: { orientation: "h", x: 0.01, y: 0.99, xanchor: "left", yanchor: "top",
              bgcolor: theme.legendBackground },
    xaxis: { ...axis, range: data.x_range, title: { text: "x" }, zeroline: false },
    yaxis: { ...axis, range: data.y_range, title: { text: "y" } },
    shapes: data.overlay.shapes, annotations: data.overlay.annotations,
    paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
  };
}

// The canvas covers exactly Plotly's plot area, so x and y map linearly onto it.
export function liveLayer(canvas, plot) {
  const ctx = canvas.getContext("2d");
  let width = 0, height = 0;
  const place = (data) => {
    const m = margin(data.font_size);
    const size = (plot._fullLayout && plot._fullLayout._size) || {  // before Plotly
      l: m.l, t: m.t, w: plot.clientWidth - m.l - m.r, h: data.height - m.t - m.b };
    if (!(size.w > 0 && size.h > 0)) return;
    const ratio = window.devicePixelRatio || 1;
    width = size.w; height = size.h;
    Object.assign(canvas.style, { left: `${size.l}px`, top: `${size.t}px`,
      width: `${width}px`, height: `${height}px` });
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  };
  const draw = (xs, curves, xRange, yRange) => {
    ctx.clearRect(0, 0, width, height);
    const sx = width / (xRange[1] - xRange[0]), sy = height / (yRange[1] - yRange[0]);
    const labels = [];
    for (const { y, color, lineWidth, label } of curves) {
      ctx.beginPath();
      let first = -1, last = -1;  // where the pair's curve bends: its ramp
      let pen = false;  // a target's gap (null: undefined there) lifts the pen
      const n = xs.length;
      for (let j = 0; j < n; j++) {
        if (y[j] === null || !Number.isFinite(y[j])) { pen = false; continue; }
        if (j && y[j] !== y[j - 1]) { if (first < 0) first = j; last = j; }
        // A ReLU network's curve is straight between its kinks: a point on the line
        // through its neighbours draws nothing, and skipping it spares the canvas most
        // of the 1,000 segments (the same picture; a slow device's frame gets shorter).
        if (j > 0 && j < n - 1 && Math.abs(y[j + 1] - 2 * y[j] + y[j - 1]) <= 1e-12 * (
          1 + Math.abs(y[j]))) continue;
        const px = (xs[j] - xRange[0]) * sx, py = height - (y[j] - yRange[0]) * sy;
        if (pen) ctx.lineTo(px, py); else ctx.moveTo(px, py);
        pen = true;
      }
      ctx.strokeStyle = color; ctx.lineWidth = lineWidth; ctx.lineJoin = "round";
      ctx.stroke();
      const at = first < 0 ? xs.length - 1 : Math.round((first + last) / 2);
      if (label) labels.push({ label, color,
        px: (xs[at] - xRange[0]) * sx, py: height - (y[at] - yRange[0]) * sy });
    }
    // Each pair's number on the middle of its ramp: colour is not the only cue.
    ctx.font = "bold 12px sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
    for (const { label, color, px, py } of labels) {
      const x = Math.min(Math.max(px, 10), width - 10), y = Math.min(Math.max(py, 10), height - 10);
      ctx.beginPath(); ctx.arc(x, y, 9, 0, 2 * Math.PI);
      ctx.fillStyle = color; ctx.fill();
      ctx.fillStyle = "#ffffff"; ctx.fillText(label, x, y + 0.5);
    }
  };
  return { place, draw, ctx };  // ctx: the handles paint on top (handle_paint.js)
}
