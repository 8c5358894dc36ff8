// Built by nnsine/widget/build/build.py from nnsine/frontend: do not edit.

// nnsine/frontend/forward.js
function forward(params, nPairs, xs, out, relu = true, contributions = null) {
  const bOut = params[5 * nPairs];
  for (let j = 0; j < xs.length; j++) {
    const x = xs[j];
    let y = bOut;
    for (let i = 0; i < nPairs; i++) {
      const k = 5 * i;
      let hidden1 = params[k] * x + params[k + 1];
      if (relu && hidden1 < 0) hidden1 = 0;
      let hidden2 = params[k + 2] * hidden1 + params[k + 3];
      if (relu && hidden2 < 0) hidden2 = 0;
      const contribution = hidden2 * params[k + 4];
      if (contributions) contributions[i][j] = contribution;
      y = y + contribution;
    }
    out[j] = y;
  }
  return out;
}
function grid(count, start = 0, denominator = count) {
  const xs = new Float64Array(count);
  for (let j = 0; j < count; j++) xs[j] = (start + j) / denominator;
  return xs;
}
function checksum(out) {
  let total = 0;
  for (let j = 0; j < out.length; j++) total += out[j];
  return total;
}

// nnsine/frontend/words.js
function say(words, key, params = {}) {
  const template = words && typeof words[key] === "string" ? words[key] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => name in params ? String(params[name]) : whole);
}
function list(words, items) {
  return items.reduce((first, second) => say(words, "list_separator", { first, second }));
}

// nnsine/frontend/tuner_chart.js
var PLOTLY_URL = new URL("../nnsine.plotly/plotly-basic.min.js", "nnsine:/frontend/widget.js").href;
var OUTPUT_COLOR = "#e4572e";
var TARGET_COLOR = "#7d8590";
var margin = (fontSize) => ({
  l: Math.round(3.8 * fontSize),
  r: 12,
  t: 10,
  b: Math.round(3 * fontSize)
});
function loadPlotly() {
  if (window.__nnsinePlotly) return window.__nnsinePlotly;
  window.__nnsinePlotly = new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = PLOTLY_URL;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => {
      script.remove();
      window.__nnsinePlotly = null;
      reject(Object.assign(
        new Error(`could not load ${PLOTLY_URL}`),
        { word: "plotly_missing", params: { url: PLOTLY_URL } }
      ));
    };
    document.head.appendChild(script);
  });
  return window.__nnsinePlotly;
}
var targetPoints = (text) => text.split(",").map((v) => v === "" ? null : Number(v));
function plotTraces(data, target) {
  const x = Array.from(grid(data.grid.count, data.grid.start, data.grid.denominator));
  return [
    // simplify: false: Plotly's line simplification draws a smooth target with corners.
    {
      x,
      y: target,
      mode: "lines",
      name: data.target_label,
      line: { color: TARGET_COLOR, width: 4, simplify: false },
      hoverinfo: "skip"
    },
    {
      x: [null],
      y: [null],
      mode: "lines",
      name: say(data.words, "network_output"),
      // legend only
      line: { color: OUTPUT_COLOR, width: 3 }
    }
  ];
}
function layout(data, theme) {
  const axis = {
    gridcolor: theme.grid,
    linecolor: theme.axisLine,
    zerolinecolor: theme.axisLine,
    fixedrange: true,
    automargin: false
  };
  return {
    height: data.height,
    margin: margin(data.font_size),
    font: { size: data.font_size, color: theme.text },
    uirevision: "fit",
    showlegend: true,
    legend: {
      orientation: "h",
      x: 0.01,
      y: 0.99,
      xanchor: "left",
      yanchor: "top",
      bgcolor: theme.legendBackground
    },
    xaxis: { ...axis, range: data.x_range, title: { text: "x" }, zeroline: false },
    yaxis: { ...axis, range: data.y_range, title: { text: "y" } },
    shapes: data.overlay.shapes,
    annotations: data.overlay.annotations,
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)"
  };
}
function liveLayer(canvas, plot) {
  const ctx = canvas.getContext("2d");
  let width = 0, height = 0;
  const place = (data) => {
    const m = margin(data.font_size);
    const size = plot._fullLayout && plot._fullLayout._size || {
      // before Plotly
      l: m.l,
      t: m.t,
      w: plot.clientWidth - m.l - m.r,
      h: data.height - m.t - m.b
    };
    if (!(size.w > 0 && size.h > 0)) return;
    const ratio = window.devicePixelRatio || 1;
    width = size.w;
    height = size.h;
    Object.assign(canvas.style, {
      left: `${size.l}px`,
      top: `${size.t}px`,
      width: `${width}px`,
      height: `${height}px`
    });
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
      let first = -1, last = -1;
      let pen = false;
      const n = xs.length;
      for (let j = 0; j < n; j++) {
        if (y[j] === null || !Number.isFinite(y[j])) {
          pen = false;
          continue;
        }
        if (j && y[j] !== y[j - 1]) {
          if (first < 0) first = j;
          last = j;
        }
        if (j > 0 && j < n - 1 && Math.abs(y[j + 1] - 2 * y[j] + y[j - 1]) <= 1e-12 * (1 + Math.abs(y[j]))) continue;
        const px = (xs[j] - xRange[0]) * sx, py = height - (y[j] - yRange[0]) * sy;
        if (pen) ctx.lineTo(px, py);
        else ctx.moveTo(px, py);
        pen = true;
      }
      ctx.strokeStyle = color;
      ctx.lineWidth = lineWidth;
      ctx.lineJoin = "round";
      ctx.stroke();
      const at = first < 0 ? xs.length - 1 : Math.round((first + last) / 2);
      if (label) labels.push({
        label,
        color,
        px: (xs[at] - xRange[0]) * sx,
        py: height - (y[at] - yRange[0]) * sy
      });
    }
    ctx.font = "bold 12px sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (const { label, color, px, py } of labels) {
      const x = Math.min(Math.max(px, 10), width - 10), y = Math.min(Math.max(py, 10), height - 10);
      ctx.beginPath();
      ctx.arc(x, y, 9, 0, 2 * Math.PI);
      ctx.fillStyle = color;
      ctx.fill();
      ctx.fillStyle = "#ffffff";
      ctx.fillText(label, x, y + 0.5);
    }
  };
  return { place, draw, ctx };
}

// nnsine/frontend/handles.js
var FIELD = { b1: 1, b2: 3, w_out: 4 };
function snap(value, { low, high, step: step2 }) {
  const v = Math.min(Math.max(value, low), high);
  const d = Math.max(0, -Math.floor(Math.log10(step2)));
  const ties = v * 2 ** (d + 1);
  if (Number.isInteger(ties) && ties % 2 !== 0) {
    const below = Math.floor(v * 10 ** d);
    return (below % 2 === 0 ? below : below + 1) / 10 ** d + 0;
  }
  return Number(v.toFixed(d)) + 0;
}
function knots([w1, b1, w2, b2, wOut]) {
  if (w1 === 0 || w2 === 0 || wOut === 0) return null;
  const first = -b1 / w1, second = -(w2 * b1 + b2) / (w1 * w2);
  let [on, off] = w1 > 0 ? [first, Infinity] : [-Infinity, first];
  if (w1 * w2 > 0) on = Math.max(on, second);
  else off = Math.min(off, second);
  return on < off ? [on + 0, off + 0] : null;
}
function handles(pair) {
  const [w1, b1, w2, b2, wOut] = pair;
  const found = {};
  const k = knots(pair);
  if (k === null) {
    const why = w1 === 0 ? "w1" : w2 === 0 ? "w2" : wOut === 0 ? "w_out" : "flat";
    return { handles: found, why };
  }
  [["on", k[0]], ["off", k[1]]].forEach(([name, x]) => {
    if (!Number.isFinite(x)) return;
    found[name] = { field: x === -b1 / w1 || b2 === 0 ? "b1" : "b2", at: x };
  });
  if (found.on && found.off) {
    found.height = { field: "w_out", at: wOut * b2 };
    return { handles: found, why: null };
  }
  return { handles: found, why: found.off ? "no_on" : "no_off" };
}
var keepSign = (value, old, step2) => old > 0 ? Math.max(value, step2) : Math.min(value, -step2);
var notZero = (value, up, step2) => value !== 0 ? value : up ? step2 : -step2;
var copysign1 = (x) => x < 0 || Object.is(x, -0) ? -1 : 1;
function get(pair, name) {
  const { handles: found, why } = handles(pair);
  if (!found[name]) throw new Error(`no ${name} handle: ${why}`);
  return found[name];
}
function withValue(pair, field, value) {
  const next = pair.slice();
  next[FIELD[field]] = value;
  return next;
}
function moveHandle(pair, name, to, slots) {
  const [w1, b1, w2, b2, wOut] = pair;
  const { field } = get(pair, name);
  const slot = slots[FIELD[field]];
  let value;
  if (field === "b1") value = snap(-(w1 * to), slot);
  else if (field === "b2") value = keepSign(snap(-(w2 * (w1 * to + b1)), slot), b2, slot.step);
  else value = notZero(snap(to / b2, slot), to > 0 || to === 0 && wOut > 0, slot.step);
  return withValue(pair, field, value);
}
function nudgeHandle(pair, name, steps, slots) {
  const [w1, b1, w2, b2, wOut] = pair;
  const { field } = get(pair, name);
  const slot = slots[FIELD[field]], step2 = slot.step;
  let value;
  if (field === "b1") value = snap(b1 - copysign1(w1) * steps * step2, slot);
  else if (field === "b2") value = keepSign(snap(b2 - copysign1(w1 * w2) * steps * step2, slot), b2, step2);
  else value = notZero(snap(wOut + steps * step2, slot), steps > 0, step2);
  return withValue(pair, field, value);
}

// nnsine/frontend/handle_input.js
var PICK_PX = 12;
function attachHandleInput(s, root, view) {
  const { svg, box, toPx, toData, pairOf, contribution } = view;
  const chart = root.querySelector(".nt-chart");
  let drag = null;
  const apply = (pair, event) => {
    pair.forEach((v, j) => {
      const k = 5 * s.selected + j;
      if (s.values[k] === v) return;
      s.values[k] = v;
      s.inputs[k].value = v;
      s.showValue(k);
    });
    s.redraw(event);
  };
  const pairSlots = () => s.data.slots.slice(5 * s.selected, 5 * s.selected + 5);
  const changed = (pair) => pair.some((v, j) => v !== s.values[5 * s.selected + j]);
  svg.addEventListener("pointerdown", (event) => {
    const g = event.target.closest(".nt-handle");
    if (!g || event.button > 0) return;
    event.preventDefault();
    event.stopPropagation();
    g.focus({ preventScroll: true });
    g.setPointerCapture(event.pointerId);
    const b = box(), rect = svg.getBoundingClientRect(), name = g.dataset.handle;
    const [x, y] = toData(b, event.clientX - rect.left, event.clientY - rect.top);
    const origin = pairOf(s.selected), at = Number(g.dataset.at);
    const field = handles(origin).handles[name].field;
    s.dragging = 5 * s.selected + FIELD[field];
    drag = { g, name, origin, start: origin, offset: name === "height" ? at - y : at - x };
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const b = box(), rect = svg.getBoundingClientRect();
    const [x, y] = toData(b, event.clientX - rect.left, event.clientY - rect.top);
    const to = (drag.name === "height" ? y : x) + drag.offset;
    drag.g.dataset.to = to;
    const pair = moveHandle(drag.origin, drag.name, to, pairSlots());
    if (changed(pair)) apply(pair, event);
  });
  const end = () => {
    if (!drag) return;
    const moved = pairOf(s.selected).some((v, j) => v !== drag.start[j]);
    drag = null;
    s.dragging = null;
    s.drawHandles(false);
    if (moved) s.commit();
  };
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", end);
  svg.addEventListener("lostpointercapture", end);
  svg.addEventListener("keydown", (event) => {
    const g = event.target.closest(".nt-handle");
    const dir = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[event.key];
    if (!g || !dir) return;
    event.preventDefault();
    const pair = nudgeHandle(
      pairOf(s.selected),
      g.dataset.handle,
      dir * (event.shiftKey ? 10 : 1),
      pairSlots()
    );
    if (!changed(pair)) return;
    apply(pair, event);
    s.commitKey();
  });
  const fromSlider = (event) => {
    const k = event.target.dataset && event.target.dataset.k;
    const group = event.target.closest && event.target.closest(".nt-pair");
    const slot = k !== void 0 ? s.data.slots[Number(k)] : group && s.data.slots[5 * [...root.querySelectorAll(".nt-pair")].indexOf(group)];
    if (slot && slot.pair !== null && slot.pair !== void 0) s.select(slot.pair);
  };
  const sliders = root.querySelector(".nt-sliders");
  sliders.addEventListener("pointerdown", fromSlider);
  sliders.addEventListener("focusin", fromSlider);
  chart.addEventListener("pointerdown", (event) => {
    if (!s.data.relu || event.target.closest(".nt-handle")) return;
    const b = box(), rect = svg.getBoundingClientRect();
    const px = event.clientX - rect.left, py = event.clientY - rect.top;
    if (px < 0 || py < 0 || px > b.w || py > b.h) return;
    const [x] = toData(b, px, py);
    const candidates = s.data.show_contributions ? [...Array(s.nPairs).keys()] : [s.selected];
    let best = null, bestPx = PICK_PX;
    for (const i of candidates) {
      const [, cy] = toPx(b, x, contribution(pairOf(i), [x])[0]);
      if (Math.abs(cy - py) < bestPx) {
        best = i;
        bestPx = Math.abs(cy - py);
      }
    }
    if (best !== null) s.select(best);
  }, { capture: true });
}

// nnsine/frontend/handle_paint.js
function paintHandles(ctx, width, height, shape) {
  const { color, background } = shape;
  ctx.save();
  if (shape.band) {
    const [left, right] = shape.band;
    ctx.globalAlpha = 0.12;
    ctx.fillStyle = color;
    ctx.fillRect(left, 0, right - left, height);
    ctx.globalAlpha = 1;
  }
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  if (shape.curve) {
    ctx.setLineDash([7, 4]);
    ctx.beginPath();
    shape.curve.forEach(([px, py], j) => j ? ctx.lineTo(px, py) : ctx.moveTo(px, py));
    ctx.stroke();
  }
  ctx.setLineDash([2, 4]);
  for (const px of shape.lines) {
    ctx.beginPath();
    ctx.moveTo(px, 0);
    ctx.lineTo(px, height);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.font = "13px sans-serif";
  ctx.textBaseline = "alphabetic";
  for (const { px, py, square, lit, label, labelDx } of shape.grips) {
    ctx.beginPath();
    if (square) ctx.rect(px - 8, py - 8, 16, 16);
    else ctx.arc(px, py, 8, 0, 2 * Math.PI);
    ctx.fillStyle = lit ? color : background;
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = color;
    ctx.stroke();
    const half = ctx.measureText(label).width / 2;
    let middle = px + labelDx + Math.sign(labelDx) * half, y = py + (labelDx ? 4 : -14);
    if (middle - half < 2 || middle + half > width - 2) {
      middle = labelDx ? px : middle;
      y = labelDx ? py + 26 : y;
    }
    const x = Math.min(Math.max(middle, half + 2), width - half - 2);
    y = Math.min(Math.max(y, 13), height - 4);
    ctx.textAlign = "center";
    ctx.lineWidth = 4;
    ctx.lineJoin = "round";
    ctx.strokeStyle = background;
    ctx.strokeText(label, x, y);
    ctx.fillStyle = color;
    ctx.fillText(label, x, y);
  }
  ctx.restore();
}

// nnsine/frontend/handle_layer.js
var NS = "http://www.w3.org/2000/svg";
var HANDLE = { on: "handle_on", off: "handle_off", height: "handle_height" };
var RAW = { b1: "raw_b1", b2: "raw_b2", w_out: "raw_w_out" };
var GRIP = { on: "grip_on", off: "grip_off", height: "grip_height" };
var GAP_PX = 30;
var fmt = (v) => (Number(v.toFixed(2)) + 0).toFixed(2);
function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}
function loadStyle() {
  const href = new URL("./handle_layer.css", "nnsine:/frontend/widget.js").href;
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
  document.head.appendChild(link);
}
function attachHandles(s, root) {
  loadStyle();
  const chart = root.querySelector(".nt-chart");
  const canvas = root.querySelector(".nt-live");
  const svg = el("svg", { class: "nt-handles", style: "position: absolute; pointer-events: none" });
  chart.appendChild(svg);
  chart.setAttribute("role", "group");
  const note = document.createElement("p");
  note.className = "nt-handle-note";
  note.setAttribute("aria-live", "polite");
  root.querySelector(".nt-sliders").after(note);
  const grips = {};
  for (const name of ["on", "off", "height"]) {
    const g = el("g", {
      class: `nt-handle nt-handle-${name}`,
      tabindex: "0",
      role: "slider",
      "data-handle": name
    }, svg);
    el("circle", { class: "nt-hit", r: "22" }, g);
    el(name === "height" ? "rect" : "circle", name === "height" ? { class: "nt-grip", x: "-8", y: "-8", width: "16", height: "16" } : { class: "nt-grip", r: "8" }, g);
    grips[name] = g;
  }
  let lit = { hover: null, focus: null };
  const light = (kind, event, on) => {
    const g = event.target.closest && event.target.closest(".nt-handle");
    if (!g) return;
    lit = { ...lit, [kind]: on ? g.dataset.handle : null };
    s.redraw(null);
  };
  svg.addEventListener("pointerover", (event) => light("hover", event, true));
  svg.addEventListener("pointerout", (event) => light("hover", event, false));
  chart.addEventListener("focusin", (event) => light("focus", event, true));
  chart.addEventListener("focusout", (event) => light("focus", event, false));
  let lastPythonPick = null;
  s.selected = 0;
  const cssPx = (v) => parseFloat(v) || 0;
  const box = () => ({
    l: cssPx(canvas.style.left),
    t: cssPx(canvas.style.top),
    w: cssPx(canvas.style.width),
    h: cssPx(canvas.style.height)
  });
  const toPx = (b, x, y) => {
    const [x0, x1] = s.data.x_range, [y0, y1] = s.data.y_range;
    return [(x - x0) / (x1 - x0) * b.w, b.h - (y - y0) / (y1 - y0) * b.h];
  };
  const toData = (b, px, py) => {
    const [x0, x1] = s.data.x_range, [y0, y1] = s.data.y_range;
    return [x0 + px / b.w * (x1 - x0), y0 + (b.h - py) / b.h * (y1 - y0)];
  };
  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
  const put = (el2, name, value) => {
    const text = String(value);
    if (el2.getAttribute(name) !== text) el2.setAttribute(name, text);
  };
  const show = (el2, on) => {
    const display = on ? "" : "none";
    if (el2.style.display !== display) el2.style.display = display;
  };
  const say2 = (el2, text) => {
    const node = el2.firstChild;
    if (node && node.nodeType === Node.TEXT_NODE && !node.nextSibling) {
      if (node.data !== text) node.data = text;
    } else if (el2.textContent !== text) el2.textContent = text;
  };
  const pairOf = (i) => Array.from(s.values.subarray(5 * i, 5 * i + 5));
  const contribution = (pair, xs) => forward(
    [...pair, 0],
    1,
    Float64Array.from(xs),
    new Float64Array(xs.length),
    s.data.relu
  );
  s.select = (i, tell = true) => {
    if (i === s.selected || !(i >= 0 && i < s.nPairs)) return;
    s.selected = i;
    if (tell && s.setStateValue) s.setStateValue("select", { pair: i, seq: ++s.seq });
    s.redraw(null);
  };
  s.repick = () => {
    if (s.selected !== lastPythonPick && s.setStateValue) {
      s.setStateValue("select", { pair: s.selected, seq: ++s.seq });
    }
  };
  s.drawHandles = (paint = true) => {
    if (s.data.selected !== lastPythonPick) {
      lastPythonPick = s.data.selected;
      if (Number.isInteger(lastPythonPick)) s.selected = lastPythonPick;
    }
    if (!(s.selected < s.nPairs)) s.selected = 0;
    const b = box(), i = s.selected, pair = pairOf(i), color = s.data.colors[i];
    const words = s.data.words;
    root.querySelectorAll(".nt-pair").forEach((group, k) => group.classList.toggle("nt-selected", k === i));
    const found = s.data.relu ? handles(pair) : { handles: {}, why: null };
    const { on, off } = found.handles;
    root.classList.toggle("nt-own-area", s.data.relu);
    const [x0, x1] = s.data.x_range;
    const shape = {
      color,
      background: s.theme.background,
      band: null,
      curve: null,
      lines: [],
      grips: []
    };
    if (s.data.relu) {
      const knotsIn = [on, off].filter((h) => h).map((h) => h.at).filter((x) => x > x0 && x < x1);
      const xs = [x0, ...knotsIn, x1], ys = contribution(pair, xs);
      shape.curve = xs.map((x, j) => toPx(b, x, ys[j]));
    }
    const left = on ? clamp(on.at, x0, x1) : x0, right = off ? clamp(off.at, x0, x1) : x1;
    if ((on || off) && left < right) shape.band = [toPx(b, left, 0)[0], toPx(b, right, 0)[0]];
    shape.lines = [on, off].filter((h) => h && h.at >= x0 && h.at <= x1).map((h) => toPx(b, h.at, 0)[0]);
    const still = s.dragging === null || s.dragging === void 0;
    if (still) {
      Object.entries({
        left: `${b.l}px`,
        top: `${b.t}px`,
        width: `${b.w}px`,
        height: `${b.h}px`
      }).forEach(([k, v]) => {
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
      const py = toPx(b, 0, clamp(
        name === "height" ? h.at : contribution(pair, [h.at])[0],
        s.data.y_range[0],
        s.data.y_range[1]
      ))[1];
      let px = edge(h.at), labelDx = 0;
      if (name === "height") {
        const knot = edge(pair[0] > 0 ? on.at : off.at), out = pair[0] > 0 ? -1 : 1;
        px = knot + out * GAP_PX;
        if (px < 8 || px > b.w - 8) px = knot - out * GAP_PX;
        labelDx = px < knot ? -13 : 13;
      }
      const text = say(words, GRIP[name], { x: fmt(h.at), y: fmt(h.at) });
      shape.grips.push({
        px,
        py,
        square: name === "height",
        label: text,
        labelDx,
        lit: name === lit.hover || name === lit.focus
      });
      put(g, "data-at", h.at);
      if (!still) continue;
      put(g, "transform", `translate(${px},${py})`);
      const field = say(words, RAW[h.field]);
      put(g, "aria-label", say(
        words,
        "handle_name",
        { pair: i + 1, handle: say(words, HANDLE[name]), field }
      ));
      const raw = pair[FIELD[h.field]], slot = s.data.slots[5 * i + FIELD[h.field]];
      put(g, "aria-valuemin", slot.low);
      put(g, "aria-valuemax", slot.high);
      put(g, "aria-valuenow", raw);
      put(g, "aria-valuetext", say(
        words,
        "handle_value",
        { where: text, field, value: fmt(raw) }
      ));
    }
    if (paint) paintHandles(s.live.ctx, b.w, b.h, shape);
    const names = Object.keys(found.handles).map((n) => say(words, HANDLE[n]));
    const why = found.why && say(words, `why_${found.why}`);
    const said = { pair: i + 1, handles: names.length ? list(words, names) : "", why };
    say2(note, say(words, !s.data.relu ? "handles_linear" : !names.length ? "handles_none" : why ? "handles_some" : "handles_how", said));
  };
  attachHandleInput(s, root, { svg, box, toPx, toData, pairOf, contribution });
}

// nnsine/frontend/tuner_sliders.js
var uid = 0;
function sliderRow(slot, k, pairName, words) {
  const row = document.createElement("div");
  row.className = "nt-row";
  const id = `nt-${++uid}`;
  row.innerHTML = `<label class="nt-name"></label><span class="nt-value"><button type="button" class="nt-step" data-step="-1">−</button><input class="nt-number" type="text" inputmode="decimal" autocomplete="off"><button type="button" class="nt-step" data-step="1">+</button></span><input type="range">`;
  const name = row.querySelector(".nt-name");
  name.textContent = slot.short;
  name.htmlFor = id;
  const input = row.querySelector("input[type=range]");
  Object.assign(input, { id, min: slot.low, max: slot.high, step: slot.step });
  input.dataset.k = k;
  input.dataset.key = slot.key;
  input.setAttribute("aria-label", slot.label);
  const number = row.querySelector(".nt-number");
  number.dataset.k = k;
  number.setAttribute("aria-label", say(words, "exact_value", { label: slot.label }));
  for (const button of row.querySelectorAll(".nt-step")) {
    button.dataset.k = k;
    const down = button.dataset.step === "-1";
    button.setAttribute("aria-label", say(
      words,
      down ? "step_down" : "step_up",
      { label: slot.label, step: slot.step }
    ));
    button.title = `${pairName}: ${slot.short} ${down ? "−" : "+"}${slot.step}`;
  }
  return row;
}
function picker(groups, colors, words) {
  const bar = document.createElement("div");
  bar.className = "nt-picker";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", say(words, "pair_shown"));
  groups.forEach(([name, pair], g) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.group = g;
    button.textContent = pair === null ? say(words, "output_short") : String(pair + 1);
    button.setAttribute("aria-label", name);
    if (colors[g]) button.style.setProperty("--pair-color", colors[g]);
    bar.appendChild(button);
  });
  return bar;
}
function buildSliders(box, data) {
  box.replaceChildren();
  const groups = /* @__PURE__ */ new Map(), pairs = [];
  const panel = document.createElement("div");
  panel.className = "nt-panel";
  const inputs = data.slots.map((slot, k) => {
    const name = slot.pair === null ? say(data.words, "output") : say(data.words, "pair", { pair: slot.pair + 1 });
    if (!groups.has(name)) {
      const group = document.createElement("fieldset");
      group.className = "nt-pair";
      group.dataset.group = groups.size;
      group.innerHTML = `<legend></legend>`;
      group.querySelector("legend").textContent = name;
      if (slot.pair !== null) group.style.setProperty("--pair-color", data.colors[slot.pair]);
      panel.appendChild(group);
      groups.set(name, group);
      pairs.push([name, slot.pair]);
    }
    const row = sliderRow(slot, k, name, data.words);
    groups.get(name).appendChild(row);
    return row.querySelector("input[type=range]");
  });
  const colors = pairs.map(([n]) => groups.get(n).style.getPropertyValue("--pair-color"));
  box.append(picker(pairs, colors, data.words), panel);
  return inputs;
}
function choosePair(box, g) {
  for (const el2 of box.querySelectorAll("[data-group]")) {
    const chosen = Number(el2.dataset.group) === g;
    el2.classList.toggle("nt-chosen", chosen);
    if (el2.tagName === "BUTTON") el2.setAttribute("aria-pressed", String(chosen));
  }
}

// nnsine/frontend/tuner_input.js
var isRange = (el2) => el2 instanceof HTMLInputElement && el2.type === "range";
function attachInput(s, box) {
  s.setOne = (k, value, event) => {
    s.inputs[k].value = value;
    s.values[k] = Number(s.inputs[k].value);
    s.showValue(k);
    s.redraw(event);
  };
  let keyboard = false;
  box.addEventListener("keydown", () => {
    keyboard = true;
  });
  let drag = null;
  box.addEventListener("pointerdown", (event) => {
    keyboard = false;
    if (!isRange(event.target)) return;
    const k = Number(event.target.dataset.k);
    s.dragging = k;
    drag = { k, start: s.values[k], committed: false };
  });
  window.addEventListener("pointerup", () => {
    const was = drag;
    s.dragging = null;
    drag = null;
    if (was && s.drawHandles) s.drawHandles(false);
  }, { signal: s.gone.signal });
  window.addEventListener("pointercancel", (event) => {
    s.dragging = null;
    if (!drag) return;
    const { k, start, committed } = drag;
    drag = null;
    if (s.values[k] !== start) {
      s.setOne(k, start, event);
      if (committed) s.commit();
    }
  }, { signal: s.gone.signal });
  box.addEventListener("input", (event) => {
    if (!isRange(event.target)) return;
    const k = Number(event.target.dataset.k);
    s.values[k] = Number(event.target.value);
    s.showValue(k);
    s.redraw(event);
  });
  box.addEventListener("change", (event) => {
    if (isRange(event.target)) {
      if (drag) drag.committed = true;
      if (keyboard) s.commitKey();
      else s.commit();
    } else if (event.target.classList.contains("nt-number")) {
      typed(event.target, event);
    }
  });
  const typed = (field, event) => {
    const k = Number(field.dataset.k);
    const value = Number(field.value.trim().replace(",", ".").replace("−", "-"));
    if (field.value.trim() === "" || !Number.isFinite(value)) {
      field.setAttribute("aria-invalid", "true");
      s.showValue(k, true);
      return;
    }
    field.removeAttribute("aria-invalid");
    s.setOne(k, value, event);
    s.showValue(k, true);
    s.commit();
  };
  box.addEventListener("click", (event) => {
    const step2 = event.target.closest(".nt-step");
    if (step2) {
      const k = Number(step2.dataset.k), input = s.inputs[k];
      s.setOne(k, s.values[k] + Number(step2.dataset.step) * Number(input.step), event);
      s.commitKey();
      return;
    }
    const pick = event.target.closest(".nt-picker button");
    if (pick) {
      s.group = Number(pick.dataset.group);
      choosePair(box, s.group);
      box.querySelector(".nt-pair.nt-chosen").scrollIntoView({ block: "nearest" });
    }
  });
}

// nnsine/frontend/tuner_outage.js
var DOWN = '[data-testid="stConnectionStatus"]';
var POLL_MS = 500;
var GIVE_UP_MS = 15e3;
var BACK_MS = 5e3;
var SAY = {
  away: "outage_away",
  keptChange: "outage_kept",
  sent: "outage_sent",
  back: "outage_back",
  lost: "outage_lost"
};
function statusLine(signal) {
  const note = document.createElement("div");
  note.className = "nt-outage";
  note.setAttribute("role", "status");
  note.setAttribute("aria-live", "polite");
  Object.assign(note.style, {
    position: "fixed",
    top: "0",
    left: "0",
    right: "0",
    zIndex: "2147483647",
    padding: "0.6rem 1rem",
    background: "#fff3cd",
    color: "#3d2c00",
    borderBottom: "2px solid #c9a227",
    fontWeight: "600",
    fontSize: "1rem",
    lineHeight: "1.4",
    textAlign: "center",
    display: "none"
  });
  document.body.appendChild(note);
  signal.addEventListener("abort", () => note.remove());
  return note;
}
function attachOutage(s) {
  const note = statusLine(s.gone.signal);
  let away = false, hide = 0, giveUp = 0;
  const say2 = (key, forMs = 0) => {
    const text = key && say(s.data && s.data.words, key);
    clearTimeout(hide);
    note.textContent = text;
    note.style.display = text ? "block" : "none";
    if (forMs) hide = setTimeout(() => say2(""), forMs);
  };
  s.keep = (release) => {
    s.pending = { ...release, away };
    if (away) say2(SAY.keptChange);
  };
  const resend = () => {
    const kept = s.pending;
    away = false;
    s.setValues(kept.values);
    s.redraw(null);
    s.seq += 1;
    s.pending = { ...kept, seq: s.seq, resent: true };
    const { values, seq, checksum: checksum2 } = s.pending;
    s.setStateValue("release", { values, seq, checksum: checksum2 });
    giveUp = setTimeout(() => {
      if (s.pending && s.pending.seq === seq) {
        s.pending = null;
        say2(SAY.lost);
      }
    }, GIVE_UP_MS);
  };
  const poll = setInterval(() => {
    const down = document.querySelector(DOWN) !== null;
    if (down && !away) {
      away = true;
      if (s.pending) s.pending.away = true;
      say2(s.pending ? SAY.keptChange : SAY.away);
    } else if (!down && away) {
      away = false;
      if (!s.pending) say2(SAY.back, BACK_MS);
      else if (s.pending.away && !s.pending.resent) resend();
    }
  }, POLL_MS);
  s.gone.signal.addEventListener("abort", () => {
    clearInterval(poll);
    clearTimeout(giveUp);
  });
  const show = s.show;
  s.show = (data) => {
    const { accepted, ...drawn } = data;
    const given = data !== s.data;
    show(drawn);
    s.data = data;
    const kept = s.pending;
    if (!kept || !given) return;
    if (accepted === kept.seq) {
      s.pending = null;
      clearTimeout(giveUp);
      if (kept.away) {
        s.setValues(data.values);
        s.redraw(null);
        say2(SAY.sent, BACK_MS);
      }
    } else if (kept.away && !kept.resent) {
      resend();
    }
  };
}

// nnsine/frontend/tuner_release.js
var KEY_COMMIT_MS = 250;
function attachRelease(s) {
  s.commit = (extra = {}) => {
    if (s.repick) s.repick();
    s.seq += 1;
    forward(s.values, s.nPairs, s.xs, s.y, s.data.relu);
    const release = {
      values: Array.from(s.values),
      seq: s.seq,
      checksum: checksum(s.y),
      ...extra
    };
    s.keep(release);
    s.setStateValue("release", release);
  };
  attachOutage(s);
  let quiet = null, pending = false;
  s.commitKey = () => {
    if (quiet) {
      pending = true;
      return;
    }
    requestAnimationFrame(() => setTimeout(s.commit, 0));
    quiet = setTimeout(() => {
      quiet = null;
      if (pending) {
        pending = false;
        s.commitKey();
      }
    }, KEY_COMMIT_MS);
  };
}

// nnsine/frontend/gradient.js
function lossAndGradient(params, nPairs, xs, ys, relu = true, grad = null) {
  const n = xs.length;
  const size = 5 * nPairs + 1;
  grad = grad || new Float64Array(size);
  grad.fill(-0);
  const output = forward(params, nPairs, xs, new Float64Array(n), relu);
  let loss = -0;
  for (let j = 0; j < n; j++) {
    const x = xs[j];
    const error = output[j] - ys[j];
    loss = loss + error * error;
    const dOutput = 2 / n * error;
    for (let i = 0; i < nPairs; i++) {
      const k = 5 * i;
      let hidden1 = params[k] * x + params[k + 1];
      if (relu && hidden1 < 0) hidden1 = 0;
      let hidden2 = params[k + 2] * hidden1 + params[k + 3];
      if (relu && hidden2 < 0) hidden2 = 0;
      const dSum2 = !relu || hidden2 > 0 ? dOutput * params[k + 4] : 0;
      const dSum1 = !relu || hidden1 > 0 ? dSum2 * params[k + 2] : 0;
      grad[k] = grad[k] + dSum1 * x;
      grad[k + 1] = grad[k + 1] + dSum1;
      grad[k + 2] = grad[k + 2] + dSum2 * hidden1;
      grad[k + 3] = grad[k + 3] + dSum2;
      grad[k + 4] = grad[k + 4] + dOutput * hidden2;
    }
    grad[size - 1] = grad[size - 1] + dOutput;
  }
  return { loss: loss / n, grad };
}
function largest(grad) {
  let top = 0;
  for (let k = 0; k < grad.length; k++) top = Math.max(top, Math.abs(grad[k]));
  return top;
}

// nnsine/frontend/tuner_gradients.js
var LONGEST = 40;
var uid2 = 0;
function addGradients(inputs, slots, words) {
  return inputs.map((input, k) => {
    const bar = document.createElement("span");
    bar.className = "nt-grad";
    bar.id = `nt-grad-${++uid2}`;
    bar.setAttribute("role", "img");
    bar.innerHTML = "<i></i>";
    bar.setAttribute("aria-label", say(words, "gradient_waiting", { label: slots[k].label }));
    input.after(bar);
    input.setAttribute("aria-describedby", bar.id);
    return bar;
  });
}
var numbers = (text) => Float64Array.from(text.split(","), Number);
function shown(g) {
  const text = Math.abs(g) >= 1e-3 || g === 0 ? g.toFixed(4) : g.toExponential(2);
  return g > 0 ? `+${text}` : text.replace("-", "−");
}
function describe(words, slot, g) {
  const key = g === null ? "gradient_nan" : g === 0 ? "gradient_zero" : g > 0 ? "gradient_lower" : "gradient_raise";
  return say(words, key, { label: slot.label, value: g ? shown(g) : "" });
}
function attachGradients(s, root) {
  let scoredText = null, python = null, pythonFor = null, grad = null;
  s.gradientShow = (data) => {
    const field = data.gradient;
    root.classList.toggle("nt-nograd", !field);
    if (!field) return;
    if (field.x + field.y !== scoredText) {
      scoredText = field.x + field.y;
      s.scored = { x: numbers(field.x), y: numbers(field.y) };
    }
    python = field.values;
    pythonFor = Float64Array.from(data.values);
  };
  const same = () => pythonFor && pythonFor.length === s.values.length && s.values.every((v, k) => v === pythonFor[k]);
  s.gradientNow = () => {
    if (!s.data.gradient || !s.scored) return null;
    if (same()) return python;
    grad = lossAndGradient(s.values, s.nPairs, s.scored.x, s.scored.y, s.data.relu, grad).grad;
    return grad;
  };
  s.gradientPaint = (moving) => {
    if (!s.gradBars) return;
    const values = s.gradientNow();
    if (!values) return;
    const top = largest(Array.from(values, (g) => g || 0));
    s.gradBars.forEach((bar, k) => {
      const g = values[k] === null || values[k] === void 0 ? null : values[k];
      const slot = s.data.slots[k];
      const at = (s.values[k] - slot.low) / (slot.high - slot.low);
      const size = g && top > 0 ? LONGEST * Math.abs(g) / top : 0;
      bar.style.setProperty("--at", at.toFixed(4));
      bar.style.setProperty("--len", `${size.toFixed(2)}%`);
      bar.dataset.dir = g > 0 ? "down" : g < 0 ? "up" : "none";
      if (!moving) {
        bar.dataset.value = g === null ? "" : String(g);
        bar.setAttribute("aria-label", describe(s.data.words, slot, g));
      }
    });
  };
}

// nnsine/frontend/optimizer.js
function power(base, exponent) {
  let result = 1;
  while (exponent > 0) {
    if (exponent % 2 === 1) result *= base;
    base *= base;
    exponent = Math.floor(exponent / 2);
  }
  return result;
}
function step(vector, grad, state, settings, mask = null, bounds = null) {
  const size = vector.length;
  const t = state.steps + 1;
  const kept = mask ? Float64Array.from(vector) : null;
  if (mask) for (let k = 0; k < size; k++) grad[k] = grad[k] * mask[k];
  const rate = settings.learning_rate / (1 + settings.decay * (t - 1));
  if (settings.kind === "sgd") {
    for (let k = 0; k < size; k++) vector[k] = vector[k] - rate * grad[k];
  } else {
    const { beta_1: beta1, beta_2: beta2, epsilon } = settings;
    const { momentum, cache } = state;
    const scale = 1 / Math.sqrt(1 - power(beta2, t));
    const stepSize = rate / (1 - power(beta1, t));
    for (let k = 0; k < size; k++) {
      momentum[k] = momentum[k] * beta1 + (1 - beta1) * grad[k];
      cache[k] = cache[k] * beta2 + (1 - beta2) * (grad[k] * grad[k]);
      const denominator = Math.sqrt(cache[k]) * scale + epsilon;
      vector[k] = vector[k] - stepSize * momentum[k] / denominator;
    }
  }
  if (bounds) {
    for (let k = 0; k < size; k++) vector[k] = Math.min(Math.max(vector[k], bounds[0]), bounds[1]);
  }
  if (mask) {
    for (let k = 0; k < size; k++) if (mask[k] === 0) vector[k] = kept[k];
  }
  state.steps = t;
}
function trainStep(params, nPairs, xs, ys, state, settings, { mask = null, bounds = null, relu = true, grad = null } = {}) {
  const result = lossAndGradient(params, nPairs, xs, ys, relu, grad);
  step(params, result.grad, state, settings, mask, bounds);
  return result.loss;
}

// nnsine/frontend/tuner_learn.js
var KEPT = 1e3;
function strip(root) {
  const box = document.createElement("div");
  box.className = "nt-learn";
  box.innerHTML = '<p aria-live="off"></p><canvas role="img"></canvas>';
  root.querySelector(".nt-chart").after(box);
  return { box, text: box.querySelector("p"), canvas: box.querySelector("canvas") };
}
function drawLosses(canvas, losses, color) {
  const width = canvas.clientWidth, height = canvas.clientHeight;
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const logs = losses.filter((v) => v > 0).map(Math.log10);
  if (logs.length < 2) return;
  let low = Math.min(...logs), high = Math.max(...logs);
  if (high - low < 1e-9) {
    low -= 0.5;
    high += 0.5;
  }
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  logs.forEach((v, j) => {
    const x = j / (logs.length - 1) * (width - 4) + 2;
    const y = 4 + (1 - (v - low) / (high - low)) * (height - 8);
    if (j === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
}
function attachLearning(s, root) {
  const L = { run: 0, playing: false, state: null, losses: [], needLast: false, grad: null };
  s.learning = L;
  const view = strip(root);
  s.learnPaint = () => {
    const opt = s.data.optimizer;
    if (!opt) return;
    const last = L.losses[L.losses.length - 1];
    const steps = L.playing ? L.state.steps : opt.state.steps;
    const words = s.data.words, mse = last === void 0 ? null : last.toExponential(3);
    const said = { steps, mse, count: L.losses.length };
    const line = L.playing ? mse === null ? "learn_playing" : "learn_playing_mse" : mse === null ? "learn_steps" : "learn_steps_mse";
    view.text.textContent = say(words, line, said);
    view.canvas.setAttribute("aria-label", say(words, mse === null ? "learn_chart" : "learn_chart_last", said));
    drawLosses(view.canvas, L.losses, s.theme ? s.theme.text || "#888" : "#888");
  };
  const stop = (quiet = false) => {
    L.playing = false;
    root.dataset.playing = "";
    if (quiet) return;
    if (L.needLast && s.scored) {
      L.losses.push(lossAndGradient(
        s.values,
        s.nPairs,
        s.scored.x,
        s.scored.y,
        s.data.relu
      ).loss);
      L.needLast = false;
    }
    s.commit({ optimizer: {
      momentum: Array.from(L.state.momentum),
      cache: Array.from(L.state.cache),
      steps: L.state.steps,
      losses: L.losses.slice(-KEPT)
    } });
    s.redraw(null);
  };
  const frame = () => {
    if (!L.playing || s.gone.signal.aborted) return;
    const opt = s.data.optimizer;
    if (opt && opt.settings && s.scored && s.dragging === null) {
      for (let i = 0; i < opt.speed; i++) {
        const loss = trainStep(
          s.values,
          s.nPairs,
          s.scored.x,
          s.scored.y,
          L.state,
          opt.settings,
          { mask: opt.mask, bounds: opt.bounds, relu: s.data.relu, grad: L.grad }
        );
        if (L.needLast) L.losses.push(loss);
        L.needLast = true;
      }
      if (L.losses.length > 10 * KEPT) L.losses = L.losses.slice(-KEPT);
      s.values.forEach((v, k) => {
        s.inputs[k].value = v;
        s.showValue(k);
      });
      s.redraw(null);
    }
    requestAnimationFrame(frame);
  };
  s.learnShow = (data, pushed) => {
    const opt = data.optimizer;
    view.box.classList.toggle("nt-on", Boolean(opt));
    const wanted = opt && opt.play > 0 ? opt.play : 0;
    if (L.playing && wanted !== L.run) stop(pushed);
    if (!opt) return;
    if (wanted && !L.playing && wanted !== L.run) {
      L.run = wanted;
      L.state = {
        momentum: Float64Array.from(opt.state.momentum),
        cache: Float64Array.from(opt.state.cache),
        steps: opt.state.steps
      };
      L.losses = opt.losses.slice();
      L.needLast = L.losses.length === 0;
      L.grad = new Float64Array(s.values.length);
      L.playing = true;
      root.dataset.playing = "1";
      requestAnimationFrame(frame);
    } else if (!L.playing) {
      L.losses = opt.losses.slice();
    }
  };
}

// nnsine/frontend/tuner_theme.js
var FALLBACK = { text: "#31333f", background: "#ffffff" };
function channels(color) {
  const c = color.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(c);
  if (m) return [...m[1]].map((h) => parseInt(h + h, 16));
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(c);
  if (m) return [0, 2, 4].map((k) => parseInt(m[1].slice(k, k + 2), 16));
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(c);
  return m ? [m[1], m[2], m[3]].map(Number) : null;
}
var rgba = (rgb, alpha) => `rgba(${rgb.join(",")},${alpha})`;
function luminance([r, g, b]) {
  const lin = (v) => {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function readTheme(root) {
  const style = getComputedStyle(root);
  const read = (name, fallback) => channels(style.getPropertyValue(name) || "") || channels(fallback);
  const text = read("--st-text-color", FALLBACK.text);
  const background = read("--st-background-color", FALLBACK.background);
  return {
    dark: luminance(background) < luminance(text),
    text: rgba(text, 1),
    grid: rgba(text, 0.14),
    axisLine: rgba(text, 0.35),
    legendBackground: rgba(background, 0.8),
    background: rgba(background, 1)
  };
}
function watchTheme(root, onChange, signal) {
  let key = JSON.stringify(readTheme(root));
  const check = () => {
    const next = JSON.stringify(readTheme(root));
    if (next !== key) {
      key = next;
      onChange();
    }
  };
  const observer = new MutationObserver(check);
  for (let el2 = root; el2; el2 = el2.parentElement) {
    observer.observe(el2, { attributes: true, attributeFilter: ["style", "class"] });
  }
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  media.addEventListener("change", check, { signal });
  signal.addEventListener("abort", () => observer.disconnect());
}

// nnsine/frontend/live_tuner.js
var NARROW = window.matchMedia("(max-width: 640px)");
function build(root) {
  const s = {
    rev: null,
    nPairs: null,
    dragging: null,
    drawn: 0,
    plotKey: null,
    gone: new AbortController()
  };
  s.seq = Date.now();
  const chart = root.querySelector(".nt-chart");
  const plot = root.querySelector(".nt-plot");
  const live = liveLayer(root.querySelector(".nt-live"), plot);
  s.live = live;
  const box = root.querySelector(".nt-sliders");
  s.plotly = null;
  loadPlotly().then((Plotly) => {
    s.plotly = Plotly;
    s.show(s.data);
  }).catch((error) => {
    const words = s.data && s.data.words;
    const why = error.word ? say(words, error.word, error.params) : error.message;
    plot.textContent = say(words, "chart_failed", { error: why });
  });
  s.show = (data) => {
    s.data = data;
    s.theme = readTheme(root);
    if (data.target !== s.targetText) {
      s.targetText = data.target;
      s.target = targetPoints(data.target);
    }
    const wordsText = JSON.stringify(data.words);
    if (data.n_pairs !== s.nPairs || wordsText !== s.wordsText) {
      s.nPairs = data.n_pairs;
      s.wordsText = wordsText;
      chart.setAttribute("aria-label", say(data.words, "chart"));
      s.values = new Float64Array(data.values.length);
      s.inputs = buildSliders(box, data);
      s.gradBars = addGradients(s.inputs, data.slots, data.words);
      s.numbers = s.inputs.map((input) => input.closest(".nt-row").querySelector(".nt-number"));
      s.group = Math.min(s.group || 0, data.n_pairs);
      choosePair(box, s.group);
      s.rev = null;
    }
    s.gradientShow(data);
    const pushed = s.rev !== data.rev;
    if (pushed) {
      s.rev = data.rev;
      s.setValues(data.values);
    }
    s.learnShow(data, pushed);
    const g = data.grid;
    if (!s.xs || s.xs.length !== g.count || s.xs[0] !== g.start / g.denominator) {
      s.xs = grid(g.count, g.start, g.denominator);
    }
    s.y = new Float64Array(s.xs.length);
    s.contributions = Array.from({ length: s.nPairs }, () => new Float64Array(s.xs.length));
    const height = NARROW.matches ? Math.min(data.height, Math.max(220, Math.round(window.innerHeight * 0.4))) : data.height;
    s.shown = { ...data, height };
    chart.style.height = `${height}px`;
    root.style.setProperty("--nt-chart-height", `${height}px`);
    if (!s.plotly) {
      live.place(s.shown);
      s.redraw(null);
      return;
    }
    const { values, rev, overlay, selected, ...rest } = data;
    const theme = s.theme;
    root.style.colorScheme = theme.dark ? "dark" : "light";
    const plotKey = JSON.stringify([rest, theme, height]);
    const done = plotKey !== s.plotKey ? s.plotly.react(
      plot,
      plotTraces(data, s.target),
      layout(s.shown, theme),
      { displayModeBar: false, responsive: true }
    ) : JSON.stringify(overlay) !== s.overlayKey ? s.plotly.relayout(plot, { shapes: overlay.shapes, annotations: overlay.annotations }) : Promise.resolve();
    s.plotKey = plotKey;
    s.overlayKey = JSON.stringify(overlay);
    done.then(() => {
      if (!s.listening) {
        plot.on("plotly_afterplot", () => {
          live.place(s.shown);
          s.redraw(null);
        });
      }
      s.listening = true;
      live.place(s.shown);
      s.redraw(null);
    });
  };
  s.compute = () => forward(
    s.values,
    s.nPairs,
    s.xs,
    s.y,
    s.data.relu,
    s.data.show_contributions ? s.contributions : null
  );
  let frame = 0, pendingEvent = null;
  s.redraw = (event) => {
    pendingEvent = pendingEvent || event;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      s.compute();
      const parts = s.data.show_contributions ? s.contributions.map((y, i) => ({ y, color: s.data.colors[i], lineWidth: 1.5, label: String(i + 1) })) : [];
      const target = s.plotly ? [] : [{ y: s.target, color: TARGET_COLOR, lineWidth: 4 }];
      live.draw(
        s.xs,
        [...target, ...parts, { y: s.y, color: OUTPUT_COLOR, lineWidth: 3 }],
        s.data.x_range,
        s.data.y_range
      );
      if (s.drawHandles) s.drawHandles();
      s.gradientPaint(s.dragging !== null || s.learning.playing);
      s.learnPaint();
      s.painted(pendingEvent);
      pendingEvent = null;
    });
  };
  s.painted = (event) => {
    s.drawn += 1;
    if (!root.dataset.drawn) root.dataset.drawn = "1";
    const detail = { eventTime: event ? event.timeStamp : null, drawn: s.drawn, canvas: true };
    window.dispatchEvent(new CustomEvent("nnsine:drawn", { detail }));
  };
  s.showValue = (k, force = false) => {
    const number = s.numbers[k];
    if (force || document.activeElement !== number) {
      const v = s.values[k], shown2 = v.toFixed(2);
      number.value = Number(shown2) === v ? shown2 : String(Number(v.toFixed(4)));
    }
  };
  s.setValues = (values) => values.forEach((v, k) => {
    if (k === s.dragging) return;
    s.inputs[k].value = v;
    s.values[k] = v;
    s.showValue(k);
  });
  attachRelease(s);
  attachInput(s, box);
  attachGradients(s, root);
  attachLearning(s, root);
  const again = () => {
    if (s.data) s.show(s.data);
  };
  watchTheme(root, again, s.gone.signal);
  NARROW.addEventListener("change", again, { signal: s.gone.signal });
  attachHandles(s, root);
  return s;
}
function live_tuner_default(component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".nt-root");
  const s = root.__nnsine || (root.__nnsine = build(root));
  s.setStateValue = setStateValue;
  if (data !== s.data) s.show(data);
  return () => setTimeout(() => {
    if (root.isConnected) return;
    s.gone.abort();
    if (s.plotly) s.plotly.purge(root.querySelector(".nt-plot"));
  });
}

// nnsine/frontend/widget.js
function ensurePlotly(model) {
  if (window.__nnsinePlotly) return;
  window.__nnsinePlotly = new Promise((resolve, reject) => {
    const onMessage = (message, buffers) => {
      if (!message || message.type !== "plotly") return;
      model.off("msg:custom", onMessage);
      const url = URL.createObjectURL(new Blob([buffers[0]], { type: "text/javascript" }));
      const script = Object.assign(document.createElement("script"), { src: url });
      const define = window.define;
      window.define = void 0;
      const done = () => {
        window.define = define;
        URL.revokeObjectURL(url);
      };
      script.onload = () => {
        done();
        if (window.Plotly) resolve(window.Plotly);
        else reject(Object.assign(
          new Error("plotly.js ran but defined no Plotly"),
          { word: "plotly_broken" }
        ));
      };
      script.onerror = () => {
        done();
        window.__nnsinePlotly = null;
        reject(Object.assign(new Error("plotly.js could not run"), { word: "plotly_failed" }));
      };
      document.head.appendChild(script);
    };
    model.on("msg:custom", onMessage);
    model.send({ type: "plotly" });
  });
}
function placeholderStyle() {
  const href = "nnsine:/frontend/handle_layer.css";
  if (document.querySelector(`link[href="${href}"]`)) return;
  document.head.appendChild(Object.assign(
    document.createElement("link"),
    { rel: "nnsine-placeholder", href }
  ));
}
var THEME_ATTRIBUTES = [
  "class",
  "style",
  "data-jp-theme-name",
  "data-jp-theme-light",
  "data-theme",
  "data-vscode-theme-kind"
];
function render({ model, el: el2 }) {
  placeholderStyle();
  ensurePlotly(model);
  el2.classList.add("nnsine-widget");
  el2.innerHTML = model.get("_html");
  const score = Object.assign(document.createElement("p"), { className: "nt-score" });
  score.setAttribute("aria-live", "polite");
  el2.appendChild(score);
  const setStateValue = (name, value) => {
    model.set(`_${name}`, value);
    model.save_changes();
  };
  let cleanup = null;
  const mount = (data = model.get("_data")) => {
    if (cleanup) cleanup();
    cleanup = live_tuner_default({ data, parentElement: el2, setStateValue });
  };
  const showScore = () => {
    score.textContent = model.get("_score_text");
    score.classList.remove("nt-stale");
  };
  mount();
  showScore();
  const onData = () => mount();
  model.on("change:_data", onData);
  model.on("change:_score_text", showScore);
  el2.addEventListener("input", () => score.classList.add("nt-stale"));
  const observer = new MutationObserver(() => mount({ ...model.get("_data") }));
  for (const node of [document.documentElement, document.body]) {
    observer.observe(node, { attributes: true, attributeFilter: THEME_ATTRIBUTES });
  }
  return () => {
    observer.disconnect();
    model.off("change:_data", onData);
    model.off("change:_score_text", showScore);
    if (cleanup) cleanup();
  };
}
var widget_default = { render };
export {
  widget_default as default
};
