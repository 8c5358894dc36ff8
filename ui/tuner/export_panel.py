"""The sine tuner's "Take it to your notebook": the fit as the book's code, NumPy or PyTorch
(code view with a copy button, downloads), the chart as SVG/PNG for handouts, and a
network from a notebook back in (a pair network into the sliders, a dense one shown here)."""

from __future__ import annotations

from functools import partial

import streamlit as st

from nnsine import i18n
from nnsine.engine import dense, targets
from nnsine.engine.metrics import compare, score
from nnsine.engine.network import Params, dense_layer_outputs, predict
from nnsine.formats import export, importer, params
from nnsine.i18n import N_, _, ngettext
from nnsine.plots import fonts, render
from nnsine.plots.chapter_figures import fits_figure
from ui import fit_state
from ui.language import in_language, localized
from ui.state import session
from ui.widgets import markdown_literal

OPEN, FORMAT, UPLOAD = "notebook", "notebook_format", "notebook_upload"
IMPORTED, UNDO, PROBE_X = "notebook_imported", "notebook_undo", "notebook_probe_x"
FORMATS = {"nnfs": N_("The book's code"), "numpy": N_("NumPy .npz"), "torch": N_("PyTorch")}
NPZ_SNIPPET = '''\
import numpy as np

data = np.load("nnsine-fit.npz")
dense1.weights, dense1.biases = data["dense1_weights"], data["dense1_biases"]  # (1, n)
dense2.weights, dense2.biases = data["dense2_weights"], data["dense2_biases"]  # (n, n), (1, n)
dense3.weights, dense3.biases = data["dense3_weights"], data["dense3_biases"]  # (n, 1), (1, 1)
'''
MIME = {"nnfs": "text/x-python", "numpy": "application/octet-stream",
        "torch": "application/octet-stream", "svg": "image/svg+xml", "png": "image/png"}


def export_panel(fit: Params, target: str, activation: str = "relu", view: str = "book") -> None:
    """An expander that runs only while open (nothing is built on a slider release)."""
    box = st.expander(_("Take it to your notebook: the book's code, NumPy, PyTorch; import; "
                        "the chart for handouts"), key=OPEN, on_change="rerun")
    if not box.open:
        return
    with box:
        _export(fit, target, activation)
        _chart_files(fit, target, view, activation)
        _import(fit, target)


def _export(fit: Params, target: str, activation: str) -> None:
    session.setdefault(FORMAT, "nnfs")
    to = st.segmented_control(_("Export as"), list(FORMATS), key=FORMAT, required=True,
                              format_func=in_language(lambda key: _(FORMATS[key])))
    if activation != "relu":
        st.caption(_("The export is the ReLU network (the book's); the linear view is a "
                     "demonstration of section 4.6."))
    shown = score(fit, target)
    if to == "nnfs":
        # A comment in the program: code, so English in every language.
        program = export.nnfs_program(fit, target, f"The app showed: MSE {shown.mse:.5f}, "
                                                   f"max |error| {shown.max_error:.4f}")
        st.caption(_("A whole program in the book's style: paste it into a notebook or save "
                     "it and run `python nnsine_fit.py`; it prints the MSE shown here."))
        st.code(program, language="python", height=420)  # scrolls; the copy button copies all
        data = program
    elif to == "numpy":
        st.caption(_("The book's six arrays, weights shaped (inputs, outputs): load them "
                     "into your own Layer_Dense objects."))
        st.code(NPZ_SNIPPET, language="python")
        data = partial(export.npz_bytes, fit)
    else:
        st.caption(_("A state_dict for nn.Sequential(Linear(1, n), ReLU(), Linear(n, n), "
                     "ReLU(), Linear(n, 1)), in PyTorch's (outputs, inputs) layout. Written "
                     "without PyTorch; this loads it:"))
        st.code(export.torch_snippet(fit.n_pairs), language="python")
        data = partial(export.torch_bytes, fit)
    st.download_button(_("Download {file}", file=export.FILE_NAMES[to]), data,
                       export.FILE_NAMES[to], MIME[to], key=f"notebook_download_{to}",
                       on_click="ignore")


def _chart_files(fit: Params, target: str, view: str, activation: str) -> None:
    st.markdown(_("**The chart for handouts and slides**: the target, the fit, each pair's "
                  "contribution and area of effect, the score, and every value."))
    svg, png = st.columns(2)
    # The download runs outside this run (its own thread): it is told the language.
    code = i18n.current()
    for column, fmt in ((svg, "svg"), (png, "png")):
        column.download_button(_("Chart as {format}", format=fmt.upper()),
                               partial(render.render, fit, fmt, target, view, activation,
                                       code=code),
                               f"nnsine-chart.{fmt}", MIME[fmt], key=f"notebook_{fmt}",
                               on_click="ignore", width="stretch")
    if (missing := fonts.note(code)) is not None:
        st.caption(missing)


def _uploaded() -> None:
    upload = session.get(UPLOAD)
    if upload is None:  # the file was removed: so is what it showed
        session.pop(IMPORTED, None)
        return
    try:
        session[IMPORTED] = (upload.name, importer.read(upload.getvalue()))
    except params.ParamsError as error:
        session.pop(IMPORTED, None)
        fit_state.notice("error", _("Could not import {name}: {error}. Your fit is "
                                    "unchanged.", name=markdown_literal(upload.name),
                                    error=markdown_literal(error)))


def _load(fit: Params, name: str) -> None:
    session[UNDO] = fit_state.current()
    fit_state.commit(fit)
    fit_state.notice("success", _("Loaded {name} into the sliders. Undo brings your "
                                  "values back.", name=markdown_literal(name)))


def _undo() -> None:
    fit_state.commit(session.pop(UNDO))
    fit_state.notice("info", _("Restored your values from before the import."))


def _import(fit: Params, target: str) -> None:
    st.markdown(_("**Import from your notebook**: an .npz from `np.savez(\"fit.npz\", "
                  "dense1_weights=dense1.weights, dense1_biases=dense1.biases, ...)` with the "
                  "six arrays, the same as JSON lists, or a fit file."))
    st.file_uploader(_("Network from a notebook (.npz or .json)"), type=["npz", "json"],
                     key=UPLOAD, on_change=localized(_uploaded), max_upload_size=1)
    if UNDO in session:
        st.button(_("Undo the import: back to my values"), key="notebook_undo_button",
                  on_click=localized(_undo))
    if IMPORTED in session:
        _show(*session[IMPORTED], fit, target)


def _show(name: str, imported: importer.Imported, fit: Params, target: str) -> None:
    x, y = targets.sample(target)
    output = importer.output(imported, x)
    result = compare(output, y)
    st.markdown(ngettext("**{name}**: a pair network, {n} neuron per hidden layer.",
                         "**{name}**: a pair network, {n} neurons per hidden layer.",
                         imported.n, name=markdown_literal(name))
                if imported.fit is not None else
                ngettext("**{name}**: a dense network, {n} neuron per hidden layer.",
                         "**{name}**: a dense network, {n} neurons per hidden layer.",
                         imported.n, name=markdown_literal(name)))
    first, second = st.columns(2)
    first.metric(_("MSE (as imported)"), f"{result.mse:.5f}")
    second.metric(_("max |error|"), f"{result.max_error:.4f}")
    fits = {_("{name} (imported)", name=name): output, _("your sliders"): predict(fit, x)}
    st.plotly_chart(fits_figure(x, y, fits, targets.label(target), revision="notebook"),
                    key="notebook_chart", config={"displayModeBar": False})
    if imported.fit is None:
        _dense(imported, target)
    elif imported.off_slider:
        st.warning(_("Shown here, not on the sliders: {problem}. The sliders span [-10, 10]; "
                     "a ReLU pair keeps its curve if you divide one layer's weight and bias by "
                     "a positive number and multiply the next weight by it.",
                     problem=markdown_literal(imported.off_slider)))
    else:
        _pairs(imported.fit, name, target)


def _pairs(imported: Params, name: str, target: str) -> None:
    rounded = params.snap_all(imported)
    if rounded == imported:
        st.caption(_("Every value is already a slider position: loading changes nothing in "
                     "it."))
        st.button(_("Load into the sliders"), key="notebook_load", type="primary",
                  on_click=localized(_load), args=(imported, name))
        return
    after = score(rounded, target)
    st.info(_("The sliders move in steps of 0.01, so loading rounds every value: MSE "
              "{mse:.5f} as imported, {rounded:.5f} rounded (max |error| {max_error:.4f}). "
              "The exact network stays shown here.", mse=score(imported, target).mse,
              rounded=after.mse, max_error=after.max_error))
    st.button(_("Round to 0.01 and load into the sliders"), key="notebook_load",
              type="primary", on_click=localized(_load), args=(rounded, name))


def _dense(imported: importer.Imported, target: str) -> None:
    pairs_only = score(dense.pair_part(dense.from_layers(imported.layers)), target)
    st.warning(ngettext(
        "Shown here, read-only, not on the sliders: layer 2 is dense ({n} weight off its "
        "diagonal), so layer-2 neuron i hears other layer-1 neurons than i. The tuner's "
        "sliders are pairs (neuron i hears only neuron i) and cannot hold it. Keeping only "
        "the diagonal would give MSE {mse:.5f}.",
        "Shown here, read-only, not on the sliders: layer 2 is dense ({n} weights off its "
        "diagonal), so layer-2 neuron i hears other layer-1 neurons than i. The tuner's "
        "sliders are pairs (neuron i hears only neuron i) and cannot hold it. Keeping only "
        "the diagonal would give MSE {mse:.5f}.", imported.cross_weights, mse=pairs_only.mse))
    session.setdefault(PROBE_X, 0.08)
    x = st.number_input(_("Probe the network at x ="), -0.5, 1.5, step=0.01, key=PROBE_X,
                        format="%.2f")
    st.metric(_("output"), f"{importer.output(imported, [x])[0]:.4f}")
    hidden1, hidden2, _output = (out[0] for out in dense_layer_outputs(imported.layers, [x]))
    neuron, first, second = _("neuron"), _("layer 1"), _("layer 2")  # the table's columns
    st.dataframe([{neuron: _("Neuron {neuron}", neuron=i + 1), first: float(hidden1[i]),
                   second: float(hidden2[i])} for i in range(imported.n)],
                 key="notebook_probe", hide_index=True)

