"""One way in for every number: fit files, URL values, the live tuner's release message,
number fields and CLI arguments all turn a value into a float (or a whole number) here.

Anything that is not a finite number in range becomes a ParamsError whose message names
the field and the value (shortened when long): huge integers (10**400 has no float),
non-ASCII digits ('²' and '٣' are digits to str.isdigit, not to a learner), booleans,
strings where a number is due, lists, NaN and infinities. A value within a rounding error
of a bound (10.000000000000002) is that bound; messages print enough digits to be true.
"""

from __future__ import annotations

import math
import numbers
import re
from decimal import Decimal

# Defined at the ground floor (the engine raises them too); this is their home for the rest.
from nnsine.engine.values import NUMBER_TEXT, ParamsError  # noqa: F401 (re-exported)

WHOLE_TEXT = re.compile(r"\+?\d{1,30}|-\d{1,30}", re.ASCII)
NOT_FINITE_TEXT = re.compile(r"[+-]?(?:nan|inf|infinity)", re.ASCII | re.IGNORECASE)
WHITESPACE = " \t\r\n"
# Relative slack at a bound: some thousand float steps, far below any digit a person types
# (the sliders step by 0.01), far above what float arithmetic loses on the way.
SLACK = 1e-12
SHOWN = 40  # characters of a value a message shows


def shorten(text: str, limit: int = SHOWN) -> str:
    """`text`, or its start and end with the length between, when longer than `limit`."""
    if len(text) <= limit:
        return text
    return f"{text[:limit - 12]}…{text[-6:]} ({len(text):,} characters)"


def fmt(value: float) -> str:
    """The shortest text of a float that reads back as that float: '10', '0.0504',
    '10.000000000000002' (never '10' for a value that is not 10)."""
    short = f"{value:g}"
    return short if float(short) == value or not math.isfinite(value) else repr(value)


def shown(value) -> str:
    """How a message names a value: numbers as numbers, anything else as Python writes it
    (strings quoted), shortened when long."""
    if isinstance(value, float):
        return fmt(value)
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        try:
            digits = str(value)
        except ValueError:  # Python refuses str() of ints over 4300 digits
            return f"an integer of about {int(value.bit_length() * math.log10(2)):,} digits"
        if len(digits) > SHOWN and digits.lstrip("-").isdigit():
            return f"{digits[:8]}…{digits[-4:]} ({len(digits.lstrip('-')):,} digits)"
        return shorten(digits)
    try:
        return shorten(repr(value))
    except (ValueError, RecursionError):  # a deeply nested list, or a list of huge ints
        return f"a {type(value).__name__}"


def to_float(value, where: str, *, text: bool = False) -> float:
    """A finite float from a JSON number (int, float, Decimal), or also from ASCII number
    text when `text` (URL values, CLI arguments; surrounding spaces allowed).

    Raises ParamsError "<where>: <value> is not a number" or "... is not a finite number".
    """
    if text and isinstance(value, str):
        stripped = value.strip(WHITESPACE)
        if NOT_FINITE_TEXT.fullmatch(stripped):
            raise ParamsError(f"{where}: {shorten(stripped)} is not a finite number")
        if not NUMBER_TEXT.fullmatch(stripped):
            hint = " (only the digits 0-9 are read)" if any(
                not c.isascii() and (c.isdigit() or c.isnumeric()) for c in value) else ""
            raise ParamsError(f"{where}: {shown(value)} is not a number{hint}")
        number, original = float(stripped), shorten(stripped)  # ASCII digits: cannot fail
    elif isinstance(value, (numbers.Real, Decimal)) and not isinstance(value, bool):
        original = shown(value)
        try:
            number = float(value)
        except (OverflowError, ValueError):  # 10**400, or a signalling NaN
            raise ParamsError(f"{where}: {original} is not a finite number") from None
    else:
        raise ParamsError(f"{where}: {shown(value)} is not a number")
    if not math.isfinite(number):
        raise ParamsError(f"{where}: {original} is not a finite number")
    return number


def clamp_slack(number: float, low: float, high: float) -> float:
    """`number`, or the bound it is within a rounding error of (SLACK, relative)."""
    if number > high and number - high <= SLACK * max(1.0, abs(high)):
        return high
    if number < low and low - number <= SLACK * max(1.0, abs(low)):
        return low
    return number


def in_range(value, low: float, high: float, where: str, *, text: bool = False) -> float:
    """A finite float in [low, high] (see to_float); a value a rounding error outside is
    the bound. Raises ParamsError "<where>: 10.5 is outside [-10, 10]" and to_float's."""
    number = clamp_slack(to_float(value, where, text=text), low, high)
    if not low <= number <= high:
        raise ParamsError(f"{where}: {fmt(number)} is outside [{fmt(low)}, {fmt(high)}]")
    return number


def whole(value, low: int, high: int, where: str) -> int:
    """A whole number in [low, high] from an int (not bool) or ASCII digit text (a sign
    allowed, spaces around). Raises ParamsError naming `where` and the value."""
    if isinstance(value, str) and WHOLE_TEXT.fullmatch(value.strip(WHITESPACE)):
        number = int(value.strip(WHITESPACE))  # at most 30 ASCII digits: cannot fail
    elif isinstance(value, numbers.Integral) and not isinstance(value, bool):
        number = int(value)
    else:
        hint = " (only the digits 0-9 are read)" if isinstance(value, str) and any(
            not c.isascii() and (c.isdigit() or c.isnumeric()) for c in value) else ""
        raise ParamsError(f"{where}: {shown(value)} is not a whole number{hint}")
    if not low <= number <= high:
        raise ParamsError(f"{where}: {shown(number)} is outside {low} to {high}")
    return number
