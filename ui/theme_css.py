"""Page-wide CSS for both themes (the one thing Streamlit's Plotly theme cannot be asked).

st.plotly_chart(theme="streamlit") draws tick labels and axis titles in a faded grey
(#808495), 3.7:1 on the light theme's white, under WCAG AA's 4.5:1 for text. No single
colour passes on both white and the dark theme's near-black, so the chart text takes
the theme's text colour (currentColor) in the browser instead; captions, the chosen
segment of a segmented control and a slider's value likewise (tests/test_a11y_browser.py)."""

import streamlit as st

CSS = """<style>
[data-testid="stPlotlyChart"] :is(.xtick, .ytick, .g-xtitle, .g-ytitle, .legendtext,
  .annotation-text, .gtitle) text,
[data-testid="stPlotlyChart"] :is(.legendtext, .annotation-text, .gtitle) {
  fill: currentColor !important;
}
/* Captions: Streamlit's faded grey is 3.9:1 on white; the text colour at 80 % opacity
   reads at AA on both themes and still looks secondary. */
[data-testid="stCaptionContainer"] { color: inherit; opacity: 0.8; }
/* The chosen segment of a segmented control, a slider's value: Streamlit writes them in
   the primary colour (3.6-3.9:1 in dark); the text colour instead, the tint and border
   still mark the choice (and aria-checked tells a screen reader). */
button[data-variant="segmented_control"][aria-checked="true"],
button[data-variant="segmented_control"][aria-checked="true"] *,
[data-testid="stSlider"] div, [data-testid="stSliderThumbValue"] p {
  color: inherit !important;
}
</style>"""


def apply() -> None:
    """Add the stylesheet to the page (renders nothing visible)."""
    st.html(CSS)
