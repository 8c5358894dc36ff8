"""The chart for handouts: SVG and PNG drawn offline by matplotlib, with the score in
the title and every value in the caption."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest
from PIL import Image

from nnsine.book import presets
from nnsine.engine.metrics import score
from nnsine.formats import params
from nnsine.plots import render
from nnsine.plots.figures import FIT_COLOR


def test_title_has_the_apps_score():
    fit = presets.preset("hand-tuned")
    result = score(fit)
    assert render.title(fit, "sine") == (f"sin(2πx) with 8 ReLU pairs: MSE {result.mse:.5f}, "
                                         f"max |error| {result.max_error:.4f}")


def test_caption_lists_every_value():
    fit = params.snap_all(params.from_flat(np.arange(41) / 100 - 0.2))  # slider values
    lines = render.caption(fit).splitlines()
    assert len(lines) == 1 + 8 + 1
    numbers = [float(word) for line in lines[1:9] for word in line.split()[1:]]
    assert numbers == params.to_flat(fit)[:-1]
    assert lines[-1].startswith("output bias b_out = 0.2")


def test_svg_is_an_svg_document():
    data = render.render(presets.preset("hand-tuned"), "svg")
    root = ElementTree.fromstring(data)
    assert root.tag.endswith("svg")
    assert render.render(presets.preset("hand-tuned"), "svg").count(b"<path") > 20


def test_png_shows_the_fit_in_its_colour():
    image = Image.open(io.BytesIO(render.render(presets.preset("hand-tuned"), "png", "triangle")))
    assert image.format == "PNG" and image.width == 12 * render.DPI
    pixels = np.asarray(image.convert("RGB")).reshape(-1, 3)
    fit_rgb = [int(FIT_COLOR[k:k + 2], 16) for k in (1, 3, 5)]
    assert (np.abs(pixels.astype(int) - fit_rgb).sum(axis=1) < 30).sum() > 1000


def test_sixteen_pairs_and_the_wide_view_render():
    fit = params.resize(presets.preset("hand-tuned"), 16)
    image = Image.open(io.BytesIO(render.render(fit, "png", view="wide")))
    assert image.height > Image.open(io.BytesIO(
        render.render(presets.preset("hand-tuned"), "png"))).height  # a longer caption


def test_unknown_format():
    with pytest.raises(ValueError, match="expected one of svg, png"):
        render.render(presets.preset("zeros"), "pdf")


def test_linear_hidden_layers_say_so_in_the_title():
    fit = presets.preset("hand-tuned")
    assert render.title(fit, "sine", "linear").startswith("sin(2πx) with 8 linear pairs: MSE ")
    assert render.render(fit, "png", activation="linear")[:4] == b"\x89PNG"
