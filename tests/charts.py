"""Reading Plotly charts out of an AppTest run."""

import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest


def chart(at: AppTest, key: str) -> dict:
    """The figure (data, layout) of the st.plotly_chart with this key."""
    return json.loads(next(c for c in at.get("plotly_chart") if c.proto.id.endswith(key))
                      .proto.spec)


def values(array) -> np.ndarray:
    """A Plotly JSON array: a list, or a typed array {"dtype", "bdata" (base64)}."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
    return np.asarray(array, dtype=float)
