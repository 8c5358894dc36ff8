"""Cold deep links: every page runs inside app.py, even on a server's first run.

Streamlit decides once per process, before app.py has ever run, how pages are found: a folder
named pages/ beside app.py means its older pages/-folder discovery until app.py's first
st.navigation call. So on a server that has just started, /softmax runs pages/softmax.py on
its own. Page files are named by their URL so that discovery finds them (no "Page not found",
no redirect), and `via_app()`, called right after every page's imports (before it draws
anything), hands such a run to app.py, whose st.navigation runs the page again as usual. The
check is per session (the run's own page list), so a class opening links at once is safe.
A page added to app.py needs the same two lines and a file name equal to its URL.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

APP = Path(__file__).resolve().parents[1] / "app.py"


def _run_by_folder_discovery() -> bool:
    """Whether this run's pages are the pages/-folder discovery's (they list app.py itself)."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return False
    paths = (info.get("script_path") for info in ctx.pages_manager.get_pages().values())
    # The name first: resolving every page's path on every rerun cost the server time.
    return any(path and Path(path).name == APP.name and Path(path).resolve() == APP
               for path in paths)


def via_app() -> None:
    """Run app.py instead of this page when the pages/-folder discovery ran it on its own."""
    if _run_by_folder_discovery():
        runpy.run_path(str(APP), run_name="__main__")
        st.stop()
