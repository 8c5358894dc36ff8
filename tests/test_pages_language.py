"""The pages in the learner's language (issue 27): the links a page shows or follows keep
`lang`, presenter mode's link keeps it, the tuner's tabs are compared as shown (their
labels are translated), and the softmax batch's shown column names are translated. The
pseudo-locale (`qps`) stands for any language: it needs no catalog."""

from __future__ import annotations

import json

import pytest

from tests.conftest import opened
from tests.test_tuner_page import tuner_data
from ui.tuner import optimizer_panel

pytestmark = pytest.mark.app


def share_links(at) -> list[str]:
    return [m.value for m in at.markdown if "](/" in m.value]


def test_the_figure_index_shares_links_in_the_pages_language():
    spanish = share_links(opened("pages/figures.py", {"lang": "es"}))
    assert spanish and all("lang=es" in link for link in spanish)
    assert "(/activations?act=step&lang=es)" in spanish[0]
    assert "(/why-nonlinear?lang=es)" in " ".join(spanish)  # a link without a query
    english = share_links(opened("pages/figures.py"))
    assert english and not any("lang=" in link for link in english)


def test_opening_a_figure_keeps_the_language():
    at = opened("pages/figures.py", {"lang": "zh"})
    at.button(key="figure_4-12").click().run()
    assert not at.exception, at.exception
    assert at.query_params["lang"] == "zh"
    assert at.query_params["fig"] == "4-12"


def test_presenter_mode_keeps_the_language_in_its_link():
    at = opened("pages/one-pair.py", {"lang": "es"})
    at.toggle(key="present").set_value(True).run()
    assert not at.exception, at.exception
    assert at.query_params["present"] == "1" and at.query_params["lang"] == "es"


def test_the_optimizer_tab_is_recognised_by_its_translated_label():
    """session["tuner_tab"] holds the label shown: the live tuner trains the pairs only
    when it is the translated optimizer tab's."""
    at = opened("app.py", {"lang": "qps"})
    at.button(key="preset_hand-tuned").click().run()
    at.session_state["tuner_tab"] = f"⟦{optimizer_panel.TAB}⟧"
    at.run()
    at.radio(key="opt_mode").set_value("pairs").run()
    assert not at.exception, at.exception
    assert tuner_data(at)["optimizer"] is not None


def test_the_open_tuner_tab_stays_open_when_the_language_changes():
    at = opened("app.py")
    at.session_state["tuner_tab"] = "Probe the network"
    at.run()
    at.query_params["lang"] = "qps"
    at.run()
    assert not at.exception, at.exception
    assert at.session_state["tuner_tab"] == "⟦Probe the network⟧"
    assert at.number_input(key="probe_x")  # the probe's own field: its tab is open


def test_the_softmax_batch_heads_its_columns_in_the_language_and_keeps_edits_across_it():
    at = opened("pages/softmax.py")
    at.session_state["sm_batch"] = {"edited_rows": {0: {"class 0": 1.41}}, "added_rows": [],
                                    "deleted_rows": []}
    at.run()
    assert at.query_params["sm_batch"].startswith("1.41,1.21,2.385;")
    at.query_params["lang"] = "qps"
    at.run()
    assert not at.exception, at.exception
    columns = json.loads(at.dataframe[0].proto.columns)
    headers = [columns[f"class {k}"]["label"] for k in range(3)]
    assert headers == ["⟦class 0⟧", "⟦class 1⟧", "⟦class 2⟧"]
    assert at.query_params["sm_batch"].startswith("1.41,1.21,2.385;")  # the edit is kept
    assert at.dataframe[0].value.iloc[0].tolist() == [1.41, 1.21, 2.385]
