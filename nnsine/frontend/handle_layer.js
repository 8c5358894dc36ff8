// Handles on the live chart for the selected pair, with the pair's contribution and area
// of effect, in the frame that draws the curve: painted on the live canvas
// (handle_paint.js), and hit, focused and read aloud through an SVG over Plotly's plot
// area, whose grips follow when no drag is under way. Which raw value a handle changes is
// handles.js's (the engine's) job; dragging, keys and picking a pair are handle_input.js's.
import { forward } from "./forward.js";
import { attachHandleInput } from "./handle_input.js";
import { paintHandles } from "./handle_paint.js";
import { FIELD, handles } from "./handles.js";
import { list, say as word } from "./words.js";

const NS = "http://www.w3.org/2000/svg";
// The keys of the handles' words and of the raw values' names (data.words, from Python).
const HANDLE = { on: "handle_on", off: "handle_off", height: "handle_height" };
const RAW = { b1: "raw_b1", b2: "raw_b2", w_out: "raw_w_out" };
const GRIP = { on: "grip_on", off: "grip_off", height: "grip_height" };
const GAP_PX = 30;  // the height grip's distance from the knot where its plateau starts
const fmt = (v) => (Number(v.toFixed(2)) + 0).toFixed(2);

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

// Its own stylesheet, so the tuner's CSS stays as it is (one <link> per page).
function loadStyle() {
  const href = new URL("./handle_layer.css", import.meta.url).href;
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
  document.head.appendChild(link);
}

export function attachHandles(s, root) {
  loadStyle();
  const chart = root.querySelector(".nt-chart");
  const canvas = root.querySelector(".nt-live");
  // Placed inline too: the layer must not take space while its stylesheet loads.
  const svg = el("svg", { class: "nt-handles", style: "position: absolute; pointer-events: none" });
  chart.appendChild(svg);
  // The chart now holds controls: a role="img" would hide them from assistive tech.
  chart.setAttribute("role", "group");
  const note = document.createElement("p");
  note.className = "nt-handle-note";
  note.setAttribute("aria-live", "polite");
  root.querySelector(".nt-sliders").after(note);  // below: the sliders stay where they were
  const grips = {};
  for (const name of ["on", "off", "height"]) {
    const g = el("g", { class: `nt-handle nt-handle-${name}`, tabindex: "0", role: "slider",
                        "data-handle": name }, svg);  // its range: from the slot (below)
    el("circle", { class: "nt-hit", r: "22" }, g);
    el(name === "height" ? "rect" : "circle", name === "height"
      ? { class: "nt-grip", x: "-8", y: "-8", width: "16", height: "16" }
      : { class: "nt-grip", r: "8" }, g);
    grips[name] = g;
  }
  // A hovered or focused grip is painted filled.
  let lit = { hover: null, focus: null };
  const light = (kind, event, on) => {
    const g = event.target.closest && event.target.closest(".nt-handle");
    if (!g) return;
    lit = { ...lit, [kind]: on ? g.dataset.handle : null };
    s.redraw(null);
  };
  svg.addEventListener("pointerover", (event) => light("hover", event, true));
  svg.addEventListener("pointerout", (event) => light("hover", event, false));
  // On the chart, not the SVG: Chromium makes an SVG with focus listeners focusable.
  chart.addEventListener("focusin", (event) => light("focus", event, true));
  chart.addEventListener("focusout", (event) => light("focus", event, false));
  let lastPythonPick = null;
  s.selected = 0;

  const cssPx = (v) => parseFloat(v) || 0;  // the live canvas covers Plotly's plot area
  const box = () => ({ l: cssPx(canvas.style.left), t: cssPx(canvas.style.top),
                       w: cssPx(canvas.style.width), h: cssPx(canvas.style.height) });
  const toPx = (b, x, y) => {
    const [x0, x1] = s.data.x_range, [y0, y1] = s.data.y_range;
    return [(x - x0) / (x1 - x0) * b.w, b.h - (y - y0) / (y1 - y0) * b.h];
  };
  const toData = (b, px, py) => {
    const [x0, x1] = s.data.x_range, [y0, y1] = s.data.y_range;
    return [x0 + px / b.w * (x1 - x0), y0 + (b.h - py) / b.h * (y1 - y0)];
  };
  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
  // Write only what changed: Streamlit's :has() rules restyle the page's element container
  // on every DOM change inside it, which cost a 4x-throttled CPU several ms a frame.
  const put = (el, name, value) => {
    const text = String(value);
    if (el.getAttribute(name) !== text) el.setAttribute(name, text);
  };
  const show = (el, on) => {
    const display = on ? "" : "none";
    if (el.style.display !== display) el.style.display = display;
  };
  const say = (el, text) => {
    const node = el.firstChild;
    if (node && node.nodeType === Node.TEXT_NODE && !node.nextSibling) {
      if (node.data !== text) node.data = text;  // no node swapped in: no tree change
    } else if (el.textContent !== text) el.textContent = text;
  };
  const pairOf = (i) => Array.from(s.values.subarray(5 * i, 5 * i + 5));
  // One pair's contribution at xs (the forward pass with that pair alone, b_out 0).
  const contribution = (pair, xs) => forward([...pair, 0], 1, Float64Array.from(xs),
    new Float64Array(xs.length), s.data.relu);

  s.select = (i, tell = true) => {
    if (i === s.selected || !(i >= 0 && i < s.nPairs)) return;
    s.selected = i;
    if (tell && s.setStateValue) s.setStateValue("select", { pair: i, seq: ++s.seq });
    s.redraw(null);
  };
  // A pick Python has not shown back yet is told again before a release: the release's
  // rerun can start before the pick's rerun reached this page, and then carries the select
  // box's old value, which would pick the old pair again (tuner_release.js).
  s.repick = () => {
    if (s.selected !== lastPythonPick && s.setStateValue) {
      s.setStateValue("select", { pair: s.selected, seq: ++s.seq });
    }
  };

  // Called in the frame that draws the curve, so handles and curve are painted together;
  // with paint false, when a drag ends: the SVG's grips catch up, nothing is repainted.
  s.drawHandles = (paint = true) => {
    if (s.data.selected !== lastPythonPick) {  // the pair picked in Python's select box
      lastPythonPick = s.data.selected;
      if (Number.isInteger(lastPythonPick)) s.selected = lastPythonPick;
    }
    if (!(s.selected < s.nPairs)) s.selected = 0;
    const b = box(), i = s.selected, pair = pairOf(i), color = s.data.colors[i];
    const words = s.data.words;
    root.querySelectorAll(".nt-pair").forEach((group, k) => (
      group.classList.toggle("nt-selected", k === i)));
    const found = s.data.relu ? handles(pair) : { handles: {}, why: null };
    const { on, off } = found.handles;
    root.classList.toggle("nt-own-area", s.data.relu);  // Plotly's shading is Python's
    const [x0, x1] = s.data.x_range;
    const shape = { color, background: s.theme.background, band: null, curve: null,
                    lines: [], grips: [] };
    if (s.data.relu) {
      const knotsIn = [on, off].filter((h) => h).map((h) => h.at).filter((x) => x > x0 && x < x1);
      const xs = [x0, ...knotsIn, x1], ys = contribution(pair, xs);
      shape.curve = xs.map((x, j) => toPx(b, x, ys[j]));
    }
    const left = on ? clamp(on.at, x0, x1) : x0, right = off ? clamp(off.at, x0, x1) : x1;
    if ((on || off) && left < right) shape.band = [toPx(b, left, 0)[0], toPx(b, right, 0)[0]];
    shape.lines = [on, off].filter((h) => h && h.at >= x0 && h.at <= x1)
      .map((h) => toPx(b, h.at, 0)[0]);
    // The SVG is moved only between drags: during one, nothing there needs to follow (the
    // dragged grip holds the pointer) and every change to it cost the page a re-layout.
    const still = s.dragging === null || s.dragging === undefined;
    if (still) {
      Object.entries({ left: `${b.l}px`, top: `${b.t}px`, width: `${b.w}px`,
                       height: `${b.h}px` }).forEach(([k, v]) => {
        if (svg.style[k] !== v) svg.style[k] = v;
      });
      if (svg.style.getPropertyValue("--pair-color") !== color) {
        svg.style.setProperty("--pair-color", color);
      }
    }
    for (const [name, g] of Object.entries(grips)) {
      const h = found.handles[name];
      if (still) show(g, h);
      if (!h) continue;
      const edge = (x) => clamp(toPx(b, x, 0)[0], 2, b.w - 2);
      const py = toPx(b, 0, clamp(name === "height" ? h.at : contribution(pair, [h.at])[0],
                                  s.data.y_range[0], s.data.y_range[1]))[1];
      let px = edge(h.at), labelDx = 0;
      if (name === "height") {  // on the plateau, a grip away from the knot it starts at
        const knot = edge(pair[0] > 0 ? on.at : off.at), out = pair[0] > 0 ? -1 : 1;
        px = knot + out * GAP_PX;
        if (px < 8 || px > b.w - 8) px = knot - out * GAP_PX;  // plateau off the chart
        labelDx = px < knot ? -13 : 13;  // the label off the knot
      }
      const text = word(words, GRIP[name], { x: fmt(h.at), y: fmt(h.at) });
      shape.grips.push({ px, py, square: name === "height", label: text, labelDx,
                         lit: name === lit.hover || name === lit.focus });
      put(g, "data-at", h.at);  // where it is, even mid-drag (tests and handle_input read it)
      if (!still) continue;
      put(g, "transform", `translate(${px},${py})`);
      const field = word(words, RAW[h.field]);
      put(g, "aria-label", word(words, "handle_name",
        { pair: i + 1, handle: word(words, HANDLE[name]), field }));
      const raw = pair[FIELD[h.field]], slot = s.data.slots[5 * i + FIELD[h.field]];
      put(g, "aria-valuemin", slot.low);  // the range Python sent (nnsine.engine.fields)
      put(g, "aria-valuemax", slot.high);
      put(g, "aria-valuenow", raw);
      put(g, "aria-valuetext", word(words, "handle_value",
        { where: text, field, value: fmt(raw) }));
    }
    if (paint) paintHandles(s.live.ctx, b.w, b.h, shape);
    const names = Object.keys(found.handles).map((n) => word(words, HANDLE[n]));
    const why = found.why && word(words, `why_${found.why}`);
    const said = { pair: i + 1, handles: names.length ? list(words, names) : "", why };
    say(note, word(words, !s.data.relu ? "handles_linear" : !names.length ? "handles_none"
      : why ? "handles_some" : "handles_how", said));
  };
  attachHandleInput(s, root, { svg, box, toPx, toData, pairOf, contribution });
}
