"""The live tuner's files, served by Streamlit from where they are installed.

Streamlit serves a Custom Components v2 component's files from its asset folder, which it
learns from an installed project's pyproject.toml at start-up. A platform that only runs
`pip install -r requirements.txt` (Community Cloud, Spaces, a VM) installs no project, so the
two folders are registered here at first use, as that scan would: nnsine/frontend as
`nnsine.live_tuner` and plotly.js's vendored basic bundle as `nnsine.plotly`, at
/_stcore/bidi-components/nnsine.plotly/plotly-basic.min.js. Nothing is copied; it works from a
read-only folder, offline, behind a proxy's path prefix.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.components.v2.get_bidi_component_manager import get_bidi_component_manager
from streamlit.components.v2.manifest_scanner import ComponentConfig, ComponentManifest

from nnsine import assets

PROJECT = "nnsine"
TUNER = f"{PROJECT}.live_tuner"
# name -> (package root, asset folder inside it), as a pyproject.toml manifest declares them
FOLDERS = {
    "live_tuner": (assets.FRONTEND.parent, assets.FRONTEND.name),
    "plotly": (assets.VENDOR, assets.PLOTLY_DATA),
}
# Relative to the page (every page URL is one level deep), so a proxy's path prefix is kept.
PLOTLY_URL = f"_stcore/bidi-components/{PROJECT}.plotly/{assets.PLOTLY_JS.name}"


def register() -> None:
    """Make Streamlit serve both folders (once per server process; idempotent)."""
    manager = get_bidi_component_manager()
    for name, (root, folder) in FOLDERS.items():
        if manager.get_component_asset_root(f"{PROJECT}.{name}") is None:
            manifest = ComponentManifest(name=PROJECT, version="0",
                                         components=[ComponentConfig(name, folder)])
            manager.register_from_manifest(manifest, Path(root))
