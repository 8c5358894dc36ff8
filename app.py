"""nnsine: Chapter 4 of Neural Networks from Scratch, hands on. `streamlit run app.py`."""

import streamlit as st

from pages import presenter

st.set_page_config(page_title="nnsine · ReLU pairs fit a sine",
                   page_icon=":material/ssid_chart:", layout="wide")

# (file, title, icon, URL). Page files are named apart from their URLs (tuner_page.py at
# /tuner): Streamlit's older pages/-folder discovery would otherwise run a deep-linked
# page file on its own, without this script, in a fresh process (and in
# AppTest.switch_page). Icons are Material Symbols, which Streamlit serves itself.
PAGES = (
    ("pages/tuner_page.py", "Sine tuner", "ssid_chart", "tuner"),
    ("pages/activations_page.py", "Activation functions", "show_chart", "activations"),
    ("pages/one_pair_page.py", "One neuron, one pair", "call_split", "one-pair"),
    ("pages/why_nonlinear_page.py", "Why nonlinear", "straighten", "why-nonlinear"),
    ("pages/softmax_page.py", "Softmax", "bar_chart", "softmax"),
    ("pages/class_page.py", "Class challenge", "emoji_events", "class"),
)

page = st.navigation([
    st.Page(path, title=title, icon=f":material/{icon}:", url_path=url, default=k == 0)
    for k, (path, title, icon, url) in enumerate(PAGES)
])
presenter.presenter_toggle()
page.run()
