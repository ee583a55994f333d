"""Values as a worksheet's XML holds them, without openpyxl: text cleaned of what a cell cannot hold,
dates and times as serial numbers (the rules openpyxl applies when it writes them)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ..domain.cell_rules import MAX_CELL_TEXT

ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # control characters XML 1.0 cannot hold
WINDOWS_EPOCH = dt.datetime(1899, 12, 30)  # Excel's 1900 date system
PLAIN_TYPES = (bool, int, float, Decimal, dt.datetime, dt.date, dt.time, dt.timedelta)
_SECONDS_PER_DAY = 86400


def clean_value(value: object) -> object:
    """Numbers, dates and None as they are; text without control characters, cut to a cell's
    length, None when nothing is left."""
    if type(value) is str and value.isprintable() and 0 < len(value) <= MAX_CELL_TEXT:
        return value  # most text: nothing to take off (isprintable is False for every control character)
    if value is None or isinstance(value, PLAIN_TYPES):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))[:MAX_CELL_TEXT]
    return text or None


def to_excel(value: dt.date | dt.time | dt.timedelta, epoch: dt.datetime = WINDOWS_EPOCH) -> float:
    """The serial number of a date, date and time, time of day or duration (openpyxl's to_excel)."""
    if isinstance(value, dt.time):
        return _day_fraction(value)
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / _SECONDS_PER_DAY
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    days = (value - epoch).days
    if 0 < days <= 60 and epoch == WINDOWS_EPOCH:  # Excel's 29 February 1900 that never was
        days -= 1
    return days + _day_fraction(value)


def _day_fraction(value: dt.time | dt.datetime) -> float:
    return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 10**6) / _SECONDS_PER_DAY


def clean_row(row: list[object]) -> list[object]:
    """clean_value of every cell of a row."""
    return [v if v is None or (type(v) is str and v.isprintable() and 0 < len(v) <= MAX_CELL_TEXT)
            else clean_value(v) for v in row]
