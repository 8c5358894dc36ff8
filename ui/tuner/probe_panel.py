"""Probe one x (book Figs. 4-30, 4-31): every neuron's value, which pairs are active,
and the sum that makes the output."""

from __future__ import annotations

import streamlit as st

from nnsine.engine import probe
from nnsine.engine.activations import ACTIVATIONS
from nnsine.engine.network import Params
from nnsine.i18n import _
from nnsine.plots.probe_figures import network_diagram
from ui.language import localized
from ui.state import session
from ui.tuner import relu_switch

X = "probe_x"


def _set_x(value: float) -> None:
    session[X] = value


def probe_panel(fit: Params, activation: str = "relu") -> None:
    """x field with the book's two examples, the network diagram, the numbers."""
    session.setdefault(X, 0.08)
    field, first, second = st.columns([2, 1, 1], vertical_alignment="bottom")
    x = field.number_input(_("Probe the network at x ="), -0.5, 1.5, step=0.01, key=X,
                           format="%.2f", persist_state="session")
    first.button(_("x = 0.08 (Fig. 4-30)"), key="probe_008", on_click=localized(_set_x),
                 args=(0.08,))
    second.button(_("x = 0.51 (Fig. 4-31)"), key="probe_051", on_click=localized(_set_x),
                  args=(0.51,))
    if activation == "relu":
        st.caption(_("The book's Fig. 4-30: at x = 0.08 only the top pairs are activated, as "
                     "that is their area of effect. Fig. 4-31: at x = 0.51 the 4th pair is. "
                     "Here is what this fit does:"))
    else:
        st.warning(_("Figs. 4-30 and 4-31 probe ReLU pairs. With linear hidden layers no "
                     "pair switches on or off, so no pair has an area of effect: here is what "
                     "this linear network does instead."))
        relu_switch.switch_back("probe_relu")
    result = probe.probe(fit, x, ACTIVATIONS[activation])
    with st.container(key="probe_words"):
        for _kind, sentence in probe.explain(result, fit):
            st.markdown(f"- {sentence}")
    st.plotly_chart(network_diagram(fit, result), key="probe_chart",
                    config={"displayModeBar": False, "staticPlot": True})
    rows = probe.table(result, fit)  # the pair, what it does, then three columns of numbers
    names = list(rows[0])  # probe.COLUMNS's stable keys; the headers a learner reads:
    st.dataframe(rows, key="probe_table", hide_index=True, column_config={
        name: st.column_config.TextColumn(_(probe.COLUMNS[name]),
                                          alignment="right" if k >= 2 else None)
        for k, name in enumerate(names)})
