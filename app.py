"""nnsine: Chapter 4 of Neural Networks from Scratch, hands on. `streamlit run app.py`."""

import streamlit as st

from pages import presenter, theme_css

st.set_page_config(page_title="nnsine · ReLU pairs fit a sine", page_icon="🎛️",
                   layout="wide")

# (file, title, icon). A page's URL is its file name (pages/why-nonlinear.py is at
# /why-nonlinear), as Streamlit's older pages/-folder discovery names it too: that discovery
# answers a deep link on a server's first run (see pages/cold_start.py). Icons are emoji,
# drawn by the browser: nothing is fetched from a font server.
PAGES = (
    ("pages/tuner.py", "Sine tuner", "🎛️"),
    ("pages/activations.py", "Activation functions", "📈"),
    ("pages/one-pair.py", "One neuron, one pair", "🔀"),
    ("pages/why-nonlinear.py", "Why nonlinear", "📏"),
    ("pages/softmax.py", "Softmax", "📊"),
    ("pages/class.py", "Class challenge", "🏆"),
)


def _page(path: str, title: str, icon: str, **how) -> st.Page:
    return st.Page(path, title=title, icon=icon, **how)


page = st.navigation([
    # The tuner is the page at / (its url_path only keeps it apart from /tuner) ...
    _page(*PAGES[0], url_path="sine-tuner", default=True),
    *(_page(*other) for other in PAGES[1:]),
    # ... and at /tuner, its own URL, for links that name it.
    _page(*PAGES[0], visibility="hidden"),
])
presenter.presenter_toggle()
theme_css.apply()  # issue 13: chart text readable in light and dark
page.run()
