"""The worksheet functions' logic (BC_HIEU_LUC, BC_DAT, BC_SAO) on raw cell values, for every Excel front end.

Each function takes what Excel passes (numbers, text, dates, blanks) and returns the cell's
value; bad input gives a Vietnamese text starting with "#LỖI" instead of an exception, so the
cell says what to fix.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Callable

from . import rules as rules_mod
from .certificates import expiry_date
from .values import ValueProblem, date, integer, is_blank, match_choice, number, text, yes_no_text

ERROR_PREFIX = "#LỖI"
OCOP_PRESET = "ocop-2023"
EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug included)

MESSAGES = {
    "bad-date": "ngày cấp “{value}” không phải là ngày (nhập dạng 15/11/2019)",
    "no-date": "thiếu ngày cấp",
    "bad-years": "số năm hiệu lực “{value}” phải là số nguyên từ 1 đến 20",
    "bad-score": "điểm “{value}” phải là số từ 0 đến {max}",
    "no-score": "thiếu điểm",
    "bad-level": "cấp “{value}” không có; chọn một trong: {levels}",
}


class FunctionInputError(ValueError):
    """An argument a worksheet function cannot use; its message is shown in the cell."""


def _fail(key: str, **values: object) -> FunctionInputError:
    return FunctionInputError(MESSAGES[key].format(**values))


def guarded(fn: Callable[..., object], *args: object) -> object:
    """fn(*args), or '#LỖI: <why>' when an argument is unusable."""
    try:
        return fn(*args)
    except FunctionInputError as exc:
        return f"{ERROR_PREFIX}: {exc}"


def issue_date(value: object) -> dt.date:
    """A certificate's issue date from a cell: an Excel date, a serial number, 'dd/mm/yyyy' or ISO."""
    if isinstance(value, bool) or is_blank(value):
        raise _fail("no-date")
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        if not 1 <= value < 2958466:  # Excel's last date is 31/12/9999
            raise _fail("bad-date", value=text(value))
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    try:
        found = date(value)
    except ValueProblem:
        raise _fail("bad-date", value=text(value)) from None
    if found is None:
        raise _fail("no-date")
    return found


def validity_years(value: object) -> int:
    """The number of years a certificate is valid; the default preset's when blank."""
    if is_blank(value):
        return rules_mod.preset().validity_years
    try:
        years = integer(value)
    except ValueProblem:
        years = None
    if years is None or not 1 <= years <= 20:
        raise _fail("bad-years", value=text(value))
    return years


def score(value: object, maximum: Decimal) -> Decimal:
    """A score between 0 and the maximum."""
    if is_blank(value):
        raise _fail("no-score")
    try:
        found = number(value)
    except ValueProblem:
        found = None
    if found is None or not 0 <= found <= maximum:
        raise _fail("bad-score", value=text(value), max=rules_mod.fmt_points(maximum))
    return found


def level_key(value: object) -> str:
    """The level key ('tinh') of a key or a label typed in any case, with or without diacritics."""
    if is_blank(value):
        return "tinh"
    if text(value) in rules_mod.LEVELS:
        return text(value)
    label = match_choice(value, tuple(rules_mod.LEVELS.values()))
    for key, name in rules_mod.LEVELS.items():
        if name == label:
            return key
    raise _fail("bad-level", value=text(value), levels=", ".join(rules_mod.LEVELS))


def certificate_expiry(issued: object, years: object = None) -> dt.date:
    """BC_HIEU_LUC: 31 December of the years-th year, the year of issue counting as the first."""
    return expiry_date(issue_date(issued), validity_years(years))


def reaches_pass_mark(points: object, level: object = "tinh") -> str:
    """BC_DAT: 'Có' when the score reaches the level's pass mark under the default preset, else 'Không'."""
    rules = rules_mod.preset()
    value = score(points, rules.max_total)
    return yes_no_text(value >= rules.pass_mark(level_key(level)))


def star_band(points: object) -> int:
    """BC_SAO: the OCOP star band of a score (1★ below 30 … 5★ from 90)."""
    rules = rules_mod.preset(OCOP_PRESET)
    stars = rules.stars(score(points, rules.max_total))
    return int(stars or 1)
