// The live tuner: sliders + chart that follow the thumb in the browser.
// During a drag nothing goes to the server: every `input` event recomputes the
// forward pass here and redraws the curve. On release the values go to Python
// once (setStateValue "release"); Python validates them and stays the truth.
// Python pushes values back by bumping data.rev (presets, uploads, URL, fixes);
// everything else in `data` (grid, target, overlays ...) is drawn as given.
import { checksum, forward, grid } from "./forward.js";

const PLOTLY_URL = new URL("./plotly.min.js", import.meta.url).href;
const KEY_COMMIT_MS = 250;  // a held arrow key commits at most this often
const OUTPUT_COLOR = "#e4572e", TARGET_COLOR = "#9aa0a6";
// Fixed margins and the legend inside the plot: the plot area is known before plotly.js
// has loaded, so the first curve is drawn at once and Plotly's axes join it later.
const margin = (fontSize) => ({ l: Math.round(3.8 * fontSize), r: 12, t: 10,
                                b: Math.round(3 * fontSize) });

// One <script> per page; keep our Plotly even if Streamlit later sets window.Plotly.
function loadPlotly() {
  if (window.__nnsinePlotly) return window.__nnsinePlotly;
  window.__nnsinePlotly = new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = PLOTLY_URL;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => reject(new Error(`could not load ${PLOTLY_URL}`));
    document.head.appendChild(script);
  });
  return window.__nnsinePlotly;
}

function sliderRow(slot, k) {
  const row = document.createElement("label");
  row.className = "nt-row";
  row.innerHTML = `<span class="nt-name"></span><output></output><input type="range">`;
  row.querySelector(".nt-name").textContent = slot.short;
  const input = row.querySelector("input");
  Object.assign(input, { min: slot.low, max: slot.high, step: slot.step });
  input.dataset.k = k;
  input.dataset.key = slot.key;
  input.setAttribute("aria-label", slot.label);
  return row;
}

function buildSliders(box, data) {
  box.replaceChildren();
  const groups = new Map();
  return data.slots.map((slot, k) => {
    const name = slot.pair === null ? "Output" : `Pair ${slot.pair + 1}`;
    if (!groups.has(name)) {
      const group = document.createElement("fieldset");
      group.className = "nt-pair";
      group.innerHTML = `<legend></legend>`;
      group.querySelector("legend").textContent = name;
      if (slot.pair !== null) group.style.setProperty("--pair-color", data.colors[slot.pair]);
      box.appendChild(group);
      groups.set(name, group);
    }
    const row = sliderRow(slot, k);
    groups.get(name).appendChild(row);
    return row.querySelector("input");
  });
}

// Plotly draws what changes only when Python says so: axes, target, legend, the area
// of effect. The live curves are drawn on a canvas over the plot area: a Plotly
// restyle costs ~12 ms a frame, a canvas line well under 1 ms.
function plotTraces(data) {
  const x = Array.from(grid(data.grid.count, data.grid.start, data.grid.denominator));
  return [
    { x, y: data.target, mode: "lines", name: data.target_label,
      line: { color: TARGET_COLOR, width: 4 }, hoverinfo: "skip" },
    { x: [null], y: [null], mode: "lines", name: "network output",  // legend entry only
      line: { color: OUTPUT_COLOR, width: 3 } },
  ];
}

function layout(data) {
  return {
    height: data.height, margin: margin(data.font_size), font: { size: data.font_size },
    uirevision: "fit",
    showlegend: true,
    legend: { orientation: "h", x: 0.01, y: 0.99, xanchor: "left", yanchor: "top",
              bgcolor: "rgba(255,255,255,0.75)" },
    xaxis: { range: data.x_range, title: { text: "x" }, zeroline: false, fixedrange: true,
             automargin: false },
    yaxis: { range: data.y_range, title: { text: "y" }, fixedrange: true, automargin: false },
    shapes: data.overlay.shapes, annotations: data.overlay.annotations,
    paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
  };
}

// The canvas covers exactly Plotly's plot area, so x and y map linearly onto it.
function liveLayer(canvas, plot) {
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
    for (const { y, color, lineWidth } of curves) {
      ctx.beginPath();
      for (let j = 0; j < xs.length; j++) {
        const px = (xs[j] - xRange[0]) * sx, py = height - (y[j] - yRange[0]) * sy;
        if (j) ctx.lineTo(px, py); else ctx.moveTo(px, py);
      }
      ctx.strokeStyle = color; ctx.lineWidth = lineWidth; ctx.lineJoin = "round";
      ctx.stroke();
    }
  };
  return { place, draw };
}

function build(root) {
  const s = { rev: null, nPairs: null, dragging: null, drawn: 0, plotKey: null,
              gone: new AbortController() };  // aborted when the tuner leaves the page
  // seq starts from the clock: a remounted tuner never repeats an earlier release.
  s.seq = Date.now();
  const chart = root.querySelector(".nt-chart");
  const plot = root.querySelector(".nt-plot");
  const live = liveLayer(root.querySelector(".nt-live"), plot);
  const box = root.querySelector(".nt-sliders");
  s.plotly = null;
  loadPlotly().then((Plotly) => {
    s.plotly = Plotly;
    s.show(s.data);
  }).catch((error) => {
    plot.textContent = `The live chart could not start: ${error.message}`;
  });

  // Everything but the slider values comes from Python as given.
  s.show = (data) => {
    s.data = data;
    if (data.n_pairs !== s.nPairs) {
      s.nPairs = data.n_pairs;
      s.values = new Float64Array(data.values.length);
      s.inputs = buildSliders(box, data);
      s.rev = null;
    }
    if (s.rev !== data.rev) {
      s.rev = data.rev;
      s.setValues(data.values);
    }
    const g = data.grid;
    if (!s.xs || s.xs.length !== g.count || s.xs[0] !== g.start / g.denominator) {
      s.xs = grid(g.count, g.start, g.denominator);
    }
    s.y = new Float64Array(s.xs.length);
    s.contributions = Array.from({ length: s.nPairs }, () => new Float64Array(s.xs.length));
    chart.style.height = `${data.height}px`;
    if (!s.plotly) {  // plotly.js still loading: the curves already, on predicted axes
      live.place(data);
      s.redraw(null);
      return;
    }
    // A release changes only the values (and maybe the shading): no full re-plot then.
    const { values, rev, overlay, ...rest } = data;
    const plotKey = JSON.stringify(rest);
    const done = plotKey !== s.plotKey
      ? s.plotly.react(plot, plotTraces(data), layout(data),
        { displayModeBar: false, responsive: true })
      : JSON.stringify(overlay) !== s.overlayKey
        ? s.plotly.relayout(plot, { shapes: overlay.shapes, annotations: overlay.annotations })
        : Promise.resolve();
    s.plotKey = plotKey;
    s.overlayKey = JSON.stringify(overlay);
    done.then(() => {
      // Plotly's own events (not DOM events); afterplot also follows a resize.
      if (!s.listening) {
        plot.on("plotly_afterplot", () => { live.place(s.data); s.redraw(null); });
      }
      s.listening = true;
      live.place(s.data);
      s.redraw(null);
    });
  };
  s.compute = () => forward(s.values, s.nPairs, s.xs, s.y, s.data.relu,
    s.data.show_contributions ? s.contributions : null);

  // Many input events can arrive in one frame: draw once per frame.
  let frame = 0, pendingEvent = null;
  s.redraw = (event) => {
    pendingEvent = pendingEvent || event;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      s.compute();
      const parts = s.data.show_contributions ? s.contributions.map((y, i) => (
        { y, color: s.data.colors[i], lineWidth: 1.5 })) : [];
      const target = s.plotly ? [] : [{ y: s.data.target, color: TARGET_COLOR, lineWidth: 4 }];
      live.draw(s.xs, [...target, ...parts, { y: s.y, color: OUTPUT_COLOR, lineWidth: 3 }],
        s.data.x_range, s.data.y_range);
      s.painted(pendingEvent);
      pendingEvent = null;
    });
  };
  s.painted = (event) => {
    s.drawn += 1;
    root.dataset.drawn = s.drawn;
    const detail = { eventTime: event ? event.timeStamp : null, drawn: s.drawn, canvas: true };
    window.dispatchEvent(new CustomEvent("nnsine:drawn", { detail }));
  };
  s.showValue = (k) => {
    const input = s.inputs[k];
    input.previousElementSibling.value = Number(input.value).toFixed(2);
  };
  s.setValues = (values) => values.forEach((v, k) => {
    if (k === s.dragging) return;  // never yank a slider out of the user's hand
    s.inputs[k].value = v;
    s.values[k] = Number(s.inputs[k].value);
    s.showValue(k);
  });
  s.commit = () => {
    s.seq += 1;
    forward(s.values, s.nPairs, s.xs, s.y, s.data.relu);  // release may beat the frame
    s.setStateValue("release",
      { values: Array.from(s.values), seq: s.seq, checksum: checksum(s.y) });
  };
  // Keys: the first press commits at once; presses within KEY_COMMIT_MS of a commit are
  // gathered into one more commit when the window closes (a held key cannot queue reruns).
  let quiet = null, pending = false;
  s.commitKey = () => {
    if (quiet) { pending = true; return; }
    s.commit();
    quiet = setTimeout(() => {
      quiet = null;
      if (pending) { pending = false; s.commitKey(); }
    }, KEY_COMMIT_MS);
  };

  let keyboard = false;
  box.addEventListener("keydown", () => { keyboard = true; });
  box.addEventListener("pointerdown", (event) => {
    keyboard = false;
    if (event.target.dataset.k !== undefined) s.dragging = Number(event.target.dataset.k);
  });
  // A touch that turns into a scroll ends in pointercancel, not pointerup.
  for (const type of ["pointerup", "pointercancel"]) {
    window.addEventListener(type, () => { s.dragging = null; }, { signal: s.gone.signal });
  }
  box.addEventListener("input", (event) => {
    const k = Number(event.target.dataset.k);
    s.values[k] = Number(event.target.value);
    s.showValue(k);
    s.redraw(event);
  });
  // `change` fires on release and on every key press: debounce the keys.
  box.addEventListener("change", () => (keyboard ? s.commitKey() : s.commit()));
  return s;
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".nt-root");
  // Called again whenever `data` changes: the DOM, listeners and chart persist.
  const s = root.__nnsine || (root.__nnsine = build(root));
  s.setStateValue = setStateValue;
  if (data !== s.data) s.show(data);
  // Cleanup runs before every re-invocation too: only dispose when really gone.
  return () => setTimeout(() => {
    if (root.isConnected) return;
    s.gone.abort();
    if (s.plotly) s.plotly.purge(root.querySelector(".nt-plot"));
  });
}
