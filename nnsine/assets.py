"""The live tuner's browser files: where they are, and plotly.js copied in from the plotly
package so it is served offline as a file (`python -m nnsine.assets` at install time)."""

from __future__ import annotations

import shutil
from pathlib import Path

FRONTEND = Path(__file__).resolve().parent / "frontend"
PLOTLY_JS = FRONTEND / "plotly.min.js"


def plotly_source() -> Path:
    """plotly.min.js as the installed plotly package ships it."""
    import plotly

    return Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def ensure_plotly_js() -> bool:
    """Copy plotly.min.js beside the live tuner's JS unless an identical copy is there;
    False if the folder is read-only and no copy exists."""
    source = plotly_source()
    if PLOTLY_JS.exists() and PLOTLY_JS.stat().st_size == source.stat().st_size:
        return True
    try:
        shutil.copyfile(source, PLOTLY_JS)
    except OSError:
        return PLOTLY_JS.exists()
    return True


if __name__ == "__main__":
    raise SystemExit(0 if ensure_plotly_js() else 1)
