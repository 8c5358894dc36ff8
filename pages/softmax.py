"""Softmax (section 4.10): move the logits and watch the confidences shift."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from nnsine.book import book_code
from nnsine.engine import softmax_steps as calc
from nnsine.engine import spiral
from nnsine.formats import softmax_settings as page_settings
from nnsine.plots import softmax_figures as show
from pages import cold_start
from pages.widgets import sync_query

cold_start.via_app()  # a cold deep link runs app.py first

STATE = "sm_settings"  # the page's truth; widgets are seeded from it every run


def current() -> page_settings.Settings:
    """The page's settings; read from the URL on a session's first run."""
    if STATE not in st.session_state:  # a session's first run: read the URL
        st.session_state[STATE], problems = page_settings.from_query(st.query_params.to_dict())
        for problem in problems:
            st.warning(f"Ignored a URL value: {problem}.")
    return st.session_state[STATE]


def commit(settings: page_settings.Settings) -> None:
    """Make `settings` the page's truth."""
    st.session_state[STATE] = settings


def change(name: str | int, value) -> None:
    """Callback: one change to the settings (see Settings.changed)."""
    commit(current().changed(name, value))


def edited(name: str | int, key: str) -> None:
    """on_change: a widget's new value into the settings; an emptied field changes nothing."""
    if st.session_state[key] is not None:
        change(name, st.session_state[key])


@st.cache_resource  # one seeded run, the same for every student: computed once per server
def chapter_run() -> tuple[spiral.ChapterPass, object]:
    """The book's seeded chapter run and its chart, once per server."""
    run = spiral.chapter_pass()
    return run, show.spiral_figure(run.inputs, run.labels, run.confidences)


def seeded(widget, key: str, value, name: str | int, *args, **kwargs):
    """A widget showing the settings value `name`; a change commits it."""
    st.session_state[key] = value  # widgets show the truth: set before creation
    return widget(*args, key=key, on_change=edited, args=(name, key), **kwargs)


st.title("Softmax: from layer outputs to confidences")
settings = current()
st.caption("Section 4.10 of the book. Every number below is computed from the values you set.")

st.markdown(
    "**Why a classifier needs softmax.** ReLU's outputs are *unbounded* (any size), *not "
    "normalised* with each other (an output of [12, 99, 318] says nothing without context) "
    "and *exclusive* (each output is independent of the others). Softmax takes such "
    "non-normalised layer outputs and returns a probability distribution over the classes: "
    "every value between 0 and 1, all adding up to 1. The predicted class is the output "
    "with the largest **confidence score**.")
formula, curve = st.columns([2, 3])
with formula:
    st.latex(r"S_{i,j} = \frac{e^{z_{i,j}}}{\sum_{l=1}^{L} e^{z_{i,l}}}")
    st.markdown(
        f"*z<sub>i,j</sub>* is one layer output: sample *i*, output *j* (of *L*). *e* ≈ "
        f"{calc.E} is Euler's number, the base of exponential growth (NumPy's `np.exp`). "
        "The book calls softmax's inputs **layer outputs** (`layer_outputs = [4.8, 1.21, "
        "2.385]`); this page also calls them **logits**, the usual name for the raw, "
        "unnormalised scores that go into softmax.", unsafe_allow_html=True)
with curve:
    now = calc.steps(settings.logits, settings.shift, settings.subtract_max)
    st.plotly_chart(show.exp_figure(*calc.exp_curve(), now.exponents, now.exp_values),
                    key="sm_exp_chart", config={"displayModeBar": False})
    st.caption("Fig. 4-34: the exponential e^x. It is never negative, so no probability can "
               "be, and it grows fast: larger outputs get a much larger share. Dots: your "
               "exponents, where they fall inside the drawn range.")

with st.columns(3)[0]:
    seeded(st.number_input, "sm_n", len(settings.logits), "classes", "Number of classes",
           *page_settings.CLASSES, step=1)
columns = st.columns(5)
for i, logit in enumerate(settings.logits):
    with columns[i % 5]:
        half = page_settings.slider_limit(logit)
        seeded(st.slider, f"sm_logit_{i}", logit, i, f"Logit of class {i}", -half, half,
               step=0.01, format="%.3f")
        seeded(st.number_input, f"sm_exact_{i}", logit, i, f"Class {i}, exact",
               -page_settings.LOGIT_LIMIT, page_settings.LOGIT_LIMIT, step=0.01, format="%.3f",
               label_visibility="collapsed")
buttons = st.columns(3)
buttons[0].button("Book's layer outputs [4.8, 1.21, 2.385]", key="sm_book", on_click=change,
                  args=("logits", page_settings.BOOK_LOGITS))
buttons[1].button("Push class 0 to 1000", key="sm_push", on_click=change,
                  args=(0, page_settings.LOGIT_LIMIT))

st.header("Step by step")
left, right = st.columns([3, 2])
with left:
    seeded(st.slider, "sm_shift", settings.shift, "shift", "Shift: add to every logit",
           -page_settings.SHIFT_LIMIT, page_settings.SHIFT_LIMIT, step=0.1)
    seeded(st.toggle, "sm_max", settings.subtract_max, "subtract_max", "Subtract the max "
           "first (the book's stable softmax)")
    laid_out = calc.steps(settings.logits, settings.shift, settings.subtract_max)
    st.markdown(show.steps_table(laid_out, settings.subtract_max))
    st.caption("Each column's digits are as NumPy prints that array (`print(array)`); the "
               "sums as `print(np.sum(...))` shows them.")
    moved = calc.shift_change(settings.logits, settings.shift)
    st.caption(f"Largest change in any probability from the shift of {settings.shift:g}: "
               f"{moved:.1e}, zero but for float rounding.")
    st.markdown("Adding one constant *c* to every logit multiplies every exp by the same "
                "e^c, which cancels in the division: the probabilities do not move. "
                "Subtracting the max is such a shift, and it protects against **overflow** "
                "(the book's *exploding*): every exponent becomes ≤ 0, so every exp is at "
                "most 1.")
    with st.container(key="sm_numerics"):
        for key, sentence in calc.numerics(laid_out, settings.subtract_max):
            (st.error if key in ("overflow", "underflow", "both") else st.caption)(sentence)
with right:
    st.plotly_chart(show.probability_bars(laid_out.probabilities), key="sm_bars")
    with st.container(key="sm_result"):
        if laid_out.finite:
            st.metric("Predicted class (argmax)", laid_out.predicted)
            st.metric("Confidence", f"{laid_out.confidence:.2%}")
            st.metric("Sum of probabilities", show.number(laid_out.probability_sum, exact=True))
        else:
            st.error("No class can be predicted: the probabilities are nan (see the "
                     "explanation on the left). Turn on *Subtract the max*.")

st.header("Overflow and underflow")
naive, stable = calc.steps(settings.logits), calc.steps(settings.logits, subtract_max=True)
st.markdown(show.overflow_table(naive, stable))
st.caption(f"A float64 holds at most about 1.8·10³⁰⁸, so np.exp overflows to inf above "
           f"about {calc.OVERFLOW_AT:.2f}; below about {calc.UNDERFLOW_AT:.2f} it underflows "
           "to 0. Push a logit to 1000 (button above) for overflow, or type -1000 into every "
           "class for underflow.")
naive_said, stable_said = st.columns(2)
with naive_said, st.container(key="sm_naive_numerics"):
    st.markdown("**Naive softmax**")
    for _, sentence in calc.numerics(naive, subtract_max=False):
        st.markdown(sentence)
with stable_said, st.container(key="sm_stable_numerics"):
    st.markdown("**Max subtracted**")
    for _, sentence in calc.numerics(stable, subtract_max=True):
        st.markdown(sentence)

st.header("Scale")
seeded(st.slider, "sm_scale", settings.scale, "scale", "Scale: multiply every logit by",
       *page_settings.SCALE_RANGE, step=0.05)
scaled = calc.steps(settings.logits, scale=settings.scale, subtract_max=True)
st.plotly_chart(show.scale_figure(calc.SCALE_FACTORS, calc.scale_curves(settings.logits),
                                  settings.scale, scaled.probabilities), key="sm_scale_chart")
halved = show.cells(calc.steps([0.5, 1, 1.5]).probabilities)
whole = show.cells(calc.steps([1, 2, 3]).probabilities)
st.markdown(f"The book's [1, 2, 3] gives {whole[2]} for class 2; halved to [0.5, 1, 1.5] it "
            f"gives {halved[2]}. Scaling is not a shift: e^(f·x) = (e^x)^f, and raising to a "
            "power is nonlinear, so the gaps between classes grow with f (f → 0: all equal; "
            "large f: the argmax takes all). That is why all of the input data to a network "
            "must be scaled the same way: the same values scaled differently give different "
            "confidences.")

st.header("A batch: one softmax per row")
if "sm_batch" not in st.session_state:  # the editor keeps its edits relative to this base
    st.session_state["sm_batch_base"] = settings.batch
names = [f"class {k}" for k in range(page_settings.BATCH_CLASSES)]
table = st.data_editor(
    pd.DataFrame(st.session_state["sm_batch_base"], columns=names, dtype=float), key="sm_batch",
    num_rows="dynamic", hide_index=True, column_config={name: st.column_config.NumberColumn(
        default=0.0, min_value=-page_settings.LOGIT_LIMIT, max_value=page_settings.LOGIT_LIMIT)
        for name in names})
rows, left_out = calc.complete_rows(table.to_numpy(dtype=float, na_value=float("nan")))
if len(rows) > page_settings.BATCH_ROWS:  # the link holds at most this many
    st.warning(f"Only the first {page_settings.BATCH_ROWS} rows are used (and kept in the "
               "link).")
    rows = rows[:page_settings.BATCH_ROWS]
commit(replace(current(), batch=tuple(tuple(row) for row in rows.tolist())))
if left_out:
    st.warning(f"Left out row(s) {', '.join(str(i + 1) for i in left_out)} (counting from 1 "
               "at the top): a cell is empty.")
result = calc.batch(rows)
st.code(show.batch_text(result), language=None)
st.caption("One sample per row. axis=1 takes the max and the sum across each row's classes; "
           "keepdims=True keeps them as (n, 1) columns, which broadcast against the (n, 3) "
           "inputs, so every row is divided by its own sum.")

st.header("argmax is not confidence")
predicted, confidence = calc.decisions(calc.BOOK_CONFIDENCES)
st.markdown(show.decisions_table(calc.BOOK_CONFIDENCES, predicted, confidence))
st.caption("Both outputs predict class 1, but the first is sure of it and the second "
           "barely prefers it over the others.")

st.header("The chapter's network, seeded as the book's nnfs.init() run")
chapter, spiral_chart = chapter_run()
code, output = st.columns(2)
code.code(book_code.BOOK_PROGRAM, language="python", wrap_lines=True)
with output:
    st.code(str(chapter.probabilities[:5]), language=None)
    st.markdown(f"Every row is ≈ 0.333: the weights are 0.01·randn and the biases 0, so "
                f"every logit is tiny (the largest is {chapter.largest_logit:.1e}) and "
                "e^x ≈ 1 for all three classes. An untrained network has no opinion yet. "
                "Hover a point to see its confidence.")
    st.plotly_chart(spiral_chart, key="sm_spiral")

sync_query(page_settings.to_query(current()), page_settings.READERS)
