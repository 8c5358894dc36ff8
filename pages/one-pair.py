"""One neuron, one pair (section 4.7, Figs. 4-9 to 4-16): ReLU neurons up close."""

import numpy as np
import streamlit as st

from nnsine.engine.neuron import neuron, neuron_notes, pair, pair_notes, pair_points, switch
from nnsine.engine.views import with_kinks
from nnsine.i18n import N_, _
from nnsine.plots.chapter_figures import curves_figure
from ui import shell
from ui.language import localized
from ui.state import session
from ui.widgets import sync_query

shell.setup()  # first: page config, navigation, presenter mode (ui/shell.py)


X_RANGE, Y_RANGE = (-1.0, 1.0), (-0.5, 2.5)
X = np.linspace(*X_RANGE, 801)
LIMIT, STEP = 3.0, 0.05
SHADE = "pair_shade"
# The book's settings, by figure: (figure, button label, {widget key: value}).
NEURON_FIGURES = [
    ("4-9", N_("weight 0, bias 0"), {"one_w": 0.0, "one_b": 0.0}),
    ("4-10", N_("weight 1, bias 0"), {"one_w": 1.0, "one_b": 0.0}),
    ("4-11", N_("weight 1, bias 0.5"), {"one_w": 1.0, "one_b": 0.5}),
    ("4-12", N_("weight -1, bias 0.5"), {"one_w": -1.0, "one_b": 0.5}),
]
PAIR_FIRST = {"pair_w1": -1.0, "pair_b1": 0.5}  # neuron 1 as the single neuron left it
PAIR_FIGURES = [
    ("4-13", N_("neuron 2: weight 1, bias 0"),
     PAIR_FIRST | {"pair_w2": 1.0, "pair_b2": 0.0, SHADE: False}),
    ("4-14", N_("neuron 2: bias 1"), PAIR_FIRST | {"pair_w2": 1.0, "pair_b2": 1.0, SHADE: False}),
    ("4-15", N_("neuron 2: weight -2"),
     PAIR_FIRST | {"pair_w2": -2.0, "pair_b2": 1.0, SHADE: False}),
    ("4-16", N_("area of effect"), PAIR_FIRST | {"pair_w2": -2.0, "pair_b2": 1.0, SHADE: True}),
]
FIGURES = {figure: values for figure, _label, values in NEURON_FIGURES + PAIR_FIGURES}
DEFAULTS = {**NEURON_FIGURES[2][2], **PAIR_FIGURES[3][2]}
LOADED = "one_pair_figure"  # the figure last loaded, for the page's link
SEEN = "one_pair_link"  # the ?fig= value this session last read or wrote


def load(figure: str) -> None:
    """on_click of a figure button (or a ?fig= link): the book's values into the sliders."""
    session.update(FIGURES[figure])
    session[LOADED] = figure


def slider(label: str, key: str) -> float:
    """A weight or bias slider (range ±LIMIT) whose value is kept across pages."""
    session.setdefault(key, DEFAULTS[key])
    # persist_state: the value survives a visit to another page.
    return st.slider(label, -LIMIT, LIMIT, step=STEP, key=key, format="%.2f",
                     persist_state="session")


def figure_buttons(figures, prefix: str) -> None:
    """One button per book figure, numbered by it; each loads its values."""
    columns = st.columns(len(figures))
    for k, (figure, label, _values) in enumerate(figures):
        columns[k].button(_("Fig. {figure}: {settings}", figure=figure, settings=_(label)),
                          key=f"{prefix}_fig_{k}", on_click=localized(load),
                          args=(figure,), width="stretch")


linked = st.query_params.get("fig")
if linked in FIGURES and session.get(SEEN) != linked:  # a new link: before widgets
    load(linked)

st.title(_("One neuron, one pair"))
st.caption(_("Section 4.7 of the book: what a ReLU neuron's weight and bias do, and how two "
             "of them in a row make a piece of a curve. Each button loads the settings of the "
             "book's figure it names (Figs. 4-9 to 4-16)."))

st.header(_("One neuron: y = max(0, weight · x + bias)"))
figure_buttons(NEURON_FIGURES, "one")
left, right = st.columns([1, 3])
with left:
    weight, bias = slider(_("Weight"), "one_w"), slider(_("Bias"), "one_b")
    point = switch(weight, bias)
    st.markdown(_("The weight sets the slope and, by its sign, which side is active; the bias "
                  "slides the point where the neuron switches."))
    with st.container(key="one_notes"):
        for _key, sentence in neuron_notes(weight, bias):
            st.markdown(sentence)
with right:
    points = {} if point is None else {point.label: point.x}
    x = with_kinks(X, [point and point.x])  # the corner drawn where the neuron switches
    st.plotly_chart(curves_figure(x, {_("neuron output"): neuron(x, weight, bias)}, X_RANGE,
                                  Y_RANGE, points=points, revision="one"),
                    key="one_chart", config={"displayModeBar": False})

st.header(_("A pair: neuron 1 feeds neuron 2"))
figure_buttons(PAIR_FIGURES, "pair")
left, right = st.columns([1, 3])
with left:
    w1, b1 = slider(_("Neuron 1 weight"), "pair_w1"), slider(_("Neuron 1 bias"), "pair_b1")
    w2, b2 = slider(_("Neuron 2 weight"), "pair_w2"), slider(_("Neuron 2 bias"), "pair_b2")
    session.setdefault(SHADE, DEFAULTS[SHADE])
    shade = st.toggle(_("Shade the area of effect"), key=SHADE, persist_state="session")
corners = pair(X, w1, b1, w2, b2)
x = with_kinks(X, [*pair_points(corners).values(), switch(w1, b1) and switch(w1, b1).x])
view = pair(x, w1, b1, w2, b2)
with right:
    st.plotly_chart(curves_figure(x, {_("pair output"): view.output,
                                      _("neuron 1 output"): view.hidden1},
                                  X_RANGE, Y_RANGE, area=view.area if shade else None,
                                  points=pair_points(view), revision="pair"),
                    key="pair_chart", config={"displayModeBar": False})
for key, sentence in pair_notes(view, w2, b2):
    (st.info if key == "flat" else st.success if key == "area" else st.markdown)(sentence)

loaded = session.get(LOADED)
still = loaded in FIGURES and all(session.get(k) == v for k, v in FIGURES[loaded].items())
sync_query({"fig": loaded} if still else {}, ["fig"])  # the link reopens the figure shown
session[SEEN] = loaded if still else None
