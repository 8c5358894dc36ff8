"""Which files `python -m nnsine score FILE|DIR...` grades: a folder stands for its .json
files, a wildcard the shell left alone is expanded, and every file passed over is named
with the reason (a teacher grading a class's folder sees what was not graded)."""

from __future__ import annotations

import glob
from pathlib import Path


def expand(patterns: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """FILE arguments -> (files to grade, (name, why) for each file skipped). A folder
    stands for its .json files (one level down; a class's download or `class export`'s
    fits/); any unexpanded wildcard is expanded here: Windows shells and `docker run ...
    score /data/*.json` pass the pattern through as written."""
    names, skipped = [], []
    for pattern in patterns:
        matches = [] if Path(pattern).exists() else sorted(glob.glob(pattern))
        for name in matches or [pattern]:
            if Path(name).is_dir():
                found, passed = folder(name)
                names += found
                skipped += passed
            else:
                names.append(name)
    return names, skipped


def folder(name: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The .json files in folder `name` (sorted, one level down), and (name, why) for
    each other entry in it, and for the folder itself when it holds none."""
    try:
        entries = sorted(Path(name).iterdir())
    except OSError as error:
        return [], [(name, f"cannot list this folder ({error.strerror or error})")]
    found, skipped = [], []
    for entry in entries:
        if entry.is_dir():
            skipped.append((str(entry), "a folder (score reads one level: name it to grade it)"))
        elif entry.suffix.lower() != ".json":
            skipped.append((str(entry), "not a .json file (a fit file is saved as .json)"))
        else:
            found.append(str(entry))
    if not found:
        skipped.append((name, "no .json files in this folder"))
    return found, skipped
