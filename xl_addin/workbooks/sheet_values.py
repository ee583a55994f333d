"""A sheet's values as plain rows, bounded by the cells that hold a value, merged ranges filled.

openpyxl's own rows are padded to the dimension a file declares (A1:XFD1048576 after one styled
cell in the last column: billions of Nones). Here only cells holding a value count, rows start at
A1 and end at the last row holding a value, and a merged range reads as its top-left value in
every cell (a province merged over two products' rows belongs to both).

rows_of reads a sheet through openpyxl; calamine_values reads the same cells with python-calamine
and cuts its dense grid by the same rules (trimmed).
"""

from __future__ import annotations

from typing import Iterable

from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.tables import Rows
from ..domain.values import Uncomputed

GRID_SLOTS = 20_000_000  # beyond this many cells a sheet's rows are ragged, not padded to one width
MAX_MERGE_FILL = 10_000  # a merged range bigger than this keeps its value in the top-left cell only

Cell = tuple[int, int, object]
Cells = dict[tuple[int, int], object]  # (row, column) 1-based -> a value that is not None


def rows_of(ws: Worksheet | ReadOnlyWorksheet) -> Rows:
    """All rows of a sheet as lists of values from A1, bounded by the cells that hold a value (openpyxl)."""
    cells: Cells = {}
    merges = _read(ws, cells)
    return rows_from_cells(cells, merges)


def rows_from_cells(cells: Cells, merges: Iterable[tuple[int, int, int, int]]) -> Rows:
    """The rows of a sheet's cells, each merged range (min_col, min_row, max_col, max_row) filled."""
    for bounds in merges:
        _fill(cells, bounds)
    return _grid((r, c, v) for (r, c), v in cells.items())


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


def _fill(cells: dict[tuple[int, int], object], bounds: tuple[int, int, int, int]) -> None:
    min_col, min_row, max_col, max_row = bounds
    value = cells.get((min_row, min_col))
    if value is None or (max_col - min_col + 1) * (max_row - min_row + 1) > MAX_MERGE_FILL:
        return
    for r in range(min_row, max_row + 1):
        for c in range(min_col, max_col + 1):
            cells.setdefault((r, c), value)


def _grid(cells: Iterable[Cell]) -> Rows:
    by_row: dict[int, dict[int, object]] = {}
    for r, c, value in cells:
        by_row.setdefault(r, {})[c] = value
    # Trailing rows holding only spaces (junk pasted far below the data) hold nothing either.
    filled = [r for r, cols in by_row.items() if not _blank_row(cols)]
    if not filled:
        return []
    height = max(filled)
    width = max(max(cols) for r, cols in by_row.items() if r <= height)
    ragged = height * width > GRID_SLOTS  # a lone value far away must not allocate the whole grid
    rows: Rows = []
    for r in range(1, height + 1):
        cols = by_row.get(r, {})
        row: list[object] = [None] * (max(cols, default=0) if ragged else width)
        for c, value in cols.items():
            row[c - 1] = value
        rows.append(row)
    return rows


def trimmed(rows: list[list[object]]) -> Rows:
    """Dense rows from A1 cut as _grid cuts them: to the last row holding a value that is not blank
    space, padded to the last column holding a value (each row to its own when the grid is huge)."""
    height = len(rows)
    while height and _blank_row(dict(enumerate(v for v in rows[height - 1] if v is not None))):
        height -= 1
    del rows[height:]
    ends = [_end(row) for row in rows]
    width = max(ends, default=0)
    if height * width > GRID_SLOTS:
        return [row[:end] for row, end in zip(rows, ends)]
    return [row if len(row) == width else row[:width] + [None] * (width - len(row)) for row in rows]


def _end(row: list[object]) -> int:
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return end


def _blank_row(cols: dict[int, object]) -> bool:
    return all(isinstance(v, str) and not v.strip() for v in cols.values())


def row_beyond(rows: Rows, limit: int) -> int | None:
    """The 1-based number of the first row past `limit` rows that hold a value, or None."""
    seen = 0
    for i, row in enumerate(rows):
        if any(v is not None and not (isinstance(v, str) and not v.strip()) for v in row):
            seen += 1
            if seen > limit:
                return i + 1
    return None
