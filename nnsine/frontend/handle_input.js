// Input on the handle layer: drag a handle (mouse, pen or finger: pointer events), move a
// focused one with the arrow keys, pick a pair by its slider group or its curve. Every
// change goes through handles.js (the engine's mirror); a release commits like a slider.
import { FIELD, handles, moveHandle, nudgeHandle } from "./handles.js";

const PICK_PX = 12;  // a click this close to a pair's contribution curve selects it

export function attachHandleInput(s, root, view) {
  const { svg, box, toPx, toData, pairOf, contribution } = view;
  const chart = root.querySelector(".nt-chart");
  let drag = null;
  // Apply a new pair from a handle: values, sliders and the curve, all in this frame.
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
  const pairSlots = () => s.data.slots.slice(5 * s.selected, 5 * s.selected + 5);  // ranges, steps
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
    s.dragging = 5 * s.selected + FIELD[field];  // a push from Python leaves it alone
    drag = { g, name, origin, start: origin, offset: name === "height" ? at - y : at - x };
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const b = box(), rect = svg.getBoundingClientRect();
    const [x, y] = toData(b, event.clientX - rect.left, event.clientY - rect.top);
    const to = (drag.name === "height" ? y : x) + drag.offset;
    drag.g.dataset.to = to;  // where the handle was asked to go (tests compare the engine's)
    const pair = moveHandle(drag.origin, drag.name, to, pairSlots());
    if (changed(pair)) apply(pair, event);
  });
  const end = () => {
    if (!drag) return;
    const moved = pairOf(s.selected).some((v, j) => v !== drag.start[j]);
    drag = null;
    s.dragging = null;
    s.drawHandles(false);  // the grips catch up (handle_layer.js)
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
    const pair = nudgeHandle(pairOf(s.selected), g.dataset.handle, dir * (event.shiftKey ? 10 : 1),
                              pairSlots());
    if (!changed(pair)) return;
    apply(pair, event);
    s.commitKey();
  });

  // Selecting: a pair's slider group (pointer or focus), or a click near its curve.
  const fromSlider = (event) => {
    const k = event.target.dataset && event.target.dataset.k;
    const group = event.target.closest && event.target.closest(".nt-pair");
    const slot = k !== undefined ? s.data.slots[Number(k)]
      : group && s.data.slots[5 * [...root.querySelectorAll(".nt-pair")].indexOf(group)];
    if (slot && slot.pair !== null && slot.pair !== undefined) s.select(slot.pair);
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
      if (Math.abs(cy - py) < bestPx) { best = i; bestPx = Math.abs(cy - py); }
    }
    if (best !== null) s.select(best);
  }, { capture: true });
}
