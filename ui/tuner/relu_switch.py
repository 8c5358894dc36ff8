"""The way back from linear hidden layers: the walkthrough and the probe explain ReLU
pairs (section 4.8); with linear ones selected they say so and offer this button."""

from __future__ import annotations

import streamlit as st

from nnsine.i18n import _
from ui.language import localized
from ui.state import session

ACTIVATION = "activation"  # the tuner's "Hidden layers" control


def _to_relu() -> None:
    session[ACTIVATION] = "relu"


def switch_back(key: str) -> None:
    """A button that sets the hidden layers back to ReLU (before the control is drawn)."""
    st.button(_("Switch the hidden layers back to ReLU"), key=key, on_click=localized(_to_relu),
              type="primary", width="stretch")
