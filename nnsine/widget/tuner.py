"""`Tuner`: the live tuner (sliders, the curve following the thumb, handles, MSE) as an
anywidget in the learner's own notebook, over the same front end as the app
(nnsine/frontend, bundled into static/tuner.js by nnsine/widget/build/build.py).

    t = Tuner()            # 8 pairs at zero; Tuner(n_pairs=4), Tuner(fit, target="abs")
    t.values["p1_w1"]      # the slider values by their URL names, synced on release
    t.fit, t.score         # the engine's Params and Score; `t.fit = preset("hand-tuned")`
    t.to_nnfs()            # the book's program with these values (nnsine.formats.export)
    Tuner(lang="es")       # its words in Spanish ("zh": Simplified Chinese; nnsine.i18n)

Every value set from Python passes nnsine's checks (payload.fit_of, targets.check): a bad
one raises ParamsError naming the field, and the widget keeps what it had.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import anywidget
import traitlets

from nnsine import i18n
from nnsine.engine import metrics, targets, views
from nnsine.engine.network import Params
from nnsine.formats import export, fitfile, params, provenance
from nnsine.formats.checks import ParamsError, shorten, whole
from nnsine.i18n import _
from nnsine.widget import payload

STATIC = Path(__file__).resolve().parent / "static"


def language(lang) -> str:
    """The code of the language `lang` asks for (nnsine.i18n.pick: "es", "es-MX", "zh-CN"
    ...); ParamsError naming the value when nnsine has no translation for it."""
    code = i18n.pick(lang) if isinstance(lang, str) else None
    if code is None:
        codes = ", ".join(known.code for known in i18n.LANGUAGES)
        raise ParamsError(_("lang: no translation for {value}; one of {codes}",
                            value=shorten(repr(lang)), codes=codes))
    return code


class Tuner(anywidget.AnyWidget):
    """The live tuner for one fit and target; see the module docstring."""

    _esm = STATIC / "tuner.js"
    _css = payload.css(STATIC / "theme.css")
    _html = traitlets.Unicode(payload.HTML).tag(sync=True)
    _data = traitlets.Dict().tag(sync=True)  # live_tuner.js's `data`
    _score_text = traitlets.Unicode("").tag(sync=True)
    _release = traitlets.Dict().tag(sync=True)  # from the browser: {values, seq, checksum}
    _select = traitlets.Dict().tag(sync=True)  # from the browser: {pair, seq}
    # Any, not Dict/Unicode: a wrong type must raise nnsine's ParamsError, not TraitError.
    values = traitlets.Any(help="{'p1_w1': ..., 'b_out': ...}: the slider values")
    target = traitlets.Any(targets.DEFAULT, help="the target (nnsine.engine.targets)")

    def __init__(self, fit: Params | None = None, *, n_pairs: int | None = None,
                 target: str = targets.DEFAULT, lang: str = i18n.DEFAULT, **kwargs):
        """`fit` (default: every value at zero), cut or padded to `n_pairs` if given
        (1 to 16), its words in `lang` ("en", "es", "zh"; a tag such as "es-MX" counts);
        ParamsError for a fit, target or language nnsine cannot show."""
        self._lang = language(lang)
        with i18n.using(self._lang):  # every check's message in the tuner's language
            if n_pairs is not None:
                count = whole(n_pairs, 1, params.MAX_PAIRS, "n_pairs")
                fit = params.resize(fit if fit is not None else params.defaults(count),
                                    count)
            fit = payload.checked_fit(fit if fit is not None else params.defaults())
        self._rev, self._shown, self._selected = 0, None, 0
        self._target_text = (None, "")  # (target, its points as the browser reads them)
        self.history: tuple[provenance.Event, ...] = ()
        self.notices: list[str] = []  # what was corrected in the last release
        super().__init__(**kwargs)
        self.target = target
        self.values = payload.values_of(fit)
        self.history = ()  # made here: nothing has happened to the fit yet
        self.on_msg(self._on_message)

    # --- the Python side's attributes ------------------------------------------------

    @traitlets.validate("values")
    def _check_values(self, proposal):
        # Read-only: `t.values["p1_w1"] = 3` would change nothing on screen, so it fails;
        # `t.values = {**t.values, "p1_w1": 3}` is checked and redraws.
        with i18n.using(self._lang):  # its errors in the tuner's language
            return MappingProxyType(payload.values_of(payload.fit_of(proposal["value"])))

    @traitlets.validate("target")
    def _check_target(self, proposal):
        with i18n.using(self._lang):
            if not isinstance(proposal["value"], str):
                raise ParamsError(_("target: expected a target's name, got {kind}",
                                    kind=type(proposal["value"]).__name__))
            return targets.check(proposal["value"])

    @property
    def fit(self) -> Params:
        """The fit shown (the engine's Params); setting it checks it as `values`."""
        return payload.fit_of(self.values)

    @fit.setter
    def fit(self, fit: Params) -> None:
        with i18n.using(self._lang):
            self.values = payload.values_of(payload.checked_fit(fit))

    @property
    def lang(self) -> str:
        """The code of the language the tuner speaks ("en", "es", "zh"); setting it checks
        the value as `Tuner(lang=...)` does and redraws in that language."""
        return self._lang

    @lang.setter
    def lang(self, lang: str) -> None:
        self._lang = language(lang)
        self.notices = []  # said in the language before
        self._redraw()

    @property
    def n_pairs(self) -> int:
        """How many pairs the fit has."""
        return self.fit.n_pairs

    @property
    def score(self) -> metrics.Score:
        """MSE, max |error| and mean |error| on the book's 1,000-point grid."""
        return metrics.score(self.fit, self.target)

    @traitlets.observe("values", "target")
    def _redraw(self, change=None) -> None:
        if not self.values:
            return  # still in __init__: the target is set before the values
        if change is not None and not self._from_browser:  # set from Python
            self.notices = []  # they were about the browser's last release
            if change["name"] == "values":
                self.history = provenance.record(self.history, "import", "notebook")
        fit = self.fit
        flat = params.to_flat(fit)
        if self._shown != flat:  # the browser must take these values: a new revision
            self._rev += 1
            self._shown = flat
        if self._target_text[0] != self.target:  # made once per target, not per release
            self._target_text = (self.target, views.target_text(self.target, "book"))
        with i18n.using(self.lang):
            self._data = payload.tuner_data(fit, self.target, self._rev,
                                            min(self._selected, fit.n_pairs - 1),
                                            target_text=self._target_text[1])
            self._score_text = " ".join([payload.score_text(self.score), *self.notices])

    _from_browser = False

    # --- messages from the browser -----------------------------------------------------

    @traitlets.observe("_release")
    def _on_release(self, change) -> None:
        release = change["new"]
        if not isinstance(release, dict) or "values" not in release:
            return
        with i18n.using(self.lang):
            fit, self.notices = payload.accept_release(release, self.fit)
        self._shown = release.get("values")  # what the browser shows: corrections get pushed
        self._from_browser = True
        try:
            self.history = provenance.record(self.history, "sliders")
            before = self.values
            self.values = payload.values_of(fit)
            if self.values == before:
                self._redraw()
        finally:
            self._from_browser = False

    @traitlets.observe("_select")
    def _on_select(self, change) -> None:
        pair = (change["new"] or {}).get("pair")
        if isinstance(pair, int) and not isinstance(pair, bool) and 0 <= pair < self.n_pairs:
            self._selected = pair
            self._redraw()

    def _on_message(self, widget, content, buffers) -> None:
        # plotly.js for the page, from this package (nnsine/vendor/plotly; no CDN).
        if isinstance(content, dict) and content.get("type") == "plotly":
            self.send({"type": "plotly"}, buffers=[payload.plotly_js()])

    # --- files and the book's code -----------------------------------------------------

    @classmethod
    def from_file(cls, path, **kwargs) -> Tuner:
        """A tuner for the fit file at `path` (its target and history too); ParamsError
        (or OSError) says why not."""
        with i18n.using(language(kwargs.get("lang", i18n.DEFAULT))):
            read = fitfile.read(fitfile.head(str(path)))
        tuner = cls(read.params, target=read.target, **kwargs)
        tuner.history = provenance.record(read.history, "upload", Path(path).name)
        return tuner

    def to_file(self, path) -> None:
        """Save the fit as a fit file (JSON, version 2, sealed), as the app's download."""
        Path(path).write_text(fitfile.dumps(self.fit, self.target, self.history),
                              encoding="utf-8")

    def to_nnfs(self) -> str:
        """The book's program (Layer_Dense, Activation_ReLU) with this fit's exact values,
        as the app's export; run, it prints the MSE and max |error| shown here."""
        shown = self.score
        return export.nnfs_program(self.fit, self.target, f"The notebook showed: MSE "
                                   f"{shown.mse:.5f}, max |error| {shown.max_error:.4f}")

    @classmethod
    def from_layers(cls, dense1, dense2, dense3, **kwargs) -> Tuner:
        """A tuner for the book's three Layer_Dense objects (`.weights` (inputs, outputs),
        `.biases` (1, outputs)) of a pair network: the inverse of the notebook import.
        ParamsError names the array and index of a bad value, a dense layer 2, or a value
        the sliders cannot hold."""
        return cls(payload.fit_of_layers(dense1, dense2, dense3), **kwargs)
