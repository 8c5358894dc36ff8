"""One owner of the session and the URL: every session key the app uses is declared in
nnsine.formats.state_keys, only ui/state.py and ui/widgets.py touch st.session_state, and
a URL key no page reads (another letter case, a typo) is named on the page."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from nnsine.formats import exercise, params, softmax_settings, state_keys
from tests.conftest import ROOT, opened

MAX_OWNERS = 3  # files that may touch st.session_state


def scripts() -> list[Path]:
    return sorted([*(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").glob("*.py")])


def touches_session_state(path: Path) -> bool:
    return any(isinstance(node, ast.Attribute) and node.attr == "session_state"
               for node in ast.walk(ast.parse(path.read_text())))


def test_at_most_three_files_touch_st_session_state():
    owners = [p.relative_to(ROOT).as_posix() for p in scripts() if touches_session_state(p)]
    assert owners == ["ui/state.py", "ui/widgets.py"]
    assert len(owners) <= MAX_OWNERS


def _constants(path: Path) -> dict[str, str]:
    found = {}
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                pairs = (zip(target.elts, node.value.elts, strict=False)
                         if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple)
                         else [(target, node.value)])
                for name, value in pairs:
                    if isinstance(name, ast.Name) and isinstance(value, ast.Constant) and (
                            isinstance(value.value, str)):
                        found[name.id] = value.value
    return found


def used_session_keys() -> dict[str, str]:
    """Every session key the app names (a literal or a module's constant) -> where: keys
    of `session[...]`, session.get/pop/setdefault and `in session`, and widgets' key=."""
    constants = {p.stem: _constants(p) for p in scripts()}
    keys = {}
    for path in scripts():
        def resolve(node, own=constants[path.stem]):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                return node.value
            if isinstance(node, ast.Name):
                return own.get(node.id)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                return constants.get(node.value.id, {}).get(node.attr)
            return None

        def is_session(node):
            return isinstance(node, ast.Name) and node.id in ("session", "state")

        for node in ast.walk(ast.parse(path.read_text())):
            named = []
            if isinstance(node, ast.Subscript) and is_session(node.value):
                named = [node.slice]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
                    is_session(node.func.value) and node.func.attr in (
                        "get", "pop", "setdefault") and node.args):
                named = [node.args[0]]
            elif isinstance(node, ast.Compare) and any(map(is_session, node.comparators)):
                named = [node.left]
            elif isinstance(node, ast.Call):
                named = [k.value for k in node.keywords if k.arg == "key"]
            for key in filter(None, map(resolve, named)):
                keys.setdefault(key, f"{path.relative_to(ROOT)}:{node.lineno}")
    return keys


def test_every_session_key_is_in_the_table():
    keys = used_session_keys()
    assert {"fit", "live_shown", "board_teacher", "sm_settings", "walk_step"} <= set(keys)
    assert {key: where for key, where in keys.items()
            if state_keys.session_key(key) is None} == {}


def test_every_url_key_a_page_writes_is_known():
    fit = params.resize(params.defaults(), params.MAX_PAIRS)
    written = [*params.to_query(params.from_flat([1.0] * (5 * fit.n_pairs + 1))),
               "target", "walk", "present", "join", "teacher", "act", "fig",
               *exercise.KEYS, *softmax_settings.READERS]
    assert [key for key in written if not state_keys.known(key)] == []
    assert state_keys.url_problems(dict.fromkeys(written, "1")) == []


@pytest.mark.parametrize("key, said", [
    ("P1_W1", "URL keys are lower case; did you mean p1_w1?"),
    ("Target", "did you mean target?"),
    ("colour", "no page of this app reads colour"),
])
def test_a_url_key_no_page_reads_is_named(key, said):
    problems = state_keys.url_problems({key: "6", "p1_b1": "0.5"})
    assert len(problems) == 1 and problems[0].startswith(f"{key}=6: ") and said in problems[0]


@pytest.mark.app
def test_a_url_key_in_another_case_is_named_on_the_page_and_the_fit_kept():
    at = opened("app.py", {"P1_W1": "6", "p1_b1": "0.5"})
    warnings = [w.value.replace("\\", "") for w in at.warning]
    assert "Ignored a URL value: P1_W1=6: URL keys are lower case; did you mean p1_w1?" in (
        warnings), warnings
    fit = at.session_state["fit"]
    assert fit.w1[0] == 0.0 and fit.b1[0] == 0.5  # nothing guessed, the rest read
    at.run()
    assert not any("P1" in w.value for w in at.warning)  # said once


@pytest.mark.app
def test_an_unknown_url_key_is_named():
    at = opened("app.py", {"colour": "red"})
    assert any("colour=red: no page of this app reads colour" in w.value.replace("\\", "")
               for w in at.warning)
