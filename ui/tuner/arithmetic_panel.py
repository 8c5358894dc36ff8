"""The probe's arithmetic: each neuron's w·x + b, the ReLU, × output weight and the sum,
worked as the book works one neuron by hand (nnsine.engine.probe_arithmetic)."""

from __future__ import annotations

import streamlit as st

from nnsine.engine.activations import ACTIVATIONS
from nnsine.engine.network import Params
from nnsine.engine.probe_arithmetic import lines, work
from nnsine.i18n import _
from ui.state import session

X = "probe_x"  # the probe panel's x field: the arithmetic is worked at the same x


def arithmetic_panel(fit: Params, activation: str = "relu") -> None:
    """The worked sums at the probe's x, folded (a page of numbers is a lot to take in)."""
    worked = work(fit, session.get(X, 0.08), ACTIVATIONS[activation])
    with st.expander(_("Work it out by hand at x = {x:.2f}", x=worked.x)):
        st.caption(_("Each neuron: output = ReLU(weight · input + bias), as in section 4.7; "
                     "the output neuron adds the output bias and every pair's output × its "
                     "output weight. Numbers to 4 decimals; the sum uses the exact values.")
                   if activation == "relu" else
                   _("Each neuron: output = weight · input + bias, passed on as it is (linear, "
                     "section 4.6: nothing is cut at 0); the output neuron adds the output "
                     "bias and every pair's output × its output weight. Numbers to 4 "
                     "decimals; the sum uses the exact values."))
        st.code("\n".join(lines(worked, activation=activation)), language=None)
