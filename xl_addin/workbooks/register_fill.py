"""Typing rows into a workbook's sheets below their headers, as a person would (the demo fills the register's workbook)."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from .xlsx_io import open_workbook, write_atomically


def _last_filled_row(ws) -> int:
    """The last row holding any value (the header row at least)."""
    for row in range(ws.max_row, 0, -1):
        if any(cell.value not in (None, "") for cell in ws[row]):
            return row
    return 1


def append_sheet_rows(path: Path, rows_by_sheet: Mapping[str, Sequence[Sequence[object]]]) -> None:
    """Append rows below the last filled row of each named sheet, widening any Excel table over them."""
    wb = open_workbook(path, data_only=False)
    for name, rows in rows_by_sheet.items():
        ws = wb[name]
        start = _last_filled_row(ws) + 1
        for offset, values in enumerate(rows):
            for col, value in enumerate(values, 1):
                ws.cell(start + offset, col, value)
        last = start + len(rows) - 1
        for table in ws.tables.values():
            first_cell, end_cell = table.ref.split(":")
            end_col = "".join(ch for ch in end_cell if ch.isalpha())
            table.ref = f"{first_cell}:{end_col}{max(last, start)}"
    write_atomically(wb, path)
