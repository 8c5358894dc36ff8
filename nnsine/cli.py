"""Command line: `python -m nnsine preset NAME` and `python -m nnsine score FILE...`."""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

from nnsine import fitfile, grading, presets, targets


def _preset(args) -> int:
    try:
        fit = presets.preset(args.name)
    except KeyError as error:
        print(f"nnsine: {error.args[0]}", file=sys.stderr)
        return 2
    print(fitfile.dumps(fit))
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
            files.append((name, Path(name).read_bytes()))
        except OSError as error:
            bad.append((name, error.strerror or str(error)))
    entries, invalid = grading.grade(files, args.target)
    bad = sorted(bad + invalid, key=lambda item: args.files.index(item[0]))  # as given
    rows = [{"file": e.name, "mse": e.score.mse, "max_error": e.score.max_error,
             "mean_error": e.score.mean_error} for e in entries]
    if args.json:
        print(json.dumps(rows + [{"file": name, "error": problem} for name, problem in bad],
                         indent=1))
    else:
        _print_table(rows)
    for name, problem in bad:
        print(f"error: {name}: {problem}", file=sys.stderr)
    return 1 if bad else 0


def _print_table(rows: list[dict]) -> None:
    width = max([len("file"), *(len(row["file"]) for row in rows)])
    print(f"{'rank':>4}  {'file':<{width}}  {'MSE':>10}  {'max |error|':>11}  {'mean |error|':>12}")
    for rank, row in enumerate(rows, 1):
        print(f"{rank:>4}  {row['file']:<{width}}  {row['mse']:>10.6f}  "
              f"{row['max_error']:>11.4f}  {row['mean_error']:>12.4f}")


def _listings(args) -> int:
    from nnsine import listings  # imported on demand: only this command needs it

    listings.print_all()
    return 0


def _train(args) -> int:
    from nnsine import training  # imported on demand: only this command needs it

    return training.cli(args)


def parser() -> argparse.ArgumentParser:
    """The argument parser (sub-commands preset and score)."""
    main_parser = argparse.ArgumentParser(prog="python -m nnsine", description=__doc__)
    commands = main_parser.add_subparsers(dest="command", required=True)
    preset_parser = commands.add_parser("preset", help="print a named fit as JSON")
    preset_parser.add_argument("name", help=f"one of: {', '.join(presets.PRESETS)}")
    preset_parser.set_defaults(run=_preset)
    score_parser = commands.add_parser("score", help="score saved fits, best first")
    score_parser.add_argument("files", nargs="+", metavar="FILE")
    score_parser.add_argument("--json", action="store_true", help="machine-readable output")
    score_parser.add_argument("--target", default=targets.DEFAULT, choices=sorted(targets.TARGETS))
    score_parser.set_defaults(run=_score)
    listings_parser = commands.add_parser("listings", help="print Chapter 4's listings' output")
    listings_parser.set_defaults(run=_listings)
    train_parser = commands.add_parser("train", help="let an optimizer finish a saved fit")
    train_parser.add_argument("file", metavar="FILE")
    train_parser.add_argument("--steps", type=int, default=2000)
    train_parser.add_argument("--seed", type=int, default=0)
    train_parser.set_defaults(run=_train)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    args = parser().parse_args(argv)
    return args.run(args)
