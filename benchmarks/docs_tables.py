"""Where a benchmark's Markdown table goes for the docs site: docs/perf/NAME.md, one line
saying what wrote it, when and on what machine, then the table. The Performance page
(docs/content/performance.md) includes these files; commit one after a run that should be
the documented one (`--no-docs` runs print only)."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

PERF = Path(__file__).resolve().parents[1] / "docs" / "perf"


def machine(load_before: tuple[float, ...] | None = None) -> str:
    """When and where: the date, the CPU count, and the load average (before and now)."""
    now = os.getloadavg()
    load = (f"load average {load_before[0]:.1f} before the run and {now[0]:.1f} after"
            if load_before else f"load average {now[0]:.1f}")
    return (f"Measured {datetime.date.today().isoformat()} on a machine with "
            f"{os.cpu_count()} CPUs, {load}.")


def write(name: str, command: str, table: str, note: str = "") -> Path:
    """docs/perf/NAME.md: `*Written by COMMAND. NOTE*`, a blank line, the table."""
    PERF.mkdir(parents=True, exist_ok=True)
    path = PERF / f"{name}.md"
    head = f"*Written by `{command}`. {note}".rstrip() + "*"
    path.write_text(f"{head}\n\n{table.strip()}\n", encoding="utf-8")
    print(f"written to {path.relative_to(PERF.parents[1])}")
    return path


def markdown(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table."""
    return "\n".join(["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
                      *("| " + " | ".join(row) + " |" for row in rows)])
