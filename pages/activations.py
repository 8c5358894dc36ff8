"""Activation functions (sections 4.1-4.4): step, linear, sigmoid, ReLU on one neuron."""

import numpy as np
import streamlit as st

from nnsine.engine import activation_facts as facts
from nnsine.engine.activations import ACTIVATIONS, TABLE
from nnsine.engine.neuron import activation_point, neuron, switch
from nnsine.engine.views import with_kinks
from nnsine.i18n import _
from nnsine.plots.chapter_figures import curves_figure
from ui import shell
from ui.language import in_language
from ui.listings_panel import listings_panel
from ui.state import session
from ui.widgets import kept, sync_query

shell.setup()  # first: page config, navigation, presenter mode (ui/shell.py)


# Wide enough that the sigmoid's S shows whole at the default weight 1 and bias 0.
X_RANGE, Y_RANGE = (-6.0, 6.0), (-1.5, 2.0)
X = np.linspace(*X_RANGE, 1201)
NAMES = {a.name: a.label for a in TABLE}  # the one table: nnsine/engine/activations.py
# (its labels and uses are marked N_ there: translated here, where they are shown)
FIGURES = {a.name: a.figure for a in TABLE}
FORMULAS = {a.name: a.formula for a in TABLE}

st.title(_("Activation functions"))
st.caption(_("Sections 4.1 to 4.4 of the book (Figs. 4-1 to 4-4). One neuron with one input x "
             "computes weight · x + bias and passes it through its activation function."))

SEEN = "act_link"  # the ?act= value this session last read or wrote
linked = st.query_params.get("act")
if linked in NAMES and session.get(SEEN) != linked:  # a new link: before the widget
    session["act_name"] = linked
name = kept(st.radio, _("Activation function"), "act_name", "step", list(NAMES),
            format_func=in_language(lambda key: _("{name} (Fig. {figure})", name=_(NAMES[key]),
                                                  figure=FIGURES[key])), horizontal=True)
left, right = st.columns([1, 3])
with left:
    weight = kept(st.slider, _("Weight"), "act_weight", 1.0, -5.0, 5.0, step=0.1, format="%.1f")
    bias = kept(st.slider, _("Bias"), "act_bias", 0.0, -5.0, 5.0, step=0.1, format="%.1f")
    readout = facts.readout(name, weight, bias)
    st.markdown(f"**x = 3 → y = {readout.outputs[0]:.10g}**  \n"
                f"**x = 3000 → y = {readout.outputs[1]:.10g}**")
    with st.container(key="act_notes"):
        for _key, sentence in facts.notes(name, weight, bias):
            st.markdown(sentence)
with right:
    st.latex(f"y = f({weight:g}\\,x {bias:+g}),\\qquad f(x) = {FORMULAS[name]}")
    point = switch(weight, bias) if name in ("step", "relu") else None
    points = ({point.label: point.x} if point else
              {_("weighted sum = 0 at"): activation_point(weight, bias)})
    x = with_kinks(X, [activation_point(weight, bias)])  # ReLU bends exactly there
    figure = curves_figure(
        x, {_("output y"): neuron(x, weight, bias, ACTIVATIONS[name]),
            _("weighted sum (before the activation)"):
                neuron(x, weight, bias, ACTIVATIONS["linear"])},
        X_RANGE, Y_RANGE, points=points, revision="activation")
    st.plotly_chart(figure, key="act_chart", config={"displayModeBar": False})
st.info(_(facts.USES[name]))
with st.expander(_("Section 4.9: ReLU in code (In[1] to In[4])"), expanded=name == "relu"):
    listings_panel((1, 2, 3, 4), "act_listing", _(
        "ReLU in plain Python, then with max, then the class, then on the spiral data "
        "through a dense layer, seeded as the book's nnfs.init() run: each printed as the "
        "book prints it."))

sync_query({"act": name} if name != "step" else {}, ["act"])  # the link reopens this function
session[SEEN] = name if name != "step" else None
