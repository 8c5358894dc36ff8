// Timing probe for benchmarks/latency.py, injected into every page before the page's own
// scripts (page.add_init_script). All times are performance.now() / event.timeStamp in
// the page: milliseconds since navigation start, on the page's own clock.
//
// "Painted" = the end of the animation frame that renders a change: after the frame's
// rAF callbacks, style, layout and paint, i.e. the first task after that frame (a
// MessageChannel message). A change made outside a frame is painted by the next frame
// (rAF, then the message). A change made inside the frame (a rAF or ResizeObserver
// callback, or the microtasks right after it: the live tuner draws in rAF) is painted
// by that same frame, so only the message is waited for: one more rAF would count a
// frame that the user never waits for.
(() => {
  if (window.__probe) return;
  const raf = window.requestAnimationFrame.bind(window);
  const nextTask = (fn) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn(performance.now());
    channel.port2.postMessage(null);
  };
  // inFrame: inside a frame callback, or its microtasks (MutationObserver records,
  // promise reactions queued by it); the clearing microtask is queued after those.
  let inFrame = false, inRaf = false, frameTime = null, frameStart = 0;
  const inside = (callback, args, isRaf) => {
    inFrame = true;
    inRaf = isRaf;
    try {
      return callback(...args);
    } finally {
      queueMicrotask(() => { inFrame = inRaf = false; });
    }
  };
  window.requestAnimationFrame = (callback) => raf((time) => {
    if (time !== frameTime) {  // every callback of one frame gets the same time
      frameTime = time;
      frameStart = performance.now();
    }
    return inside(callback, [time], true);
  });
  const Observer = window.ResizeObserver;
  window.ResizeObserver = class extends Observer {
    constructor(callback) {
      super((...args) => inside(callback, args, false));
    }
  };
  const painted = (record, done) => (inFrame ? nextTask : (fn) => raf(() => nextTask(fn)))(
    (time) => { record.painted = time; done(); });

  // The network's curve as drawn: the SVG path of the trace named "network output" in
  // the chart that window.__probeChart selects (set by the harness before this script).
  const curve = () => {
    const chart = document.querySelector(window.__probeChart || ".js-plotly-plot");
    if (!chart || !Array.isArray(chart.data)) return null;
    const k = chart.data.findIndex((trace) => trace.name === "network output");
    const trace = chart.querySelectorAll(".scatterlayer .trace")[k];
    const path = trace && trace.querySelector("path.js-line");
    return path ? path.getAttribute("d") : null;
  };
  const metric = () => {
    for (const box of document.querySelectorAll('[data-testid="stMetric"]')) {
      const label = box.querySelector('[data-testid="stMetricLabel"]');
      if (label && label.textContent.includes("MSE")) {
        const value = box.querySelector('[data-testid="stMetricValue"]');
        return value ? value.textContent : null;
      }
    }
    return null;
  };

  // A trial: begin(), then one user action, then until("curve" | "metric" | "drawn").
  const P = (window.__probe = { trial: null, load: {} });
  const settle = () => {
    const trial = P.trial;
    if (trial) trial.waiters = trial.waiters.filter((w) => !(w.ready() && (w.resolve(true), 1)));
  };
  const mark = (owner, name) => {
    // frame: when this frame's rAF callbacks began, if the change happened in one of them.
    const record = (owner[name] = { at: performance.now(), frame: inRaf ? frameStart : null });
    painted(record, settle);
    return record;
  };
  P.begin = () => {
    P.trial = { events: {}, counts: {}, curveBase: curve(), metricBase: metric(), waiters: [],
                log: [] };
  };
  P.until = (name, timeoutMs) => new Promise((resolve) => {
    const trial = P.trial;
    const ready = () => trial[name] !== undefined && trial[name].painted !== undefined;
    if (ready()) return resolve(true);
    trial.waiters.push({ ready, resolve });
    setTimeout(() => resolve(false), timeoutMs);  // a bound, not a pause
  });
  P.take = () => {
    const trial = P.trial;
    P.trial = null;
    return trial && { events: trial.events, counts: trial.counts, curve: trial.curve,
                      metric: trial.metric, drawn: trial.drawn, log: trial.log };
  };

  for (const type of ["pointerdown", "pointermove", "pointerup", "keydown", "input", "change"]) {
    window.addEventListener(type, (event) => {
      const trial = P.trial;
      if (!trial) return;
      trial.counts[type] = (trial.counts[type] || 0) + 1;
      if (!(type in trial.events)) {
        trial.events[type] = { stamp: event.timeStamp, handled: performance.now() };
      }
    }, { capture: true });
  }

  const check = () => {
    if (!P.load.mount && document.querySelector(window.__probeMount || "body")) {
      mark(P.load, "mount");
    }
    if (!P.load.curve && curve()) mark(P.load, "curve");
    const trial = P.trial;
    if (!trial) return;
    if (!trial.curve) {
      const now = curve();
      if (now !== null && now !== trial.curveBase) mark(trial, "curve");
    }
    if (!trial.metric) {
      const now = metric();
      if (now !== null && now !== trial.metricBase) mark(trial, "metric");
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ["d"],
  });

  // The live tuner (and the static page) announce each redraw of the curve, with the
  // timeStamp of the oldest input event it answers (null: a redraw from Python's data).
  window.addEventListener("nnsine:drawn", (event) => {
    if (!P.load.drawn) mark(P.load, "drawn");
    const trial = P.trial;
    if (!trial) return;
    const eventTime = event.detail ? event.detail.eventTime : null;
    if (!trial.drawn) mark(trial, "drawn").eventTime = eventTime;
    // The app draws its live curve on a canvas, not in an SVG path: its announcement of
    // a redraw answering an input is the curve changing.
    if (!trial.curve && eventTime !== null && event.detail.canvas) mark(trial, "curve");
    const record = { at: performance.now(), eventTime };
    trial.log.push(record);
    painted(record, settle);
  });
})();
