"""Where the live tuner's browser files are: ours in nnsine/frontend, and plotly.js as the
pinned plotly package ships it. Streamlit serves both folders as they are
(ui/tuner/tuner_assets.py): nothing is copied or built, so `pip install -r requirements.txt`
is the whole install."""

from __future__ import annotations

import importlib.util
from pathlib import Path

FRONTEND = Path(__file__).resolve().parent / "frontend"


def _plotly_root() -> Path:
    # Located, not imported: importing plotly here would slow every page's first run.
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("plotly is not installed: the app needs pip install "
                                  "'nnsine[app]' (or -r requirements.txt)", name="plotly")
    return Path(spec.submodule_search_locations[0]).resolve()


PLOTLY_ROOT = _plotly_root()  # the plotly package's folder
PLOTLY_DATA = "package_data"  # its folder that holds plotly.min.js
PLOTLY_JS = PLOTLY_ROOT / PLOTLY_DATA / "plotly.min.js"
