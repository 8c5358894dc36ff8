"""`python -m nnsine export FIT --to nnfs|numpy|torch [-o OUT]` and
`python -m nnsine render FIT --svg OUT --png OUT`: a saved fit to a notebook or a handout.

FIT is a fit file (JSON), or the book's six arrays (.npz or JSON) of a pair network.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nnsine.engine import targets, views
from nnsine.engine.network import Params
from nnsine.formats import export, fitfile, importer, params

IMAGES = ("svg", "png")  # nnsine.plots.render.FORMATS; render (matplotlib) is imported on demand


def _load(name: str) -> Params:
    """The pair network in file `name`; ParamsError (or OSError) says why not."""
    imported = importer.read(fitfile.head(name, importer.MAX_FILE_BYTES))
    if imported.fit is None:
        raise params.ParamsError(f"layer 2 is dense ({imported.cross_weights} weights off "
                                 "its diagonal): only a pair network can be exported")
    return imported.fit


def _fail(name: str, error: Exception) -> int:
    detail = error.strerror if isinstance(error, OSError) and error.strerror else error
    print(f"nnsine: {name}: {detail}", file=sys.stderr)
    return 1


def _export(args) -> int:
    try:
        fit = _load(args.file)
    except (OSError, params.ParamsError) as error:
        return _fail(args.file, error)
    data = export.export(fit, args.to, args.target)
    if args.output:
        try:
            Path(args.output).write_bytes(data)
        except OSError as error:
            return _fail(args.output, error)
        print(f"wrote {args.output} ({len(data):,} bytes)", file=sys.stderr)
        if args.to == "torch":
            print(export.torch_snippet(fit.n_pairs, Path(args.output).name), file=sys.stderr)
        return 0
    if args.to != "nnfs" and sys.stdout.isatty():
        print(f"nnsine: --to {args.to} is a binary file: give -o "
              f"{export.FILE_NAMES[args.to]} (or redirect the output)", file=sys.stderr)
        return 2
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0


def _render(args) -> int:
    from nnsine.plots import render  # matplotlib: only this command pays for its import

    wanted = {fmt: getattr(args, fmt) for fmt in IMAGES if getattr(args, fmt)}
    if not wanted:
        print("nnsine: render: give --svg OUT, --png OUT or both", file=sys.stderr)
        return 2
    try:
        fit = _load(args.file)
    except (OSError, params.ParamsError) as error:
        return _fail(args.file, error)
    for fmt, output in wanted.items():
        try:
            Path(output).write_bytes(render.render(fit, fmt, args.target, args.view))
        except OSError as error:
            return _fail(output, error)
        print(f"wrote {output}", file=sys.stderr)
    return 0


def register(commands) -> None:
    """Add the export and render sub-commands to nnsine.cli's sub-parsers."""
    target = {"default": targets.DEFAULT, "choices": sorted(targets.TARGETS),
              "help": "what the fit is scored against (default: sine)"}
    export_parser = commands.add_parser(
        "export", help="a saved fit as the book's code, NumPy .npz or PyTorch state_dict",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="nnfs: a Python program (Layer_Dense, Activation_ReLU) that prints the MSE\n"
               "numpy: an .npz of dense1_weights ... dense3_biases\n"
               "torch: a state_dict for nn.Sequential(Linear(1,n), ReLU(), Linear(n,n), "
               "ReLU(), Linear(n,1))")
    export_parser.add_argument("file", metavar="FIT")
    export_parser.add_argument("--to", required=True, choices=list(export.FILE_NAMES))
    export_parser.add_argument("-o", "--output", metavar="OUT", help="default: stdout")
    export_parser.add_argument("--target", **target)
    export_parser.set_defaults(run=_export)
    render_parser = commands.add_parser("render", help="a saved fit's chart as SVG/PNG")
    render_parser.add_argument("file", metavar="FIT")
    render_parser.add_argument("--svg", metavar="OUT")
    render_parser.add_argument("--png", metavar="OUT")
    render_parser.add_argument("--target", **target)
    render_parser.add_argument("--view", default="book", choices=list(views.VIEWS),
                               help="book: x in [0, 1); wide: [-0.5, 1.5)")
    render_parser.set_defaults(run=_render)
