// The gradient on every slider (issue 25): ∂MSE/∂parameter as a bar that starts at the
// thumb and points the way that lowers the error, its length scaled so the largest reads
// clearly (0: no bar, a dead pair). Python's values (data.gradient.values, for data.values)
// are shown as they are; while the thumb moves, or Play runs, gradient.js computes them
// here on the points Python scores on (data.gradient.x, .y: the same bits as the engine).
// Each bar is an image whose accessible name says "gradient", its sign and its value, and
// its slider is described by it, so a screen reader hears it with the slider.
// Their words are Python's (data.words, translated).
import { lossAndGradient, largest } from "./gradient.js";
import { say } from "./words.js";

const LONGEST = 40;  // the largest |gradient|'s bar, in % of the track
let uid = 0;

export function addGradients(inputs, slots, words) {
  return inputs.map((input, k) => {
    const bar = document.createElement("span");
    bar.className = "nt-grad";
    bar.id = `nt-grad-${++uid}`;
    bar.setAttribute("role", "img");
    bar.innerHTML = "<i></i>";
    bar.setAttribute("aria-label", say(words, "gradient_waiting", { label: slots[k].label }));
    input.after(bar);
    input.setAttribute("aria-describedby", bar.id);
    return bar;
  });
}

const numbers = (text) => Float64Array.from(text.split(","), Number);

function shown(g) {
  const text = Math.abs(g) >= 1e-3 || g === 0 ? g.toFixed(4) : g.toExponential(2);
  return g > 0 ? `+${text}` : text.replace("-", "−");
}

function describe(words, slot, g) {
  const key = g === null ? "gradient_nan" : g === 0 ? "gradient_zero"
    : g > 0 ? "gradient_lower" : "gradient_raise";
  return say(words, key, { label: slot.label, value: g ? shown(g) : "" });
}

export function attachGradients(s, root) {
  let scoredText = null, python = null, pythonFor = null, grad = null;
  // From show(data): Python's gradient belongs to data.values (Python's fit).
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
  const same = () => pythonFor && pythonFor.length === s.values.length
    && s.values.every((v, k) => v === pythonFor[k]);
  // The gradient at the values shown now: Python's if they are Python's, else computed.
  s.gradientNow = () => {
    if (!s.data.gradient || !s.scored) return null;
    if (same()) return python;
    grad = lossAndGradient(s.values, s.nPairs, s.scored.x, s.scored.y, s.data.relu, grad).grad;
    return grad;
  };
  // Paint every bar; the accessible names too unless the values are moving (a drag or
  // Play: they are named again when it stops).
  s.gradientPaint = (moving) => {
    if (!s.gradBars) return;
    const values = s.gradientNow();
    if (!values) return;
    const top = largest(Array.from(values, (g) => g || 0));  // null: not a number
    s.gradBars.forEach((bar, k) => {
      const g = values[k] === null || values[k] === undefined ? null : values[k];
      const slot = s.data.slots[k];
      const at = (s.values[k] - slot.low) / (slot.high - slot.low);
      const size = g && top > 0 ? (LONGEST * Math.abs(g)) / top : 0;
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
