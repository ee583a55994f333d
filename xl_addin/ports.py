"""What a use case needs of a contest workbook, whether a closed file (openpyxl) or a live book (xlwings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Protocol, Sequence

from .domain.tables import Rows


@dataclass(frozen=True)
class Mark:
    """A cell to highlight with a note: a finding shown where the user is looking."""

    sheet: str
    cell: str
    severity: str  # "error" or "warning"
    note: str


@dataclass(frozen=True)
class SheetLayout:
    """How a tool-written sheet is laid out: where its header row is and what to hide or widen."""

    header_row: int = 1  # 1-based
    hidden_columns: Sequence[int] = field(default_factory=tuple)  # 1-based
    widths: Mapping[int, float] = field(default_factory=dict)  # 1-based column -> width
    number_formats: Mapping[int, str] = field(default_factory=dict)  # 1-based column -> format
    # A dropdown per column (1-based column -> the allowed values), on the data rows below the header.
    choices: Mapping[int, Sequence[str]] = field(default_factory=dict)
    # Print setup: A4, the written rows and columns as print area, the header row on every page.
    landscape: bool = False
    fit_to_width: bool = True  # as many pages down as needed, one page across
    repeat_header: bool = True
    wrap_header: bool = True  # long headers wrap inside their column instead of being cut
    date_format: str = "dd/mm/yyyy"  # how date cells show, as Vietnamese offices write dates
    wrap_columns: Sequence[int] = field(default_factory=tuple)  # 1-based: data cells wrap (long names)
    center_columns: Sequence[int] = field(default_factory=tuple)  # 1-based: short values centred (Có/Không)
    banner_rows: Sequence[int] = field(default_factory=tuple)  # 1-based rows above the header spanning the table
    pages_wide: int = 1  # with fit_to_width: how many pages across (a very wide sheet prints on two)
    title_columns: str = ""  # e.g. "A:B": columns repeated on every page across


class ContestBook(Protocol):
    """A contest workbook: sheets read as plain rows, blocks written back, cells highlighted."""

    @property
    def label(self) -> str:
        """The file name shown in messages and in the log."""

    @property
    def folder(self) -> Path:
        """The contest folder holding phieu_cham/ and van_ban/."""

    def sheet_names(self) -> list[str]:
        """The names of the sheets, in order."""

    def read(self, names: Sequence[str]) -> dict[str, Rows]:
        """The values of the named sheets that exist."""

    def write_sheet(self, sheet: str, rows: Rows, layout: SheetLayout = SheetLayout()) -> None:
        """Replace a tool-written sheet's contents with rows (creating the sheet if needed)."""

    def append_rows(self, sheet: str, rows: Rows) -> None:
        """Add rows below the last used row of a sheet."""

    def mark(self, marks: Sequence[Mark]) -> None:
        """Highlight cells and attach notes."""

    def unmark(self, cells: Sequence[tuple[str, str]]) -> None:
        """Remove the highlight and note the tool put on these (sheet, cell) pairs earlier."""

    def save(self) -> Path | None:
        """Make the changes permanent (atomically, after a backup, for files); the backup's path."""
