"""Where the live tuner's browser files are: ours in nnsine/frontend, and plotly.js's basic
bundle in nnsine/vendor/plotly. Streamlit serves both folders as they are
(ui/tuner/tuner_assets.py): nothing is copied or built, so `pip install -r requirements.txt`
is the whole install."""

from __future__ import annotations

from pathlib import Path

FRONTEND = Path(__file__).resolve().parent / "frontend"
# plotly.js's basic bundle (scatter, bar, pie), vendored from npm: a quarter of the full
# bundle the plotly package ships, for phones on school wifi (vendor/plotly/README.md).
VENDOR = Path(__file__).resolve().parent / "vendor"
PLOTLY_DATA = "plotly"  # the folder in VENDOR that holds it
PLOTLY_JS = VENDOR / PLOTLY_DATA / "plotly-basic.min.js"
