"""nnsine: Chapter 4 of Neural Networks from Scratch, hands on. `streamlit run app.py`."""

import streamlit as st

from pages import presenter

st.set_page_config(page_title="nnsine · ReLU pairs fit a sine", page_icon="∿", layout="wide")

# Page files are named apart from their URLs (tuner_page.py at /tuner): Streamlit's
# older pages/-folder discovery would otherwise run a deep-linked page file on its
# own, without this script, on a fresh server (and in AppTest.switch_page).
page = st.navigation([
    st.Page("pages/tuner_page.py", title="Sine tuner", icon="〰️", url_path="tuner",
            default=True),
    st.Page("pages/activations_page.py", title="Activation functions", icon="📈",
            url_path="activations"),
    st.Page("pages/one_pair_page.py", title="One neuron, one pair", icon="🔀",
            url_path="one-pair"),
    st.Page("pages/why_nonlinear_page.py", title="Why nonlinear", icon="📐",
            url_path="why-nonlinear"),
    st.Page("pages/softmax_page.py", title="Softmax", icon="🎲", url_path="softmax"),
    st.Page("pages/class_page.py", title="Class challenge", icon="🏆", url_path="class"),
])
presenter.presenter_toggle()
page.run()
