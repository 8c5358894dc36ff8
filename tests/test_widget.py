"""The notebook tuner's Python side (nnsine.widget.Tuner), no browser: its attributes, the
checks every value set from Python passes (ParamsError naming the field, the widget keeping
what it had), the browser's messages, files and the book's layers. Skips without the
`widget` extra (requirements-widget.txt)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pytest

pytest.importorskip("anywidget")

from nnsine.book import presets  # noqa: E402
from nnsine.engine import metrics, views  # noqa: E402
from nnsine.engine.metrics import checksum  # noqa: E402
from nnsine.engine.network import forward  # noqa: E402
from nnsine.formats import export, fitfile, params  # noqa: E402
from nnsine.formats.params import ParamsError  # noqa: E402
from nnsine.widget import Tuner  # noqa: E402
from nnsine.widget.payload import values_of  # noqa: E402
from tests.tuned import TUNED  # noqa: E402


def test_a_new_tuner_has_41_sliders_at_zero_and_the_apps_data():
    t = Tuner()
    assert t.n_pairs == 8 and list(t.values) == [s.key for s in params.slots(8)]
    assert len(t.values) == 41 and set(t.values.values()) == {0.0}
    data = t._data
    assert data["n_pairs"] == 8 and len(data["slots"]) == 41 and data["values"] == [0.0] * 41
    assert data["target"].count(",") == 999 and data["grid"]["count"] == 1000
    assert t._score_text.startswith("MSE 0.50000, max |error| 1.0000")


def test_n_pairs_sizes_the_tuner_and_is_checked():
    assert len(Tuner(n_pairs=3).values) == 16
    assert Tuner(TUNED, n_pairs=2).fit == params.resize(TUNED, 2)
    for bad in (0, 17, "many", 2.5):
        with pytest.raises(ParamsError, match="n_pairs"):
            Tuner(n_pairs=bad)


def test_setting_the_fit_redraws_and_scores_as_the_engine():
    t = Tuner()
    rev = t._data["rev"]
    t.fit = TUNED
    assert t.fit == TUNED and t.values == values_of(TUNED)
    assert t._data["rev"] == rev + 1 and t._data["values"] == params.to_flat(TUNED)
    assert t.score == metrics.score(TUNED)
    t.target = "abs"
    assert t.score == metrics.score(TUNED, "abs") and "|x − 0.5|" in t._data["target_label"]
    assert t._data["target"] == views.target_text("abs", "book")


def test_values_are_read_only_and_a_new_dict_is_checked_and_shown():
    t = Tuner()
    with pytest.raises(TypeError):
        t.values["p1_w1"] = 3.0
    t.values = {**t.values, "p1_w1": 3.0}
    assert t.fit.w1[0] == 3.0 and t._data["values"][0] == 3.0


def test_observers_fire_on_values_as_for_any_widget():
    t, seen = Tuner(), []
    t.observe(lambda change: seen.append(change["new"]["p1_w1"]), names="values")
    t.fit = TUNED
    assert seen == [5.0]


@pytest.mark.parametrize(("value", "words"), [
    ("0.5", "'0.5' is not a number"), (math.nan, "nan is not a finite number"),
    (1e400, "inf is not a finite number"), (10.5, "10.5 is outside [-10, 10]"),
    (None, "None is not a number"),
])
def test_a_bad_value_from_python_names_the_field_and_changes_nothing(value, words):
    t = Tuner(TUNED)
    before, data = dict(t.values), dict(t._data)
    with pytest.raises(ParamsError, match="Pair 3 · layer-2 bias \\(p3_b2\\)") as error:
        t.values = {**t.values, "p3_b2": value}
    assert words in str(error.value)
    assert t.values == before and t._data == data
    if isinstance(value, float):  # Params holds floats only
        with pytest.raises(ParamsError, match="p3_b2"):
            t.fit = TUNED.replace(2, b2=value)
    with pytest.raises(ParamsError, match="fit: expected nnsine's Params, got str"):
        t.fit = "a fit"
    assert t.values == before and t._data == data


def test_a_17_pair_fit_unknown_or_missing_keys_are_refused():
    t = Tuner()
    with pytest.raises(ParamsError, match="17 pairs; a fit has 1 to 16"):
        t.fit = params.resize(TUNED, 17)
    with pytest.raises(ParamsError, match="17 pairs"):
        t.values = values_of(params.resize(TUNED, 17))
    with pytest.raises(ParamsError, match="unknown keys p1_w9"):
        t.values = {**t.values, "p1_w9": 1.0}
    with pytest.raises(ParamsError, match="missing b_out"):
        t.values = {k: v for k, v in t.values.items() if k != "b_out"}
    with pytest.raises(ParamsError, match="expected a dict"):
        t.values = [0.0] * 41
    with pytest.raises(ParamsError, match="target"):
        t.target = "cosine"
    with pytest.raises(ParamsError, match="target: expected"):
        t.target = 3
    assert t.fit == params.defaults() and t.target == "sine"


def release(fit, seq=1, **changes):
    """The browser's release message for `fit`, with the checksum of the curve it drew."""
    output = forward(fit, views.grid("book")).output
    return {"values": params.to_flat(fit), "seq": seq, "checksum": checksum(output),
            **changes}


def test_a_release_from_the_browser_is_checked_as_the_apps():
    t, seen = Tuner(), []
    t.observe(lambda change: seen.append(change["new"]), names="values")
    flat = params.to_flat(TUNED)
    t._release = release(TUNED)
    assert t.fit == TUNED and len(seen) == 1 and t.notices == []
    assert t._data["values"] == flat and t.history[-1].kind == "sliders"
    rev = t._data["rev"]
    t._release = release(TUNED, 2, values=[*flat[:-1], 12.0])  # clipped
    assert t.fit.b_out == 10.0 and "clipped to 10" in t.notices[0]
    assert t._data["rev"] == rev + 1  # the browser is sent the corrected value
    assert "Slider value corrected" in t._score_text
    t._release = {"values": "junk", "seq": 3}
    assert t.fit.b_out == 10.0 and "expected 41 values" in t.notices[0]
    t._release = release(TUNED, 4, checksum=1.5)
    assert t.fit == TUNED and t.notices == [
        "The browser's curve and the engine's differ; the metrics are the engine's."]
    assert t._score_text.endswith("the metrics are the engine's.")
    t.fit = presets.preset("hand-tuned")  # set from Python: the notice is no longer true
    assert t.notices == [] and "differ" not in t._score_text


def test_a_pair_picked_in_the_browser_is_shown_back():
    t = Tuner(TUNED)
    t._select = {"pair": 5, "seq": 9}
    assert t._data["selected"] == 5
    t._select = {"pair": 99, "seq": 10}
    assert t._data["selected"] == 5


def test_plotly_js_is_sent_from_this_package():
    t, sent = Tuner(), []
    t.send = lambda content, buffers=None: sent.append((content, buffers))
    t._on_message(t, {"type": "plotly"}, [])
    content, buffers = sent[0]
    assert content == {"type": "plotly"} and len(buffers[0]) > 1_000_000
    assert b"plotly.js (basic - minified) v" in buffers[0][:300]  # the app's own bundle


def test_file_round_trip_keeps_fit_target_and_history(tmp_path):
    t = Tuner(TUNED, target="triangle")
    t._release = release(TUNED)
    path = tmp_path / "fit.json"
    t.to_file(path)
    read = fitfile.read(path.read_bytes())
    assert read.params == TUNED and read.target == "triangle" and read.sealed
    back = Tuner.from_file(path)
    assert back.fit == TUNED and back.target == "triangle"
    assert [e.kind for e in back.history] == ["sliders", "upload"]
    path.write_text(json.dumps({"format": "nnsine-pairs"}))
    with pytest.raises(ParamsError):
        Tuner.from_file(path)


@pytest.mark.subprocess
def test_to_nnfs_is_the_books_program_and_prints_the_score(tmp_path):
    t = Tuner(presets.preset("hand-tuned"))
    program = t.to_nnfs()
    assert program.startswith(export.nnfs_program(t.fit, t.target, "")[:40])
    path = tmp_path / "fit.py"
    path.write_text(program)
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                            check=True, timeout=120)
    assert f"{t.score.mse:.5f}"[:6] in result.stdout


def layers(fit):
    """The book's three Layer_Dense objects (only .weights and .biases matter)."""
    a = export.arrays(fit)
    return [SimpleNamespace(weights=a[f"dense{k}_weights"], biases=a[f"dense{k}_biases"])
            for k in (1, 2, 3)]


def test_from_layers_is_the_inverse_of_the_export():
    assert Tuner.from_layers(*layers(TUNED)).fit == TUNED
    dense = layers(TUNED)
    dense[1].weights = dense[1].weights.copy()
    dense[1].weights[0, 3] = 0.5
    with pytest.raises(ParamsError, match="layer 2 is dense"):
        Tuner.from_layers(*dense)
    big = layers(TUNED)
    big[0].weights = big[0].weights * 3
    with pytest.raises(ParamsError, match="dense1_weights"):
        Tuner.from_layers(*big)
    nan = layers(TUNED)
    nan[2].biases = np.array([[np.nan]])
    with pytest.raises(ParamsError, match=r"dense3_biases\[0, 0\]"):
        Tuner.from_layers(*nan)
    with pytest.raises(ParamsError, match="dense2 has no .weights"):
        Tuner.from_layers(dense[0], object(), dense[2])


@pytest.mark.subprocess
def test_the_widget_package_imports_no_streamlit():
    code = ("import sys; from nnsine.widget import Tuner; Tuner(); "
            "assert not [m for m in sys.modules if m.startswith(('streamlit', 'pages'))]")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
