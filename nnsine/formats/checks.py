"""One way in for every number: fit files, URL values, the live tuner's release message,
number fields and CLI arguments all turn a value into a float (or a whole number) here.

Anything that is not a finite number in range becomes a ParamsError whose message names
the field and the value (shortened when long): huge integers (10**400 has no float),
non-ASCII digits ('²' and '٣' are digits to str.isdigit, not to a learner), booleans,
strings where a number is due, lists, NaN and infinities. A value within a rounding error
of a bound (10.000000000000002) is that bound; messages print enough digits to be true.

Typed numbers follow the learner's language: where it writes a decimal comma (Spanish),
'0,7' is 0.7 and a typed list separates its numbers with ';' (split_list); URL values and
files keep the decimal point in every language. Messages go through nnsine.i18n.
"""

from __future__ import annotations

import math
import numbers
import re
from decimal import Decimal

# Defined at the ground floor (the engine raises them too); this is their home for the rest.
from nnsine.engine.values import NUMBER_TEXT, ParamsError  # noqa: F401 (re-exported)
from nnsine.i18n import _, decimal_comma, ngettext

WHOLE_TEXT = re.compile(r"\+?\d{1,30}|-\d{1,30}", re.ASCII)
NOT_FINITE_TEXT = re.compile(r"[+-]?(?:nan|inf|infinity)", re.ASCII | re.IGNORECASE)
WHITESPACE = " \t\r\n"
THOUSANDS_TEXT = re.compile(r"[+-]?\d{1,3},\d{3}", re.ASCII)
# Relative slack at a bound: some thousand float steps, far below any digit a person types
# (the sliders step by 0.01), far above what float arithmetic loses on the way.
SLACK = 1e-12
SHOWN = 40  # characters of a value a message shows


def shorten(text: str, limit: int = SHOWN) -> str:
    """`text`, or its start and end with the length between, when longer than `limit`."""
    if len(text) <= limit:
        return text
    return ngettext("{start}…{end} ({n:,} character)", "{start}…{end} ({n:,} characters)",
                    len(text), start=text[:limit - 12], end=text[-6:])


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
            return _("an integer of about {n:,} digits",
                     n=int(value.bit_length() * math.log10(2)))
        if len(digits) > SHOWN and digits.lstrip("-").isdigit():
            return ngettext("{start}…{end} ({n:,} digit)", "{start}…{end} ({n:,} digits)",
                            len(digits.lstrip("-")), start=digits[:8], end=digits[-4:])
        return shorten(digits)
    try:
        return shorten(repr(value))
    except (ValueError, RecursionError):  # a deeply nested list, or a list of huge ints
        return _("a {type}", type=type(value).__name__)


def _number_text(text: str, comma: bool) -> str:
    """`text` as Python reads a number: with `comma`, a single comma and no point is the
    decimal point ('0,7' -> '0.7', '1,5e-3' -> '1.5e-3'); '1,234.5' stays as it is (and is
    refused: a thousands separator is no decimal point)."""
    if comma and text.count(",") == 1 and "." not in text:
        return text.replace(",", ".")
    return text


def _not_a_number(value: str, stripped: str, where: str, comma: bool) -> ParamsError:
    """Why number text is not a number, with what to write instead when we can tell."""
    value_shown = shown(value)
    if any(not c.isascii() and (c.isdigit() or c.isnumeric()) for c in value):
        return ParamsError(_("{where}: {value} is not a number (only the digits 0-9 are read)",
                             where=where, value=value_shown))
    if comma and stripped.count(",") > 1:
        return ParamsError(_("{where}: {value} is not a number (in a list, separate the "
                             "numbers with ;)", where=where, value=value_shown))
    pointed = stripped.replace(",", ".")
    if (not comma and stripped.count(",") == 1 and "." not in stripped
            and NUMBER_TEXT.fullmatch(pointed)
            and not THOUSANDS_TEXT.fullmatch(stripped)):  # 1,234: a thousand, or 1.234?
        return ParamsError(_("{where}: {value} is not a number (write {number} with a decimal "
                             "point)", where=where, value=value_shown, number=pointed))
    return ParamsError(_("{where}: {value} is not a number", where=where, value=value_shown))


def to_float(value, where: str, *, text: bool = False, comma: bool | None = None) -> float:
    """A finite float from a JSON number (int, float, Decimal), or also from ASCII number
    text when `text` (typed fields, URL values, CLI arguments; surrounding spaces allowed).

    A typed number may use the decimal comma of the current language (nnsine.i18n
    .decimal_comma: '0,7' in Spanish, never in English): `comma` None follows the
    language, False keeps the decimal point only (URL values and files have their own
    rules, the same in every language), True accepts the comma in any language. A comma
    with a point ('1,234.5') is refused in every language.

    Raises ParamsError "<where>: <value> is not a number" or "... is not a finite number".
    """
    if text and isinstance(value, str):
        stripped = value.strip(WHITESPACE)
        if NOT_FINITE_TEXT.fullmatch(stripped):
            raise ParamsError(_("{where}: {value} is not a finite number",
                                where=where, value=shorten(stripped)))
        comma = decimal_comma() if comma is None else comma
        read = _number_text(stripped, comma)
        if not NUMBER_TEXT.fullmatch(read):
            raise _not_a_number(value, stripped, where, comma)
        number, original = float(read), shorten(stripped)  # ASCII digits: cannot fail
    elif isinstance(value, (numbers.Real, Decimal)) and not isinstance(value, bool):
        original = shown(value)
        try:
            number = float(value)
        except (OverflowError, ValueError):  # 10**400, or a signalling NaN
            raise ParamsError(_("{where}: {value} is not a finite number",
                                where=where, value=original)) from None
    else:
        raise ParamsError(_("{where}: {value} is not a number", where=where, value=shown(value)))
    if not math.isfinite(number):
        raise ParamsError(_("{where}: {value} is not a finite number",
                            where=where, value=original))
    return number


def split_list(text: str, comma: bool | None = None) -> list[str]:
    """A typed list of numbers -> its parts, stripped (empty ones left out): `;` always
    separates; without one, commas do, except in a language with a decimal comma when
    the text has no decimal point ('0,7' is one number there; '0,1; 0,05' is two;
    '0.1, 0.05' is two in every language). `comma` as to_float's (False: a link's)."""
    if ";" in text:
        parts = text.split(";")
    elif (decimal_comma() if comma is None else comma) and "." not in text:
        parts = [text]
    else:
        parts = text.split(",")
    return [part.strip(WHITESPACE) for part in parts if part.strip(WHITESPACE)]


def clamp_slack(number: float, low: float, high: float) -> float:
    """`number`, or the bound it is within a rounding error of (SLACK, relative)."""
    if number > high and number - high <= SLACK * max(1.0, abs(high)):
        return high
    if number < low and low - number <= SLACK * max(1.0, abs(low)):
        return low
    return number


def in_range(value, low: float, high: float, where: str, *, text: bool = False,
             comma: bool | None = None) -> float:
    """A finite float in [low, high] (see to_float, and its `comma`); a value a rounding
    error outside is the bound. Raises ParamsError "<where>: 10.5 is outside [-10, 10]"
    and to_float's."""
    number = clamp_slack(to_float(value, where, text=text, comma=comma), low, high)
    if not low <= number <= high:
        raise ParamsError(_("{where}: {value} is outside [{low}, {high}]", where=where,
                            value=fmt(number), low=fmt(low), high=fmt(high)))
    return number


def whole(value, low: int, high: int, where: str) -> int:
    """A whole number in [low, high] from an int (not bool) or ASCII digit text (a sign
    allowed, spaces around). Raises ParamsError naming `where` and the value."""
    if isinstance(value, str) and WHOLE_TEXT.fullmatch(value.strip(WHITESPACE)):
        number = int(value.strip(WHITESPACE))  # at most 30 ASCII digits: cannot fail
    elif isinstance(value, numbers.Integral) and not isinstance(value, bool):
        number = int(value)
    elif isinstance(value, str) and any(
            not c.isascii() and (c.isdigit() or c.isnumeric()) for c in value):
        raise ParamsError(_("{where}: {value} is not a whole number (only the digits 0-9 are "
                            "read)", where=where, value=shown(value)))
    else:
        raise ParamsError(_("{where}: {value} is not a whole number", where=where,
                            value=shown(value)))
    if not low <= number <= high:
        raise ParamsError(_("{where}: {value} is outside {low} to {high}", where=where,
                            value=shown(number), low=low, high=high))
    return number
