"""What a use case needs of a contest workbook, whether a closed file (openpyxl) or a live book (xlwings)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Sequence

from .domain.sheet_layout import SheetLayout  # the adapters import it from here too
from .domain.tables import Rows


@dataclass(frozen=True)
class Mark:
    """A cell to highlight with a note: a finding shown where the user is looking."""

    sheet: str
    cell: str
    severity: str  # "error" or "warning"
    note: str


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
