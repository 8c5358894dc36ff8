"""A trained fit onto the sliders' 0.01 grid without losing what training won.

Plain rounding moves every value up to half a step, and a pair with layer-1 weight 5 is
sensitive: it can undo most of the training. So: round (fields.snap_all), then nudge one
value at a time by one slider step, keeping each nudge that lowers the MSE, until none does.
"""

from __future__ import annotations

import numpy as np

from nnsine.engine import dense, fields, targets
from nnsine.engine.network import Params

MAX_SWEEPS = 100  # each sweep lowers the MSE or ends the search; this is only a backstop


def to_sliders(fit: Params, target: str = targets.DEFAULT, mask: np.ndarray | None = None
               ) -> Params:
    """The fit rounded to the slider grid and nudged, step by step, to a lower MSE on the
    book's grid; every value is a slider position, except those whose mask
    (5 * n_pairs + 1,), as optimizers.lock_mask gives, is 0: they are kept exactly."""
    batch = dense.Batch(*targets.sample(target), dense.from_params(fit).sizes)
    kept = [False] * (5 * fit.n_pairs + 1) if mask is None else (np.asarray(mask) == 0).tolist()
    slots = fields.slots(fit.n_pairs)
    values = [exact if locked else snapped for exact, snapped, locked in zip(
        fields.to_flat(fit), fields.to_flat(fields.snap_all(fit)), kept, strict=True)]

    def mse(candidate: list[float]) -> float:
        vector = dense.from_params(fields.from_flat(candidate)).vector
        return batch.loss(vector)

    best = mse(values)
    for _ in range(MAX_SWEEPS):
        improved = False
        for k, slot in enumerate(slots):
            if kept[k]:
                continue
            for direction in (1.0, -1.0):
                trial = values.copy()
                trial[k] = fields.snap(slot.field, values[k] + direction * slot.field.step)
                if trial[k] == values[k]:
                    continue  # at the end of its range
                loss = mse(trial)
                if loss < best:
                    values, best, improved = trial, loss, True
                    break
        if not improved:
            break
    return fields.from_flat(np.asarray(values))
