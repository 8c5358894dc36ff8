"""One neuron, one pair (section 4.7, Figs. 4-9 to 4-16): ReLU neurons up close."""

import numpy as np
import streamlit as st

from nnsine.chapter_figures import curves_figure
from nnsine.neuron import activation_point, neuron, pair

X_RANGE, Y_RANGE = (-1.0, 1.0), (-0.5, 2.5)
X = np.linspace(*X_RANGE, 801)
LIMIT, STEP = 3.0, 0.05
# The book's settings, in the order of its figures: (label, {slider key: value}).
NEURON_FIGURES = [
    ("Weight 0, bias 0", {"one_w": 0.0, "one_b": 0.0}),
    ("Weight 1, bias 0", {"one_w": 1.0, "one_b": 0.0}),
    ("Weight 1, bias 0.5", {"one_w": 1.0, "one_b": 0.5}),
    ("Weight -1, bias 0.5", {"one_w": -1.0, "one_b": 0.5}),
]
PAIR_FIRST = {"pair_w1": -1.0, "pair_b1": 0.5}  # neuron 1 as the single neuron left it
PAIR_FIGURES = [
    ("Neuron 2: weight 1, bias 0", PAIR_FIRST | {"pair_w2": 1.0, "pair_b2": 0.0}),
    ("Neuron 2: bias 1", PAIR_FIRST | {"pair_w2": 1.0, "pair_b2": 1.0}),
    ("Neuron 2: weight -2", PAIR_FIRST | {"pair_w2": -2.0, "pair_b2": 1.0}),
]
DEFAULTS = {**NEURON_FIGURES[2][1], **PAIR_FIGURES[2][1]}


def load(figure: dict[str, float]) -> None:
    """on_click of a figure button: the book's values into the sliders."""
    st.session_state.update(figure)


def slider(label: str, key: str) -> float:
    """A weight or bias slider (range ±LIMIT) whose value is kept across pages."""
    st.session_state.setdefault(key, DEFAULTS[key])
    # persist_state: the value survives a visit to another page.
    return st.slider(label, -LIMIT, LIMIT, step=STEP, key=key, format="%.2f",
                     persist_state="session")


def figure_buttons(figures, prefix: str) -> None:
    """One button per book figure; each loads its values."""
    columns = st.columns(len(figures))
    for k, (label, values) in enumerate(figures):
        columns[k].button(label, key=f"{prefix}_fig_{k}", on_click=load, args=(values,),
                          width="stretch")


st.title("One neuron, one pair")
st.caption("Section 4.7 of the book: what a ReLU neuron's weight and bias do, and how two "
           "of them in a row make a piece of a curve. The buttons load the book's figures "
           "(Figs. 4-9 to 4-16) in order.")

st.header("One neuron: y = max(0, weight · x + bias)")
figure_buttons(NEURON_FIGURES, "one")
left, right = st.columns([1, 3])
with left:
    weight, bias = slider("Weight", "one_w"), slider("Bias", "one_b")
    point = activation_point(weight, bias)
    st.markdown("The weight sets the slope (its sign, which side is on); the bias slides the "
                "line up and down, and so moves the **activation point**, where the "
                "neuron switches on.")
with right:
    st.plotly_chart(curves_figure(X, {"neuron output": neuron(X, weight, bias)}, X_RANGE,
                                  Y_RANGE, points={"activation point": point},
                                  revision="one"),
                    key="one_chart", config={"displayModeBar": False})

st.header("A pair: neuron 1 feeds neuron 2")
figure_buttons(PAIR_FIGURES, "pair")
left, right = st.columns([1, 3])
with left:
    w1, b1 = slider("Neuron 1 weight", "pair_w1"), slider("Neuron 1 bias", "pair_b1")
    w2, b2 = slider("Neuron 2 weight", "pair_w2"), slider("Neuron 2 bias", "pair_b2")
view = pair(X, w1, b1, w2, b2)
with right:
    st.plotly_chart(curves_figure(X, {"pair output": view.output,
                                      "neuron 1 output": view.hidden1},
                                  X_RANGE, Y_RANGE, area=view.area, revision="pair"),
                    key="pair_chart", config={"displayModeBar": False})
if view.area is None:
    st.info("No area of effect: the pair's output is the same for every x. Both neurons must "
            "be active somewhere at once, with nonzero weights, for the output to follow x.")
else:
    start = "the far left" if np.isinf(view.area.on) else f"x = {view.area.on:.2f}"
    end = "and never stops" if np.isinf(view.area.off) else f"to x = {view.area.off:.2f}"
    st.success(f"Area of effect: the output follows x from {start} {end}. There both "
               "neurons are active; outside it at least one is not, and the pair gives a "
               "constant. A negative neuron-2 weight is what makes the pair switch off again: "
               "an activation point and a deactivation point.")
