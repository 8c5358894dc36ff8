"""benchmarks/class_load.py, the simulated class, checked against a real server: students
speaking Streamlit's websocket protocol get the engine's MSE for their own releases, and a
wrong answer would be counted as an error, not a latency."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("class_load", ROOT / "benchmarks/class_load.py")
class_load = sys.modules["class_load"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(class_load)


def run(coroutine):
    """asyncio.run in a thread of its own: Playwright's sync API (other tests in this
    process) keeps an event loop running in the main thread."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_students_get_the_engines_mse_for_their_own_releases(app_url):
    result = run(class_load.run_round(app_url, "app", 3, None, releases=4,
                                              think=None))
    assert result.errors == []
    assert len(result.latencies) == 12


def test_a_wrong_answer_is_an_error(app_url, monkeypatch):
    monkeypatch.setattr(class_load, "expected_mse", lambda values: "not the MSE")
    result = run(class_load.run_round(app_url, "app", 1, None, releases=2,
                                              think=None))
    assert len(result.errors) == 1 and "expected not the MSE" in result.errors[0]


@pytest.mark.parametrize("seed", [1, 2])
def test_release_values_sit_on_the_sliders_grid(seed):
    import random

    from nnsine.formats import params

    values = class_load.random_values(random.Random(seed))
    fit, problems = params.from_values(values, params.defaults())
    assert problems == [] and params.to_flat(fit) == values
