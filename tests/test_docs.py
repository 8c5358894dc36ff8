"""The documents: the README (short, its two commands, its links into docs/ resolve) and the
docs site (`mkdocs build --strict`: every internal link and anchor resolves; the built
HTML loads no font, script or style from another host; no development-log wording).

The site's build is marked `docs` (seconds, and it needs docs/requirements.txt); it is
skipped when MkDocs is not installed."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
README = ROOT / "README.md"
# What a development log says and a user's document must not.
LOG_WORDING = re.compile(r"\bissue \d+|\bthis session\b|\bstop \d+|\bfinal run for this README"
                         r"|\bthis round\b", re.IGNORECASE)
# Attributes that make a browser fetch something as the page loads.
ASSET_ATTRIBUTES = {"link": "href", "script": "src", "img": "src", "iframe": "src",
                    "source": "src", "audio": "src", "video": "src", "embed": "src",
                    "object": "data"}


def documents() -> list[Path]:
    return [README, *sorted((DOCS / "content").rglob("*.md")),
            *sorted((DOCS / "perf").glob("*.md"))]


def test_the_readme_is_short_and_keeps_its_two_commands():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 150
    assert "make run" in text and "make test" in text
    assert "docs/tuner.png" in text and (ROOT / "docs" / "tuner.png").is_file()
    # A teacher finds the lesson on the first screen.
    assert "Teach a lesson in five steps" in "\n".join(text.splitlines()[:60])


def test_the_readmes_links_into_the_repository_resolve():
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)\s]+)\)", text) + re.findall(r'src="([^"]+)"', text)
    local = [link for link in links if not urlsplit(link).scheme]
    assert local, "the README links into docs/"
    for link in local:
        path, _, anchor = link.partition("#")
        assert (ROOT / path).exists(), link
        if anchor and path.endswith(".md"):
            assert anchor in _anchors((ROOT / path).read_text(encoding="utf-8")), link


def _anchors(markdown: str) -> set[str]:
    """The ids the toc extension gives a page's headings (explicit `{#id}` kept)."""
    ids = set()
    for heading in re.findall(r"^#+ (.+)$", markdown, re.MULTILINE):
        explicit = re.search(r"\{#([\w-]+)\}\s*$", heading)
        if explicit:
            ids.add(explicit.group(1))
            continue
        slug = re.sub(r"[^\w\s-]", "", heading.lower()).strip()
        ids.add(re.sub(r"[\s]+", "-", slug))
    return ids


@pytest.mark.parametrize("path", documents(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_development_log_wording(path):
    found = LOG_WORDING.findall(path.read_text(encoding="utf-8"))
    assert not found, found


def test_every_generated_table_is_asked_for_and_builds():
    """The hook's tables come from the code; each is on some page (and builds without
    MkDocs: a table that fails to generate fails here in the fast tier too)."""
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (DOCS / "content").rglob("*.md"))
    for name, make in hooks.GENERATED.items():
        assert f"<!-- generated: {name} -->" in pages, name
        assert make().strip(), name
    with pytest.raises(ValueError, match="no generated table"):
        hooks.expand("<!-- generated: nothing -->")
    with pytest.raises(ValueError, match="cannot include"):
        hooks.expand("<!-- include: ../README.md -->")
    for include in re.findall(r"<!-- include: (\S+) -->", pages):
        assert (DOCS / include).is_file(), include


class _Assets(HTMLParser):
    """Every URL a page loads as it opens: tag attributes and CSS in <style>."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ASSET_ATTRIBUTES and attrs.get(ASSET_ATTRIBUTES[tag]):
            if tag != "link" or attrs.get("rel") != "canonical":
                self.urls.append(attrs[ASSET_ATTRIBUTES[tag]])
        if tag == "img" and attrs.get("srcset"):
            self.urls += [part.split()[0] for part in attrs["srcset"].split(",")]
        self._in_style = tag == "style"

    def handle_data(self, data):
        if self._in_style:
            self.urls += css_urls(data)


def css_urls(css: str) -> list[str]:
    return (re.findall(r"@import\s+(?:url\()?['\"]?([^'\")\s;]+)", css)
            + re.findall(r"url\(\s*['\"]?([^'\")]+)", css))


def off_host(url: str) -> bool:
    """A URL that names another host (http, https or protocol-relative)."""
    return bool(urlsplit(url.strip()).netloc)


def test_the_asset_check_sees_what_it_must():
    page = _Assets()
    page.feed('<link rel="stylesheet" href="https://fonts.googleapis.com/css?f=Roboto">'
              '<script src="//unpkg.com/x"></script><style>@import "https://a.example/b.css";'
              '</style><img src="img/tuner.png"><a href="https://example.org">a link</a>')
    assert [off_host(url) for url in page.urls] == [True, True, True, False]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None:
        pytest.skip("MkDocs is not installed: pip install -r docs/requirements.txt")
    out = tmp_path_factory.mktemp("site")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                            str(DOCS / "mkdocs.yml"), "-d", str(out)],
                           cwd=ROOT, capture_output=True, text=True, timeout=600,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert build.returncode == 0, build.stdout + build.stderr
    return out


@pytest.mark.docs
def test_the_site_builds_strict_with_every_page(site):
    """--strict fails on any warning: a link to a missing page or a missing anchor, a page
    left out of the nav, a hook that cannot generate its table."""
    pages = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    assert "index.html" in pages and "reference/cli/index.html" in pages
    cli = (site / "reference" / "cli" / "index.html").read_text(encoding="utf-8")
    assert "usage: python -m nnsine score" in cli  # generated from the argument parser
    figures = (site / "learn" / "figures" / "index.html").read_text(encoding="utf-8")
    assert all(f"<td>4-{k}</td>" in figures for k in range(1, 35))
    assert (site / "img" / "tuner.png").is_file()


@pytest.mark.docs
def test_the_site_loads_nothing_from_another_host(site):
    problems = []
    for page in site.rglob("*.html"):
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(site)}: {url}" for url in parser.urls if off_host(url)]
    for sheet in site.rglob("*.css"):
        problems += [f"{sheet.relative_to(site)}: {url}"
                     for url in css_urls(sheet.read_text(encoding="utf-8")) if off_host(url)]
    assert not problems, problems


def test_the_engine_pages_code_runs_as_written():
    """docs/content/learn/engine.md's example, run with an x of the book's shape."""
    import numpy as np

    text = (DOCS / "content" / "learn" / "engine.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    names = {"x": np.linspace(0, 1, 1000)}
    exec(compile(code, "engine.md", "exec"), names)  # noqa: S102 - our own document
    assert names["fit"].n_pairs == 8 and names["trace"].output.shape == (1000,)


@pytest.mark.subprocess
def test_the_readmes_classroom_command_serves_every_address():
    """Step 1 of the README's lesson: `streamlit run app.py --server.address 0.0.0.0`
    (reached here on the loopback address only)."""
    import urllib.request

    from tests.conftest import running_server

    assert ".venv/bin/streamlit run app.py --server.address 0.0.0.0" in README.read_text(
        encoding="utf-8")
    with running_server("--server.address", "0.0.0.0") as url:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as response:
            assert response.read() == b"ok"
