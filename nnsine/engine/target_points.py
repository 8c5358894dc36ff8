"""A teacher's own target, part 2: points (x, y) from a CSV file, a sketch or a URL
("pts:0,0;0.25,1;1,0"), scored on their own x."""

from __future__ import annotations

import csv
import math

import numpy as np

from nnsine.engine.target_formula import Y_LIMIT, TargetError, short
from nnsine.engine.values import NUMBER_TEXT
from nnsine.i18n import _

POINTS = "pts:"
MAX_POINTS = 1000
X_RANGE = (-0.5, 1.5)  # the tuner's wider view: points beyond it could never be seen


def points(xs, ys) -> tuple[np.ndarray, np.ndarray]:
    """Checked points: x (n,) strictly increasing inside X_RANGE, y (n,) finite within
    ±Y_LIMIT, 2 <= n <= MAX_POINTS. Raises TargetError naming the first bad point."""
    xs, ys = np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64)
    if xs.shape != ys.shape or xs.ndim != 1:
        raise TargetError(_("points need as many x as y values"))
    if not 2 <= xs.size <= MAX_POINTS:
        raise TargetError(_("{count} points; a target has 2 to {most}", count=xs.size,
                            most=MAX_POINTS))
    for k, (x, y) in enumerate(zip(xs, ys, strict=True)):
        point = {"point": k + 1, "x": repr(float(x)), "y": repr(float(y))}
        if not (math.isfinite(x) and math.isfinite(y)):
            raise TargetError(_("point {point} ({x}, {y}) is not finite", **point))
        if not X_RANGE[0] <= x <= X_RANGE[1]:
            raise TargetError(_("point {point} ({x}, {y}): x is outside [{low:g}, {high:g}]",
                                low=X_RANGE[0], high=X_RANGE[1], **point))
        if abs(y) > Y_LIMIT:
            raise TargetError(_("point {point} ({x}, {y}): y is outside [-{limit:g}, "
                                "{limit:g}]", limit=Y_LIMIT, **point))
        if k and x <= xs[k - 1]:
            raise TargetError(_("point {point} ({x}, {y}): x must increase (the point before "
                                "has x = {before}); sort the points and drop repeated x",
                                before=repr(float(xs[k - 1])), **point))
    return xs, ys


def parse_csv(data: str | bytes) -> tuple[np.ndarray, np.ndarray]:
    """CSV text with two columns x, y (an optional header row; comma, semicolon or tab;
    with a semicolon or tab, a decimal comma too: 0,5;0,7) -> checked points (see
    `points`). Raises TargetError naming the line."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TargetError(_("the CSV file is not UTF-8 text")) from None
    if len(data) > 64 * MAX_POINTS:
        raise TargetError(_("the CSV file has {count:,} characters; too many for {most} "
                            "points", count=len(data), most=MAX_POINTS))
    dialect = _delimiter(data)
    xs, ys = [], []
    for line, row in enumerate(_rows(data, dialect), 1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if len(cells) != 2:
            if dialect == "," and len(cells) > 2:
                raise TargetError(_("CSV line {line}: expected 2 columns (x, y), got {count}: "
                                    "with decimal commas (0,5) separate the columns by "
                                    "semicolons (0,5;0,7)", line=line, count=len(cells)))
            raise TargetError(_("CSV line {line}: expected 2 columns (x, y), got {count}",
                                line=line, count=len(cells)))
        typed = dialect.join(cells)  # as the file has it, for a message
        if dialect != ",":  # Excel in most of Europe: 0,5;0,7 is the point (0.5, 0.7)
            cells = [cell.replace(",", ".", 1) if "." not in cell else cell for cell in cells]
        try:
            x, y = (_csv_number(cell) for cell in cells)
        except ValueError:
            if line == 1 and not any(_is_number(cell) for cell in cells):
                continue  # a header such as "x,y" (a row with one number in it is data)
            raise TargetError(_("CSV line {line}: {row} is not two numbers", line=line,
                                row=short(typed))) from None
        xs.append(x)
        ys.append(y)
        if len(xs) > MAX_POINTS:
            raise TargetError(_("the CSV file has more than {most} points", most=MAX_POINTS))
    return points(xs, ys)


def _delimiter(data: str) -> str:
    """The column separator: a semicolon or tab on every row (one each, as Excel writes
    x;y where the decimal mark is a comma), else whichever of ; tab , is most common."""
    lines = [line for line in data.splitlines() if line.strip()]
    for delimiter in (";", "\t"):
        if lines and all(line.count(delimiter) == 1 for line in lines):
            return delimiter
    return ";" if data.count(";") > data.count(",") else (
        "\t" if data.count("\t") > data.count(",") else ",")


def _rows(data: str, delimiter: str):
    """csv rows, with the csv module's own complaints (NUL bytes, stray quotes) as
    TargetError naming the line."""
    reader = csv.reader(data.splitlines(), delimiter=delimiter)
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # The csv module's own words (a NUL byte, a stray quote) stay as it says them.
            raise TargetError(_("CSV line {line}: {problem}", line=reader.line_num,
                                problem=error)) from None


def _csv_number(cell: str) -> float:
    # The numbers a learner reads: float() would also take Arabic-Indic digits,
    # full-width signs and 1_0; NaN and inf are refused by `points`.
    if not (NUMBER_TEXT.fullmatch(cell) or cell.lower().lstrip("+-") in ("nan", "inf")):
        raise ValueError(cell)
    return float(cell)


def _is_number(cell: str) -> bool:
    try:
        _csv_number(cell)
    except ValueError:
        return False
    return True


def points_spec(xs, ys) -> str:
    """Checked points -> their compact target string "pts:x,y;x,y;..." (exact floats)."""
    xs, ys = points(xs, ys)
    return POINTS + ";".join(f"{_compact(x)},{_compact(y)}" for x, y in zip(xs, ys, strict=True))


def parse_points_spec(text: str) -> tuple[np.ndarray, np.ndarray]:
    """"pts:x,y;x,y;..." -> checked points; TargetError names what is wrong."""
    body = text[len(POINTS):] if text.startswith(POINTS) else text
    return parse_csv(body.replace(";", "\n"))


def _compact(value: float) -> str:
    short = f"{value:.6g}"
    return short if float(short) == value else repr(float(value))


def from_stroke(xs, ys, n_bins: int = 50) -> tuple[np.ndarray, np.ndarray]:
    """A stroke drawn with the mouse or a finger (its path, in drawing order, (m,) each)
    -> checked points: the path's y averaged in n_bins equal slices of its x span, empty
    slices left out, x clipped to X_RANGE. Raises TargetError for a stroke too short."""
    xs = np.clip(np.asarray(xs, dtype=np.float64).reshape(-1), *X_RANGE)
    ys = np.asarray(ys, dtype=np.float64).reshape(-1)
    if xs.size != ys.size:
        raise TargetError(_("a sketch needs as many x as y values"))
    ys = np.clip(ys, -2 * Y_LIMIT, 2 * Y_LIMIT)  # averages of huge numbers would overflow
    keep = np.isfinite(xs) & np.isfinite(ys)
    xs, ys = xs[keep], ys[keep]
    if xs.size < 2 or np.ptp(xs) < 0.05:
        raise TargetError(_("the sketch is too short: draw from left to right across the "
                            "chart"))
    edges = np.linspace(xs.min(), xs.max(), n_bins + 1)
    slot = np.clip(np.searchsorted(edges, xs, side="right") - 1, 0, n_bins - 1)
    counts = np.bincount(slot, minlength=n_bins)
    sums = np.bincount(slot, weights=ys, minlength=n_bins)
    filled = counts > 0
    centres = (edges[:-1] + edges[1:]) / 2
    # Rounded to 3 decimals: a sketch is not that precise, and the link stays short.
    return points(np.round(centres[filled], 3),
                  np.clip(np.round(sums[filled] / counts[filled], 3), -Y_LIMIT, Y_LIMIT))
