"""A contest workbook held in memory: the ContestBook port's third adapter, for fast use-case tests.

It behaves as the file and Excel adapters do (tests/test_contest_books.py runs one suite against
all three): sheets are plain rows, writes are read back in the same run, an error's colour wins
over a warning's on a cell, and a cell's notes are joined line by line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .domain.cell_rules import stronger
from .domain.tables import Rows
from .ports import Mark, SheetLayout


class MemoryContestBook:
    """A ContestBook over a dict of sheets; `marks` and `layouts` show what the tool did to it."""

    def __init__(self, sheets: dict[str, Rows] | None = None, folder: Path | str = ".", label: str = "binhchon.xlsx"):
        self.sheets: dict[str, Rows] = {name: [list(r) for r in rows] for name, rows in (sheets or {}).items()}
        self.marks: dict[tuple[str, str], tuple[str, str]] = {}  # (sheet, cell) -> (severity, note)
        self.layouts: dict[str, SheetLayout] = {}
        self.saves = 0
        self._folder = Path(folder)
        self._label = label

    @property
    def label(self) -> str:
        """The file name shown in messages and in the log."""
        return self._label

    @property
    def folder(self) -> Path:
        """The contest folder given at creation."""
        return self._folder

    def sheet_names(self) -> list[str]:
        """The names of the sheets, in order."""
        return list(self.sheets)

    def read(self, names: Sequence[str]) -> dict[str, Rows]:
        """The values of the named sheets that exist."""
        return {n: self.sheets[n] for n in names if n in self.sheets}

    def write_sheet(self, sheet: str, rows: Rows, layout: SheetLayout = SheetLayout()) -> None:
        """Replace a sheet's contents (creating it at the end)."""
        self.sheets[sheet] = [list(r) for r in rows]
        self.layouts[sheet] = layout

    def append_rows(self, sheet: str, rows: Rows) -> None:
        """Add rows below the last row holding a value."""
        current = self.sheets.setdefault(sheet, [])
        while current and all(v is None for v in current[-1]):
            current.pop()
        current.extend(list(r) for r in rows)

    def mark(self, marks: Sequence[Mark]) -> None:
        """Colour and annotate cells: an error's colour wins, notes are joined."""
        for m in marks:
            if m.sheet not in self.sheets or not m.cell:
                continue
            key = (m.sheet, m.cell.replace("$", "").upper())
            if key in self.marks:
                severity, note = self.marks[key]
                self.marks[key] = (stronger(m.severity, severity), note + "\n" + m.note)
            else:
                self.marks[key] = (m.severity, m.note)

    def unmark(self, cells: Sequence[tuple[str, str]]) -> None:
        """Take the tool's colour and note off these cells."""
        for sheet, cell in cells:
            self.marks.pop((sheet, (cell or "").replace("$", "").upper()), None)

    def save(self) -> Path | None:
        """Count the save; there is no file and so no backup."""
        self.saves += 1
        return None
