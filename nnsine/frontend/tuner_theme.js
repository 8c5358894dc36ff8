// The live tuner follows Streamlit's theme (light, dark, the browser's preference):
// Streamlit gives every v2 component its theme as --st-* CSS custom properties on an
// ancestor; the chart's font, grid and legend box are derived from them here.

const FALLBACK = { text: "#31333f", background: "#ffffff" };

// "#rgb", "#rrggbb" or "rgb(a)(...)" → [r, g, b], or null (Plotly wants plain colours).
function channels(color) {
  const c = color.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(c);
  if (m) return [...m[1]].map((h) => parseInt(h + h, 16));
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(c);
  if (m) return [0, 2, 4].map((k) => parseInt(m[1].slice(k, k + 2), 16));
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(c);
  return m ? [m[1], m[2], m[3]].map(Number) : null;
}

const rgba = (rgb, alpha) => `rgba(${rgb.join(",")},${alpha})`;

// sRGB relative luminance (WCAG): which base theme this is, for custom themes too.
function luminance([r, g, b]) {
  const lin = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function readTheme(root) {
  const style = getComputedStyle(root);
  const read = (name, fallback) => channels(style.getPropertyValue(name) || "") ||
    channels(fallback);
  const text = read("--st-text-color", FALLBACK.text);
  const background = read("--st-background-color", FALLBACK.background);
  return {
    dark: luminance(background) < luminance(text),
    text: rgba(text, 1),
    grid: rgba(text, 0.14),
    axisLine: rgba(text, 0.35),
    legendBackground: rgba(background, 0.8),
    background: rgba(background, 1),
  };
}

// Calls back when Streamlit changes the theme: it rewrites the inline style that
// holds the --st-* properties (settings menu, or the browser's preference changing).
export function watchTheme(root, onChange, signal) {
  let key = JSON.stringify(readTheme(root));
  const check = () => {
    const next = JSON.stringify(readTheme(root));
    if (next !== key) { key = next; onChange(); }
  };
  const observer = new MutationObserver(check);
  for (let el = root; el; el = el.parentElement) {
    observer.observe(el, { attributes: true, attributeFilter: ["style", "class"] });
  }
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  media.addEventListener("change", check, { signal });
  signal.addEventListener("abort", () => observer.disconnect());
}
