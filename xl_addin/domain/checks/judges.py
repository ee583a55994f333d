"""The Giám khảo sheet: the judging panel as objects, and every problem of its rows as findings.

A row becomes a Judge when its code and name are filled, the code is usable as a file name and
does not repeat an earlier row's. Unknown product codes in "Không chấm" are reported and left
out of the judge's conflicts; the known ones are stored as spelled in the Đăng ký sheet.
"""

from __future__ import annotations

import re

from .. import messages as msg
from .. import schema
from ..findings import Finding, a1
from ..models import Judge
from ..tables import Record, Rows, Table
from ..values import split_codes
from . import Collector, in_sheet_order, locate_table, require

MIN_JUDGES = 3
_FILE_NAME_CHARS = re.compile(r"[A-Za-z0-9_-]")


def judges_from_rows(
    rows: Rows, product_codes: set[str], sheet: str = schema.SHEET_JUDGES,
) -> tuple[list[Judge], list[Finding]]:
    """The usable judges of the Giám khảo sheet's rows and all findings, in sheet order."""
    out = Collector(sheet)
    table = locate_table(out, rows, schema.COL_JUDGE_CODE, schema.JUDGE_HEADERS)
    if table is None:
        return [], in_sheet_order(out.findings)
    known = {code.casefold(): code for code in product_codes}
    seen: dict[str, int] = {}
    judges: list[Judge] = []
    last_row = table.header_row
    for record in table.records():
        last_row = record.row_index
        judge = _read_row(record, known, out)
        code = record.text(schema.COL_JUDGE_CODE)
        repeated = bool(code) and _repeats(record, code, seen, out)
        if judge is not None and not repeated:
            judges.append(judge)
    if len(seen) < MIN_JUDGES:  # codes typed, usable or not: their errors are reported already
        _warn_few(out, table, last_row + 1, len(seen))
    return judges, in_sheet_order(out.findings)


def _read_row(record: Record, known: dict[str, str], out: Collector) -> Judge | None:
    """The row's Judge when its code and name are usable; records field-level findings."""
    for header in schema.JUDGE_REQUIRED:
        if record.table.has(header):
            require(out, record.raw(header), record.cell(header), msg.field_name(header))
    code, name = record.text(schema.COL_JUDGE_CODE), record.text(schema.COL_JUDGE_NAME)
    code_ok = bool(code) and _check_code(record, code, out)
    conflicts = _conflicts(record, known, out)
    if not (code_ok and name):
        return None
    return Judge(
        code=code, name=name, title=record.text(schema.COL_JUDGE_TITLE),
        unit=record.text(schema.COL_JUDGE_UNIT), conflicts=frozenset(conflicts), row=record.row_number,
    )


def _check_code(record: Record, code: str, out: Collector) -> bool:
    """True when the code can name the judge's file; else records invalid-choice."""
    bad = [ch for ch in dict.fromkeys(code) if not _FILE_NAME_CHARS.fullmatch(ch)]
    if not bad:
        return True
    cell = record.cell(schema.COL_JUDGE_CODE)
    chars = ", ".join("dấu cách" if ch.isspace() else f"“{ch}”" for ch in bad)
    out.error("invalid-choice", cell, msg.BAD_JUDGE_CODE.format(cell=cell, code=code, chars=chars))
    return False


def _conflicts(record: Record, known: dict[str, str], out: Collector) -> list[str]:
    """The product codes of "Không chấm" that exist; an invalid-choice for each that does not."""
    header = schema.COL_JUDGE_CONFLICTS
    found: list[str] = []
    for code in split_codes(record.raw(header)):
        if code.casefold() in known:
            found.append(known[code.casefold()])
            continue
        cell = record.cell(header)
        out.error("invalid-choice", cell, msg.UNKNOWN_CONFLICT.format(
            cell=cell, code=code, header=header, products_sheet=schema.SHEET_REGISTRATIONS))
    return found


def _repeats(record: Record, code: str, seen: dict[str, int], out: Collector) -> bool:
    """True (and a duplicate-judge error) when an earlier row has the same code, any case."""
    key = code.casefold()  # judges' files are named by code; Windows ignores case
    if key not in seen:
        seen[key] = record.row_number
        return False
    cell = record.cell(schema.COL_JUDGE_CODE)
    out.error("duplicate-judge", cell, msg.DUPLICATE_JUDGE.format(cell=cell, code=code, first_row=seen[key]))
    return True


def _warn_few(out: Collector, table: Table, row_index: int, count: int) -> None:
    """A few-judges warning pointing where the next judge would be typed."""
    cell = a1(row_index, table.column(schema.COL_JUDGE_CODE) or 0)
    out.warning("few-judges", cell, msg.FEW_JUDGES.format(sheet=out.sheet, count=count, cell=cell))
