"""Errors written for people (issue 28): a file that is not the JSON expected says what
it is and what was expected, never Python's "Expecting value: line 1 column 1 (char 0)"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsine.formats import fitfile, importer, sniff
from nnsine.formats.params import ParamsError

EXPECTED = ('expected a fit file, JSON text {"format": "nnsine-pairs", ...} as '
            '"Download fit (JSON)" saves it')


@pytest.mark.parametrize(("data", "what"), [
    (b"", "the file is empty"),
    (b" \r\n", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "the file is a PNG image"),
    (b"\xff\xd8\xff\xe0", "the file is a JPEG image"),
    (b"%PDF-1.7\n", "the file is a PDF document"),
    (b"PK\x03\x04\x14\x00", "the file is a ZIP archive (.zip, .npz, .docx, .xlsx)"),
    (b"x,y\n0,0\n0.5,1\n", "the file is a CSV table"),
    (b"x;y\n0,5;0,7\n", "the file is a CSV table"),
    (b"<!DOCTYPE html><html>", "the file is an HTML or XML document"),
    (b"import numpy as np\nfrom nnfs.datasets import sine_data\n", "the file is Python code"),
    (b"\x00\x01garbage", "the file is binary data, not text"),
    ('{"target": "café"}'.encode("latin-1"), "the file is text that is not UTF-8"),
    (b"hello world", "line 1, column 1: expecting value (the line reads 'hello world')"),
    (b'{"format": "nnsine-pairs",\n "pairs": [1,]}',
     "line 2, column 14: expecting value (the line reads '\"pairs\": [1,]}')"),
])
def test_a_file_that_is_not_json_says_what_it_is_and_what_was_expected(data, what):
    with pytest.raises(ParamsError) as error:
        fitfile.read(data)
    assert str(error.value).startswith(f"not valid JSON: {what}")
    assert str(error.value).endswith(EXPECTED)
    assert "char " not in str(error.value) and "Expecting" not in str(error.value)


def test_json_that_is_not_a_fit_says_what_was_expected():
    for text in ('[1, 2]', '{"dense1_weights": [[1.0]]}'):
        with pytest.raises(ParamsError, match="expected a fit file, JSON text"):
            fitfile.read(text)


def test_the_book_arrays_importer_says_what_it_expected():
    with pytest.raises(ParamsError) as error:
        importer.read(b"\x89PNG\r\n\x1a\n")
    assert str(error.value) == ("not valid JSON: the file is a PNG image; expected the book's "
                                'six arrays (.npz, or JSON {"dense1_weights": [[...]], ...}) or '
                                "a fit file")


def test_a_long_line_is_cut_in_the_message():
    with pytest.raises(ParamsError) as error:
        fitfile.read("nope " * 100)
    assert "(the line reads 'nope nope" in str(error.value) and "…'" in str(error.value)
    assert len(str(error.value)) < 300


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_any_bytes_are_described_or_pointed_at(data):
    """sniff never raises, and its answer is one of its phrases (never Python's text)."""
    kind = sniff.what(data)
    phrases = {kind for _, kind in sniff.SIGNATURES} | {
        "empty", "an SVG image", "an HTML or XML document", "Python code",
        "a CSV table (values separated by commas, semicolons or tabs)",
        "binary data, not text", "text that is not UTF-8 (save it as UTF-8)"}
    assert kind is None or kind in phrases
