"""Issue 10 on the pages (AppTest): bad or odd input gets a message naming the value and
the user keeps what they had; links reopen what the person sees; one fit, one score."""

import subprocess
import sys

import pytest

from nnsine.book import presets
from nnsine.engine.metrics import score
from nnsine.formats import fitfile, params
from tests.input_fixtures import HUGE_INT, OFF_GRID
from tests.test_class_page import class_page
from tests.test_tuner_page import ROOT, app, metric, shown, upload, url_warnings

pytestmark = pytest.mark.app


def test_case_1_a_huge_integer_upload_is_explained_and_the_fit_kept():
    at = app()
    at.button(key="preset_hand-tuned").click().run()
    upload(at, "huge.json", HUGE_INT.encode())
    assert at.session_state["fit"] == presets.preset("hand-tuned")
    assert "Could not load huge.json: b_out: 10000000…0000 (401 digits)" in shown(at.error[0].value)


def test_case_1_the_class_page_names_the_huge_file_and_ranks_the_rest():
    at = class_page()
    uploader = at.file_uploader(key="class_files")
    uploader.upload("huge.json", HUGE_INT.encode())
    uploader.upload("ada.json", fitfile.dumps(presets.preset("hand-tuned")).encode())
    uploader.upload("deep.json", b"[" * 60_000)
    uploader.run()
    at.toggle(key="class_names").set_value(True).run()  # aliases until the teacher asks
    assert not at.exception, at.exception
    assert list(at.dataframe[0].value["file"]) == ["ada.json"]
    shown = at.error[0].value.replace("\\", "")  # escaped: Markdown shows it as written
    assert "huge.json: b_out: 10000000…0000 (401 digits)" in shown
    assert "deep.json" in at.error[1].value.replace("\\", "")


def test_case_2_a_superscript_pair_count_is_named_and_the_default_used():
    at = app({"pairs": "²", "p1_w1": "6"})
    (warning,) = url_warnings(at)
    assert "pairs" in warning and "'²'" in warning
    assert at.session_state["fit"].n_pairs == 8 and at.session_state["fit"].w1[0] == 6.0


def test_case_3_presenter_mode_stays_in_the_link_after_a_sidebar_switch():
    at = app({"p1_w1": "5"})
    at.toggle(key="present").set_value(True).run()
    for page in ("pages/softmax.py", "pages/class.py", "pages/tuner.py"):
        at.query_params.clear()  # a sidebar link starts the page with an empty query
        at.switch_page(page).run()
        assert not at.exception, at.exception
        assert at.query_params["present"] == "1", page
    assert at.query_params["p1_w1"] == "5"  # and the tuner's link has its fit again
    at.toggle(key="present").set_value(False).run()
    at.switch_page("pages/softmax.py").run()
    assert "present" not in at.query_params


def test_case_4_an_amp_mangled_link_loads_all_four_values_and_says_so():
    at = app({"p1_w1": "6", "amp;p1_b2": "0.7", "amp;p1_w2": "-1", "amp;p1_w_out": "-1)"})
    assert at.session_state["fit"].pair(0) == {"w1": 6.0, "b1": 0.0, "w2": -1.0, "b2": 0.7,
                                               "w_out": -1.0}
    assert not url_warnings(at)
    toast = shown(at.toast[0].value)
    assert "Repaired the link" in toast and "amp;p1_b2" in toast
    assert dict(at.query_params) == {"p1_w1": "6", "p1_b2": "0.7", "p1_w2": "-1",
                                     "p1_w_out": "-1"}


@pytest.mark.subprocess
def test_case_6_the_tuner_shows_the_graders_score_for_an_off_grid_file(tmp_path):
    path = tmp_path / "notebook.json"
    path.write_text(fitfile.dumps(OFF_GRID))
    graded = subprocess.run([sys.executable, "-m", "nnsine", "score", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60).stdout.splitlines()[1]
    at = app()
    upload(at, "notebook.json", path.read_bytes())
    assert at.session_state["fit"] == OFF_GRID  # exactly: no silent rounding
    shown = metric(at, "max |error|")
    assert shown == f"{score(OFF_GRID).max_error:.4f}" == "0.0504" and shown in graded.split()
    assert not [s for s in at.success if "0.05: reached" in s.value]  # the grader agrees
    assert any("between the sliders" in i.value for i in at.info)
    assert at.button(key="round_to_sliders").label.endswith("(max |error| 0.0504 → 0.0346)")
    at.button(key="round_to_sliders").click().run()
    assert at.session_state["fit"] == params.snap_all(OFF_GRID)
    assert metric(at, "max |error|") == "0.0346"
    assert any("0.05: reached" in s.value for s in at.success)


def test_case_6_a_slider_release_keeps_the_other_exact_values():
    at = app()
    upload(at, "notebook.json", fitfile.dumps(OFF_GRID).encode())
    values = params.to_flat(OFF_GRID)
    values[0] = 6.0  # the learner drags pair 1's first slider to 6
    at.session_state["live"] = {"release": {"values": values, "seq": 1, "checksum": 0.0}}
    at.run()
    assert at.session_state["fit"] == OFF_GRID.replace(0, w1=6.0)


def test_case_8_a_rounding_error_past_a_bound_is_the_bound():
    at = app({"p1_w1": "10.000000000000002", "p1_b1": "10.0001"})
    assert at.session_state["fit"].w1[0] == 10.0
    (warning,) = url_warnings(at)
    assert "10.0001 is outside [-10, 10]" in warning


MARKUP_TARGET = "![x](https://example.com/t.png) [Click](https://example.com/a) **b**"


def test_markup_in_a_link_value_is_shown_as_text_and_fetches_nothing():
    """A value that is refused is named in a warning, as typed: Markdown would fetch the
    image from another host (nothing may leave the machine) and make a live link."""
    at = app({"p1_w1": "6", "target": MARKUP_TARGET})
    (warning,) = [w.value for w in at.warning if "URL" in w.value]
    assert "![" not in warning and "](" not in warning and "**" not in warning, warning
    assert MARKUP_TARGET[:40] in shown(warning)
    assert at.session_state["fit_target"] == "sine"


def test_a_formula_target_reads_as_written_in_titles_and_legends():
    at = app({"target": "f:0.5*sin(4*pi*x) + x**2"})
    assert at.title[0].value.startswith(r"Fit 0\.5\*sin\(4\*pi\*x\) \+ x\*\*2 with")
    from nnsine.plots.figures import fit_figure  # a legend name is HTML to Plotly
    assert fit_figure([0], [0], [0], "<a href='x'>t</a>").data[0].name == (
        "&lt;a href='x'&gt;t&lt;/a&gt;")
