"""The pair palette is readable in both themes and under colour blindness.

Oracle: colour-science (Machado, Oliveira & Fernandes 2009 CVD matrices at full
severity, CIEDE2000), independent of how the palette was picked."""

import itertools
import warnings

import numpy as np
import pytest

from nnsine.plots.figures import FIT_COLOR, GUIDE_COLOR, PAIR_COLORS, TARGET_COLOR

# Importing colour-science sets NumPy's print options to legacy="1.13" for the whole
# process, which would change what other tests see printed: put them back.
_PRINT_OPTIONS = np.get_printoptions()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # colour-science notes that SciPy/Matplotlib are absent
    import colour
np.set_printoptions(**_PRINT_OPTIONS)

BACKGROUNDS = {"light": "#ffffff", "dark": "#171614"}  # Streamlit 1.67 base themes
DEFICIENCIES = ("Protanomaly", "Deuteranomaly", "Tritanomaly")  # severity 1: -anopia


def linear_rgb(hex_color: str) -> np.ndarray:
    srgb = np.array([int(hex_color[k:k + 2], 16) / 255 for k in (1, 3, 5)])
    return colour.models.eotf_sRGB(srgb)


def lab(hex_color: str, deficiency: str | None = None) -> np.ndarray:
    rgb = linear_rgb(hex_color)
    if deficiency is not None:
        rgb = np.clip(colour.matrix_cvd_Machado2009(deficiency, 1.0) @ rgb, 0, 1)
    xyz = colour.RGB_to_XYZ(rgb, "sRGB", apply_cctf_decoding=False)
    return colour.XYZ_to_Lab(xyz)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio."""
    la, lb = (float(linear_rgb(c) @ [0.2126, 0.7152, 0.0722]) for c in (a, b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


@pytest.mark.parametrize("theme", BACKGROUNDS)
def test_every_line_colour_has_3_to_1_contrast_on_both_themes(theme):
    # WCAG 1.4.11: graphics needed to understand the chart.
    for color in (*PAIR_COLORS, TARGET_COLOR, FIT_COLOR, GUIDE_COLOR):
        assert contrast(color, BACKGROUNDS[theme]) >= 3, (color, theme)


@pytest.mark.parametrize("deficiency", (None, *DEFICIENCIES))
def test_default_pairs_fit_and_target_stay_apart_under_colour_blindness(deficiency):
    # The 8 pairs a learner starts with, plus the two curves drawn with them.
    colors = (*PAIR_COLORS[:8], FIT_COLOR, TARGET_COLOR)
    labs = {c: lab(c, deficiency) for c in colors}
    for a, b in itertools.combinations(colors, 2):
        difference = float(colour.delta_E(labs[a], labs[b], method="CIE 2000"))
        assert difference >= 8, (a, b, deficiency, difference)


def test_all_sixteen_pairs_have_their_own_colour():
    labs = [lab(c) for c in PAIR_COLORS]
    assert min(float(colour.delta_E(a, b, method="CIE 2000"))
               for a, b in itertools.combinations(labs, 2)) >= 5


def test_the_old_palette_would_have_failed():
    # The check is not vacuous: the previous palette's red and ochre merge for deuteranopes.
    old_red, old_ochre = "#FB0D0D", "#B68100"
    difference = colour.delta_E(lab(old_red, "Deuteranomaly"), lab(old_ochre, "Deuteranomaly"),
                                method="CIE 2000")
    assert difference < 8
