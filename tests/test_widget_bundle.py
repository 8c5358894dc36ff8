"""The notebook widget's bundle (nnsine/widget/static/tuner.js) is what esbuild makes from
nnsine/frontend now: an edit to the live tuner's files reaches the notebook too (run
`make widget`). Skips where nnsine/widget/build's npm packages are not installed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

BUILD = ROOT / "nnsine" / "widget" / "build" / "build.py"


@pytest.mark.subprocess
def test_the_shipped_bundle_is_fresh():
    if not (BUILD.parent / "node_modules" / ".bin" / "esbuild").exists():
        pytest.skip("esbuild not installed: cd nnsine/widget/build && npm ci")
    result = subprocess.run([sys.executable, str(BUILD), "--check"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_bundle_fetches_nothing_and_loads_the_apps_files():
    text = (ROOT / "nnsine" / "widget" / "static" / "tuner.js").read_text()
    assert "import.meta.url" not in text and "http" not in text.replace("http://www.w3", "")
    for name in ("live_tuner.js", "tuner_chart.js", "handle_layer.js", "forward.js"):
        assert f"nnsine/frontend/{name}" in text  # esbuild's per-file markers
