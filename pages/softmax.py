"""Softmax (section 4.10): move the logits and watch the confidences shift."""

import streamlit as st

from nnsine.engine import softmax_steps as calc
from nnsine.formats import softmax_settings as page_settings
from nnsine.i18n import _
from nnsine.plots import softmax_figures as show
from ui import shell
from ui.language import localized
from ui.listings_panel import listings_panel
from ui.softmax_panel import (
    batch_section,
    change,
    chapter_section,
    current,
    decisions_section,
    overflow_section,
    scale_section,
    seeded,
)
from ui.widgets import sync_query

shell.setup()  # first: page config, navigation, presenter mode (ui/shell.py)


st.title(_("Softmax: from layer outputs to confidences"))
settings = current()
st.caption(_("Section 4.10 of the book. Every number below is computed from the values you "
             "set."))

st.markdown(_(
    "**Why a classifier needs softmax.** ReLU's outputs are *unbounded* (any size), *not "
    "normalised* with each other (an output of [12, 99, 318] says nothing without context) "
    "and *exclusive* (each output is independent of the others). Softmax takes such "
    "non-normalised layer outputs and returns a probability distribution over the classes: "
    "every value between 0 and 1, all adding up to 1. The predicted class is the output "
    "with the largest **confidence score**."))
formula, curve = st.columns([2, 3])
with formula:
    st.latex(r"S_{i,j} = \frac{e^{z_{i,j}}}{\sum_{l=1}^{L} e^{z_{i,l}}}")
    st.markdown(_(
        "*z<sub>i,j</sub>* is one layer output: sample *i*, output *j* (of *L*). *e* ≈ "
        "{e} is Euler's number, the base of exponential growth (NumPy's `np.exp`). "
        "The book calls softmax's inputs **layer outputs** (`layer_outputs = [4.8, 1.21, "
        "2.385]`); this page also calls them **logits**, the usual name for the raw, "
        "unnormalised scores that go into softmax.", e=calc.E), unsafe_allow_html=True)
with curve:
    now = calc.steps(settings.logits, settings.shift, settings.subtract_max)
    st.plotly_chart(show.exp_figure(*calc.exp_curve(), now.exponents, now.exp_values),
                    key="sm_exp_chart", config={"displayModeBar": False})
    st.caption(_("Fig. 4-34: the exponential e^x. It is never negative, so no probability can "
                 "be, and it grows fast: larger outputs get a much larger share. Dots: your "
                 "exponents, where they fall inside the drawn range."))

with st.columns(3)[0]:
    seeded(st.number_input, "sm_n", len(settings.logits), "classes", _("Number of classes"),
           *page_settings.CLASSES, step=1)
columns = st.columns(5)
for i, logit in enumerate(settings.logits):
    with columns[i % 5]:
        half = page_settings.slider_limit(logit)
        seeded(st.slider, f"sm_logit_{i}", logit, i, _("Logit of class {k}", k=i), -half, half,
               step=0.01, format="%.3f")
        seeded(st.number_input, f"sm_exact_{i}", logit, i, _("Class {k}, exact", k=i),
               -page_settings.LOGIT_LIMIT, page_settings.LOGIT_LIMIT, step=0.01, format="%.3f",
               label_visibility="collapsed")
buttons = st.columns(3)
buttons[0].button(_("Book's layer outputs [4.8, 1.21, 2.385]"), key="sm_book",
                  on_click=localized(change),
                  args=("logits", page_settings.BOOK_LOGITS))
buttons[1].button(_("Push class 0 to 1000"), key="sm_push", on_click=localized(change),
                  args=(0, page_settings.LOGIT_LIMIT))

with st.expander(_("The book's code: softmax by hand (In[5], In[6])")):
    listings_panel((5, 6), "sm_listing", _(
        "The book's E = 2.71828182846 (not math.e) raised to each layer output, then each "
        "divided by their sum; printed as the book's print shows Python lists."))

st.header(_("Step by step"))
left, right = st.columns([3, 2])
with left:
    seeded(st.slider, "sm_shift", settings.shift, "shift", _("Shift: add to every logit"),
           -page_settings.SHIFT_LIMIT, page_settings.SHIFT_LIMIT, step=0.1)
    seeded(st.toggle, "sm_max", settings.subtract_max, "subtract_max",
           _("Subtract the max first (the book's stable softmax)"))
    laid_out = calc.steps(settings.logits, settings.shift, settings.subtract_max)
    st.markdown(show.steps_table(laid_out, settings.subtract_max))
    st.caption(_("Each column's digits are as NumPy prints that array (`print(array)`); the "
                 "sums as `print(np.sum(...))` shows them."))
    moved = calc.shift_change(settings.logits, settings.shift)
    st.caption(_("Largest change in any probability from the shift of {shift:g}: {change:.1e}, "
                 "zero but for float rounding.", shift=settings.shift, change=moved))
    st.markdown(_("Adding one constant *c* to every logit multiplies every exp by the same "
                  "e^c, which cancels in the division: the probabilities do not move. "
                  "Subtracting the max is such a shift, and the book gives two reasons for it: "
                  "**exploding** (overflow): every exponent becomes ≤ 0, so every exp is at "
                  "most 1 and none is inf; and **dead neurons**: the largest exponent becomes "
                  "exactly 0, so its exp is exactly 1 and the sum is at least 1. Without it, "
                  "logits that are all very negative underflow to exp 0: every class is "
                  "\"dead\" and 0/0 gives nan (type -1000 into every class)."))
    with st.container(key="sm_numerics"):
        for key, sentence in calc.numerics(laid_out, settings.subtract_max):
            (st.error if key in ("overflow", "underflow", "both") else st.caption)(sentence)
with right:
    st.plotly_chart(show.probability_bars(laid_out.probabilities), key="sm_bars")
    with st.container(key="sm_result"):
        if laid_out.finite:
            st.metric(_("Predicted class (argmax)"), laid_out.predicted)
            st.metric(_("Confidence"), f"{laid_out.confidence:.2%}")
            st.metric(_("Sum of probabilities"), show.number(laid_out.probability_sum, exact=True))
        else:
            st.error(_("No class can be predicted: the probabilities are nan (see the "
                       "explanation on the left). Turn on *Subtract the max*."))

overflow_section(settings)
with st.expander(_("The book's code: np.exp explodes (In[9], In[10])")):
    listings_panel((9, 10), "sm_listing", _(
        "A mere 1000 overflows to inf; e^-inf is 0 and e^0 is 1, so after subtracting the max "
        "every exp lies between 0 and 1."))
scale_section(settings)
batch_section(settings)
decisions_section()
with st.expander(_("The book's code: the first five softmax rows, continuing In[4] (In[14])")):
    listings_panel((14,), "sm_listing", _(
        "Run in In[4]'s process, after it: the generator is not seeded again, so these rows "
        "differ from the fresh run below (In[15]) in the last digits."))
chapter_section()

sync_query(page_settings.to_query(current()), page_settings.READERS)
