"""The softmax page's settings: defaults, limits, and the URL (`sm_` keys) both ways."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from nnsine.formats.checks import ParamsError, fmt, in_range, shorten, shown
from nnsine.i18n import _, ngettext

BOOK_LOGITS = (4.8, 1.21, 2.385)
BOOK_BATCH = ((4.8, 1.21, 2.385), (8.9, -1.81, 0.2), (1.41, 1.051, 0.026))
CLASSES = (2, 10)
LOGIT_LIMIT = 1000.0  # exact entry; naive softmax overflows from about 709.8
SLIDER_LIMIT = 10.0  # a logit slider's range while its value is inside it
SHIFT_LIMIT = 20.0
SCALE_RANGE = (0.0, 5.0)
BATCH_ROWS, BATCH_CLASSES = 10, 3


@dataclass(frozen=True)
class Settings:
    """Everything the page shows is a function of these."""

    logits: tuple[float, ...] = BOOK_LOGITS
    shift: float = 0.0
    subtract_max: bool = False
    scale: float = 1.0
    batch: tuple[tuple[float, ...], ...] = BOOK_BATCH

    def with_logit(self, i: int, value: float) -> Settings:
        """A copy with logit i set."""
        logits = list(self.logits)
        logits[i] = float(value)
        return replace(self, logits=tuple(logits))

    def with_classes(self, n: int) -> Settings:
        """A copy with n logits: extra ones dropped, new ones 0."""
        return replace(self, logits=(*self.logits[:n], *[0.0] * (n - len(self.logits))))

    def changed(self, name: str | int, value) -> Settings:
        """A copy with one change: logit `name` (an int), "classes" (their number), or a field."""
        if isinstance(name, int):
            return self.with_logit(name, value)
        if name == "classes":
            return self.with_classes(int(value))
        return replace(self, **{name: value})


def slider_limit(value: float) -> float:
    """The half-width of a logit slider: ±10, or ±1000 once a typed value leaves ±10."""
    return SLIDER_LIMIT if abs(value) <= SLIDER_LIMIT else LOGIT_LIMIT


# --- URL --------------------------------------------------------------------


def _number(text: str, low: float, high: float, where: str) -> float:
    # the check every number passes; a URL keeps the decimal point in every language
    return in_range(text, low, high, where, text=True, comma=False)


def _row(text: str, sizes: tuple[int, int], where: str) -> tuple[float, ...]:
    parts = text.split(",")
    if not sizes[0] <= len(parts) <= sizes[1]:
        raise ParamsError(ngettext("{where}: {n} value; expected {low} to {high}",
                                   "{where}: {n} values; expected {low} to {high}", len(parts),
                                   where=where, low=sizes[0], high=sizes[1]))
    return tuple(_number(part, -LOGIT_LIMIT, LOGIT_LIMIT,
                         _("{where}: value {index}", where=where, index=k + 1))
                 for k, part in enumerate(parts))


def _flag(text: str, where: str) -> bool:
    if text not in ("0", "1"):
        raise ParamsError(_("{where}: {value} is not 0 or 1", where=where, value=shown(text)))
    return text == "1"


def _batch(text: str, where: str) -> tuple[tuple[float, ...], ...]:
    if not text:
        return ()  # every row deleted
    rows = text.split(";")
    if len(rows) > BATCH_ROWS:
        raise ParamsError(_("{where}: {n} rows; at most {most}", where=where, n=len(rows),
                            most=BATCH_ROWS))
    return tuple(_row(row, (BATCH_CLASSES, BATCH_CLASSES),
                      _("{where}: row {index}", where=where, index=k + 1))
                 for k, row in enumerate(rows))


READERS = {
    "sm_logits": ("logits", lambda text, where: _row(text, CLASSES, where)),
    "sm_shift": ("shift", lambda text, where: _number(text, -SHIFT_LIMIT, SHIFT_LIMIT, where)),
    "sm_max": ("subtract_max", _flag),
    "sm_scale": ("scale", lambda text, where: _number(text, *SCALE_RANGE, where)),
    "sm_batch": ("batch", _batch),
}


def from_query(query: Mapping[str, str]) -> tuple[Settings, list[str]]:
    """URL parameters (str -> str) -> (Settings, problems); a bad value is named and its
    default kept. Every number goes through nnsine.formats.checks (ASCII digits, finite,
    in range)."""
    values, problems = {}, []
    for key, (name, read) in READERS.items():
        if key in query:
            try:
                if not isinstance(query[key], str):
                    raise ParamsError(_("{where}: {value} is not text", where=key,
                                        value=shown(query[key])))
                values[name] = read(query[key], key)
            except ParamsError as error:
                problems.append(_("{problem}; using the default", problem=error))
    for key in sorted(set(query) - set(READERS)):  # a typo would vanish unsaid
        if key.startswith("sm_"):
            problems.append(_("{key}={value}: no such setting (known: {known})",
                              key=shorten(key), value=shorten(str(query[key])),
                              known=", ".join(READERS)))
    return Settings(**values), problems


def _text(value: float) -> str:
    return fmt(value)


def to_query(settings: Settings) -> dict[str, str]:
    """Settings -> URL parameters, only those that differ from the defaults."""
    default = Settings()
    texts = {
        "sm_logits": ",".join(map(_text, settings.logits)),
        "sm_shift": _text(settings.shift),
        "sm_max": "1" if settings.subtract_max else "0",
        "sm_scale": _text(settings.scale),
        "sm_batch": ";".join(",".join(map(_text, row)) for row in settings.batch),
    }
    return {key: text for key, text in texts.items()
            if getattr(settings, READERS[key][0]) != getattr(default, READERS[key][0])}
