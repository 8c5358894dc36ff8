// The live tuner's input: mouse, touch and pen drags, keys, −/+ steps, typed values and
// the pair picker. A drag redraws every frame and commits once on release; keys and
// steps commit at once, then at most every 250 ms (tuner_release.js).
import { choosePair } from "./tuner_sliders.js";

const isRange = (el) => el instanceof HTMLInputElement && el.type === "range";

export function attachInput(s, box) {
  // One value changed here: sliders, shown number and the live curve follow.
  s.setOne = (k, value, event) => {
    s.inputs[k].value = value;  // the browser clamps to [min, max] and snaps to step
    s.values[k] = Number(s.inputs[k].value);
    s.showValue(k);
    s.redraw(event);
  };

  let keyboard = false;
  box.addEventListener("keydown", () => { keyboard = true; });
  // A drag: remember where it started, so a drag the browser cancels can be undone.
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
    if (was && s.drawHandles) s.drawHandles(false);  // their grips catch up
  }, { signal: s.gone.signal });
  // A touch that turns into a scroll (or a call, a rotation) ends in pointercancel: the
  // slider goes back to where the finger found it, and Python hears of it if it had
  // already been told of the cancelled drag.
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
  // `change` fires on release and on every key press: debounce the keys.
  box.addEventListener("change", (event) => {
    if (isRange(event.target)) {
      if (drag) drag.committed = true;
      if (keyboard) s.commitKey(); else s.commit();
    } else if (event.target.classList.contains("nt-number")) {
      typed(event.target, event);
    }
  });

  // Tap the value to type it: Enter (`change`) or leaving the field applies it; what is not a
  // number puts back the value shown (Python still checks every release).
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
    const step = event.target.closest(".nt-step");
    if (step) {
      const k = Number(step.dataset.k), input = s.inputs[k];
      s.setOne(k, s.values[k] + Number(step.dataset.step) * Number(input.step), event);
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
