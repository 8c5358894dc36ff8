"""pyproject.toml against the code and requirements.txt (issue 28): every library the code
imports is a declared dependency (nnsine/ in the plain install or an extra; pages/ and
app.py in the app extra), and every declared range admits the exact pin CI runs.
The wheel itself is built and installed by tests/test_install.py (slow_install)."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
CORE = [Requirement(text) for text in PROJECT["dependencies"]]
EXTRAS = {extra: [Requirement(text) for text in texts]
          for extra, texts in PROJECT["optional-dependencies"].items()}
PINS = {canonicalize_name(r.name): r for r in (
    Requirement(line.split("#")[0])
    for pins in ("requirements.txt", "requirements-widget.txt")
    for line in (ROOT / pins).read_text().splitlines()
    if line.split("#")[0].strip() and not line.startswith("-r"))}
# Imported only inside the text of generated code or by a browser test, never run here.
NOT_RUNTIME = {"torch"}
# Imported inside the one function that needs it, and declared in the extra that runs it:
# the live class board compares names with ICU (nnsine/classboard/names.py), so a plain
# install (engine, CLI, notebook widget) builds no ICU.
IN_AN_EXTRA = {"icu": "app"}


def imported_distributions(paths) -> dict[str, set[str]]:
    """{distribution: files importing it} for every third-party top-level import."""
    owners = packages_distributions()
    found: dict[str, set[str]] = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("nnsine", "pages", "ui", "tests"):
                    continue
                if top in NOT_RUNTIME or top in IN_AN_EXTRA:
                    continue
                for dist in owners.get(top, [top]):
                    found.setdefault(canonicalize_name(dist), set()).add(
                        str(path.relative_to(ROOT)))
    return found


def names(requirements) -> set[str]:
    return {canonicalize_name(r.name) for r in requirements}


def test_the_engine_and_cli_need_only_the_plain_install_and_plotly():
    engine = imported_distributions(
        p for p in (ROOT / "nnsine").rglob("*.py") if "widget" not in p.parts
        and ("plots" not in p.parts or p.name in ("render.py", "palette.py")))
    assert set(engine) <= names(CORE), {d: f for d, f in engine.items()
                                        if d not in names(CORE)}
    plots = imported_distributions((ROOT / "nnsine" / "plots").glob("*.py"))
    assert set(plots) <= names(CORE) | names(EXTRAS["app"])


def test_the_notebook_widget_needs_only_the_plain_install_and_the_widget_extra():
    widget = imported_distributions((ROOT / "nnsine" / "widget").rglob("*.py"))
    assert set(widget) <= names(CORE) | names(EXTRAS["widget"]), widget


def test_a_library_imported_where_needed_is_in_its_extra():
    for extra in IN_AN_EXTRA.values():
        assert canonicalize_name("pyicu-wheels") in names(EXTRAS[extra])


def test_the_app_needs_only_the_plain_install_and_the_app_extra():
    scripts = [ROOT / "app.py", *(ROOT / "pages").rglob("*.py")]
    if (ROOT / "ui").is_dir():
        scripts += (ROOT / "ui").rglob("*.py")
    app = imported_distributions(scripts)
    declared = names(CORE) | names(EXTRAS["app"])
    # Streamlit's own requirements, used beside it: pandas (softmax_panel's table for
    # st.dataframe), starlette and anyio (app.py's st.App middleware, ui/gzip_once.py).
    beside = {"pandas", "starlette", "anyio"}
    assert set(app) <= declared | beside, {d: f for d, f in app.items() if d not in declared}
    assert beside <= {canonicalize_name(r.name) for r in _requires("streamlit")}


def _requires(dist: str) -> list[Requirement]:
    from importlib.metadata import requires
    return [Requirement(text) for text in requires(dist) or [] if "extra ==" not in text]


@pytest.mark.parametrize("requirement", [*CORE, *(r for rs in EXTRAS.values() for r in rs)],
                         ids=str)
def test_every_range_admits_the_pin_ci_runs(requirement):
    pin = PINS[canonicalize_name(requirement.name)]
    (exact,) = pin.specifier
    assert exact.operator == "==" and requirement.specifier.contains(exact.version), (
        f"{requirement} does not admit requirements.txt's {pin}")


def test_the_postgres_extra_is_psycopg_as_the_deploy_urls_name_it():
    (driver,) = EXTRAS["postgres"]
    assert driver.name == "psycopg" and "binary" in driver.extras
    assert canonicalize_name("psycopg-binary") in PINS
