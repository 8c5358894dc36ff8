// The live tuner: sliders + chart that follow the thumb in the browser.
// During a drag nothing goes to the server: every `input` event recomputes the
// forward pass here and redraws the curve. On release the values go to Python
// once (setStateValue "release"); Python validates them and stays the truth.
// Python pushes values back by bumping data.rev (presets, uploads, URL, fixes);
// everything else in `data` (grid, target, overlays ...) is drawn as given. The target
// comes as one comma-separated string (an empty entry is a gap): the server encodes it
// once per target instead of a 1,000-number list on every release.
// Files by job: tuner_chart.js (plotly + canvas drawing), tuner_sliders.js (panel
// layout), tuner_input.js (pointer/keys), tuner_release.js (messages to Python).
// Every word shown or read aloud is Python's, translated (data.words; words.js fills them).
import { forward, grid } from "./forward.js";
import { TARGET_COLOR, OUTPUT_COLOR, layout, liveLayer, loadPlotly, plotTraces,
  targetPoints } from "./tuner_chart.js";
import { attachHandles } from "./handle_layer.js";
import { attachInput } from "./tuner_input.js";
import { attachRelease } from "./tuner_release.js";
import { buildSliders, choosePair } from "./tuner_sliders.js";
import { addGradients, attachGradients } from "./tuner_gradients.js";
import { attachLearning } from "./tuner_learn.js";
import { readTheme, watchTheme } from "./tuner_theme.js";
import { say } from "./words.js";

const NARROW = window.matchMedia("(max-width: 640px)");  // as in live_tuner.css

function build(root) {
  const s = { rev: null, nPairs: null, dragging: null, drawn: 0, plotKey: null,
              gone: new AbortController() };  // aborted when the tuner leaves the page
  // seq starts from the clock: a remounted tuner never repeats an earlier release.
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
  }).catch((error) => {  // a loader's error names a key of data.words (and its values)
    const words = s.data && s.data.words;
    const why = error.word ? say(words, error.word, error.params) : error.message;
    plot.textContent = say(words, "chart_failed", { error: why });
  });

  // Everything but the slider values comes from Python as given.
  s.show = (data) => {
    s.data = data;
    s.theme = readTheme(root);
    if (data.target !== s.targetText) {
      s.targetText = data.target;
      s.target = targetPoints(data.target);
    }
    const wordsText = JSON.stringify(data.words);  // a new language: the sliders' names too
    if (data.n_pairs !== s.nPairs || wordsText !== s.wordsText) {
      s.nPairs = data.n_pairs;
      s.wordsText = wordsText;
      chart.setAttribute("aria-label", say(data.words, "chart"));
      s.values = new Float64Array(data.values.length);
      s.inputs = buildSliders(box, data);
      s.gradBars = addGradients(s.inputs, data.slots, data.words);
      s.numbers = s.inputs.map((input) => input.closest(".nt-row").querySelector(".nt-number"));
      s.group = Math.min(s.group || 0, data.n_pairs);  // the output is group n_pairs
      choosePair(box, s.group);
      s.rev = null;
    }
    s.gradientShow(data);  // before the values: Python's gradient is for data.values
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
    // Narrow screens: a shorter chart that stays on screen above the chosen pair.
    const height = NARROW.matches
      ? Math.min(data.height, Math.max(220, Math.round(window.innerHeight * 0.4))) : data.height;
    s.shown = { ...data, height };
    chart.style.height = `${height}px`;
    root.style.setProperty("--nt-chart-height", `${height}px`);
    if (!s.plotly) {  // plotly.js still loading: the curves already, on predicted axes
      live.place(s.shown);
      s.redraw(null);
      return;
    }
    // A release changes only the values (and maybe the shading): no full re-plot then.
    const { values, rev, overlay, selected, ...rest } = data;
    const theme = s.theme;
    root.style.colorScheme = theme.dark ? "dark" : "light";  // the sliders' tracks
    const plotKey = JSON.stringify([rest, theme, height]);
    const done = plotKey !== s.plotKey
      ? s.plotly.react(plot, plotTraces(data, s.target), layout(s.shown, theme),
        { displayModeBar: false, responsive: true })
      : JSON.stringify(overlay) !== s.overlayKey
        ? s.plotly.relayout(plot, { shapes: overlay.shapes, annotations: overlay.annotations })
        : Promise.resolve();
    s.plotKey = plotKey;
    s.overlayKey = JSON.stringify(overlay);
    done.then(() => {
      // Plotly's own events (not DOM events); afterplot also follows a resize.
      if (!s.listening) {
        plot.on("plotly_afterplot", () => { live.place(s.shown); s.redraw(null); });
      }
      s.listening = true;
      live.place(s.shown);
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
        { y, color: s.data.colors[i], lineWidth: 1.5, label: String(i + 1) })) : [];
      const target = s.plotly ? [] : [{ y: s.target, color: TARGET_COLOR, lineWidth: 4 }];
      live.draw(s.xs, [...target, ...parts, { y: s.y, color: OUTPUT_COLOR, lineWidth: 3 }],
        s.data.x_range, s.data.y_range);
      if (s.drawHandles) s.drawHandles();
      s.gradientPaint(s.dragging !== null || s.learning.playing);
      s.learnPaint();
      s.painted(pendingEvent);
      pendingEvent = null;
    });
  };
  s.painted = (event) => {
    s.drawn += 1;
    // Set once ("drawn at least once", what tests wait for): an attribute written on
    // every frame restyled Streamlit's element container (its :has() rules).
    if (!root.dataset.drawn) root.dataset.drawn = "1";
    const detail = { eventTime: event ? event.timeStamp : null, drawn: s.drawn, canvas: true };
    window.dispatchEvent(new CustomEvent("nnsine:drawn", { detail }));
  };
  // The shown number; not while it is being typed in, unless `force`d.
  s.showValue = (k, force = false) => {
    const number = s.numbers[k];
    if (force || document.activeElement !== number) {
      const v = s.values[k], shown = v.toFixed(2);  // off-step values: up to 4 decimals
      number.value = Number(shown) === v ? shown : String(Number(v.toFixed(4)));
    }
  };
  s.setValues = (values) => values.forEach((v, k) => {
    if (k === s.dragging) return;  // never yank a slider out of the user's hand
    s.inputs[k].value = v;  // the slider shows the nearest step ...
    s.values[k] = v;  // ... the curve uses the exact value, as Python's score does
    s.showValue(k);
  });
  attachRelease(s);
  attachInput(s, box);
  attachGradients(s, root);
  attachLearning(s, root);
  const again = () => { if (s.data) s.show(s.data); };
  watchTheme(root, again, s.gone.signal);
  NARROW.addEventListener("change", again, { signal: s.gone.signal });  // a rotated phone
  attachHandles(s, root);
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
