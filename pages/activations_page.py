"""Activation functions (sections 4.1-4.4): step, linear, sigmoid, ReLU on one neuron."""

import numpy as np
import streamlit as st

from nnsine.activations import ACTIVATIONS
from nnsine.chapter_figures import curves_figure
from nnsine.neuron import activation_point, neuron
from pages.widgets import kept

X_RANGE, Y_RANGE = (-2.0, 2.0), (-2.0, 2.0)
X = np.linspace(*X_RANGE, 801)
NAMES = {"step": "Step", "linear": "Linear", "sigmoid": "Sigmoid", "relu": "ReLU"}
FORMULAS = {
    "step": "\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}",
    "linear": "x",
    "sigmoid": "1 / (1 + e^{-x})",
    "relu": "\\max(0, x)",
}
USES = {
    "step": "Where it is used: hardly anywhere now; it was the first hidden-layer activation. "
            "It is not informative: an input of 3 and an input of 3000 give the same 1, so "
            "nothing tells the optimizer how close the neuron was to switching.",
    "linear": "Where it is used: the output layer of a regression, such as our sine network's "
              "output neuron, which must be able to give any number. In hidden layers it is "
              "useless: the whole network collapses into one straight line (see *Why "
              "nonlinear*).",
    "sigmoid": "Where it is used: once in hidden layers; now mostly in output layers that must "
               "give 0 to 1 (binary logistic regression, later in the book). Unlike the step, "
               "it is granular near 0, but it flattens out: 3 and 3000 both give about 1.",
    "relu": "Where it is used: the hidden layers of most networks today, including the "
            "pairs on the sine tuner. It is fast (a comparison, no exponential), and it keeps "
            "the size of positive inputs: 3 gives 3 and 3000 gives 3000.",
}


st.title("Activation functions")
st.caption("Sections 4.1 to 4.4 of the book. One neuron with one input x computes "
           "weight · x + bias and passes it through its activation function.")

name = kept(st.radio, "Activation function", "act_name", "step", list(NAMES),
            format_func=NAMES.get, horizontal=True)
left, right = st.columns([1, 3])
with left:
    weight = kept(st.slider, "Weight", "act_weight", 1.0, -5.0, 5.0, step=0.1, format="%.1f")
    bias = kept(st.slider, "Bias", "act_bias", 0.0, -5.0, 5.0, step=0.1, format="%.1f")
    low, high = ACTIVATIONS[name](np.array([3.0, 3000.0]))
    st.markdown(f"**f(3) = {low:.4g}, f(3000) = {high:.4g}**")
with right:
    st.latex(f"y = f({weight:g}\\,x {bias:+g}),\\qquad f(x) = {FORMULAS[name]}")
    activation = ACTIVATIONS[name]
    figure = curves_figure(
        X, {"output y": neuron(X, weight, bias, activation),
            "weighted sum (before the activation)": neuron(X, weight, bias, ACTIVATIONS["linear"])},
        X_RANGE, Y_RANGE, points={"weighted sum = 0 at": activation_point(weight, bias)},
        revision="activation")
    st.plotly_chart(figure, key="act_chart", config={"displayModeBar": False})
st.info(USES[name])
