"""Grading a class: load many saved fits, score each on one target, rank best first.
The CLI's `score` and the class challenge page both use this."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from nnsine.engine import targets
from nnsine.engine.metrics import Score, rank_key, score
from nnsine.engine.network import Params, predict
from nnsine.formats import fitfile, params, provenance


@dataclass(frozen=True)
class Entry:
    """One graded file: its name, fit, score, the target it was scored on and what the
    file says of how it was made (nnsine.formats.fitfile.FitFile)."""
    name: str
    fit: Params
    score: Score
    target: str = targets.DEFAULT
    file: fitfile.FitFile | None = None

    def shortcuts(self) -> set[str]:
        """The exercise shortcuts the fit used, by its provenance."""
        return provenance.shortcuts(self.file.history) if self.file else set()

    def made(self) -> str:
        """How the fit was made, as a teacher reads it."""
        return self.file.made() if self.file else ""


def distinct(names: list[str]) -> list[str]:
    """File names made unique in order: a class's downloads are often all
    "nnsine-fit.json", so the second is "nnsine-fit.json (2)" (a row and an alias each)."""
    out: list[str] = []
    for name in names:
        candidate, k = name, 1
        while candidate in out:
            k += 1
            candidate = f"{name} ({k})"
        out.append(candidate)
    return out


def grade(files: Iterable[tuple[str, bytes]], target: str | None = targets.DEFAULT
          ) -> tuple[list[Entry], list[tuple[str, str]]]:
    """(name, content) pairs -> (entries best first, (name, problem) for each bad file).
    Every fit is scored on `target`, or with None on the target its own file names."""
    entries, bad = [], []
    for name, content in files:
        try:
            file = fitfile.read(content)
        except params.ParamsError as error:
            bad.append((name, str(error)))
            continue
        on = file.target if target is None else target
        entries.append(Entry(name, file.params, score(file.params, on), on, file))
    entries.sort(key=lambda e: rank_key(e.score.mse, e.score.max_error))  # stable: ties
    # keep the files' order, as the board keeps the hand-ins' order
    return entries, bad


def curves(entries: list[Entry], target: str = targets.DEFAULT
           ) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """The book's grid x (n,), the target (n,) and each entry's output (n,)."""
    x, y = targets.sample(target)
    return x, y, [predict(e.fit, x) for e in entries]
