"""The checks of a Giám khảo row: a code usable as a file name, known conflicts, no repeat, enough judges."""

from __future__ import annotations

import re

from .. import messages as msg
from .. import schema
from ..findings import a1
from ..tables import Record, Table
from ..values import split_codes
from . import Collector

MIN_JUDGES = 3
_FILE_NAME_CHARS = re.compile(r"[A-Za-z0-9_-]")


def check_code(record: Record, code: str, out: Collector) -> bool:
    """True when the code can name the judge's file; else records invalid-choice."""
    bad = [ch for ch in dict.fromkeys(code) if not _FILE_NAME_CHARS.fullmatch(ch)]
    if not bad:
        return True
    cell = record.cell(schema.COL_JUDGE_CODE)
    chars = ", ".join("dấu cách" if ch.isspace() else f"“{ch}”" for ch in bad)
    out.error("invalid-choice", cell, msg.BAD_JUDGE_CODE.format(cell=cell, code=code, chars=chars))
    return False


def known_conflicts(record: Record, known: dict[str, str], out: Collector) -> list[str]:
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


def repeats(record: Record, code: str, seen: dict[str, int], out: Collector) -> bool:
    """True (and a duplicate-judge error) when an earlier row has the same code, any case."""
    key = code.casefold()  # judges' files are named by code; Windows ignores case
    if key not in seen:
        seen[key] = record.row_number
        return False
    cell = record.cell(schema.COL_JUDGE_CODE)
    out.error("duplicate-judge", cell, msg.DUPLICATE_JUDGE.format(cell=cell, code=code, first_row=seen[key]))
    return True


def warn_if_few(out: Collector, table: Table, row_index: int, count: int) -> None:
    """A few-judges warning, when fewer than MIN_JUDGES codes are typed, pointing where the next would go."""
    if count >= MIN_JUDGES:  # codes typed, usable or not: their errors are reported already
        return
    cell = a1(row_index, table.column(schema.COL_JUDGE_CODE) or 0)
    out.warning("few-judges", cell, msg.FEW_JUDGES.format(sheet=out.sheet, count=count, cell=cell))
