"""Property-based tests (Hypothesis) of every way a number gets in: fit files, URL
queries, the live tuner's release payload, the softmax page's URL state, link repair and
CLI arguments. Whatever arrives: no uncaught exception, either a valid result or a
ParamsError (or argparse's usage exit); and whatever we write, we read back bit for bit."""

import argparse
import contextlib
import io
import json
import math

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnsine import cli, train_cli
from nnsine.book import presets
from nnsine.engine import training
from nnsine.formats import checks, fitfile, links, params
from nnsine.formats import softmax_settings as page_settings

FAST = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Leaves a JSON value or a JavaScript payload may hold, odd ones often.
NUMBERS = st.one_of(
    st.floats(), st.floats(-10.5, 10.5), st.integers(-10**500, 10**500), st.integers(-12, 12),
    st.sampled_from([10.000000000000002, -10.000000000000002, 10**400, -0.0, 5e-324]))
LEAVES = st.one_of(NUMBERS, st.none(), st.booleans(), st.text(max_size=12))
JSON = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=12)
# Text a person or a mangled link might put where a number goes.
NUMBER_TEXT = st.one_of(
    st.text(max_size=12), st.floats().map(repr), st.integers(-10**30, 10**30).map(str),
    st.text(alphabet="0123456789+-.eE ²³¹٣６⁹½Ⅻ,;&=", max_size=12),
    st.sampled_from(["nan", "-inf", "Infinity", "1e999", "10.000000000000002", " 5 ", ""]))
IN_RANGE = st.floats(-10.0, 10.0)  # includes -0.0, subnormals and both bounds


def valid(fit: params.Params) -> bool:
    return all(math.isfinite(v) and s.field.low <= v <= s.field.high
               for s, v in params.items(fit)) and 1 <= fit.n_pairs <= params.MAX_PAIRS


def bits(fit: params.Params) -> bytes:
    return np.array(params.to_flat(fit), dtype=np.float64).tobytes()


def fit_of(values: list[float]) -> params.Params:
    return params.from_flat(values)


FITS = st.integers(1, params.MAX_PAIRS).flatmap(
    lambda n: st.lists(IN_RANGE, min_size=5 * n + 1, max_size=5 * n + 1)).map(fit_of)
PAIR = st.fixed_dictionaries({name: st.one_of(NUMBERS, LEAVES) for name in params.PAIR_NAMES})
FILE_OBJECTS = st.fixed_dictionaries({
    "format": st.just("nnsine-pairs") | JSON, "version": st.just(1) | JSON,
    "pairs": st.lists(PAIR | JSON, min_size=0, max_size=17) | JSON, "b_out": NUMBERS | JSON})


def loads_or_refuses(text) -> None:
    try:
        fit = fitfile.loads(text)
    except params.ParamsError as error:
        assert str(error)
    else:
        assert valid(fit)


# --- fit files -----------------------------------------------------------------------


@FAST
@given(FILE_OBJECTS)
def test_any_fit_shaped_file_loads_or_is_refused(obj):
    loads_or_refuses(json.dumps(obj))


@FAST
@given(JSON)
def test_any_json_file_loads_or_is_refused(obj):
    loads_or_refuses(json.dumps(obj))


@FAST
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_any_bytes_or_text_load_or_are_refused(content):
    loads_or_refuses(content)


@FAST
@given(FITS)
def test_every_file_we_write_reads_back_bit_for_bit(fit):
    assert bits(fitfile.loads(fitfile.dumps(fit))) == bits(fit)
    assert bits(fitfile.loads(fitfile.dumps(fit).encode())) == bits(fit)


def test_the_biggest_file_we_write_reads_back():
    """1,000 points at full precision and a long history: still under the size limit."""
    import numpy as np

    from nnsine.engine import targets
    from nnsine.formats import provenance
    x = np.linspace(-0.5, 1.5, 1000) * 0.999999937
    spec = targets.points_target(x, 99.12 * np.sin(x))
    history = tuple(provenance.Event("upload", "é" * 80) for _ in range(50))
    fit = fitfile.read(fitfile.dumps(presets.preset("hand-tuned"), spec, history))
    assert fit.target == spec and fit.history == history


# --- URL query (with link repair first, as the pages do) -----------------------------

KEYS = st.sampled_from([s.key for s in params.slots(params.MAX_PAIRS)] + ["pairs", "p17_w1"])


@FAST
@given(st.dictionaries(KEYS | st.text(max_size=8), NUMBER_TEXT, max_size=8))
def test_any_query_gives_a_valid_fit_and_named_problems(query):
    repaired, notes = links.repair(query)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in repaired.items())
    for mapping in (query, repaired):
        fit, problems = params.from_query(mapping, presets.preset("hand-tuned"))
        assert valid(fit) and all(isinstance(p, str) and p for p in problems)


@FAST
@given(FITS)
def test_every_link_we_write_reads_back_and_needs_no_repair(fit):
    query = params.to_query(fit)
    assert links.repair(query) == (query, [])
    read, problems = params.from_query(query)
    assert problems == [] and read == fit  # == : -0.0 is 0.0, the default left out


# --- the live tuner's release payload ------------------------------------------------


@FAST
@given(st.lists(st.one_of(NUMBERS, LEAVES, JSON), min_size=41, max_size=41) | JSON)
def test_any_release_payload_gives_a_valid_fit(values):
    fit, problems = params.from_values(values, presets.preset("hand-tuned"))
    assert valid(fit) and fit.n_pairs == 8 and all(isinstance(p, str) for p in problems)


@FAST
@given(FITS)
def test_a_release_of_valid_values_is_kept_bit_for_bit(fit):
    assert bits(params.from_values(params.to_flat(fit), fit)[0]) == bits(fit)


# --- the softmax page's URL state ----------------------------------------------------

ROWS = st.lists(NUMBER_TEXT, min_size=1, max_size=11).map(",".join)


@FAST
@given(st.dictionaries(st.sampled_from(list(page_settings.READERS)),
                       NUMBER_TEXT | ROWS | st.lists(ROWS, max_size=11).map(";".join)))
def test_any_softmax_query_gives_finite_settings_in_range(query):
    state, problems = page_settings.from_query(query)
    limit = page_settings.LOGIT_LIMIT
    assert all(math.isfinite(v) and abs(v) <= limit for v in state.logits)
    assert all(abs(v) <= limit for row in state.batch for v in row)
    assert abs(state.shift) <= page_settings.SHIFT_LIMIT and all(map(str, problems))


@FAST
@given(st.lists(st.floats(-1000, 1000), min_size=2, max_size=10), st.floats(-20, 20),
       st.booleans(), st.floats(0, 5))
def test_every_softmax_link_we_write_reads_back(logits, shift, subtract_max, scale):
    state = page_settings.Settings(tuple(logits), shift, subtract_max, scale)
    assert page_settings.from_query(page_settings.to_query(state)) == (state, [])


# --- numbers and CLI arguments -------------------------------------------------------


@FAST
@given(NUMBER_TEXT | LEAVES)
def test_any_value_is_a_number_in_range_or_a_named_error(value):
    try:
        number = checks.in_range(value, -10.0, 10.0, "w1", text=True)
    except params.ParamsError as error:
        assert str(error).startswith("w1: ") and len(str(error)) < 120
    else:
        assert math.isfinite(number) and -10 <= number <= 10


@FAST
@given(NUMBER_TEXT, st.sampled_from(["--steps", "--seed"]))
def test_any_cli_number_is_read_or_a_usage_exit(text, option):
    with contextlib.redirect_stderr(io.StringIO()) as stderr:
        try:
            args = cli.parser().parse_args(["train", "fit.json", option, text])
        except SystemExit as exit_:
            assert exit_.code == 2 and stderr.getvalue().startswith("usage:")
            return
    value = getattr(args, option[2:])
    assert isinstance(value, int) and 0 <= value <= (training.MAX_STEPS if option == "--steps"
                                                     else train_cli.MAX_SEED)


@FAST
@given(NUMBER_TEXT | st.integers(-10**40, 10**40).map(str))
def test_the_whole_number_type_gives_an_int_in_range_or_an_argument_type_error(text):
    try:
        value = train_cli.whole_number(0, 10)(text)
    except argparse.ArgumentTypeError as error:
        assert str(error) and not str(error).startswith("value")
    else:
        assert isinstance(value, int) and 0 <= value <= 10
