"""Grading a class: load many saved fits, score each on one target, rank best first.
The CLI's `score` and the class challenge page both use this."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from nnsine import fitfile, params, targets
from nnsine.metrics import Score, score
from nnsine.network import Params, predict


@dataclass(frozen=True)
class Entry:
    """One graded file: its name, fit and score."""
    name: str
    fit: Params
    score: Score


def grade(files: Iterable[tuple[str, bytes]], target: str = targets.DEFAULT
          ) -> tuple[list[Entry], list[tuple[str, str]]]:
    """(name, content) pairs -> (entries best first, (name, problem) for each bad file)."""
    entries, bad = [], []
    for name, content in files:
        try:
            fit = fitfile.loads(content)
        except params.ParamsError as error:
            bad.append((name, str(error)))
            continue
        entries.append(Entry(name, fit, score(fit, target)))
    entries.sort(key=lambda e: (e.score.mse, e.score.max_error, e.name))
    return entries, bad


def curves(entries: list[Entry], target: str = targets.DEFAULT
           ) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """The book's grid x (n,), the target (n,) and each entry's output (n,)."""
    x, y = targets.sample(target)
    return x, y, [predict(e.fit, x) for e in entries]
