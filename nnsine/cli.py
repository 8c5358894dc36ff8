"""Command line: `python -m nnsine preset NAME`, `score FILE...`, `listings`; the other
commands live beside it (class_cli, notebook_cli, train_cli)."""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from pathlib import Path

from nnsine import class_cli, notebook_cli, train_cli
from nnsine.book import presets
from nnsine.classboard import grading
from nnsine.engine import targets
from nnsine.engine.target_points import parse_csv
from nnsine.formats import checks, fitfile, provenance


def _shortcut_list(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in provenance.SHORTCUTS.values()]
    if unknown:
        raise argparse.ArgumentTypeError(f"{unknown[0][:20]!r} is not one of "
                                         f"{', '.join(provenance.SHORTCUTS.values())}")
    return names


def preset_name(name: str) -> str:
    """An argparse type: a known preset's name, else a usage message (exit status 2)."""
    try:
        presets.preset(name)
    except KeyError as error:
        raise argparse.ArgumentTypeError(error.args[0]) from None
    return name


def _preset(args) -> int:
    try:
        fit = presets.preset(args.name)
    except KeyError as error:
        print(f"nnsine: {error.args[0]}", file=sys.stderr)
        return 2
    print(fitfile.dumps(fit, history=provenance.record((), "preset", args.name)))
    return 0


def _expand(patterns: list[str]) -> list[str]:
    """FILE arguments with any unexpanded wildcard expanded here: Windows shells and
    `docker run ... score /data/*.json` pass the pattern through as written."""
    names = []
    for pattern in patterns:
        matches = [] if Path(pattern).exists() else sorted(glob.glob(pattern))
        names += matches or [pattern]
    return names


def _score(args) -> int:
    args.files = _expand(args.files)
    files, bad = [], []
    for name in args.files:
        try:
            files.append((name, fitfile.head(name)))
        except OSError as error:
            bad.append((name, error.strerror or str(error)))
    # One target for every file, or None: each file's own.
    target = args.target or args.target_expr or args.target_file
    entries, invalid = grading.grade(files, target)
    bad = sorted(bad + invalid, key=lambda item: args.files.index(item[0]))  # as given
    rows = [{"file": e.name, "mse": e.score.mse, "max_error": e.score.max_error,
             "mean_error": e.score.mean_error, "target": e.target, "made": e.made(),
             "flagged": sorted(e.shortcuts() & set(args.forbid))} for e in entries]
    if args.json:
        print(json.dumps(rows + [{"file": name, "error": problem} for name, problem in bad],
                         indent=1))
    else:
        _print_table(rows)
    for name, problem in bad:
        print(f"error: {name}: {problem}", file=sys.stderr)
    return 1 if bad else 0


def _target_type(read):
    """An argparse type: text -> a target string by `read`; a bad one is argparse's usage
    message and exit status 2."""
    def parse(text: str) -> str:
        try:
            return read(text)
        except checks.ParamsError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
    parse.__name__ = "target"
    return parse


def _csv_target(name: str) -> str:
    """--target-file: the points of a CSV file as a target string."""
    try:
        data = fitfile.head(name, 64 * 1024)
    except OSError as error:
        raise checks.ParamsError(f"{name}: {error.strerror}") from None
    try:
        return targets.points_target(*parse_csv(data))
    except checks.ParamsError as error:
        raise checks.ParamsError(f"{name}: {error}") from None


def _print_table(rows: list[dict]) -> None:
    width = max([len("file"), *(len(row["file"]) for row in rows)])
    several = len({row["target"] for row in rows}) > 1  # said only when it matters
    print(f"{'rank':>4}  {'file':<{width}}  {'MSE':>10}  {'max |error|':>11}  "
          f"{'mean |error|':>12}  {'target  ' if several else ''}how it was made")
    for rank, row in enumerate(rows, 1):
        flag = f"  FLAGGED: used {', '.join(row['flagged'])}" if row["flagged"] else ""
        on = f"{targets.label(row['target'])[:30]}  " if several else ""
        print(f"{rank:>4}  {row['file']:<{width}}  {row['mse']:>10.6f}  "
              f"{row['max_error']:>11.4f}  {row['mean_error']:>12.4f}  {on}{row['made']}{flag}")


def _listings(args) -> int:
    from nnsine.book import listings  # imported on demand: only this command needs it

    listings.print_all()
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    main_parser = argparse.ArgumentParser(prog="python -m nnsine", description=__doc__)
    commands = main_parser.add_subparsers(dest="command", required=True)
    preset_parser = commands.add_parser("preset", help="print a named fit as JSON")
    preset_parser.add_argument("name", type=preset_name, metavar="NAME",
                               help="zeros, hand-tuned, or walkthrough-1 ... walkthrough-N")
    preset_parser.set_defaults(run=_preset)
    score_parser = commands.add_parser("score", help="score saved fits, best first")
    score_parser.add_argument("files", nargs="+", metavar="FILE")
    score_parser.add_argument("--json", action="store_true", help="machine-readable output")
    which = score_parser.add_mutually_exclusive_group()
    which.add_argument("--target", metavar="NAME", type=_target_type(targets.check),
                       help="score every file on this target: "
                            f"{', '.join(targets.TARGETS)} (default: each file's own)")
    which.add_argument("--target-expr", metavar="FORMULA",
                       type=_target_type(lambda text: targets.check("f:" + text)),
                       help="score on a formula in x, e.g. 'abs(x - 0.3)'")
    which.add_argument("--target-file", metavar="CSV", type=_target_type(_csv_target),
                       help="score on points x, y from a CSV")
    score_parser.add_argument("--forbid", type=_shortcut_list, default=[],
                              metavar="presets,walkthrough,optimizer",
                              help="flag fits whose provenance used these shortcuts")
    score_parser.set_defaults(run=_score)
    listings_parser = commands.add_parser("listings", help="print Chapter 4's listings' output")
    listings_parser.set_defaults(run=_listings)
    train_cli.register(commands)  # train, grad (issue 25)
    class_cli.register(commands)  # `class export` (the live class board)
    notebook_cli.register(commands)  # export, render (issue 16)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status (argument errors exit 2 with usage)."""
    for stream in (sys.stdout, sys.stderr):  # a file name that is not valid UTF-8
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `... | head`: the reader left; no traceback, as other tools
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # flush at exit
        return 1
    except KeyboardInterrupt:  # Ctrl-C during a long `train`
        print("nnsine: interrupted", file=sys.stderr)
        return 130
