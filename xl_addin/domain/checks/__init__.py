"""Validation checks of the input sheets, and the cell readers they share.

Each reader takes a raw cell value and returns the interpreted value, or None; when the cell
is filled but unreadable it also records a finding. A blank cell is never a finding here:
callers decide whether a value is required (see `require`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Sequence

from .. import file_messages as file_msg
from .. import messages as msg
from ..findings import Finding, a1, error, warning
from ..rules import fmt_points
from ..tables import Rows, Table, find_table
from ..values import AmbiguousNumber, ValueProblem, integer, is_blank, match_choice, number, text, yes_no
from ..values import date as read_date_value


@dataclass
class Collector:
    """The findings of one sheet, gathered in one pass."""

    sheet: str
    findings: list[Finding] = field(default_factory=list)
    file: str | None = None  # a judge's workbook; None: the contest workbook itself

    def error(self, code: str, cell: str, message: str, *, sheet: str | None = None) -> None:
        """Record an error at a cell of this sheet (or of another sheet of the same file)."""
        self.findings.append(error(code, sheet or self.sheet, cell, message, self.file))

    def warning(self, code: str, cell: str, message: str, *, sheet: str | None = None) -> None:
        """Record a warning at a cell of this sheet (or of another sheet of the same file)."""
        self.findings.append(warning(code, sheet or self.sheet, cell, message, self.file))


def require(out: Collector, raw: object, cell: str, what: str) -> bool:
    """True when the cell is filled; else records missing-value."""
    if is_blank(raw):
        out.error("missing-value", cell, msg.MISSING_VALUE.format(cell=cell, what=what))
        return False
    return True


def _show(value: Decimal | int) -> str:
    return fmt_points(Decimal(value))


def _bounds(low: Decimal | int | None, high: Decimal | int | None, above: bool) -> str | None:
    show = _show
    if low is not None and high is not None:
        return msg.BOUNDS_BETWEEN.format(low=show(low), high=show(high))
    if low is not None:
        return (msg.BOUNDS_ABOVE if above else msg.BOUNDS_AT_LEAST).format(low=show(low))
    return msg.BOUNDS_AT_MOST.format(high=show(high)) if high is not None else None


def _in_range(value, low, high, above: bool) -> bool:
    if low is not None and (value <= low if above else value < low):
        return False
    return high is None or value <= high


def read_int(out: Collector, raw: object, cell: str, what: str, low: int | None = None,
             high: int | None = None, example: str = "3") -> int | None:
    """A whole number within [low, high]; None when blank or invalid (invalid-number recorded)."""
    try:
        value = integer(raw)
    except AmbiguousNumber as exc:
        out.error("ambiguous-number", cell, file_msg.ambiguous_number(cell, what, exc))
        return None
    except ValueProblem:
        template = msg.NOT_WHOLE if _is_number(raw) else msg.NOT_A_NUMBER
        out.error("invalid-number", cell, template.format(
            cell=cell, what=what, value=text(raw), expect=msg.EXPECT_WHOLE, example=example))
        return None
    return _checked(out, value, raw, cell, what, low, high, False, example)


def read_decimal(out: Collector, raw: object, cell: str, what: str, low: Decimal | int | None = None,
                 high: Decimal | int | None = None, *, above: bool = False,
                 example: str = "8,5") -> Decimal | None:
    """An exact number ("8,5" reads as 8.5) within bounds; None when blank or invalid."""
    try:
        value = number(raw)
    except AmbiguousNumber as exc:
        out.error("ambiguous-number", cell, file_msg.ambiguous_number(cell, what, exc))
        return None
    except ValueProblem:
        out.error("invalid-number", cell, msg.NOT_A_NUMBER.format(
            cell=cell, what=what, value=text(raw), expect=msg.EXPECT_NUMBER, example=example))
        return None
    return _checked(out, value, raw, cell, what, low, high, above, example)


def _checked(out, value, raw, cell, what, low, high, above, example):
    if value is None or _in_range(value, low, high, above):
        return value
    bounds = _bounds(low, high, above)
    out.error("invalid-number", cell, msg.OUT_OF_RANGE.format(
        cell=cell, what=what, value=text(raw), bounds=bounds, example=example))
    return None


def _is_number(raw: object) -> bool:
    try:
        return number(raw) is not None
    except ValueProblem:
        return False


def read_choice(out: Collector, raw: object, cell: str, what: str, options: Sequence[str],
                aliases: dict[str, str] | None = None) -> str | None:
    """The canonical option the cell means; None when blank or not an option (invalid-choice)."""
    if is_blank(raw):
        return None
    hit = match_choice(raw, options, aliases)
    if hit is None:
        out.error("invalid-choice", cell, msg.INVALID_CHOICE.format(
            cell=cell, what=what, value=text(raw), options=msg.quoted_list(options)))
    return hit


def read_yes_no(out: Collector, raw: object, cell: str, what: str) -> bool | None:
    """True for Có, False for Không; None when blank or unreadable (invalid-choice)."""
    try:
        return yes_no(raw)
    except ValueProblem:
        out.error("invalid-choice", cell, msg.INVALID_CHOICE.format(
            cell=cell, what=what, value=text(raw), options=msg.quoted_list(("Có", "Không"))))
        return None


def read_date(out: Collector, raw: object, cell: str, what: str) -> dt.date | None:
    """A date; None when blank or unreadable (invalid-number)."""
    try:
        return read_date_value(raw)
    except ValueProblem:
        out.error("invalid-number", cell, msg.INVALID_DATE.format(cell=cell, what=what, value=text(raw)))
        return None


def locate_table(out: Collector, rows: Rows, anchor: str, headers: Sequence[str]) -> Table | None:
    """The table by its anchor header, recording missing-column for each absent header."""
    table = find_table(out.sheet, rows, anchor)
    if table is None:
        for header in headers:
            out.error("missing-column", "A1", msg.NO_HEADER_ROW.format(
                sheet=out.sheet, anchor=anchor, header=header))
        return None
    cell = table.next_header_cell()
    for header in headers:
        if not table.has(header):
            out.error("missing-column", cell, msg.MISSING_COLUMN.format(
                sheet=out.sheet, header=header, row=table.header_row + 1, cell=cell))
    return table


_A1 = re.compile(r"^([A-Z]+)(\d+)$")


def position(cell: str) -> tuple[int, int]:
    """(row, column) of an A1 address, for ordering findings; (0, 0) when not A1."""
    m = _A1.match(cell)
    if not m:
        return 0, 0
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def in_sheet_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings ordered by row then column (stable for findings at the same cell)."""
    return sorted(findings, key=lambda f: position(f.cell))


def first_blank_row(rows: Rows, start: int = 0) -> str:
    """The A1 address in column A of the first row at or after `start` whose column A is blank."""
    i = start
    while i < len(rows) and rows[i] and not is_blank(rows[i][0]):
        i += 1
    return a1(i, 0)
