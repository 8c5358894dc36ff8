"""The docs site's build hook (docs/mkdocs.yml): the reference tables are written from the
code at every build, so they cannot go stale, and the benchmarks' tables (docs/perf/*.md,
written by the benchmarks) are included where a page asks.

A page asks with a line of its own: `<!-- generated: NAME -->` (a table below) or
`<!-- include: perf/FILE.md -->`. An unknown name or a missing file stops the build.
The pictures the README shows (docs/*.png) are added to the site as img/*.png.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:  # the hook imports the code it documents
    sys.path.insert(0, str(ROOT))

MARKER = re.compile(r"^<!-- (generated|include): (\S+) -->$", re.MULTILINE)


def figure_map() -> str:
    from nnsine.book import figure_map as figures

    return figures.readme_table()


def pages() -> str:
    """The app's pages and their URLs, from the table app.py navigates by (ui/shell.py)."""
    from ui import shell

    tuner, *others = shell.PAGES
    rows = [f"| `/` (also `/{tuner.url}`) | {tuner.icon} {tuner.title} |",
            *(f"| `/{page.url}` | {page.icon} {page.title} |" for page in others)]
    return "\n".join(["| URL | page |", "|---|---|", *rows])


def languages() -> str:
    """The languages the app speaks and how complete each catalog is, from nnsine.i18n."""
    from babel.messages.pofile import read_po

    from nnsine import i18n

    rows = ["| `?lang=` | language | sentences translated |", "|---|---|---:|"]
    with open(i18n.LOCALE_DIR / "nnsine.pot", "rb") as file:
        total = sum(1 for message in read_po(file) if message.id)
    for language in i18n.LANGUAGES:
        if language.code == i18n.DEFAULT:
            rows.append(f"| `{language.code}` | {language.name} | the source ({total}) |")
            continue
        path = i18n.LOCALE_DIR / language.code / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
        with open(path, "rb") as file:
            done = sum(1 for m in read_po(file) if m.id and not m.fuzzy and (
                all(m.string) if isinstance(m.string, tuple) else m.string))
        rows.append(f"| `{language.code}` | {language.name} | {done} of {total} |")
    return "\n".join(rows)


def url_keys() -> str:
    """Every URL key a link may carry, with its range, from the tables in the code."""
    from nnsine.book import figure_map as figures
    from nnsine.book import walkthrough
    from nnsine.engine import targets
    from nnsine.formats import exercise, params
    from nnsine.formats import softmax_settings as sm
    from nnsine.formats.checks import fmt

    def field(f):
        return f"{fmt(f.low)} … {fmt(f.high)}, step {fmt(f.step)}; default {fmt(f.default)}"

    acts = [v.query["act"] for v in figures.FIGURES if v.page == "activations"]
    figs = [v.query["fig"] for v in figures.FIGURES if v.page == "one-pair"]
    rows = [*(f"| `p<i>_{f.name}` | tuner | pair i's {f.label} (i = 1 … {params.MAX_PAIRS}) "
              f"| {field(f)} |" for f in params.PAIR_FIELDS),
            f"| `{params.OUTPUT_FIELD.name}` | tuner | the {params.OUTPUT_FIELD.label} "
            f"| {field(params.OUTPUT_FIELD)} |",
            f"| `pairs` | tuner | the number of pairs | 1 … {params.MAX_PAIRS}; "
            f"default {params.N_PAIRS} |",
            "| `target` | tuner | what the fit is scored against | "
            f"{', '.join(f'`{name}`' for name in targets.TARGETS)}; `f:FORMULA` (a formula "
            "in x); `pts:x,y;x,y;…` (points); default `sine` |",
            f"| `walk` | tuner | a step of the guided walkthrough | 1 … "
            f"{len(walkthrough.STEPS)} |",
            f"| `{exercise.KEYS[0]}` | tuner | `1`: the link is an exercise | `1` |",
            f"| `{exercise.KEYS[1]}` | tuner | the exercise's target | as `target` |",
            f"| `{exercise.KEYS[2]}` | tuner | the exercise's number of pairs | 1 … "
            f"{params.MAX_PAIRS} |",
            f"| `{exercise.KEYS[3]}` | tuner | goals: max \\|error\\| thresholds, "
            f"comma-separated | at most {exercise.MAX_GOALS} |",
            f"| `{exercise.KEYS[4]}` | tuner | controls left out of the page, comma-separated "
            f"| {', '.join(f'`{h}`' for h in exercise.HIDEABLE)} |",
            "| `join` | tuner | a live class's join code (the join link and QR code) | "
            "six letters and digits |",
            f"| `act` | activations | the activation function shown | "
            f"{', '.join(f'`{a}`' for a in acts)} |",
            f"| `fig` | one-pair | a book figure's settings | "
            f"{', '.join(f'`{f}`' for f in figs)} |",
            f"| `sm_logits` | softmax | the logits, comma-separated | {sm.CLASSES[0]} … "
            f"{sm.CLASSES[1]} numbers, each within ±{fmt(sm.LOGIT_LIMIT)} |",
            f"| `sm_shift` | softmax | a number added to every logit | "
            f"±{fmt(sm.SHIFT_LIMIT)} |",
            "| `sm_max` | softmax | subtract the largest logit first | `1` or `0` |",
            f"| `sm_scale` | softmax | a factor every logit is multiplied by | "
            f"{fmt(sm.SCALE_RANGE[0])} … {fmt(sm.SCALE_RANGE[1])} |",
            f"| `sm_batch` | softmax | a batch: rows separated by `;`, numbers by `,` | "
            f"up to {sm.BATCH_ROWS} rows of {sm.BATCH_CLASSES} |",
            "| `seat` | tuner | a student's seat in a live class (joining puts it in the "
            "address bar; a reload brings the student back as themselves) | a 256-bit "
            "token |",
            "| `teacher` | class | the teacher link's token (the class page keeps it in its "
            "address, so a reload brings the board back) | a 256-bit token |",
            "| `present` | any page | presenter mode | `1` (also `true`, `yes`) |",
            "| `embed` | any page | Streamlit's own: the page without its menus, for an "
            "iframe | `true` |"]
    head = "| key | page | what | values |\n|---|---|---|---|"
    return "\n".join([head, *rows])


def fit_file() -> str:
    """The fit file's fields and an example written by the code that writes fit files."""
    from nnsine.book import presets
    from nnsine.formats import fitfile, params, provenance
    from nnsine.formats.checks import fmt

    two = params.resize(presets.preset("hand-tuned"), 2)
    example = fitfile.dumps(two, history=provenance.record((), "sliders"))
    pair = params.PAIR_FIELDS
    rows = [f"| `{f.name}` | {f.label} | {fmt(f.low)} … {fmt(f.high)} |"
            for f in (*pair, params.OUTPUT_FIELD)]
    return "\n".join([
        f"A fit file of two pairs, as nnsine writes it (format `{fitfile.FORMAT}`, "
        f"version {fitfile.VERSION}):", "", "```json", example, "```", "",
        f"Keys of a version-{fitfile.VERSION} file: "
        f"{', '.join(f'`{k}`' for k in sorted(fitfile.V2_KEYS))}; of a version-1 file: "
        f"{', '.join(f'`{k}`' for k in sorted(fitfile.V1_KEYS))}. "
        f"1 to {params.MAX_PAIRS} pairs; a file of at most "
        f"{fitfile.MAX_FILE_BYTES // 1024} KB. Provenance kinds: "
        f"{', '.join(f'`{k}`' for k in provenance.KINDS)}.", "",
        "| key (each pair; then `b_out`) | what | range |", "|---|---|---|", *rows])


def cli() -> str:
    """`--help` of every command, from the argument parser itself."""
    from nnsine import cli as command_line

    os.environ["COLUMNS"] = "88"  # argparse wraps to the terminal: the same text every build
    try:
        parser = command_line.parser()
        out = ["### python -m nnsine", "", "```text", parser.format_help().rstrip(), "```"]
        for name, sub in _subparsers(parser):
            out += ["", f"### {name}", "", "```text", sub.format_help().rstrip(), "```"]
    finally:
        os.environ.pop("COLUMNS", None)
    return "\n".join(out)


def score_example() -> str:
    """What `score` prints for two fits and a broken file, run at build time."""
    import contextlib
    import io
    import tempfile

    from nnsine import cli as command_line
    from nnsine.book import presets
    from nnsine.formats import fitfile, provenance

    with tempfile.TemporaryDirectory() as folder:
        here = os.getcwd()
        os.chdir(folder)
        try:
            Path("ada.json").write_text(fitfile.dumps(
                presets.preset("hand-tuned"), history=provenance.record((), "preset",
                                                                        "hand-tuned")))
            Path("bob.json").write_text(fitfile.dumps(presets.preset("zeros")))
            Path("cy.json").write_text("{pairs: []}")
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                status = command_line.main(["score", "ada.json", "bob.json", "cy.json"])
        finally:
            os.chdir(here)
    return "\n".join(["```text", "$ python -m nnsine score ada.json bob.json cy.json",
                      out.getvalue().rstrip(), err.getvalue().rstrip(), "```", "",
                      f"Exit status: {status}."])


def _subparsers(parser: argparse.ArgumentParser, prefix: str = ""):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield prefix + name, sub
                yield from _subparsers(sub, prefix + name + " ")


SETTING_TEXT = {
    "class_hours": "a class and all its data are deleted this long after it started",
    "max_classes": "classes on the server at once",
    "classes_per_address": "classes one network address may start per window (nobody "
                           "fills the server alone)",
    "name_chars": "display-name length",
    "students_per_class": "students who may join one class",
    "handins_per_minute": "hand-ins per student",
    "wrong_codes_per_session": "wrong join codes one browser session may try per window",
    "wrong_codes_per_address": "wrong join codes one network address may try per window (a "
                               "school's network is often one address: this lets a whole "
                               "class mistype); past it, only sessions opened before the "
                               "flood began may still join",
    "joins_per_session": "new seats one browser session may take per window (a reload or a "
                         "second tab comes back with its seat link and costs none)",
    "joins_per_address": "new seats one network address may take per window (two classes of "
                         "40 behind one school network still fit; one script cannot fill a "
                         "class)",
    "window_seconds": "the window of the per-window limits, in seconds",
}


def settings() -> str:
    """The class board's limits: NNSINE_<FIELD> variables and their defaults."""
    from nnsine.classboard.board_rules import Limits
    from nnsine.formats.checks import fmt

    rows = []
    for f in dataclasses.fields(Limits):
        if f.name not in SETTING_TEXT:
            raise KeyError(f"docs/hooks.py: describe the setting {f.name} in SETTING_TEXT")
        rows.append(f"| `NNSINE_{f.name.upper()}` | {fmt(f.default)} | "
                    f"{SETTING_TEXT[f.name]} |")
    return "\n".join(["| setting | default | what |", "|---|---|---|", *rows])


GENERATED = {"pages": pages, "figure-map": figure_map, "url-keys": url_keys, "fit-file": fit_file,
             "cli": cli, "score-example": score_example,
             "settings": settings, "languages": languages}


def expand(markdown: str) -> str:
    """The page's markers replaced by what they name (ValueError for an unknown one)."""
    def one(match: re.Match) -> str:
        kind, name = match.groups()
        if kind == "generated":
            if name not in GENERATED:
                raise ValueError(f"no generated table {name!r}: one of {', '.join(GENERATED)}")
            return GENERATED[name]()
        path = (HERE / name).resolve()
        if HERE / "perf" not in path.parents or not path.is_file():
            raise ValueError(f"cannot include {name!r}: not a file under docs/perf/")
        return path.read_text(encoding="utf-8").strip()
    return MARKER.sub(one, markdown)


# --- mkdocs events -----------------------------------------------------------


def on_page_markdown(markdown, page, config, files):
    from mkdocs.exceptions import PluginError

    try:
        return expand(markdown)
    except (ValueError, KeyError) as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None


def on_files(files, config):
    from mkdocs.structure.files import File

    for picture in sorted(HERE.glob("*.png")):
        files.append(File.generated(config, f"img/{picture.name}", abs_src_path=str(picture)))
    return files
