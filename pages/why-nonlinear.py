"""Why nonlinear (sections 4.5-4.6, Figs. 4-5 to 4-8): one network, trained twice."""

import numpy as np
import streamlit as st

from nnsine.engine import dense, targets, training
from nnsine.i18n import N_, _
from nnsine.plots.chapter_figures import fits_figure, loss_figure
from ui import shell
from ui.language import localized
from ui.state import session
from ui.widgets import kept

shell.setup()  # first: page config, navigation, presenter mode (ui/shell.py)


CHUNK = 500  # steps per cached piece: progress between pieces, reuse across step counts
STEPS = (1000, 2000, 5000, 10000)
SEED = 13  # a start from which ReLU finds the sine (some starts leave it stuck: try 2)
# What a first visit shows without a click: trained once per server (the cache is shared),
# a few seconds for the first visitor, at once for everyone after. Enough steps for ReLU
# to follow the sine and for the linear network to settle on its line.
DEFAULT_STEPS = 2000
NAMES = {"linear": N_("Linear hidden layers (Fig. 4-6)"),
         "relu": N_("ReLU hidden layers (Fig. 4-7)")}
PROGRESS = {"linear": N_("Training the linear network: step {step}"),
            "relu": N_("Training the relu network: step {step}")}
# The metrics' labels (the tests and a teacher's screen read them) and the loss legend.
MSE_LABELS = {"linear": N_("MSE, linear"), "relu": N_("MSE, relu")}
LEGEND = {"linear": N_("linear"), "relu": N_("relu")}


@st.cache_data(max_entries=400, show_spinner=False)
def trained(activation: str, seed: int, steps: int) -> training.Run:
    """The 1-8-8-1 network after `steps` steps; shared by every session on the server, so
    a class trains each setting once. Built from the cached run CHUNK steps shorter."""
    if steps <= CHUNK:
        start = dense.initial(np.random.default_rng(seed))
        return training.sine_run(start, steps, activation=activation)
    return training.sine_run(trained(activation, seed, steps - CHUNK), CHUNK,
                             activation=activation)


def train_with_progress(seed: int, steps: int) -> dict[str, training.Run]:
    """Both networks trained piece by piece, with progress."""
    bar = st.progress(0.0, text=_("Training…"))
    pieces = [(name, done) for name in NAMES for done in range(CHUNK, steps + 1, CHUNK)]
    runs = {}
    for k, (name, done) in enumerate(pieces, 1):
        runs[name] = trained(name, seed, done)
        bar.progress(k / len(pieces), text=_(PROGRESS[name], step=done))
    bar.empty()
    return runs


def request() -> None:
    """on_click of Train: remember what was asked for."""
    session["why_request"] = (session["why_seed"],
                                       session["why_steps"])


st.title(_("Why nonlinear activations"))
st.caption(_("Sections 4.5 and 4.6 of the book. The same network, 1 input → 8 → 8 → 1 output, "
             "trained on the book's sine data twice: once with linear hidden layers, once "
             "with ReLU. Same random start, same optimizer (Adam), same number of steps."))

st.markdown(_("**Linear or not, in life (section 4.5).** The cost of some shirts, knowing the "
              "price of one, is linear: twice the shirts, twice the cost, a straight line. The "
              "price of a home is not: it depends on its size, location, the time of year it "
              "is sold, the number of rooms, the yard, the neighbourhood and so on, and no "
              "straight line through those fits it. A sine is such a nonlinear function: a "
              "straight line cannot represent it well."))

left, middle, right = st.columns([1, 2, 1], vertical_alignment="bottom")
with left:
    kept(st.number_input, _("Random start (seed)"), "why_seed", SEED, 0, 9999)
with middle:
    kept(st.select_slider, _("Training steps"), "why_steps", DEFAULT_STEPS, STEPS)
right.button(_("Train both networks"), key="why_train", on_click=localized(request), type="primary",
             width="stretch")

# Until Train is pressed: the default seed's result, not an empty page.
seed, steps = session.get("why_request", (SEED, DEFAULT_STEPS))
runs = train_with_progress(seed, steps)
x, y = targets.sample()
st.caption(_("Trained from seed {seed} for {steps} steps; each chart shows the lowest-MSE "
             "network seen. Change the seed or the steps and press **Train both networks**; "
             "settings anyone on this server trained before show at once.",
             seed=seed, steps=steps))
for column, (name, run) in zip(st.columns(2), runs.items(), strict=True):
    with column:
        st.subheader(_(NAMES[name]))
        output = dense.forward(run.best, x, name)
        st.plotly_chart(fits_figure(x, y, {_("network output"): output}, revision=name),
                        key=f"why_fit_{name}", config={"displayModeBar": False})
        st.metric(_(MSE_LABELS[name]), f"{run.best_loss:.2e}")
stuck = runs["relu"].best_loss > 1e-2
if stuck:
    st.warning(_("This ReLU network got stuck: some of its neurons output 0 for every x, get "
                 "no gradient and never learn (\"dead\" ReLUs). Try another seed."))
st.caption(_("Fig. 4-5 is the book's picture of such a network, 2 hidden layers of 8 neurons, "
             "after training on the sine: this ReLU run got stuck, so it is not that result "
             "(try another seed); the linear chart is Fig. 4-6, the ReLU one Fig. 4-7.")
           if stuck else
           _("Fig. 4-5 is the book's picture of such a network, 2 hidden layers of 8 neurons, "
             "after training on the sine: the ReLU chart above is that result here; the "
             "linear chart is Fig. 4-6, the ReLU one Fig. 4-7."))
st.plotly_chart(loss_figure({_(LEGEND[name]): run.losses for name, run in runs.items()}, steps),
                key="why_loss", config={"displayModeBar": False})

st.header(_("The linear network is one straight line (Fig. 4-8)"))
collapse = dense.linear_collapse(runs["linear"].best, x)
st.markdown(_("With linear hidden layers every layer is weights · inputs + biases, and a line "
              "of a line is a line. Multiplying the trained layers out:"))
st.latex(_("\\text{{slope}} = W_1 W_2 W_3 = {slope:.6f},\\qquad "
           "\\text{{intercept}} = (b_1 W_2 + b_2) W_3 + b_3 = {intercept:.6f}",
           slope=collapse.slope, intercept=collapse.intercept))
st.plotly_chart(fits_figure(x, y, {_("linear network's output"): collapse.output,
                                   _("slope · x + intercept"): collapse.line},
                            revision="collapse"),
                key="why_collapse", config={"displayModeBar": False})
st.caption(_("The two curves differ by at most {difference:.1e} (rounding): 8 + 8 hidden "
             "neurons, 97 numbers, and the network can still only draw a line. ReLU bends it: "
             "each neuron switches on or off somewhere, and between those points the network "
             "is a different line.", difference=collapse.difference))
