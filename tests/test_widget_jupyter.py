"""The notebook tuner in a real JupyterLab driven by Chromium: it renders its sliders in a
cell's output (plotly.js from the kernel, nothing from the network), a drag reaches the
kernel (`values` changes, an observer fires), and setting `t.fit` from a cell moves the
sliders. Skips without the `widget` extra and JupyterLab (requirements-widget.txt)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("anywidget")
pytest.importorskip("jupyterlab")

from nnsine.book import presets  # noqa: E402
from nnsine.engine.metrics import score  # noqa: E402
from tests.notebook_servers import jupyterlab, notebook  # noqa: E402
from tests.test_tuner_browser import slider, wait_sliders  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.notebook]

CELLS = (
    "from nnsine.widget import Tuner\nfrom nnsine import preset\nt = Tuner()\nfired = []\n"
    "t.observe(lambda change: fired.append(change['new']['b_out']), names='values')\nt",
    "print('KERNEL', t.values['b_out'], len(fired))",
    "t.fit = preset('hand-tuned')",
    "Tuner(n_pairs=3)",
)
RUN = """async (i) => {
  const app = window.jupyterapp, panel = app.shell.currentWidget;
  await panel.context.sessionContext.ready;
  panel.content.activeCellIndex = i;
  await app.commands.execute("notebook:run-cell");
}"""
OUTPUT = """(i) => {
  const cell = window.jupyterapp.shell.currentWidget.content.widgets[i];
  const area = cell.node.querySelector(".jp-OutputArea");
  return area ? area.innerText : "";
}"""


def local_only(page) -> list[str]:
    """Abort (and list) every request that would leave 127.0.0.1."""
    outside = []

    def route(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "blob:", "data:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()
    page.route("**/*", route)
    return outside


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab")
    (folder / "tuner.ipynb").write_text(json.dumps(notebook(*CELLS)))
    with jupyterlab(folder) as server:
        yield server


def open_notebook(page, lab):
    url, token = lab
    page.goto(f"{url}/lab/tree/tuner.ipynb?token={token}")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.content", timeout=90_000)


def run_cell(page, i: int, wait_for: str = "") -> str:
    page.evaluate(RUN, i)
    if wait_for:
        page.wait_for_function(f"(i) => ({OUTPUT})(i).includes({json.dumps(wait_for)})", arg=i,
                               timeout=60_000)
    return page.evaluate(OUTPUT, i)


def test_the_tuner_renders_drags_into_the_kernel_and_follows_the_kernel(lab, page):
    outside = local_only(page)
    open_notebook(page, lab)
    run_cell(page, 0)
    page.wait_for_selector(".jp-OutputArea .nt-root[data-drawn]", timeout=90_000)
    assert page.locator(".jp-OutputArea .nt-root input[type=range]").count() == 41
    page.wait_for_selector(".nt-plot .main-svg")  # plotly.js came from the kernel
    page.locator(".nt-score", has_text="MSE 0.50000").wait_for()

    slider(page, "b_out").scroll_into_view_if_needed()
    box = slider(page, "b_out").bounding_box()
    # b_out at 0, the middle of [-10, 10]: moving it moves the zero fit's flat output.
    middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(*middle)
    page.mouse.down()
    page.mouse.move(middle[0] + box["width"] * 0.1, middle[1], steps=6)
    page.mouse.up()
    value = float(slider(page, "b_out").input_value())
    assert value > 0
    # The kernel scored the release (its text replaced the zero fit's) ...
    page.wait_for_function("() => !document.querySelector('.nt-score').textContent"
                           ".includes('MSE 0.50000')")
    assert "differ" not in page.locator(".nt-score").inner_text()  # same curve as the engine
    # ... and a cell sees the new value, and the observer fired.
    words = run_cell(page, 1, "KERNEL").split()
    assert float(words[1]) == value and int(words[2]) >= 1

    run_cell(page, 2)
    wait_sliders(page, presets.preset("hand-tuned"))
    hand = presets.preset("hand-tuned")
    page.locator(".nt-score", has_text=f"MSE {score(hand).mse:.5f}").wait_for()

    # Light and dark as the notebook is: JupyterLab's theme switch reaches the chart.
    scheme = "() => document.querySelector('.nt-root').style.colorScheme"
    assert page.evaluate(scheme) == "light"
    page.evaluate("() => window.jupyterapp.commands.execute('apputils:change-theme',"
                  " { theme: 'JupyterLab Dark' })")
    page.wait_for_function(f"() => ({scheme})() === 'dark'")

    # A second tuner on the page, of 3 pairs: 16 sliders of its own.
    run_cell(page, 3)
    page.wait_for_function("() => document.querySelectorAll('.jp-OutputArea .nt-root')"
                           ".length === 2 && document.querySelectorAll('.nt-root')[1]"
                           ".querySelectorAll('input[type=range]').length === 16")
    assert outside == []
