"""`register export FILE.xlsx`: one Excel table per view, with filters, frozen headers and real dates."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from ..domain.tables import Rows
from . import styles
from .cells import safe_value
from .register_template import CHOICE_ERROR
from .xlsx_io import ensure_writable, write_atomically

DATE_FORMAT = "dd/mm/yyyy"
SCORE_FORMAT = "0.00"
TABLE_STYLE = "TableStyleMedium2"
MAX_WIDTH = 40


def table_name(sheet: str) -> str:
    """An Excel table name from a sheet name: ASCII letters, digits and underscores ('Nghi trùng' -> 'Nghi_trung')."""
    plain = unicodedata.normalize("NFD", sheet.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return "".join(ch if ch.isascii() and ch.isalnum() else "_" for ch in plain)


Dropdowns = dict[str, dict[str, tuple[str, ...]]]  # sheet -> column header -> the choices staff pick from
ANSWER_ROWS = 500  # rows below the data the dropdowns still cover


def write_export(path: Path, views: dict[str, Rows], dropdowns: Dropdowns | None = None) -> Path:
    """Write the views into path (replacing an earlier export, never a file Excel holds open)."""
    ensure_writable(path)
    wb = Workbook()
    wb.remove(wb.active)
    for sheet, rows in views.items():
        _sheet(wb, sheet, rows)
        for header, choices in (dropdowns or {}).get(sheet, {}).items():
            _dropdown(wb[sheet], rows, header, choices)
    wb.properties.title = "Sổ theo dõi bình chọn sản phẩm CNNT tiêu biểu"
    wb.properties.creator = "binhchon"
    write_atomically(wb, path)
    return path


def _sheet(wb: Workbook, name: str, rows: Rows) -> None:
    ws = wb.create_sheet(name)
    header, data = rows[0], rows[1:]
    ws.append(list(header))
    for row in data:
        ws.append([safe_value(v) for v in row])
    styles.style_header_row(ws, 1, len(header))
    ws.freeze_panes = "A2"
    styles.landscape_fit(ws)
    for col, title in enumerate(header, start=1):
        values = [row[col - 1] for row in data]
        _format_column(ws, col, values)
        width = max([len(str(title))] + [len(_shown(v)) for v in values[:500]])
        ws.column_dimensions[get_column_letter(col)].width = min(MAX_WIDTH, max(8, width + 2))
    last = max(len(data), 1) + 1  # a table needs a row below its header, even an empty one
    ref = f"A1:{get_column_letter(len(header))}{last}"
    table = Table(displayName=table_name(name), ref=ref)
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    ws.add_table(table)


def _dropdown(ws, rows: Rows, header: str, choices: tuple[str, ...]) -> None:
    """A list of choices on a column's cells below the header, as in the register template."""
    letter = get_column_letter(list(rows[0]).index(header) + 1)
    dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True, showErrorMessage=True,
                        errorStyle="stop", errorTitle="Giá trị ngoài danh sách", error=CHOICE_ERROR)
    dv.add(f"{letter}2:{letter}{len(rows) + ANSWER_ROWS}")
    ws.add_data_validation(dv)
    ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, len(header) + 2)


def _format_column(ws, col: int, values: list[object]) -> None:
    """Dates as dates and scores with two decimals, so Excel sorts and filters them as such."""
    fmt = None
    if any(isinstance(v, dt.date) for v in values):
        fmt = DATE_FORMAT
    elif any(isinstance(v, Decimal) for v in values):
        fmt = SCORE_FORMAT
    if fmt:
        for row in range(2, len(values) + 2):
            ws.cell(row=row, column=col).number_format = fmt


def _shown(value: object) -> str:
    if isinstance(value, dt.date):
        return "00/00/0000"
    return "" if value is None else str(value)
