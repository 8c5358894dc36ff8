"""Sine tuner: hand-tune 8 ReLU pairs until the network's curve is sin(2πx)."""

import streamlit as st

from nnsine import params
from nnsine.figures import fit_figure
from nnsine.metrics import evaluate
from nnsine.presets import PRESETS
from pages import fit_state, slider_panel

fit = fit_state.current()

st.title("Fit sin(2πx) with 8 ReLU pairs")
st.caption("Layer-1 neuron i feeds only layer-2 neuron i; the output neuron adds up the "
           "pairs. Move a slider and watch the red curve (section 4.8 of the book).")
fit_state.show_notices()

chart, side = st.columns([3, 1])
with side:
    for name in PRESETS:
        st.button(f"Load {name}", key=f"preset_{name}", on_click=fit_state.load_preset,
                  args=(name,), width="stretch")
    result = evaluate(fit)
    st.metric("MSE", f"{result.score.mse:.5f}")
    st.metric("max |error|", f"{result.score.max_error:.4f}")
    st.download_button("Download fit (JSON)", params.dumps(fit), file_name="nnsine-fit.json",
                       mime="application/json", key="download", on_click="ignore",
                       width="stretch")
    st.file_uploader("Load a fit (JSON)", type=["json"], key="upload",
                     on_change=fit_state.load_upload, args=("upload",), max_upload_size=1)
    with st.expander("Type exact values"):
        slider_panel.exact_entry(fit)
with chart:
    figure = fit_figure(result.x, result.target, result.trace.output)
    st.plotly_chart(figure, key="fit_chart", config={"displayModeBar": False})

slider_panel.sliders(fit)
fit_state.sync_url(fit)
