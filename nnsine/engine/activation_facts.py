"""What the activation-functions page says about one neuron (sections 4.1-4.4): its
outputs for inputs 3 and 3000 at the current weight and bias, and which of the book's
statements those numbers show."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnsine.engine.activations import ACTIVATIONS, TABLE
from nnsine.engine.neuron import neuron
from nnsine.i18n import _

PROBES = (3.0, 3000.0)  # the book's "an input of 3 will output the same value as 3000"

USES = {a.name: a.use for a in TABLE}  # where each is used, from the one table (English: `_()`)


@dataclass(frozen=True)
class Readout:
    """f(weight·3 + bias) and f(weight·3000 + bias) for activation f, as floats."""

    inputs: tuple[float, float]
    outputs: tuple[float, float]

    @property
    def same(self) -> bool:
        """Whether the two outputs are the same float: the input's size is lost."""
        return self.outputs[0] == self.outputs[1]


def readout(name: str, weight: float, bias: float) -> Readout:
    """The neuron's outputs for inputs 3 and 3000; name is a key of ACTIVATIONS."""
    low, high = neuron(np.array(PROBES), weight, bias, ACTIVATIONS[name])
    return Readout(PROBES, (float(low), float(high)))


def notes(name: str, weight: float, bias: float) -> list[tuple[str, str]]:
    """(key, sentence) for each statement that holds at this weight and bias."""
    r = readout(name, weight, bias)
    found = []
    if r.same:
        found.append(("same", _("Here inputs 3 and 3000 give the same output, {output:.10g}: the "
                                "neuron's output no longer tells how large its input was.",
                                output=r.outputs[0])))
    else:
        found.append(("differ", _("Here inputs 3 and 3000 give different outputs ({low:.10g} "
                                  "and {high:.10g}): the output still tells them apart.",
                                  low=r.outputs[0], high=r.outputs[1])))
    if name == "sigmoid" and not r.same and abs(r.outputs[1] - r.outputs[0]) < 0.01:
        found.append(("saturating", _("A nuance the book leaves for later: far from 0 the "
                                      "sigmoid flattens out, so large inputs give outputs very "
                                      "close to each other (it saturates).")))
    if name == "sigmoid" and r.same:
        found.append(("saturated", _("In float64 even the sigmoid's outputs are equal here: "
                                     "both are within a rounding error of 1 (saturated).")))
    return found
