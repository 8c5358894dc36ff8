// Handles on the chart: which raw value each handle changes, and where it sits. A copy
// of nnsine/engine/handles.py (and of nnsine.engine.pairs.area's knots), in the same operation order,
// so that both give the same bits (tests/test_handles_js.py checks it in node).
//   pair: [w1, b1, w2, b2, w_out]; returns new arrays, never changes its argument.
//   on, off: x of the switch-on / switch-off knot; height: y of the plateau.
//   slots: the pair's five slots as Python sends them in the component's data
//   ({ low, high, step } each, from nnsine.engine.fields): the range and step live there only.
export const FIELD = { b1: 1, b2: 3, w_out: 4 };  // index in the pair

// nnsine.engine.fields.snap: Python's round(v, d) for a step of 10^-d, half to even on
// exact ties, clipped to [low, high].
export function snap(value, { low, high, step }) {
  const v = Math.min(Math.max(value, low), high);
  const d = Math.max(0, -Math.floor(Math.log10(step)));
  const ties = v * 2 ** (d + 1);  // an exact tie at d decimals is an odd multiple of 2^-(d+1)
  if (Number.isInteger(ties) && ties % 2 !== 0) {
    const below = Math.floor(v * 10 ** d);  // exact: v * 10^d = (2k + 1) / 2
    return (below % 2 === 0 ? below : below + 1) / 10 ** d + 0;
  }
  return Number(v.toFixed(d)) + 0;  // toFixed rounds the exact value: correct rounding
}

// nnsine.engine.pairs.area's on and off, or null when the pair never bends.
function knots([w1, b1, w2, b2, wOut]) {
  if (w1 === 0 || w2 === 0 || wOut === 0) return null;
  const first = -b1 / w1, second = -(w2 * b1 + b2) / (w1 * w2);
  let [on, off] = w1 > 0 ? [first, Infinity] : [-Infinity, first];
  if (w1 * w2 > 0) on = Math.max(on, second); else off = Math.min(off, second);
  return on < off ? [on + 0, off + 0] : null;
}

// { handles: { on, off, height } (each { field, at }, only those it has), why: null or the
// key of nnsine.engine.handles.WHY ("w1", "w2", "w_out", "flat", "no_on", "no_off"), whose
// sentence comes translated from Python (data.words["why_" + key], nnsine/frontend_words.py) }
export function handles(pair) {
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

const keepSign = (value, old, step) => (old > 0 ? Math.max(value, step) : Math.min(value, -step));
const notZero = (value, up, step) => (value !== 0 ? value : (up ? step : -step));
const copysign1 = (x) => (x < 0 || Object.is(x, -0) ? -1 : 1);  // math.copysign(1.0, x)

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

// nnsine.engine.handles.move_handle: the handle moved to `to` (x for on/off, y for height).
export function moveHandle(pair, name, to, slots) {
  const [w1, b1, w2, b2, wOut] = pair;
  const { field } = get(pair, name);
  const slot = slots[FIELD[field]];
  let value;
  if (field === "b1") value = snap(-(w1 * to), slot);
  else if (field === "b2") value = keepSign(snap(-(w2 * (w1 * to + b1)), slot), b2, slot.step);
  else value = notZero(snap(to / b2, slot), to > 0 || (to === 0 && wOut > 0), slot.step);
  return withValue(pair, field, value);
}

// nnsine.engine.handles.nudge_handle: `steps` slider steps, right (on/off) or up (height).
export function nudgeHandle(pair, name, steps, slots) {
  const [w1, b1, w2, b2, wOut] = pair;
  const { field } = get(pair, name);
  const slot = slots[FIELD[field]], step = slot.step;
  let value;
  if (field === "b1") value = snap(b1 - copysign1(w1) * steps * step, slot);
  else if (field === "b2") value = keepSign(snap(b2 - copysign1(w1 * w2) * steps * step, slot), b2, step);
  else value = notZero(snap(wOut + steps * step, slot), steps > 0, step);
  return withValue(pair, field, value);
}
