"""Sine tuner: hand-tune 8 ReLU pairs until the network's curve is sin(2πx)."""

import streamlit as st

from nnsine import params, targets
from nnsine.metrics import evaluate
from nnsine.presets import PRESETS
from pages import exact_entry, fit_state, live_panel

live_panel.accept_release(targets.grid()[0])
fit = fit_state.current()
result = evaluate(fit)

st.title("Fit sin(2πx) with 8 ReLU pairs")
st.caption("Layer-1 neuron i feeds only layer-2 neuron i; the output neuron adds up the "
           "pairs. Drag a slider and watch the red curve follow (section 4.8 of the book).")
fit_state.show_notices()

tuner, side = st.columns([3, 1])
with side:
    for name in PRESETS:
        st.button(f"Load {name}", key=f"preset_{name}", on_click=fit_state.load_preset,
                  args=(name,), width="stretch")
    st.metric("MSE", f"{result.score.mse:.5f}")
    st.metric("max |error|", f"{result.score.max_error:.4f}")
    st.download_button("Download fit (JSON)", params.dumps(fit), file_name="nnsine-fit.json",
                       mime="application/json", key="download", on_click="ignore",
                       width="stretch")
    st.file_uploader("Load a fit (JSON)", type=["json"], key="upload",
                     on_change=fit_state.load_upload, args=("upload",), max_upload_size=1)
    with st.expander("Type exact values"):
        exact_entry.exact_entry(fit)
with tuner:
    live_panel.live_tuner(fit, result, targets.LABELS[targets.DEFAULT])

fit_state.sync_url(fit)
