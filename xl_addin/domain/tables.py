"""Rows of cell values as tables found by header text, with A1 addresses for every value."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, Sequence

from . import schema
from .findings import a1, column_letter
from .values import fold, is_blank, text

Rows = list[list[object]]

_normalize = unicodedata.normalize

HEADER_SEARCH_ROWS = 15  # a title block may stand above the header row


def header_key(value: object) -> str:
    """The comparison form of a header: NFC, trimmed, inner spaces collapsed, case-folded."""
    if value.__class__ is str:  # headers, codes: the same few texts again and again
        return _text_key(value)
    return " ".join(text(value).split()).casefold()


@lru_cache(maxsize=16_384)
def _text_key(value: str) -> str:
    return " ".join(text(value).split()).casefold()


class Record:
    """One data row of a table, with the addresses of its cells."""

    __slots__ = ("table", "row_index", "values")

    def __init__(self, table: "Table", row_index: int):
        self.table = table
        self.row_index = row_index  # 0-based in the sheet
        self.values = table.rows[row_index]  # the row's own list: edits through the table's rows show here

    def __repr__(self) -> str:
        return f"Record({self.table.sheet!r}, row {self.row_index + 1})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and other.table is self.table and other.row_index == self.row_index

    def __hash__(self) -> int:
        return hash((id(self.table), self.row_index))

    @property
    def row_number(self) -> int:
        """The 1-based row number Excel shows."""
        return self.row_index + 1

    def raw(self, header: str) -> object:
        """The raw value under a header (None when the column is absent or the row short)."""
        col = self.table.column(header)
        values = self.values
        return values[col] if col is not None and col < len(values) else None

    def text(self, header: str) -> str:
        """The NFC, trimmed text under a header."""
        return text(self.raw(header))

    def cell(self, header: str) -> str:
        """The A1 address of the cell under a header in this row; the row's first cell when the column is absent."""
        return f"{self.table.letters(header)}{self.row_index + 1}"

    def raws(self, headers: tuple[str, ...]) -> dict[str, object]:
        """Header -> raw value for each header (as `raw` gives it), the columns looked up once per table."""
        values = self.values
        n = len(values)
        return {h: values[c] if c is not None and c < n else None for h, c in self.table.columns_of(headers)}


class RowCells:
    """One record's raw values and texts under a fixed set of headers, each cell read once."""

    __slots__ = ("record", "raws", "texts")

    def __init__(self, record: Record, headers: tuple[str, ...]):
        self.record = record
        self.raws = raws = record.raws(headers)
        # Record.text of each header; the usual cells (text, blank) without a call of text() each
        self.texts = {h: "" if v is None else _normalize("NFC", v).strip() if v.__class__ is str else text(v)
                      for h, v in raws.items()}


@dataclass(frozen=True)
class Table:
    """A header row found in a sheet's rows and the data rows below it.

    Lookups by header are resolved once per table (a header's comparison form is not recomputed for
    every cell): `columns` must not change once the table is made.
    """

    sheet: str
    rows: Rows
    header_row: int  # 0-based
    columns: dict[str, int]  # header_key -> 0-based column
    _found: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # header -> column
    _letters: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # header -> "A"
    _sets: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # headers -> columns_of

    def has(self, header: str) -> bool:
        """True when the header is present."""
        return self.column(header) is not None

    def column(self, header: str) -> int | None:
        """The 0-based column of a header, or None."""
        if type(header) is not str:  # True == 1 as a key: only text headers are remembered
            return self.columns.get(header_key(header))
        try:
            return self._found[header]
        except KeyError:
            col = self._found[header] = self.columns.get(header_key(header))
            return col

    def columns_of(self, headers: tuple[str, ...]) -> tuple[tuple[str, int | None], ...]:
        """(header, 0-based column or None) for each header, worked out once per table."""
        found = self._sets.get(headers)
        if found is None:
            found = self._sets[headers] = tuple((h, self.column(h)) for h in headers)
        return found

    def letters(self, header: str) -> str:
        """The column letters of a header's cells; those of column A when the column is absent."""
        letters = self._letters.get(header) if type(header) is str else None
        if letters is None:
            col = self.column(header)
            letters = column_letter(col if col is not None else 0)
            if type(header) is str:
                self._letters[header] = letters
        return letters

    def next_header_cell(self) -> str:
        """The A1 address just right of the last header: where a missing column would go."""
        last = max(self.columns.values(), default=-1)
        return a1(self.header_row, last + 1)

    def records(self) -> Iterator[Record]:
        """The non-blank rows below the header."""
        rows = self.rows
        for i in range(self.header_row + 1, len(rows)):
            if _any_filled(rows[i]):
                yield Record(self, i)


def _any_filled(row: list[object]) -> bool:
    """True when a cell of the row is not blank (most rows: their first cell already)."""
    for value in row:
        if value is None:
            continue
        cls = value.__class__
        if cls is str:
            if value and not value.isspace():
                return True
        elif cls is int or cls is float or _filled(value):  # a number is never blank
            return True
    return False


def _filled(value: object) -> bool:
    """not is_blank(value), without normalising text (this runs for every cell of every row)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return not is_blank(value)


def loose_header(value: object) -> str:
    """A retyped header's comparison form: case, diacritics, spacing and a trailing "*"/":" ignored."""
    if value.__class__ is str:  # the same header texts in every judge's sheet: worked out once
        return _loose_text(value)
    return _LOOSE_TAIL.sub("", fold(value)).strip()


_LOOSE_TAIL = re.compile(r"(\(\*\)|[*:])+$")


@lru_cache(maxsize=16_384)
def _loose_text(value: str) -> str:
    return _LOOSE_TAIL.sub("", fold(value)).strip()


_CONTRACT_HEADERS = (
    schema.REGISTRATION_HEADERS + schema.REGISTRATION_TOOL_HEADERS + schema.JUDGE_HEADERS
    + schema.CRITERIA_HEADER + schema.RES_LEAD_HEADERS + schema.RES_TAIL_HEADERS + schema.RES_HIDDEN_HEADERS
    + (schema.SCORING_STT, schema.SCORING_TOTAL, schema.SCORING_COMMENT)
)
_KNOWN = {loose_header(h): header_key(h) for h in _CONTRACT_HEADERS}  # loose form -> contract key


def find_table(sheet: str, rows: Rows, anchor: str) -> Table | None:
    """The table whose header row holds `anchor` within the first rows, or None.

    Headers may be retyped without diacritics or in other case, wrapped over lines, or laid over
    two rows (a group label merged above its sub-headers, or headers merged down over both rows):
    the contract's headers are found in the row above or below the anchor's row too.
    """
    key = loose_header(anchor)
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        loose = [loose_header(v) for v in row]
        if key not in loose:
            continue
        columns = _columns(row)
        anchor_col = loose.index(key)
        header_row = i
        if i > 0:
            _add_known(columns, rows[i - 1], only_blank_in=row)
        below = rows[i + 1] if i + 1 < len(rows) else []
        if _is_second_header_row(below, row, anchor_col, columns):
            _add_known(columns, below, only_blank_in=None)
            header_row = i + 1
        _add_aliases(columns, anchor, anchor_col)
        return Table(sheet, rows, header_row, columns)
    return None


def _columns(row: list[object]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for col, value in enumerate(row):
        k = header_key(value)
        if k and k not in columns:
            columns[k] = col
    return columns


def _known_at(row: list[object]) -> dict[int, str]:
    """Column -> contract header key for the cells of a row that hold a contract header."""
    found = {}
    for col, value in enumerate(row):
        known = _KNOWN.get(loose_header(value))
        if known:
            found[col] = known
    return found


def _is_second_header_row(row: list[object], above: list[object], anchor_col: int, columns: dict[str, int]) -> bool:
    """True when the row under the anchor's row continues the header: its anchor cell is merged
    with the anchor (blank, or the anchor's text when readers fill merged ranges), and it holds a
    contract header of its own or only the continuations of the merged cells above."""
    def same_as_above(col: int) -> bool:
        return col < len(above) and header_key(above[col]) == header_key(row[col])

    filled = [col for col, value in enumerate(row) if not is_blank(value)]
    if anchor_col in filled and not same_as_above(anchor_col):
        return False
    if any(k not in columns for k in _known_at(row).values()):
        return True
    return bool(filled) and all(same_as_above(col) for col in filled)


def _add_known(columns: dict[str, int], row: list[object], only_blank_in: list[object] | None) -> None:
    """Add the contract headers of a neighbouring header row (a sub-header wins over its group label)."""
    for col, known in _known_at(row).items():
        if only_blank_in is not None and col < len(only_blank_in) and not is_blank(only_blank_in[col]):
            continue
        for k, c in list(columns.items()):
            if c == col and k not in _KNOWN.values():
                del columns[k]  # the group label above this sub-header
        columns.setdefault(known, col)


def _add_aliases(columns: dict[str, int], anchor: str, anchor_col: int) -> None:
    """Let contract headers typed another way be found under their contract spelling."""
    columns.setdefault(header_key(anchor), anchor_col)
    for k, col in list(columns.items()):
        known = _KNOWN.get(loose_header(k))
        if known and known not in columns:
            columns[known] = col


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
