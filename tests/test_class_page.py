"""The class challenge page: a teacher's uploads ranked like `python -m nnsine score`."""

import pytest

from nnsine.book import presets
from nnsine.engine.metrics import score
from nnsine.formats import fitfile
from tests.conftest import opened

pytestmark = pytest.mark.app


def class_page():
    return opened("pages/class.py")


def test_fits_are_ranked_best_first_and_bad_files_named():
    at = class_page()
    assert "Load two or more" in at.info[0].value
    uploader = at.file_uploader(key="class_files")
    uploader.upload("bob.json", fitfile.dumps(presets.preset("zeros")).encode())
    uploader.upload("ada.json", fitfile.dumps(presets.preset("hand-tuned")).encode())
    uploader.upload("cy.json", b"{nope")
    uploader.run()
    assert not at.exception, at.exception
    # The projector's view first: stable aliases in upload order, then the real names.
    assert list(at.dataframe[0].value["file"]) == ["Heron", "Otter"]
    at.toggle(key="class_names").set_value(True).run()
    table = at.dataframe[0].value
    assert list(table["file"]) == ["ada.json", "bob.json"]
    assert table["MSE"][0] == round(score(presets.preset("hand-tuned")).mse, 6)
    assert r"cy\.json" in at.error[0].value and "not valid JSON" in at.error[0].value
    assert len(at.get("plotly_chart")) == 1


def test_the_target_changes_the_ranking_scores():
    at = class_page()
    at.selectbox(key="class_target").set_value("abs").run()
    at.file_uploader(key="class_files").upload(
        "ada.json", fitfile.dumps(presets.preset("hand-tuned")).encode()).run()
    assert at.dataframe[0].value["MSE"][0] == round(score(presets.preset("hand-tuned"),
                                                          "abs").mse, 6)


def test_files_with_the_same_name_get_a_row_and_an_alias_each():
    at = class_page()
    uploader = at.file_uploader(key="class_files")
    for preset in ("hand-tuned", "zeros", "hand-tuned"):  # every download's default name
        uploader.upload("nnsine-fit.json", fitfile.dumps(presets.preset(preset)).encode())
    uploader.run()
    table = at.dataframe[0].value
    assert len(set(table["file"])) == 3  # three aliases
    at.toggle(key="class_names").set_value(True).run()
    assert sorted(at.dataframe[0].value["file"]) == [
        "nnsine-fit.json", "nnsine-fit.json (2)", "nnsine-fit.json (3)"]


def test_a_file_name_that_looks_like_html_is_shown_as_typed_in_the_chart():
    at = class_page()
    uploader = at.file_uploader(key="class_files")
    uploader.upload("<img src=x>.json", fitfile.dumps(presets.preset("hand-tuned")).encode())
    uploader.upload("bob.json", fitfile.dumps(presets.preset("zeros")).encode())
    uploader.run()
    at.toggle(key="class_names").set_value(True).run()
    spec = at.get("plotly_chart")[0].proto.spec
    assert "&lt;img src=x&gt;.json" in spec and "<img" not in spec
