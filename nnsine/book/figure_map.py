"""Every figure of Chapter 4 (4-1 ... 4-34) -> where nnsine shows it: a page, the link
that opens it, what to do there if the link cannot do it all, and the element that shows
it (for the README's table and for a test that opens each one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from nnsine.book import more_pairs, walkthrough
from nnsine.engine.activations import TABLE
from nnsine.formats import params


@dataclass(frozen=True)
class FigureView:
    """Figure `figure` ("4-12") is shown at /`page`?`query`; `then` is what the learner
    does after opening the link ('' if nothing), `state` the session-state values that do
    the same in a test, `shows` the key of the element that shows the figure, and
    `preset` the named fit (nnsine.book.presets) the link carries, if any."""

    figure: str
    caption: str
    page: str
    shows: str
    query: dict[str, str] = field(default_factory=dict)
    then: str = ""
    state: dict = field(default_factory=dict)
    preset: str = ""

    @property
    def link(self) -> str:
        """The path and query that open the figure's page state (the tuner is the app's
        default page, at /)."""
        path = "/" if self.page == "tuner" else f"/{self.page}"
        return path + (f"?{urlencode(self.query)}" if self.query else "")


_ACTIVATIONS = tuple((a.figure, a.name, a.caption) for a in TABLE)  # Figs. 4-1 to 4-4
_WHY = (("4-5", "The sine data and what a trained 1→8→8→1 network makes of it."),
        ("4-6", "The same network with linear hidden layers: a straight line at best."),
        ("4-7", "The same network with ReLU hidden layers: it follows the sine."),
        ("4-8", "A network of linear neurons multiplied out: one slope and one intercept."))
_ONE_PAIR = (
    ("4-9", "one_chart", "A lone neuron with weight 0 and bias 0: flat at 0."),
    ("4-10", "one_chart", "Weight 1, bias 0: 0 on the left, switching on at x = 0."),
    ("4-11", "one_chart", "Bias 0.5 moves the switch-on point left, to x = -0.5."),
    ("4-12", "one_chart", "Weight -1: read left to right, the neuron switches off at 0.5."),
    ("4-13", "pair_chart", "A pair whose second neuron has weight 1, bias 0: no offset."),
    ("4-14", "pair_chart", "The second neuron's bias 1 lifts the pair's whole output."),
    ("4-15", "pair_chart", "Second weight -2: the pair switches on and off again."),
    ("4-16", "pair_chart", "The same pair with its area of effect shaded."),
)
_WALK = {step.figure: (k + 1, step) for k, step in enumerate(walkthrough.STEPS)
         if step.pictured}
_TUNER_CAPTIONS = {
    "4-17": "Every weight and bias 0: the output is flat.",
    "4-18": "Pair 1's weights and output weight 1: the line y = x.",
    "4-19": "Layer-1 weight 6: the right starting slope, but the line never ends.",
    "4-20": "Layer-2 bias 0.7 lifts the line by the height where it should stop.",
    "4-21": "Layer-2 weight -1: the pair now switches off where the line left the sine.",
    "4-22": "Output weight -1 flips the piece back; it still starts too low.",
    "4-23": "The last pair offsets everything so the curve starts at 0.",
    "4-24": "Pair 2 at weight 1 switches on too early and spoils pair 1's stretch.",
    "4-25": "Pair 2 moved right, to switch on where pair 1 switches off.",
    "4-26": "Pair 2's piece flipped with its output weight.",
    "4-27": "The offset pair corrects the start again.",
    "4-28": "Pair 3 starts where the wave should begin to fall.",
    "4-29": "Every section done: the hand-tuned fit.",
}


def _walk(figure: str) -> FigureView:
    number, _ = _WALK[figure]
    return FigureView(figure, _TUNER_CAPTIONS[figure], "tuner", "walk_next",
                      {"walk": str(number)})


FIGURES = (
    *(FigureView(f, caption, "activations", "act_chart", {"act": name})
      for f, name, caption in _ACTIVATIONS),
    *(FigureView(f, caption, "why-nonlinear", "why_loss")  # the default run, shown at once
      for f, caption in _WHY),
    *(FigureView(f, caption, "one-pair", shows, {"fig": f}) for f, shows, caption in _ONE_PAIR),
    *(_walk(f"4-{k}") for k in range(17, 30)),
    FigureView("4-30", "At x = 0.08 only the first pairs pass x on; the offset pair is "
               "always on.", "tuner", "probe_chart", {"walk": str(len(walkthrough.STEPS))},
               "open the tab *Probe the network* (x = 0.08)",
               {"tuner_tab": "Probe the network", "probe_x": 0.08}),
    FigureView("4-31", "At x = 0.51 the 4th pair is the active one.", "tuner", "probe_words",
               {"walk": str(len(walkthrough.STEPS))},
               "open the tab *Probe the network*, press *x = 0.51*",
               {"tuner_tab": "Probe the network", "probe_x": 0.51}),
    FigureView("4-32", "An optimizer trains every weight from the hand-tuned start.", "tuner",
               "opt_train", {"walk": str(len(walkthrough.STEPS))},
               "open the tab *Fig. 4-32: let the optimizer finish*",
               {"tuner_tab": "Fig. 4-32: let the optimizer finish"}),
    FigureView("4-33", "The book's method with 16 pairs: more areas of effect, a closer fit.",
               "tuner", "fig_4_33", params.to_query(more_pairs.sixteen_pairs()),
               preset="sixteen-pairs"),
    FigureView("4-34", "The exponential e^x that softmax is built on.", "softmax",
               "sm_exp_chart"),
)


# Fig. 4-32's words, quoted by the optimizer tab (ui/tuner/optimizer_panel.py).
FIG_4_32_BOOK = ("If we enable all of the weights now and allow a mathematical optimizer to "
                 "train, we can see even better fitment.")


def by_figure(figure: str) -> FigureView:
    """The view of `figure` ("4-12"); KeyError names it when the map has no such figure."""
    for view in FIGURES:
        if view.figure == figure:
            return view
    raise KeyError(f"no figure {figure!r} in the map (4-1 ... 4-34)")


def readme_table(base: str = "http://localhost:8501") -> str:
    """The figure map as a Markdown table for the README."""
    rows = ["| Figure | What it shows (our words) | Open | Then |", "|---|---|---|---|"]
    rows += [f"| {v.figure} | {v.caption} | [{v.link}]({base}{v.link}) | {v.then or '–'} |"
             for v in FIGURES]
    return "\n".join(rows)
