"""The contest workbook on disk, as a use-case ContestBook: reads are streamed, writes are queued."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.tables import Rows
from ..ports import Mark, SheetLayout
from . import styles
from .cells import safe_value
from .contest_lock import ContestLock
from .xlsx_io import open_workbook, read_sheets, save_atomically

NOTE_AUTHOR = "binhchon"
_FILLS = {
    "error": PatternFill("solid", start_color=styles.ERROR_FILL_RGB, end_color=styles.ERROR_FILL_RGB),
    "warning": PatternFill("solid", start_color=styles.WARNING_FILL_RGB, end_color=styles.WARNING_FILL_RGB),
}
_NO_FILL = PatternFill(fill_type=None)


class FileContestBook:
    """A closed contest workbook: values read once, changes applied in one writable load and saved."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._values: dict[str, Rows] | None = None
        self._names: list[str] | None = None
        self._edits: list[Callable[[Workbook], None]] = []
        self._lock = ContestLock(self.path)  # held from the first read until the save

    @property
    def label(self) -> str:
        """The file name."""
        return self.path.name

    @property
    def folder(self) -> Path:
        """The contest folder."""
        return self.path.parent

    def _load(self) -> dict[str, Rows]:
        if self._values is None:
            self._lock.acquire()
            try:
                self._values = read_sheets(self.path)
            except BaseException:
                self._lock.release()
                raise
            self._names = list(self._values)
        return self._values

    def sheet_names(self) -> list[str]:
        """The names of the sheets, in order."""
        self._load()
        return list(self._names or [])

    def read(self, names: Sequence[str]) -> dict[str, Rows]:
        """The values of the named sheets that exist (as last saved, plus this run's writes)."""
        values = self._load()
        return {n: values[n] for n in names if n in values}

    def write_sheet(self, sheet: str, rows: Rows, layout: SheetLayout = SheetLayout()) -> None:
        """Queue replacing a sheet's contents."""
        self._load()[sheet] = [list(r) for r in rows]
        if sheet not in (self._names or []):
            (self._names or []).append(sheet)
        self._edits.append(lambda wb: _replace_sheet(wb, sheet, rows, layout))

    def append_rows(self, sheet: str, rows: Rows) -> None:
        """Queue adding rows at the bottom of a sheet."""
        self._load().setdefault(sheet, []).extend(list(r) for r in rows)
        self._edits.append(lambda wb: _append(wb, sheet, rows))

    def mark(self, marks: Sequence[Mark]) -> None:
        """Queue highlighting cells with a note."""
        marks = list(marks)
        self._edits.append(lambda wb: _mark(wb, marks))

    def unmark(self, cells: Sequence[tuple[str, str]]) -> None:
        """Queue removing earlier highlights and the tool's notes."""
        cells = list(cells)
        self._edits.append(lambda wb: _unmark(wb, cells))

    def save(self) -> Path | None:
        """Apply the queued changes to the file (formulas and styles kept), atomically after a backup."""
        try:
            if not self._edits:
                return None
            self._lock.acquire()  # again, for a book saved a second time
            wb = open_workbook(self.path, data_only=False)
            for edit in self._edits:
                edit(wb)
            self._edits.clear()
            # openpyxl keeps a person's formulas but not their last computed values: let Excel
            # (or LibreOffice) compute them again when the file is next opened.
            wb.calculation.fullCalcOnLoad = True
            return save_atomically(wb, self.path)
        finally:
            self._lock.release()


def _sheet(wb: Workbook, name: str) -> Worksheet:
    return wb[name] if name in wb.sheetnames else wb.create_sheet(name)


def _replace_sheet(wb: Workbook, name: str, rows: Rows, layout: SheetLayout) -> None:
    ws = _sheet(wb, name)
    _unmerge_rows(ws, 1, ws.max_row)  # the tool rewrites this sheet whole; merged cells would be read-only
    if ws.max_row > 0:
        ws.delete_rows(1, ws.max_row)
    for row in rows:
        ws.append([safe_value(v) for v in row])
    bold = Font(bold=True)
    header = layout.header_row
    if rows and header <= len(rows):
        for col in range(1, len(rows[header - 1]) + 1):
            cell = ws.cell(row=header, column=col)
            cell.font = bold
            cell.fill = styles.header_fill()
        ws.freeze_panes = ws.cell(row=header + 1, column=1)
    for col, width in layout.widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    for col in layout.hidden_columns:
        ws.column_dimensions[get_column_letter(col)].hidden = True
    for col, fmt in layout.number_formats.items():
        for r in range(header + 1, len(rows) + 1):
            ws.cell(row=r, column=col).number_format = fmt


def _append(wb: Workbook, name: str, rows: Rows) -> None:
    ws = _sheet(wb, name)
    start = _last_used_row(ws) + 1
    _unmerge_rows(ws, start, start + len(rows))  # empty cells merged below the data take values again
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value is not None:
                ws.cell(row=start + i, column=j + 1, value=safe_value(value))


def _unmerge_rows(ws: Worksheet, first: int, last: int) -> None:
    """Unmerge the merged ranges that reach into rows first..last (their cells cannot take values)."""
    for span in list(ws.merged_cells.ranges):
        if span.max_row >= first and span.min_row <= last:
            ws.unmerge_cells(str(span))


def _last_used_row(ws: Worksheet) -> int:
    """The last row holding a value (styled but empty rows below it, e.g. from the template, don't count)."""
    # ws._cells holds only the cells the file has: formatting to row 1,048,576 costs nothing here
    return max((r for (r, _), c in ws._cells.items() if c.value is not None), default=0)


def _mark(wb: Workbook, marks: list[Mark]) -> None:
    for m in marks:
        cell = _target_cell(wb, m.sheet, m.cell)
        if cell is None:
            continue
        if not (m.severity == "warning" and _our_fill(cell) == "error"):  # an error's colour wins
            cell.fill = _FILLS.get(m.severity, _FILLS["warning"])
        text = m.note if cell.comment is None or cell.comment.author != NOTE_AUTHOR else cell.comment.text + "\n" + m.note
        cell.comment = Comment(text, NOTE_AUTHOR, width=320, height=120)


def _our_fill(cell) -> str | None:
    """'error' or 'warning' when the cell carries the tool's highlight, else None."""
    if cell.fill is None or cell.fill.fill_type != "solid":
        return None
    rgb = str(cell.fill.fgColor.rgb)
    return next((sev for sev, fill in _FILLS.items() if fill.fgColor.rgb == rgb), None)


def _unmark(wb: Workbook, cells: list[tuple[str, str]]) -> None:
    for sheet, ref in cells:
        cell = _target_cell(wb, sheet, ref)
        if cell is None:
            continue
        if _our_fill(cell):
            cell.fill = _NO_FILL
        if cell.comment is not None and cell.comment.author == NOTE_AUTHOR:
            cell.comment = None


def _target_cell(wb: Workbook, sheet: str, ref: str) -> Cell | None:
    """The cell to colour for an address: a merged range's top-left cell (the others are
    read-only and hidden), None when the sheet is gone or the address is not one cell."""
    if sheet not in wb.sheetnames or not ref:
        return None
    ws = wb[sheet]
    try:
        cell = ws[ref]
    except (ValueError, KeyError, IndexError):
        return None
    if isinstance(cell, MergedCell):
        span = next((r for r in ws.merged_cells.ranges if cell.coordinate in r), None)
        return ws.cell(row=span.min_row, column=span.min_col) if span is not None else None
    return cell if isinstance(cell, Cell) else None
