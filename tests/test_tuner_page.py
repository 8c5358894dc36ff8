"""The sine tuner page under Streamlit's AppTest: widgets by key, state, URL, files."""

import json
import re
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from nnsine.book import presets
from nnsine.engine import metrics, targets
from nnsine.engine.metrics import score
from nnsine.engine.network import predict
from nnsine.formats import fitfile, params
from tests.conftest import opened
from ui import shell

pytestmark = pytest.mark.app

ROOT = Path(__file__).resolve().parents[1]
PAGES = [page.script for page in shell.PAGES]


def app(query=None) -> AppTest:
    return opened("app.py", query)


def shown(markdown: str) -> str:
    """What a reader sees of Markdown whose punctuation is escaped (widgets.markdown_literal)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def url_warnings(at):
    return [shown(w.value) for w in at.warning if "URL" in w.value]


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def tuner_data(at):
    """What the live tuner component was given: rev, values, slots, target ... (the
    target's comma-separated points read as the browser reads them: "" is a gap)."""
    (component,) = at.get("bidi_component")
    proto = component.proto
    data = json.loads(proto.json if proto.WhichOneof("data") == "json" else proto.mixed.json)
    data["target"] = [None if v == "" else float(v) for v in data["target"].split(",")]
    return data


def release(at, values, checksum=None):
    """What the browser stores when a slider is let go (its setStateValue "release")."""
    fit = params.from_flat(values)
    if checksum is None:
        checksum = metrics.checksum(predict(fit, targets.grid()[0]))
    at.session_state["live"] = {"release": {"values": list(values), "seq": time.time_ns(),
                                            "checksum": checksum}}
    at.run()
    assert not at.exception, at.exception


def test_every_page_runs_without_exception():
    assert "pages/tuner.py" in PAGES and len(PAGES) >= 2
    at = app()
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)


def test_a_release_changes_the_fit_metrics_and_url():
    at = app()
    assert metric(at, "MSE") == "0.50000"
    data = tuner_data(at)
    assert data["values"] == [0.0] * 41 and len(data["slots"]) == 41 and len(data["target"]) == 1000
    assert data["slots"][10]["label"] == "Pair 3 · layer-1 weight"
    values = [0.0] * 41
    values[0:5] = [6.0, 0.0, 1.0, 0.0, 1.0]
    release(at, values)
    fit = at.session_state["fit"]
    assert fit.pair(0) == {"w1": 6.0, "b1": 0.0, "w2": 1.0, "b2": 0.0, "w_out": 1.0}
    assert metric(at, "MSE") == f"{score(fit).mse:.5f}" != "0.50000"
    assert at.query_params["p1_w1"] == "6"
    assert tuner_data(at)["rev"] == data["rev"]  # the browser already shows these: no push
    assert not at.warning


def test_a_bad_release_is_clipped_with_a_message_and_pushed_back():
    at = app()
    rev = tuner_data(at)["rev"]
    values = [0.0] * 41
    values[0], values[1], values[2], values[40] = 12.0, 0.123, float("nan"), -3.0
    release(at, values, checksum=0.0)
    fit = at.session_state["fit"]
    # 0.123 is kept exactly (issue 10: one fit, one score), as a file's value would be
    assert (fit.w1[0], fit.b1[0], fit.w2[0], fit.b_out) == (10.0, 0.123, 0.0, -3.0)
    warnings = " ".join(w.value for w in at.warning)
    assert "Pair 1 · layer-1 weight: 12 is outside [-10, 10]; clipped to 10" in warnings
    assert "Pair 1 · layer-2 weight: nan is not a finite number; kept 0" in warnings
    data = tuner_data(at)
    assert data["rev"] == rev + 1 and data["values"] == params.to_flat(fit)


def test_a_release_of_the_wrong_shape_changes_nothing():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    at.session_state["live"] = {"release": {"values": [1.0, 2.0], "seq": 1, "checksum": 0}}
    at.run()
    assert not at.exception and at.session_state["fit"] == presets.preset("hand-tuned")
    assert "expected 41 values" in at.warning[0].value


def test_a_browser_curve_that_differs_from_the_engine_is_flagged():
    at = app()
    release(at, params.to_flat(presets.preset("hand-tuned")), checksum=1.0)
    assert "differ" in at.warning[0].value


def test_preset_buttons_push_every_value_into_the_tuner():
    at = app()
    rev = tuner_data(at)["rev"]
    at.button(key="preset_hand-tuned").click().run()
    data = tuner_data(at)
    assert data["values"] == params.to_flat(presets.preset("hand-tuned"))
    assert data["rev"] == rev + 1
    assert metric(at, "max |error|") == f"{score(presets.preset('hand-tuned')).max_error:.4f}"
    at.button(key="preset_zeros").click().run()
    assert tuner_data(at)["values"] == [0.0] * 41 and tuner_data(at)["rev"] == rev + 2


def test_exact_entry_sets_the_chosen_pairs_value():
    at = app()
    at.selectbox(key="edit_pair").set_value(2).run()
    at.number_input(key="exact_b2").set_value(0.7).run()
    assert at.session_state["fit"].b2[2] == 0.7 and tuner_data(at)["values"][13] == 0.7
    at.number_input(key="exact_b2").set_value(0.123).run()  # typed finer than a slider step
    assert at.session_state["fit"].b2[2] == 0.12
    values = tuner_data(at)["values"]
    values[13] = -1.5
    release(at, values)
    assert at.number_input(key="exact_b2").value == -1.5


def test_a_url_opens_that_fit():
    fit = presets.preset("hand-tuned")
    at = app(params.to_query(fit))
    assert at.session_state["fit"] == fit
    assert tuner_data(at)["values"] == params.to_flat(fit)
    assert not at.warning


@pytest.mark.parametrize("bad", ["text", "nan", "inf", "1e999", "11", "-10.5"])
def test_bad_url_values_give_a_message_not_a_traceback(bad):
    at = app({"p2_w1": bad, "p1_w1": "6"})
    assert len(url_warnings(at)) == 1 and "p2_w1" in url_warnings(at)[0]
    assert at.session_state["fit"].w1.tolist()[:2] == [6.0, 0.0]
    assert "p2_w1" not in at.query_params  # the URL now says what the page shows


def test_off_grid_url_values_are_kept_exactly_with_a_note():
    at = app({"b_out": "0.123"})  # issue 10: one fit, one score (no silent rounding)
    assert at.session_state["fit"].b_out == 0.123
    assert any("between the sliders" in info.value for info in at.info)


def test_switching_pages_and_back_keeps_the_fit():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    at.switch_page(PAGES[1]).run()
    at.switch_page("pages/tuner.py").run()
    assert at.session_state["fit"] == presets.preset("hand-tuned")
    assert tuner_data(at)["values"] == params.to_flat(presets.preset("hand-tuned"))


def test_download_is_the_current_fit():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    download = at.get("download_button")[0]
    assert download.proto.label.startswith("Download")
    assert at.session_state["fit"] == presets.preset("hand-tuned")


def upload(at, name, content):
    at.file_uploader(key="upload").upload(name, content, "application/json").run()
    assert not at.exception, at.exception


def test_uploading_a_fit_loads_it():
    at = app()
    upload(at, "ada.json", fitfile.dumps(presets.preset("hand-tuned")).encode())
    assert at.session_state["fit"] == presets.preset("hand-tuned")
    assert "Loaded ada.json" in shown(at.success[0].value)


@pytest.mark.parametrize("content, message", [
    (b"{broken", "not valid JSON"),
    (b"\xff\xfe\xfa", "not valid JSON"),
    (b'{"format": "keras"}', "format is 'keras'"),
    (b" " * (50 * 1024 * 1024), "a fit file is at most 256 KB"),  # the server refuses it first
])
def test_a_bad_upload_is_explained_and_the_fit_kept(content, message):
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    kept = at.session_state["fit"]
    upload(at, "bad.json", content)
    assert at.session_state["fit"] == kept
    assert message in shown(at.error[0].value) and "unchanged" in at.error[0].value


def test_a_formula_target_survives_its_own_link():
    """The tuner writes its link with `target` last; a formula ends it with `)`."""
    at = app({"p1_w1": "6", "target": "f:sin(4*pi*x)"})
    assert at.session_state["fit_target"] == "f:sin(4*pi*x)"
    assert not [w for w in at.warning if "URL" in w.value or "link" in w.value]
    assert at.query_params["target"] == "f:sin(4*pi*x)"


def test_the_tuner_names_the_release_it_took():
    """The browser keeps a release until Python names it (nnsine/frontend/tuner_outage.js
    sends a release made while the server was away again on the new session)."""
    at = app()
    assert tuner_data(at)["accepted"] is None
    values = [0.0] * 41
    values[40] = 0.25
    release(at, values)
    taken = at.session_state["live"]["release"]["seq"]
    assert tuner_data(at)["accepted"] == taken
