"""The softmax page's parts: its state (one Settings in session state, read from the URL
on a session's first run) and its later sections, each a function the page calls."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from nnsine import i18n
from nnsine.book import book_code
from nnsine.engine import softmax_steps as calc
from nnsine.engine import spiral
from nnsine.formats import softmax_settings as page_settings
from nnsine.i18n import _
from nnsine.plots import softmax_figures as show
from ui.language import localized
from ui.state import session
from ui.widgets import markdown_literal, word_list

STATE = "sm_settings"  # the page's truth; widgets are seeded from it every run


def current() -> page_settings.Settings:
    """The page's settings; read from the URL on a session's first run."""
    if STATE not in session:  # a session's first run: read the URL
        session[STATE], problems = page_settings.from_query(st.query_params.to_dict())
        for problem in problems:
            st.warning(_("Ignored a URL value: {problem}.", problem=markdown_literal(problem)))
    return session[STATE]


def commit(settings: page_settings.Settings) -> None:
    """Make `settings` the page's truth."""
    session[STATE] = settings


def change(name: str | int, value) -> None:
    """Callback: one change to the settings (see Settings.changed)."""
    commit(current().changed(name, value))


def edited(name: str | int, key: str) -> None:
    """on_change: a widget's new value into the settings; an emptied field changes nothing."""
    if session[key] is not None:
        change(name, session[key])


@st.cache_resource  # one seeded run, the same for every student: once per server and language
def chapter_run(language: str) -> tuple[spiral.ChapterPass, object]:
    """The book's seeded chapter run and its chart (its words in `language`, the current
    one), once per server and language."""
    run = spiral.chapter_pass()
    return run, show.spiral_figure(run.inputs, run.labels, run.confidences)


def seeded(widget, key: str, value, name: str | int, *args, **kwargs):
    """A widget showing the settings value `name`; a change commits it."""
    session[key] = value  # widgets show the truth: set before creation
    return widget(*args, key=key, on_change=localized(edited), args=(name, key), **kwargs)


def overflow_section(settings: page_settings.Settings) -> None:
    """Naive softmax next to the max-subtracted one, with what happened in each."""
    st.header(_("Overflow and underflow"))
    naive, stable = calc.steps(settings.logits), calc.steps(settings.logits, subtract_max=True)
    st.markdown(show.overflow_table(naive, stable))
    st.caption(_("A float64 holds at most about 1.8·10³⁰⁸, so np.exp overflows to inf above "
                 "about {overflow:.2f}; below about {underflow:.2f} it underflows to 0. Push a "
                 "logit to 1000 (button above) for overflow, or type -1000 into every class for "
                 "underflow.", overflow=calc.OVERFLOW_AT, underflow=calc.UNDERFLOW_AT))
    naive_said, stable_said = st.columns(2)
    with naive_said, st.container(key="sm_naive_numerics"):
        st.markdown(_("**Naive softmax**"))
        for _key, sentence in calc.numerics(naive, subtract_max=False):
            st.markdown(sentence)
    with stable_said, st.container(key="sm_stable_numerics"):
        st.markdown(_("**Max subtracted**"))
        for _key, sentence in calc.numerics(stable, subtract_max=True):
            st.markdown(sentence)


def scale_section(settings: page_settings.Settings) -> None:
    """Multiplying the logits: why all inputs must be scaled the same way."""
    st.header(_("Scale"))
    seeded(st.slider, "sm_scale", settings.scale, "scale", _("Scale: multiply every logit by"),
           *page_settings.SCALE_RANGE, step=0.05)
    scaled = calc.steps(settings.logits, scale=settings.scale, subtract_max=True)
    st.plotly_chart(show.scale_figure(calc.SCALE_FACTORS, calc.scale_curves(settings.logits),
                                      settings.scale, scaled.probabilities), key="sm_scale_chart")
    halved = show.cells(calc.steps([0.5, 1, 1.5]).probabilities)
    whole = show.cells(calc.steps([1, 2, 3]).probabilities)
    st.markdown(_("The book's [1, 2, 3] gives {whole} for class 2; halved to [0.5, 1, 1.5] it "
                  "gives {halved}. Scaling is not a shift: e^(f·x) = (e^x)^f, and raising to a "
                  "power is nonlinear, so the gaps between classes grow with f (f → 0: all "
                  "equal; large f: the argmax takes all). That is why all of the input data to "
                  "a network must be scaled the same way: the same values scaled differently "
                  "give different confidences.", whole=whole[2], halved=halved[2]))


def batch_section(settings: page_settings.Settings) -> None:
    """An editable batch, one softmax per row (its rows go into the settings)."""
    st.header(_("A batch: one softmax per row"))
    # The editor keeps its edits relative to this base. Its headers are in the session's
    # language, and new headers make a new editor (its edits gone): it starts again from
    # the settings, which hold the edits so far.
    if "sm_batch" not in session or session.get("sm_batch_lang") != i18n.current():
        session["sm_batch_base"] = settings.batch
        session["sm_batch_lang"] = i18n.current()
    # The columns keep English names (the editor's edits are kept by column name, across a
    # change of language); their headers are shown in the session's language.
    names = [f"class {k}" for k in range(page_settings.BATCH_CLASSES)]
    table = st.data_editor(
        pd.DataFrame(session["sm_batch_base"], columns=names, dtype=float), key="sm_batch",
        num_rows="dynamic", hide_index=True, column_config={name: st.column_config.NumberColumn(
            _("class {k}", k=k), default=0.0, min_value=-page_settings.LOGIT_LIMIT,
            max_value=page_settings.LOGIT_LIMIT) for k, name in enumerate(names)})
    rows, left_out = calc.complete_rows(table.to_numpy(dtype=float, na_value=float("nan")))
    if len(rows) > page_settings.BATCH_ROWS:  # the link holds at most this many
        st.warning(_("Only the first {rows} rows are used (and kept in the link).",
                     rows=page_settings.BATCH_ROWS))
        rows = rows[:page_settings.BATCH_ROWS]
    commit(replace(current(), batch=tuple(tuple(row) for row in rows.tolist())))
    if left_out:
        st.warning(_("Left out row(s) {rows} (counting from 1 at the top): a cell is empty.",
                     rows=word_list(str(i + 1) for i in left_out)))
    result = calc.batch(rows)
    st.code(show.batch_text(result), language=None)
    st.caption(_("One sample per row. axis=1 takes the max and the sum across each row's "
                 "classes; keepdims=True keeps them as (n, 1) columns, which broadcast against "
                 "the (n, 3) inputs, so every row is divided by its own sum."))


def decisions_section() -> None:
    """The book's two outputs: the same argmax, different confidence."""
    st.header(_("argmax is not confidence"))
    predicted, confidence = calc.decisions(calc.BOOK_CONFIDENCES)
    st.markdown(show.decisions_table(calc.BOOK_CONFIDENCES, predicted, confidence))
    st.caption(_("Both outputs predict class 1, but the first is sure of it and the second "
                 "barely prefers it over the others."))


def chapter_section() -> None:
    """The chapter's seeded spiral run, its code and its output."""
    st.header(_("The chapter's network, seeded as the book's nnfs.init() run"))
    chapter, spiral_chart = chapter_run(i18n.current())
    code, output = st.columns(2)
    code.code(book_code.BOOK_PROGRAM, language="python", wrap_lines=True)
    with output:
        st.code(str(chapter.probabilities[:5]), language=None)
        st.markdown(_("Every row is ≈ 0.333: the weights are 0.01·randn and the biases 0, so "
                      "every logit is tiny (none is further from 0 than {largest:.1e}) and "
                      "e^x ≈ 1 for all three classes. An untrained network has no opinion yet. "
                      "Hover a point to see its confidence.", largest=chapter.largest_logit))
        st.plotly_chart(spiral_chart, key="sm_spiral")
