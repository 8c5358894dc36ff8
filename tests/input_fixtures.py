"""Inputs that learners and teachers really produce (issue 10), shared by its tests."""

import json

from nnsine.book import presets
from nnsine.formats import fitfile, params

# A fit as a notebook writes it, 4 decimals: max |error| 0.0504 exactly as given, while
# its values rounded to the sliders' 0.01 grid reach the 0.05 goal (max |error| 0.0346).
OFF_GRID = params.from_flat([
    5.9965, 0.0049, -0.9996, 0.6996, -0.9974, 5.0046, -0.5808, -1.0028, 0.619, -0.5307,
    5.0011, -1.2041, -1.0041, 0.6001, 0.3827, 5.0047, -1.8024, -0.9981, 1.297, 1.1652,
    5.0003, -3.0987, -1.0036, 0.5983, 0.5164, 5.0007, -3.6967, -1.0022, 0.5476, -0.3606,
    4.9976, -4.2492, -1.0043, 0.7517, -1.0654, 0.0048, 0.0328, 1.0038, 0.0044, -0.9981,
    0.0016])


def with_b_out(text: str) -> str:
    """The hand-tuned fit's file with b_out written as `text` (any JSON)."""
    obj = fitfile.to_dict(presets.preset("hand-tuned"))
    obj["b_out"] = "B_OUT"
    return json.dumps(obj).replace('"B_OUT"', text)


HUGE_INT = with_b_out("1" + "0" * 400)  # valid JSON: 1e400 as an integer
