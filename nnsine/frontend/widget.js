// The live tuner in a notebook (anywidget: JupyterLab, Notebook 7, VS Code, Colab, marimo).
// live_tuner.js is driven exactly as Streamlit drives it: called with { data, parentElement,
// setStateValue } whenever `data` changes. Here the widget's model stands in for Streamlit:
// `data` is the model's `_data` (nnsine/widget/payload.py builds it, as pages/live_panel.py
// does), and setStateValue("release" | "select", v) sets `_release` / `_select`, which the
// kernel checks (nnsine/widget/tuner.py). Bundled into one module by `make widget`.
import mountTuner from "./live_tuner.js";

// plotly.js comes from the kernel, from the plotly package it has installed (nothing from a
// CDN): asked for once per page with a custom message, run from a blob: URL. tuner_chart.js
// takes the promise in window.__nnsinePlotly as its loader's.
function ensurePlotly(model) {
  if (window.__nnsinePlotly) return;
  window.__nnsinePlotly = new Promise((resolve, reject) => {
    const onMessage = (message, buffers) => {
      if (!message || message.type !== "plotly") return;
      model.off("msg:custom", onMessage);
      const url = URL.createObjectURL(new Blob([buffers[0]], { type: "text/javascript" }));
      const script = Object.assign(document.createElement("script"), { src: url });
      // plotly.min.js is UMD: with an AMD loader on the page (classic Notebook) it
      // registers there instead of on window, so `define` is hidden while it runs.
      const define = window.define;
      window.define = undefined;
      const done = () => { window.define = define; URL.revokeObjectURL(url); };
      script.onload = () => {
        done();
        if (window.Plotly) resolve(window.Plotly);
        else reject(Object.assign(new Error("plotly.js ran but defined no Plotly"),
          { word: "plotly_broken" }));  // said in the learner's words (live_tuner.js)
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

// handle_layer.js adds <link href="handle_layer.css"> beside its module; the bundle's module
// base is nnsine:/frontend/ (see the Makefile), a scheme no browser fetches, and the
// notebook's copy of that CSS is in the widget's _css. A placeholder <link> (not a
// stylesheet: never fetched) tells handle_layer.js the link is already there.
function placeholderStyle() {
  const href = "nnsine:/frontend/handle_layer.css";
  if (document.querySelector(`link[href="${href}"]`)) return;
  document.head.appendChild(Object.assign(document.createElement("link"),
    { rel: "nnsine-placeholder", href }));
}

// Where JupyterLab, Notebook 7, VS Code and marimo say which theme is on.
const THEME_ATTRIBUTES = ["class", "style", "data-jp-theme-name", "data-jp-theme-light",
  "data-theme", "data-vscode-theme-kind"];

function render({ model, el }) {
  placeholderStyle();
  ensurePlotly(model);
  el.classList.add("nnsine-widget");
  el.innerHTML = model.get("_html");
  const score = Object.assign(document.createElement("p"), { className: "nt-score" });
  score.setAttribute("aria-live", "polite");
  el.appendChild(score);
  const setStateValue = (name, value) => {
    model.set(`_${name}`, value);
    model.save_changes();
  };
  let cleanup = null;
  // A copy forces live_tuner to look again (the theme) even when `data` is unchanged.
  const mount = (data = model.get("_data")) => {
    if (cleanup) cleanup();
    cleanup = mountTuner({ data, parentElement: el, setStateValue });
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
  // The score is the kernel's, for the values of the last release: marked stale while the
  // curve moves without it.
  el.addEventListener("input", () => score.classList.add("nt-stale"));
  // A notebook's theme switch restyles the page without touching the tuner's ancestors'
  // style (JupyterLab swaps a stylesheet and sets data-jp-theme-* on <body>).
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

export default { render };
