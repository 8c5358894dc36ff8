// The live tuner's slider panel: one fieldset per pair (and the output), one row a value.
// A row: the name, −/+ step buttons beside a value you can tap to type, and the slider.
// Wide screens show every pair; narrow ones (CSS, < 640 px) one pair, chosen in a picker.
// Every word is Python's (data.words, nnsine/frontend_words.py).
import { say } from "./words.js";

let uid = 0;  // ids tie labels to inputs; several tuners may share a page

function sliderRow(slot, k, pairName, words) {
  const row = document.createElement("div");
  row.className = "nt-row";
  const id = `nt-${++uid}`;
  row.innerHTML = `<label class="nt-name"></label><span class="nt-value">`
    + `<button type="button" class="nt-step" data-step="-1">−</button>`
    + `<input class="nt-number" type="text" inputmode="decimal" autocomplete="off">`
    + `<button type="button" class="nt-step" data-step="1">+</button></span>`
    + `<input type="range">`;
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
    button.setAttribute("aria-label", say(words, down ? "step_down" : "step_up",
      { label: slot.label, step: slot.step }));
    button.title = `${pairName}: ${slot.short} ${down ? "−" : "+"}${slot.step}`;
  }
  return row;
}

// The narrow screen's pair picker: buttons named by number (colour is a second cue).
// `groups`: [[name, pair (null: the output)], ...].
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

export function buildSliders(box, data) {
  box.replaceChildren();
  const groups = new Map(), pairs = [];
  const panel = document.createElement("div");
  panel.className = "nt-panel";
  const inputs = data.slots.map((slot, k) => {
    const name = slot.pair === null ? say(data.words, "output")
      : say(data.words, "pair", { pair: slot.pair + 1 });
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

// Show group g (narrow screens; wide ones show all of them whatever is chosen).
export function choosePair(box, g) {
  for (const el of box.querySelectorAll("[data-group]")) {
    const chosen = Number(el.dataset.group) === g;
    el.classList.toggle("nt-chosen", chosen);
    if (el.tagName === "BUTTON") el.setAttribute("aria-pressed", String(chosen));
  }
}
