"""Every figure of Chapter 4 (4-1 ... 4-34) -> where nnsine shows it: a page, the link
that opens it, what to do there if the link cannot do it all, and the element that shows
it (for the README's table and for a test that opens each one).

`FIGURES` is the map in the current language (nnsine.i18n): its captions, what to do and
the tab names it sets are translated, built once per language (module `__getattr__`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlencode

from nnsine import i18n
from nnsine.book import more_pairs, walkthrough
from nnsine.engine.activations import TABLE
from nnsine.formats import params
from nnsine.i18n import N_, _


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


_WHY = (("4-5", N_("The sine data and what a trained 1→8→8→1 network makes of it.")),
        ("4-6", N_("The same network with linear hidden layers: a straight line at best.")),
        ("4-7", N_("The same network with ReLU hidden layers: it follows the sine.")),
        ("4-8", N_("A network of linear neurons multiplied out: one slope and one "
                   "intercept.")))
_ONE_PAIR = (
    ("4-9", "one_chart", N_("A lone neuron with weight 0 and bias 0: flat at 0.")),
    ("4-10", "one_chart", N_("Weight 1, bias 0: 0 on the left, switching on at x = 0.")),
    ("4-11", "one_chart", N_("Bias 0.5 moves the switch-on point left, to x = -0.5.")),
    ("4-12", "one_chart", N_("Weight -1: read left to right, the neuron switches off at "
                             "0.5.")),
    ("4-13", "pair_chart", N_("A pair whose second neuron has weight 1, bias 0: no "
                              "offset.")),
    ("4-14", "pair_chart", N_("The second neuron's bias 1 lifts the pair's whole output.")),
    ("4-15", "pair_chart", N_("Second weight -2: the pair switches on and off again.")),
    ("4-16", "pair_chart", N_("The same pair with its area of effect shaded.")),
)
_TUNER_CAPTIONS = {
    "4-17": N_("Every weight and bias 0: the output is flat."),
    "4-18": N_("Pair 1's weights and output weight 1: the line y = x."),
    "4-19": N_("Layer-1 weight 6: the right starting slope, but the line never ends."),
    "4-20": N_("Layer-2 bias 0.7 lifts the line by the height where it should stop."),
    "4-21": N_("Layer-2 weight -1: the pair now switches off where the line left the sine."),
    "4-22": N_("Output weight -1 flips the piece back; it still starts too low."),
    "4-23": N_("The last pair offsets everything so the curve starts at 0."),
    "4-24": N_("Pair 2 at weight 1 switches on too early and spoils pair 1's stretch."),
    "4-25": N_("Pair 2 moved right, to switch on where pair 1 switches off."),
    "4-26": N_("Pair 2's piece flipped with its output weight."),
    "4-27": N_("The offset pair corrects the start again."),
    "4-28": N_("Pair 3 starts where the wave should begin to fall."),
    "4-29": N_("Every section done: the hand-tuned fit."),
}
# The tuner's tabs, by their names (ui/tuner: pages/tuner.py's tabs and
# optimizer_panel.TAB): a tab is opened by setting its translated name.
PROBE_TAB = N_("Probe the network")
OPTIMIZER_TAB = N_("Fig. 4-32: let the optimizer finish")


def _walk(figure: str, number: int) -> FigureView:
    return FigureView(figure, _(_TUNER_CAPTIONS[figure]), "tuner", "walk_next",
                      {"walk": str(number)})


def figures() -> tuple[FigureView, ...]:
    """Every figure's view, in the book's order, its words in the current language."""
    steps = walkthrough.walk()
    walk = {step.figure: k + 1 for k, step in enumerate(steps) if step.pictured}
    last = str(len(steps))  # the hand-tuned fit: the walkthrough's last step
    probe, optimizer = _(PROBE_TAB), _(OPTIMIZER_TAB)
    return (
        *(FigureView(a.figure, _(a.caption), "activations", "act_chart", {"act": a.name})
          for a in TABLE),  # Figs. 4-1 to 4-4
        *(FigureView(f, _(caption), "why-nonlinear", "why_loss")  # the default run, at once
          for f, caption in _WHY),
        *(FigureView(f, _(caption), "one-pair", shows, {"fig": f})
          for f, shows, caption in _ONE_PAIR),
        *(_walk(f"4-{k}", walk[f"4-{k}"]) for k in range(17, 30)),
        FigureView("4-30", _("At x = 0.08 only the first pairs pass x on; the offset pair is "
                             "always on."), "tuner", "probe_chart", {"walk": last},
                   _("open the tab *{tab}* (x = 0.08)", tab=probe),
                   {"tuner_tab": probe, "probe_x": 0.08}),
        FigureView("4-31", _("At x = 0.51 the 4th pair is the active one."), "tuner",
                   "probe_words", {"walk": last},
                   _("open the tab *{tab}*, press *x = 0.51*", tab=probe),
                   {"tuner_tab": probe, "probe_x": 0.51}),
        FigureView("4-32", _("An optimizer trains every weight from the hand-tuned start."),
                   "tuner", "opt_train", {"walk": last}, _("open the tab *{tab}*", tab=optimizer),
                   {"tuner_tab": optimizer}),
        FigureView("4-33", _("The book's method with 16 pairs: more areas of effect, a closer "
                             "fit."), "tuner", "fig_4_33",
                   params.to_query(more_pairs.sixteen_pairs()), preset="sixteen-pairs"),
        FigureView("4-34", _("The exponential e^x that softmax is built on."), "softmax",
                   "sm_exp_chart"),
    )


@cache  # one map per language: the same figures and links, other words
def _figures_in(code: str) -> tuple[FigureView, ...]:
    with i18n.using(code):
        return figures()


def __getattr__(name: str):
    if name == "FIGURES":  # computed, so that its words follow the current language
        return _figures_in(i18n.current())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Fig. 4-32's words, quoted by the optimizer tab (ui/tuner/optimizer_panel.py), which
# shows them as `_(FIG_4_32_BOOK)`.
FIG_4_32_BOOK = N_("If we enable all of the weights now and allow a mathematical optimizer "
                   "to train, we can see even better fitment.")


def by_figure(figure: str) -> FigureView:
    """The view of `figure` ("4-12"); KeyError names it when the map has no such figure."""
    for view in _figures_in(i18n.current()):
        if view.figure == figure:
            return view
    raise KeyError(f"no figure {figure!r} in the map (4-1 ... 4-34)")


def readme_table(base: str = "http://localhost:8501") -> str:
    """The figure map as a Markdown table for the README (in English, as the README)."""
    rows = ["| Figure | What it shows (our words) | Open | Then |", "|---|---|---|---|"]
    rows += [f"| {v.figure} | {v.caption} | [{v.link}]({base}{v.link}) | {v.then or '–'} |"
             for v in _figures_in(i18n.DEFAULT)]
    return "\n".join(rows)
