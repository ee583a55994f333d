"""A sheet's values as plain rows, bounded by the cells that hold a value, merged ranges filled.

openpyxl's own rows are padded to the dimension a file declares (A1:XFD1048576 after one styled
cell in the last column: billions of Nones). Here only cells holding a value count, rows start at
A1 and end at the last row holding a value, and a merged range reads as its top-left value in
every cell (a province merged over two products' rows belongs to both).

openpyxl_rows.rows_of reads a sheet through openpyxl by these rules; calamine_values reads the same
cells with python-calamine and cuts its dense grid by the same rules (trimmed). This module imports
no openpyxl.
"""

from __future__ import annotations

from typing import Iterable

from ..domain.tables import Rows

GRID_SLOTS = 20_000_000  # beyond this many cells a sheet's rows are ragged, not padded to one width
MAX_MERGE_FILL = 10_000  # a merged range bigger than this keeps its value in the top-left cell only

Cell = tuple[int, int, object]
Cells = dict[tuple[int, int], object]  # (row, column) 1-based -> a value that is not None


def rows_from_cells(cells: Cells, merges: Iterable[tuple[int, int, int, int]]) -> Rows:
    """The rows of a sheet's cells, each merged range (min_col, min_row, max_col, max_row) filled."""
    for bounds in merges:
        _fill(cells, bounds)
    return _grid((r, c, v) for (r, c), v in cells.items())


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
    if len(rows) <= limit:
        return None
    seen = 0
    for i, row in enumerate(rows):
        if any(v is not None and not (isinstance(v, str) and not v.strip()) for v in row):
            seen += 1
            if seen > limit:
                return i + 1
    return None
