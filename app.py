"""nnsine: Chapter 4 of Neural Networks from Scratch, hands on. `streamlit run app.py`."""

import streamlit as st

st.set_page_config(page_title="nnsine · ReLU pairs fit a sine", page_icon="∿", layout="wide")

page = st.navigation([
    st.Page("pages/tuner.py", title="Sine tuner", icon="〰️", default=True),
    st.Page("pages/activations.py", title="Activation functions", icon="📈"),
    st.Page("pages/one_pair.py", title="One neuron, one pair", icon="🔀"),
    st.Page("pages/why_nonlinear.py", title="Why nonlinear", icon="📐"),
    st.Page("pages/softmax.py", title="Softmax", icon="🎲"),
    st.Page("pages/class_page.py", title="Class challenge", icon="🏆"),
])
page.run()
