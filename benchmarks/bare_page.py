"""The bare Streamlit baseline for benchmarks/latency.py: the tuner's 41 numbers as plain
`st.slider`s (same keys, ranges, steps) and one `st.plotly_chart` of the same two traces.

    streamlit run benchmarks/bare_page.py    # ?p1_w1=5&... sets the first values, as the app
"""

import streamlit as st

from nnsine.engine import targets
from nnsine.engine.metrics import evaluate
from nnsine.formats import params
from nnsine.plots.figures import fit_figure

st.set_page_config(page_title="nnsine · bare Streamlit baseline", layout="wide")

slots = params.slots()
if "started" not in st.session_state:  # first run: the URL's fit, as the tuner reads it
    st.session_state.started = True
    fit, _ = params.from_query(st.query_params.to_dict())
    for slot, value in params.items(params.snap_all(fit)):
        st.session_state[slot.key] = value

# Same layout as the tuner: chart above the sliders on the left, metrics on the right.
left, side = st.columns([3, 1])
chart = left.container()
columns = left.columns(4)
for slot in slots:
    group = 8 if slot.pair is None else slot.pair
    with columns[group % 4]:
        st.slider(slot.label, slot.field.low, slot.field.high, step=slot.field.step,
                  key=slot.key)

fit = params.from_flat([st.session_state[slot.key] for slot in slots])
result = evaluate(fit)
with side:
    st.metric("MSE", f"{result.score.mse:.5f}")
    st.metric("max |error|", f"{result.score.max_error:.4f}")
with chart:
    st.plotly_chart(fit_figure(result.x, result.target, result.trace.output,
                               targets.LABELS[targets.DEFAULT]), key="chart")
