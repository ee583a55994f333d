"""A sheet's plain rows read through openpyxl (a loaded or read-only worksheet), by sheet_values' rules.

The reader of the sheets python-calamine cannot read exactly, and of formatting-aware callers (a
judge's workbook being filled); imported only when one of them needs it.
"""

from __future__ import annotations

from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.tables import Rows
from ..domain.values import Uncomputed
from .sheet_values import Cells, rows_from_cells


def rows_of(ws: Worksheet | ReadOnlyWorksheet) -> Rows:
    """All rows of a sheet as lists of values from A1, bounded by the cells that hold a value (openpyxl)."""
    cells: Cells = {}
    merges = _read(ws, cells)
    return rows_from_cells(cells, merges)


def _read(ws: Worksheet | ReadOnlyWorksheet, cells: dict[tuple[int, int], object]) -> list[tuple[int, int, int, int]]:
    """Fill `cells` with the sheet's values; the merged ranges as (min_col, min_row, max_col, max_row)."""
    if not isinstance(ws, ReadOnlyWorksheet):
        for key, cell in ws._cells.items():
            if cell.value is not None:
                cells[key] = cell.value
        return [r.bounds for r in ws.merged_cells.ranges]
    book = ws.parent
    with ws._get_source() as src:
        parser = _Parser(src, ws._shared_strings, data_only=book.data_only, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for _, row in parser.parse():
            for cell in row:
                if cell["value"] is not None:
                    cells[(cell["row"], cell["column"])] = cell["value"]
        merged = parser.merged_cells.mergeCell if parser.merged_cells else []
    return [range_boundaries(m.ref) for m in merged if m.ref]


class _Parser(WorkSheetParser):
    """openpyxl's parser, telling a formula saved without its value from an empty cell."""

    def parse_cell(self, element):
        cell = super().parse_cell(element)
        if cell["value"] is None and self.data_only:
            formula = element.find(FORMULA_TAG)
            if formula is not None:
                cell["value"] = Uncomputed(formula.text or "")
        return cell
