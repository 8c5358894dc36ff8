// The live tuner: sliders + chart that follow the thumb in the browser.
// During a drag nothing goes to the server: every `input` event recomputes the
// forward pass here and redraws the curve. On release the values go to Python
// once (setStateValue "release"); Python validates them and stays the truth.
// Python pushes values back by bumping data.rev (presets, uploads, URL, fixes).
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

function buildSliders(box, slots) {
  const groups = new Map();
  return slots.map((slot, k) => {
    const name = slot.pair === null ? "Output" : `Pair ${slot.pair + 1}`;
    if (!groups.has(name)) {
      const group = document.createElement("fieldset");
      group.className = "nt-pair";
      group.innerHTML = `<legend></legend>`;
      group.querySelector("legend").textContent = name;
      box.appendChild(group);
      groups.set(name, group);
    }
    const row = sliderRow(slot, k);
    groups.get(name).appendChild(row);
    return row.querySelector("input");
  });
}

function chartLayout(data) {
  return {
    height: data.height, margin: { l: 50, r: 10, t: 10, b: 40 },
    font: { size: data.font_size }, uirevision: "fit", showlegend: true,
    legend: { orientation: "h", y: 1.02, yanchor: "bottom", x: 0 },
    xaxis: { range: data.x_range, title: { text: "x" }, zeroline: false },
    yaxis: { range: data.y_range, title: { text: "y" } },
    paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
  };
}

function build(root, data) {
  // seq starts from the clock: a remounted tuner never repeats an earlier release.
  const s = { rev: null, seq: Date.now(), nPairs: data.n_pairs, dragging: null, timer: null };
  s.xs = grid(data.n);
  s.y = new Float64Array(data.n);
  s.values = new Float64Array(data.values.length);
  s.inputs = buildSliders(root.querySelector(".nt-sliders"), data.slots);
  s.drawn = 0;
  const chart = root.querySelector(".nt-chart");
  const x = Array.from(s.xs);
  s.draw = null;  // until plotly.js has loaded
  s.ready = loadPlotly().then((Plotly) => {
    Plotly.newPlot(chart, [
      { x, y: data.target, mode: "lines", name: data.target_label,
        line: { color: "#9aa0a6", width: 4 }, hoverinfo: "skip" },
      { x, y: Array.from(s.y), mode: "lines", name: "network output",
        line: { color: "#e4572e", width: 3 } },
    ], chartLayout(data), { displayModeBar: false, responsive: true });
    s.draw = () => Plotly.restyle(chart, { y: [Array.from(s.y)] }, [1]);
    s.dispose = () => Plotly.purge(chart);
    s.redraw(null);
  }).catch((error) => { chart.textContent = `The live chart could not start: ${error.message}`; });

  // Many input events can arrive in one frame: draw once per frame.
  let frame = 0, pendingEvent = null;
  s.redraw = (event) => {
    pendingEvent = pendingEvent || event;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!s.draw) return;
      forward(s.values, s.nPairs, s.xs, s.y);
      s.draw();
      s.drawn += 1;
      root.dataset.drawn = s.drawn;
      const detail = { eventTime: pendingEvent ? pendingEvent.timeStamp : null, drawn: s.drawn };
      pendingEvent = null;
      window.dispatchEvent(new CustomEvent("nnsine:drawn", { detail }));
    });
  };
  s.show = (k) => {
    const input = s.inputs[k];
    input.previousElementSibling.value = Number(input.value).toFixed(2);
  };
  s.setValues = (values) => values.forEach((v, k) => {
    if (k === s.dragging) return;  // never yank a slider out of the user's hand
    s.inputs[k].value = v;
    s.values[k] = Number(s.inputs[k].value);
    s.show(k);
  });
  s.commit = () => {
    clearTimeout(s.timer);
    s.seq += 1;
    forward(s.values, s.nPairs, s.xs, s.y);  // a release can come before the next frame
    let checksum = 0;  // the same sequential sum Python computes: a live bit-check
    for (let j = 0; j < s.y.length; j++) checksum += s.y[j];
    s.setStateValue("release", { values: Array.from(s.values), seq: s.seq, checksum });
  };

  const box = root.querySelector(".nt-sliders");
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
    s.show(k);
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
  const s = root.__nnsine || (root.__nnsine = build(root, data));
  s.setStateValue = setStateValue;
  if (s.rev !== data.rev) {
    s.rev = data.rev;
    s.setValues(data.values);
    s.redraw(null);
  }
  // Cleanup runs before every re-invocation too: only dispose when really gone.
  return () => setTimeout(() => { if (!root.isConnected && s.dispose) s.dispose(); });
}
