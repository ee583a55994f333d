"""The contest workbook open in Excel, as a use-case ContestBook: one xlwings call per sheet or block."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Sequence

import xlwings as xw

from ..domain.tables import Rows
from ..errors import BinhchonError
from ..ports import Mark, SheetLayout
from ..domain.cell_rules import HEADER_FILL_RGB, MAX_CELL_TEXT, hex_colour, needs_text_guard
from . import notes

FOLDER_ENV = "BINHCHON_FOLDER"
REMOTE_ENGINE = "remote"


HEADER_FILL = hex_colour(HEADER_FILL_RGB)


def cell_value(value: object) -> object:
    """A value Excel stores as it is: exact numbers as numbers, formula-like text kept as text."""
    if value is None or isinstance(value, (bool, int, float, dt.date, dt.datetime)):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    text = str(value)[:MAX_CELL_TEXT]
    if needs_text_guard(text):
        return "'" + text  # Excel's own prefix for "this is text, not a formula"
    return text if text else None


def block(rows: Rows) -> list[list[object]]:
    """Rows padded to one width with Excel-safe values: a rectangle written in one call."""
    width = max((len(r) for r in rows), default=0)
    return [[cell_value(v) for v in r] + [None] * (width - len(r)) for r in rows]


def trimmed(values: object) -> Rows:
    """A 2-D value list with the trailing empty rows dropped (an empty sheet gives [])."""
    rows = [[None if v == "" else v for v in r] for r in (values or [])]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return rows


class XlwingsContestBook:
    """A contest workbook open in Excel (desktop through COM, or Office.js through xlwings' remote engine)."""

    def __init__(self, book: xw.Book, folder: Path | str | None = None):
        self.book = book
        self._folder = Path(folder) if folder else None
        self._values: dict[str, Rows] = {}

    @property
    def is_remote(self) -> bool:
        """True when the book is a request payload of xlwings Server (Office.js), not desktop Excel."""
        return self.book.app.engine.name == REMOTE_ENGINE

    @property
    def label(self) -> str:
        """The workbook's file name."""
        return self.book.name

    @property
    def folder(self) -> Path:
        """The contest folder: the one given, else the book's own folder (desktop) or BINHCHON_FOLDER."""
        if self._folder is not None:
            return self._folder
        if self.is_remote:
            configured = os.environ.get(FOLDER_ENV)
            if not configured:
                raise BinhchonError(
                    "Chưa biết thư mục cuộc bình chọn trên máy chủ. Hãy chạy "
                    "`binhchon serve --folder THƯ_MỤC` (hoặc đặt biến môi trường BINHCHON_FOLDER)."
                )
            return Path(configured)
        full = Path(self.book.fullname)
        if not full.is_absolute():
            raise BinhchonError(
                f"Sổ {self.book.name} không nằm trong một thư mục trên máy (chưa lưu, hoặc mở từ "
                "OneDrive/SharePoint). Hãy lưu sổ vào thư mục cuộc bình chọn trên máy rồi chạy lại."
            )
        return full.parent

    def sheet_names(self) -> list[str]:
        """The names of the sheets, in order."""
        return [s.name for s in self.book.sheets]

    def read(self, names: Sequence[str]) -> dict[str, Rows]:
        """The values of the named sheets that exist (as in Excel, plus this run's writes)."""
        existing = {s.name: s for s in self.book.sheets}
        out: dict[str, Rows] = {}
        for name in names:
            if name not in self._values and name in existing:
                self._values[name] = read_sheet(existing[name])
            if name in self._values:
                out[name] = self._values[name]
        return out

    def write_sheet(self, sheet: str, rows: Rows, layout: SheetLayout = SheetLayout()) -> None:
        """Replace a sheet's contents with rows in one call, then style its header and columns."""
        ws = self._sheet(sheet)
        ws.clear_contents()
        values = block(rows)
        if values and values[0]:
            ws.range((1, 1)).value = values
        apply_layout(ws, len(values), len(values[0]) if values else 0, layout, self.is_remote)
        self._values[sheet] = [list(r) for r in rows]

    def append_rows(self, sheet: str, rows: Rows) -> None:
        """Write rows below the last used row in one call."""
        current = self.read([sheet]).get(sheet, [])
        ws = self._sheet(sheet)
        values = block(rows)
        if values and values[0]:
            ws.range((len(current) + 1, 1)).value = values
        self._values[sheet] = current + [list(r) for r in rows]

    def mark(self, marks: Sequence[Mark]) -> None:
        """Colour the cells (an error's colour wins over a warning's) and attach the notes."""
        notes.mark(self.book, marks, remote=self.is_remote)

    def unmark(self, cells: Sequence[tuple[str, str]]) -> None:
        """Remove the tool's colour and note from these cells."""
        notes.unmark(self.book, cells, remote=self.is_remote)

    def save(self) -> Path | None:
        """Nothing to do: the book stays open in Excel, which saves it."""
        return None

    def _sheet(self, name: str):
        sheets = self.book.sheets
        if name in self.sheet_names():
            return sheets[name]
        return sheets.add(name=name, after=sheets[len(sheets) - 1])


def read_sheet(sheet) -> Rows:
    """A sheet's values from A1 to its last used cell, read in one call."""
    last = sheet.used_range.last_cell
    values = sheet.range((1, 1), (last.row, last.column)).options(ndim=2).value
    return trimmed(values)


def apply_layout(ws, nrows: int, ncols: int, layout: SheetLayout, remote: bool) -> None:
    """Bold, filled header row; widths, hidden columns and number formats: one call per column at most."""
    header = layout.header_row
    if ncols and header <= nrows:
        head = ws.range((header, 1), (header, ncols))
        head.font.bold = True
        head.color = HEADER_FILL
    for col, width in layout.widths.items():
        # Desktop Excel counts widths in characters, Office.js in points.
        ws.range((1, col)).column_width = round(width * 5.25 + 3.75, 2) if remote else width
    for col in layout.hidden_columns:
        ws.range((1, col)).columns.hidden = True
    if nrows > header:
        for col, fmt in layout.number_formats.items():
            ws.range((header + 1, col), (nrows, col)).number_format = fmt
    if not remote and nrows and ncols:
        # The Office.js client knows no print or validation actions: desktop Excel (COM) only.
        desktop_print_setup(ws, nrows, ncols, layout)


XL_LANDSCAPE, XL_PORTRAIT, XL_PAPER_A4 = 2, 1, 9
XL_VALIDATE_LIST, XL_ALERT_WARNING, XL_CENTER = 3, 2, -4108


def desktop_print_setup(ws, nrows: int, ncols: int, layout: SheetLayout) -> None:
    """Orientation, fit to width, repeated header, print area, wrapped header and dropdowns, through COM."""
    header = layout.header_row
    try:
        if layout.wrap_header and header <= nrows:
            ws.range((header, 1), (header, ncols)).wrap_text = True
        ws.page_setup.print_area = ws.range((1, 1), (nrows, ncols)).address
        for col in layout.wrap_columns:
            if nrows > header:
                ws.range((header + 1, col), (nrows, col)).wrap_text = True
        for col in layout.center_columns:
            if nrows > header:
                ws.range((header + 1, col), (nrows, col)).api.HorizontalAlignment = XL_CENTER
        visible = [c for c in range(1, ncols + 1) if c not in set(layout.hidden_columns)]
        for row in layout.banner_rows:
            if row < header and visible:
                ws.range((row, 1), (row, visible[-1])).merge()
        setup = ws.api.PageSetup
        setup.PaperSize = XL_PAPER_A4
        setup.Orientation = XL_LANDSCAPE if layout.landscape else XL_PORTRAIT
        if layout.fit_to_width:
            setup.Zoom, setup.FitToPagesWide, setup.FitToPagesTall = False, layout.pages_wide, False
        if layout.repeat_header and header <= nrows:
            setup.PrintTitleRows = f"${header}:${header}"
        if layout.title_columns:
            first, _, last = layout.title_columns.partition(":")
            setup.PrintTitleColumns = f"${first}:${last or first}"
        ws.range((header + 1, 1), (max(nrows, header + 1), ncols)).rows.autofit()  # wrapped rows grow
        for col, values in layout.choices.items():
            if nrows > header:
                validation = ws.range((header + 1, col), (nrows, col)).api.Validation
                validation.Delete()
                validation.Add(XL_VALIDATE_LIST, XL_ALERT_WARNING, 1, ",".join(values))
    except Exception:  # noqa: BLE001 — e.g. no printer installed: print setup is not worth failing the action
        return
