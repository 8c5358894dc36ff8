"""The sine tuner page under Streamlit's AppTest: widgets by key, state, URL, files."""

import base64
import json
import re
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from nnsine import params, presets
from nnsine.metrics import score

ROOT = Path(__file__).resolve().parents[1]
PAGES = re.findall(r'st\.Page\("(pages/\w+\.py)"', (ROOT / "app.py").read_text())


def app(query=None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def chart_output(at):
    """The network-output trace's y values (plotly sends typed arrays as base64)."""
    y = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][1]["y"]
    return np.frombuffer(base64.b64decode(y["bdata"]), dtype=y["dtype"])


def test_every_page_runs_without_exception():
    assert "pages/tuner.py" in PAGES and len(PAGES) >= 2
    at = app()
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)


def test_moving_a_slider_changes_chart_and_metrics():
    at = app()
    assert metric(at, "MSE") == "0.50000"
    before = chart_output(at)
    assert before.shape == (1000,) and not before.any()
    at.slider(key="p1_w1").set_value(6.0).run()
    at.slider(key="p1_w2").set_value(1.0).run()
    at.slider(key="p1_w_out").set_value(1.0).run()
    fit = at.session_state["fit"]
    assert fit.pair(0) == {"w1": 6.0, "b1": 0.0, "w2": 1.0, "b2": 0.0, "w_out": 1.0}
    assert metric(at, "MSE") == f"{score(fit).mse:.5f}" != "0.50000"
    assert not np.array_equal(chart_output(at), before)
    assert at.query_params["p1_w1"] == "6"


def test_preset_buttons_set_every_slider():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    for slot, value in params.items(presets.preset("hand-tuned")):
        assert at.slider(key=slot.key).value == value, slot.key
    assert metric(at, "max |error|") == f"{score(presets.preset('hand-tuned')).max_error:.4f}"
    at.button(key="preset_zeros").click().run()
    assert all(at.slider(key=s.key).value == 0.0 for s in params.slots())


def test_exact_entry_sets_the_chosen_pairs_value():
    at = app()
    at.selectbox(key="exact_pair").set_value(2).run()
    at.number_input(key="exact_b2").set_value(0.7).run()
    assert at.session_state["fit"].b2[2] == 0.7 and at.slider(key="p3_b2").value == 0.7
    at.slider(key="p3_b2").set_value(-1.5).run()
    assert at.number_input(key="exact_b2").value == -1.5


def test_a_url_opens_that_fit():
    fit = presets.preset("hand-tuned")
    at = app(params.to_query(fit))
    assert at.session_state["fit"] == fit
    assert at.slider(key="p4_b2").value == fit.b2[3]
    assert not at.warning


@pytest.mark.parametrize("bad", ["text", "nan", "inf", "1e999", "11", "-10.5"])
def test_bad_url_values_give_a_message_not_a_traceback(bad):
    at = app({"p2_w1": bad, "p1_w1": "6"})
    assert len(at.warning) == 1 and "p2_w1" in at.warning[0].value
    assert at.session_state["fit"].w1.tolist()[:2] == [6.0, 0.0]
    assert "p2_w1" not in at.query_params  # the URL now says what the page shows


def test_off_grid_url_values_are_rounded_with_a_note():
    at = app({"b_out": "0.123"})
    assert at.session_state["fit"].b_out == 0.12 and "rounded" in at.info[0].value


def test_switching_pages_and_back_keeps_the_fit():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    at.switch_page(PAGES[1]).run()
    at.switch_page("pages/tuner.py").run()
    assert at.session_state["fit"] == presets.preset("hand-tuned")
    assert at.slider(key="p1_w1").value == 5.0


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
    upload(at, "ada.json", params.dumps(presets.preset("hand-tuned")).encode())
    assert at.session_state["fit"] == presets.preset("hand-tuned")
    assert "Loaded ada.json" in at.success[0].value


@pytest.mark.parametrize("content, message", [
    (b"{broken", "not valid JSON"),
    (b"\xff\xfe\xfa", "not valid JSON"),
    (b'{"format": "keras"}', "format is 'keras'"),
    (b" " * (50 * 1024 * 1024), "a fit is at most a few KB"),
])
def test_a_bad_upload_is_explained_and_the_fit_kept(content, message):
    at = app()
    at.slider(key="p1_w1").set_value(6.0).run()
    kept = at.session_state["fit"]
    upload(at, "bad.json", content)
    assert at.session_state["fit"] == kept
    assert message in at.error[0].value and "unchanged" in at.error[0].value
