"""The Makefile (issue 28): every declared target has a rule and a line in `make help`,
and each one's commands expand (`make -n`); `make run` and `make test` stay the README's."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")

TEXT = (ROOT / "Makefile").read_text()
(PHONY,) = re.findall(r"^\.PHONY:(.*)$", TEXT, re.MULTILINE)
TARGETS = PHONY.split()


def make(*args) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.subprocess
def test_help_lists_every_target_with_a_line_that_says_what_it_does():
    shown = make("help")
    assert shown.returncode == 0, shown.stderr
    listed = dict(re.findall(r"^  make (\S+) +(.+)$", shown.stdout, re.MULTILINE))
    assert sorted(listed) == sorted(TARGETS)
    assert all(len(line) > 10 for line in listed.values()), listed


@pytest.mark.subprocess
@pytest.mark.parametrize("target", TARGETS)
def test_every_target_has_a_rule_whose_commands_expand(target):
    assert re.search(rf"^{target}:", TEXT, re.MULTILINE), f"{target} has no rule"
    dry = make("-n", target, "CHROMIUM=/bin/sh")  # -n: printed, never run
    assert dry.returncode == 0, dry.stderr


@pytest.mark.subprocess
def test_run_and_test_are_the_readmes_commands():
    assert "-m streamlit run app.py" in make("-n", "run").stdout
    test = make("-n", "test", "CHROMIUM=/bin/sh").stdout
    assert "ruff check ." in test and "-m pytest" in test
    lint = make("-n", "lint").stdout
    assert "ruff check ." in lint and "pytest" not in lint
