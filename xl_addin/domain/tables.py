"""Rows of cell values as tables found by header text, with A1 addresses for every value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

from .findings import a1
from .values import is_blank, text

Rows = list[list[object]]

HEADER_SEARCH_ROWS = 15  # a title block may stand above the header row


def header_key(value: object) -> str:
    """The comparison form of a header: NFC, trimmed, inner spaces collapsed, case-folded."""
    return " ".join(text(value).split()).casefold()


@dataclass(frozen=True)
class Record:
    """One data row of a table, with the addresses of its cells."""

    table: "Table"
    row_index: int  # 0-based in the sheet

    @property
    def row_number(self) -> int:
        """The 1-based row number Excel shows."""
        return self.row_index + 1

    def raw(self, header: str) -> object:
        """The raw value under a header (None when the column is absent or the row short)."""
        col = self.table.columns.get(header_key(header))
        row = self.table.rows[self.row_index]
        return row[col] if col is not None and col < len(row) else None

    def text(self, header: str) -> str:
        """The NFC, trimmed text under a header."""
        return text(self.raw(header))

    def cell(self, header: str) -> str:
        """The A1 address of the cell under a header in this row; the row's first cell when the column is absent."""
        col = self.table.columns.get(header_key(header))
        return a1(self.row_index, col if col is not None else 0)


@dataclass(frozen=True)
class Table:
    """A header row found in a sheet's rows and the data rows below it."""

    sheet: str
    rows: Rows
    header_row: int  # 0-based
    columns: dict[str, int]  # header_key -> 0-based column

    def has(self, header: str) -> bool:
        """True when the header is present."""
        return header_key(header) in self.columns

    def column(self, header: str) -> int | None:
        """The 0-based column of a header, or None."""
        return self.columns.get(header_key(header))

    def next_header_cell(self) -> str:
        """The A1 address just right of the last header: where a missing column would go."""
        last = max(self.columns.values(), default=-1)
        return a1(self.header_row, last + 1)

    def records(self) -> Iterator[Record]:
        """The non-blank rows below the header."""
        for i in range(self.header_row + 1, len(self.rows)):
            if any(not is_blank(v) for v in self.rows[i]):
                yield Record(self, i)


def find_table(sheet: str, rows: Rows, anchor: str) -> Table | None:
    """The table whose header row holds `anchor` within the first rows, or None."""
    key = header_key(anchor)
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = [header_key(v) for v in row]
        if key in keys:
            columns: dict[str, int] = {}
            for col, k in enumerate(keys):
                if k and k not in columns:
                    columns[k] = col
            return Table(sheet, rows, i, columns)
    return None


def label_values(rows: Rows, labels: Sequence[str]) -> dict[str, tuple[object, str]]:
    """Label/value rows: for each known label found in column A, its value (column B) and B's address."""
    wanted = {header_key(label): label for label in labels}
    found: dict[str, tuple[object, str]] = {}
    for i, row in enumerate(rows):
        if not row:
            continue
        label = wanted.get(header_key(row[0]))
        if label and label not in found:
            found[label] = (row[1] if len(row) > 1 else None, a1(i, 1))
    return found
