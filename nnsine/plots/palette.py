"""The figures' colours, range and type size, in plain Python: the Plotly figures
(nnsine.plots.figures) and the matplotlib handout (nnsine.plots.render, `python -m
nnsine render`) share them, and a plain install (no Plotly) can render; so does the
notebook widget (nnsine.widget), which draws with the browser's plotly.js."""

import html

Y_RANGE = (-1.6, 1.6)
# One colour per pair, shared by its sliders, its contribution curve and the probe.
# Chosen for both themes and for colour blindness (tests/test_palette.py): every colour
# has 3:1 contrast on Streamlit's light (#ffffff) and dark (#171614) backgrounds, and the
# first 8 (the default pairs), the fit and the target stay apart (CIEDE2000 >= 8) under
# simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009).
# Picked by a greedy max-min search from the Okabe-Ito blue; pairs 9-16 are told apart by
# their number first. Colour is never the only cue: every use names the pair's number.
PAIR_COLORS = (
    "#0072B2", "#00A569", "#C31E00", "#69695A", "#2D87FF", "#785A78", "#9687B4", "#875A3C",
    "#C31EA5", "#967878", "#782DFF", "#0096A0", "#C30078", "#4B875A", "#B45A4B", "#E1004B",
)
TARGET_COLOR, FIT_COLOR = "#7d8590", "#e4572e"
# Readable on both themes: st.plotly_chart(theme="streamlit") restyles fonts, grid and
# backgrounds for light and dark, so figures set none of those; where a figure needs a
# neutral line or a box behind a label, these mid-greys read on white and on near-black.
GUIDE_COLOR = "#8a8f98"
LABEL_BACKGROUND = "rgba(128,128,128,0.22)"
FONT_SIZE = 18  # readable from the back of a classroom


def trace_name(text: str) -> str:
    """`text` as a Plotly trace name, shown as typed: Plotly reads a few HTML tags (<a
    href>, <b>, <br>) in names, so <, > and & are escaped (quotes are kept as they are)."""
    return html.escape(text, quote=False)
