"""Bundle nnsine/frontend/widget.js (and the live tuner files it imports) into the one ES
module anywidget loads: nnsine/widget/static/tuner.js, shipped as package data.

    make widget   (npm ci in nnsine/widget/build, then python nnsine/widget/build/build.py)

anywidget runs `_esm` from a blob: URL, where relative imports and import.meta.url cannot
resolve: esbuild (the bundler anywidget's docs use) inlines the imports, and import.meta.url
becomes nnsine:/frontend/widget.js, a base no browser fetches from (see widget.js).
`--check` exits 1 when the shipped bundle differs from a fresh one (tests/test_widget_bundle.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ESBUILD = ROOT / "nnsine" / "widget" / "build" / "node_modules" / ".bin" / "esbuild"
ENTRY = ROOT / "nnsine" / "frontend" / "widget.js"
OUT = ROOT / "nnsine" / "widget" / "static" / "tuner.js"
BANNER = "// Built by nnsine/widget/build/build.py from nnsine/frontend: do not edit."


def bundle() -> bytes:
    """The bundle's bytes, as esbuild makes them now (raises CalledProcessError)."""
    command = [str(ESBUILD), str(ENTRY.relative_to(ROOT)), "--bundle", "--format=esm",
               '--define:import.meta.url="nnsine:/frontend/widget.js"',
               "--legal-comments=none", "--charset=utf8", f"--banner:js={BANNER}"]
    return subprocess.run(command, cwd=ROOT, check=True, capture_output=True).stdout


def main(argv: list[str]) -> int:
    fresh = bundle()
    if "--check" in argv:
        if OUT.read_bytes() != fresh:
            print(f"{OUT.relative_to(ROOT)} is stale: run make widget", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(fresh)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(fresh):,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
