"""nnsine: Chapter 4 of Neural Networks from Scratch, hands on. `streamlit run app.py`."""

import streamlit as st

from pages import presenter

st.set_page_config(page_title="nnsine · ReLU pairs fit a sine", page_icon=":material/ssid_chart:", layout="wide")

# Page files are named apart from their URLs (tuner_page.py at /tuner): Streamlit's
# older pages/-folder discovery would otherwise run a deep-linked page file on its own,
# without this script, in a fresh process (and in AppTest.switch_page). Icons are
# Material Symbols, which Streamlit serves itself: no emoji font needed offline.
page = st.navigation([
    st.Page("pages/tuner_page.py", title="Sine tuner", icon=":material/ssid_chart:", url_path="tuner",
            default=True),
    st.Page("pages/activations_page.py", title="Activation functions", icon=":material/show_chart:",
            url_path="activations"),
    st.Page("pages/one_pair_page.py", title="One neuron, one pair", icon=":material/call_split:",
            url_path="one-pair"),
    st.Page("pages/why_nonlinear_page.py", title="Why nonlinear", icon=":material/straighten:",
            url_path="why-nonlinear"),
    st.Page("pages/softmax_page.py", title="Softmax", icon=":material/bar_chart:", url_path="softmax"),
    st.Page("pages/class_page.py", title="Class challenge", icon=":material/emoji_events:", url_path="class"),
])
presenter.presenter_toggle()
page.run()
