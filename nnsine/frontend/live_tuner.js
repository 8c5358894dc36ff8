// The live tuner: sliders + chart that follow the thumb in the browser.
// During a drag nothing goes to the server: every `input` event recomputes the
// forward pass here and redraws the curve. On release the values go to Python
// once (setStateValue "release"); Python validates them and stays the truth.
// Python pushes values back by bumping data.rev (presets, uploads, URL, fixes);
// everything else in `data` (grid, target, overlays ...) is drawn as given.
import { forward, grid } from "./forward.js";

const PLOTLY_URL = new URL("./plotly.min.js", import.meta.url).href;
const KEY_COMMIT_MS = 300;  // a held arrow key commits once, after it settles

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

function traces(s, data) {
  const x = Array.from(s.xs);
  const pairs = data.show_contributions ? s.contributions.map((c, i) => ({
    x, y: Array.from(c), mode: "lines", name: `pair ${i + 1}`, showlegend: false,
    line: { color: data.colors[i], width: 1.5 }, hoverinfo: "skip" })) : [];
  return [
    { x, y: data.target, mode: "lines", name: data.target_label,
      line: { color: "#9aa0a6", width: 4 }, hoverinfo: "skip" },
    ...pairs,
    { x, y: Array.from(s.y), mode: "lines", name: "network output",
      line: { color: "#e4572e", width: 3 } },
  ];
}

function layout(data) {
  return {
    height: data.height, margin: { l: 50, r: 10, t: 10, b: 40 },
    font: { size: data.font_size }, uirevision: "fit", showlegend: true,
    legend: { orientation: "h", y: 1.02, yanchor: "bottom", x: 0 },
    xaxis: { range: data.x_range, title: { text: "x" }, zeroline: false },
    yaxis: { range: data.y_range, title: { text: "y" } },
    shapes: data.overlay.shapes, annotations: data.overlay.annotations,
    paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
  };
}

function build(root) {
  const s = { rev: null, view: null, nPairs: null, dragging: null, timer: null, drawn: 0 };
  // seq starts from the clock: a remounted tuner never repeats an earlier release.
  s.seq = Date.now();
  const chart = root.querySelector(".nt-chart");
  const box = root.querySelector(".nt-sliders");
  s.plotly = null;
  loadPlotly().then((Plotly) => { s.plotly = Plotly; s.show(s.data); })
    .catch((error) => { chart.textContent = `The live chart could not start: ${error.message}`; });

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
    s.compute();
    if (s.plotly) s.plotly.react(chart, traces(s, data), layout(data),
      { displayModeBar: false, responsive: true }).then(() => s.painted(null));
  };
  s.compute = () => forward(s.values, s.nPairs, s.xs, s.y, s.data.relu,
    s.data.show_contributions ? s.contributions : null);

  // Many input events can arrive in one frame: draw once per frame.
  let frame = 0, pendingEvent = null;
  s.redraw = (event) => {
    pendingEvent = pendingEvent || event;
    if (frame || !s.plotly) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      s.compute();
      const n = s.data.show_contributions ? s.nPairs : 0;
      const ys = [...s.contributions.slice(0, n), s.y].map((y) => Array.from(y));
      s.plotly.restyle(chart, { y: ys }, ys.map((_, i) => i + 1));
      s.painted(pendingEvent);
      pendingEvent = null;
    });
  };
  s.painted = (event) => {
    s.drawn += 1;
    root.dataset.drawn = s.drawn;
    const detail = { eventTime: event ? event.timeStamp : null, drawn: s.drawn };
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
    clearTimeout(s.timer);
    s.seq += 1;
    forward(s.values, s.nPairs, s.xs, s.y, s.data.relu);  // release may beat the frame
    let checksum = 0;  // the same sequential sum Python computes: a live bit-check
    for (let j = 0; j < s.y.length; j++) checksum += s.y[j];
    s.setStateValue("release", { values: Array.from(s.values), seq: s.seq, checksum });
  };

  let keyboard = false;
  box.addEventListener("keydown", () => { keyboard = true; });
  box.addEventListener("pointerdown", (event) => {
    keyboard = false;
    if (event.target.dataset.k !== undefined) s.dragging = Number(event.target.dataset.k);
  });
  window.addEventListener("pointerup", () => { s.dragging = null; });
  box.addEventListener("input", (event) => {
    const k = Number(event.target.dataset.k);
    s.values[k] = Number(event.target.value);
    s.showValue(k);
    s.redraw(event);
  });
  // `change` fires on release and on every key press: debounce the keys.
  box.addEventListener("change", () => {
    clearTimeout(s.timer);
    if (keyboard) s.timer = setTimeout(s.commit, KEY_COMMIT_MS);
    else s.commit();
  });
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
    if (!root.isConnected && s.plotly) s.plotly.purge(root.querySelector(".nt-chart"));
  });
}
