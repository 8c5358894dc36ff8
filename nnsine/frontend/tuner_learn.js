// Watch the optimizer learn (issue 25): while the optimizer tab trains the pairs, Python
// sends data.optimizer (ui/tuner/optimizer_live.py). Play steps here, in the browser,
// with optimizer.js (the engine's steps, bit for bit), painting the sliders, the curve,
// the gradients and the MSE per step every frame; the server hears nothing until Pause,
// when the fit and the run's state go back as one normal release. Step (in Python)
// arrives as new values, a new state and the losses, drawn as they are.
import { lossAndGradient } from "./gradient.js";
import { trainStep } from "./optimizer.js";
import { say } from "./words.js";

const KEPT = 1000;  // losses sent back to Python (its chart keeps as many)

function strip(root) {
  const box = document.createElement("div");
  box.className = "nt-learn";
  box.innerHTML = '<p aria-live="off"></p><canvas role="img"></canvas>';
  root.querySelector(".nt-chart").after(box);
  return { box, text: box.querySelector("p"), canvas: box.querySelector("canvas") };
}

// The MSE per step on a log scale, the last steps across the width.
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
  if (high - low < 1e-9) { low -= 0.5; high += 0.5; }
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  logs.forEach((v, j) => {
    const x = (j / (logs.length - 1)) * (width - 4) + 2;
    const y = 4 + (1 - (v - low) / (high - low)) * (height - 8);
    if (j === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
  });
  ctx.stroke();
}

export function attachLearning(s, root) {
  const L = { run: 0, playing: false, state: null, losses: [], needLast: false, grad: null };
  s.learning = L;
  const view = strip(root);

  s.learnPaint = () => {
    const opt = s.data.optimizer;
    if (!opt) return;
    const last = L.losses[L.losses.length - 1];
    const steps = L.playing ? L.state.steps : opt.state.steps;
    const words = s.data.words, mse = last === undefined ? null : last.toExponential(3);
    const said = { steps, mse, count: L.losses.length };
    const line = L.playing ? (mse === null ? "learn_playing" : "learn_playing_mse")
      : (mse === null ? "learn_steps" : "learn_steps_mse");
    view.text.textContent = say(words, line, said);
    view.canvas.setAttribute("aria-label", say(words, mse === null ? "learn_chart"
      : "learn_chart_last", said));
    drawLosses(view.canvas, L.losses, s.theme ? s.theme.text || "#888" : "#888");
  };

  // `quiet`: Python has already moved on (Undo pushed new values): nothing to send back.
  const stop = (quiet = false) => {
    L.playing = false;
    root.dataset.playing = "";
    if (quiet) return;
    if (L.needLast && s.scored) {
      L.losses.push(lossAndGradient(s.values, s.nPairs, s.scored.x, s.scored.y,
        s.data.relu).loss);
      L.needLast = false;
    }
    s.commit({ optimizer: { momentum: Array.from(L.state.momentum),
      cache: Array.from(L.state.cache), steps: L.state.steps, losses: L.losses.slice(-KEPT) } });
    s.redraw(null);
  };

  const frame = () => {
    if (!L.playing || s.gone.signal.aborted) return;
    const opt = s.data.optimizer;
    // Held while a bad rate is typed (settings null: Python says why) and while the
    // learner holds a slider (their value, not the optimizer's, until they let go).
    if (opt && opt.settings && s.scored && s.dragging === null) {
      for (let i = 0; i < opt.speed; i++) {
        const loss = trainStep(s.values, s.nPairs, s.scored.x, s.scored.y, L.state,
          opt.settings, { mask: opt.mask, bounds: opt.bounds, relu: s.data.relu, grad: L.grad });
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

  // From show(data): start, go on with new settings (or from values Python pushed: a
  // preset), or stop as Python says; `pushed`: data brought new values (data.rev).
  s.learnShow = (data, pushed) => {
    const opt = data.optimizer;
    view.box.classList.toggle("nt-on", Boolean(opt));
    const wanted = opt && opt.play > 0 ? opt.play : 0;
    if (L.playing && wanted !== L.run) stop(pushed);  // Pause, Undo, the tab closed
    if (!opt) return;
    if (wanted && !L.playing && wanted !== L.run) {
      L.run = wanted;
      L.state = { momentum: Float64Array.from(opt.state.momentum),
        cache: Float64Array.from(opt.state.cache), steps: opt.state.steps };
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
