"""The blank contest workbook of SPEC §3 (sheets, headers, dropdowns) and new contest files made from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..domain import schema
from ..domain.sheets import findings, judges, log, registrations, results
from ..domain.sheets.lists import (
    COLUMN_WIDTH, DROPDOWN_LISTS, LIST_CERT_LAYOUTS, LIST_EST_TYPES, LIST_GROUPS, LIST_LEVELS, LIST_REGIONS, LIST_YES_NO,
)
from ..domain.tables import Rows, header_key
from ..errors import WorkbookError
from . import styles
from .cells import safe_value
from .paths import CONTEST_TEMPLATE, template_path
from .xlsx_io import open_workbook, save_atomically

FIRST_DATA_ROW = 2
MAX_ROW = 5000  # dropdowns and filters reach this row of Đăng ký and Giám khảo

TEXT_FORMAT = "@"

CHOICE_ERROR_TITLE = "Giá trị ngoài danh sách"
CHOICE_ERROR = "Giá trị này không có trong danh sách. Nên chọn từ danh sách thả xuống."
PHOTOS_ERROR_TITLE = "Số ảnh không hợp lệ"
PHOTOS_ERROR = "Số ảnh phải là số nguyên từ 0 trở lên (ví dụ 3)."

LABEL_SHEET_WIDTHS = {1: 38, 2: 32, 3: 50, 4: 18}
# How each sheet prints: (landscape, header row repeated on every page). Wide tables go landscape;
# Đăng ký's twenty columns print two pages across, the code and name repeated on each.
PRINT_SETUP = {
    schema.SHEET_INFO: (False, 1),
    schema.SHEET_RULES: (False, 1),
    schema.SHEET_REGISTRATIONS: (True, 1),
    schema.SHEET_JUDGES: (True, 1),
    schema.SHEET_FINDINGS: (True, 1),
    schema.SHEET_RESULTS: (True, None),  # its header row is set when the results are written
    schema.SHEET_LOG: (True, 1),
}
DATE_FORMAT = "dd/mm/yyyy"


def build_contest_template(path: Path) -> None:
    """Write the blank contest workbook (SPEC §3) to path, replacing any file there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    new_contest_workbook().save(path)


def new_contest_workbook() -> Workbook:
    """The blank contest workbook in memory."""
    wb = Workbook()
    wb.remove(wb.active)
    _info_sheet(wb.create_sheet(schema.SHEET_INFO))
    _label_sheet(wb.create_sheet(schema.SHEET_RULES), [list(schema.RULES_HEADER)], {schema.RULES_HEADER[0]})
    _registrations_sheet(wb.create_sheet(schema.SHEET_REGISTRATIONS))
    _judges_sheet(wb.create_sheet(schema.SHEET_JUDGES))
    _table_sheet(wb.create_sheet(schema.SHEET_FINDINGS), schema.FINDINGS_HEADERS, findings.TEMPLATE_WIDTHS)
    _results_sheet(wb.create_sheet(schema.SHEET_RESULTS))
    _table_sheet(wb.create_sheet(schema.SHEET_LOG), schema.LOG_HEADERS, log.WIDTHS)
    write_lists_sheet(wb, wb.create_sheet(schema.SHEET_LISTS))
    for name, (landscape, title_row) in PRINT_SETUP.items():
        styles.page_setup(wb[name], landscape=landscape, title_row=title_row,
                          pages_wide=2 if name == schema.SHEET_REGISTRATIONS else 1)
    wb[schema.SHEET_REGISTRATIONS].print_title_cols = "A:B"  # code and name on both pages across
    wb.active = 0
    wb.properties.title = "Sổ bình chọn sản phẩm công nghiệp nông thôn tiêu biểu"
    wb.properties.creator = "binhchon"
    return wb


def create_contest_workbook(path: Path, info_rows: Rows, rules_rows: Rows) -> None:
    """Make a new contest workbook at path from the template, with the Thông tin and Quy định rows."""
    path = Path(path)
    if path.exists():
        raise WorkbookError(
            f"Đã có tệp {path}; công cụ không ghi đè. Hãy chọn thư mục khác, hoặc đổi tên tệp cũ rồi chạy lại."
        )
    wb = open_workbook(template_path(CONTEST_TEMPLATE), data_only=False)
    info = wb[schema.SHEET_INFO]
    _label_sheet(info, info_rows, {schema.INFO_HEADER[0]})
    add_info_validations(info)
    _label_sheet(wb[schema.SHEET_RULES], rules_rows, {schema.RULES_HEADER[0], schema.CRITERIA_HEADER[0]})
    path.parent.mkdir(parents=True, exist_ok=True)
    save_atomically(wb, path)


def add_info_validations(ws: Worksheet) -> None:
    """Replace the dropdowns of Thông tin: level, region and certificate layout, on the rows that hold those labels."""
    ws.data_validations.dataValidation = []
    sources = {header_key(schema.INFO_LEVEL): LIST_LEVELS, header_key(schema.INFO_REGION): LIST_REGIONS,
               header_key(schema.INFO_CERT_LAYOUT): LIST_CERT_LAYOUTS}
    for row in range(1, ws.max_row + 1):
        source = sources.get(header_key(ws.cell(row=row, column=1).value))
        if source:
            _add_list(ws, source, [f"B{row}"])


def column_range(headers: tuple[str, ...], header: str, first: int = FIRST_DATA_ROW, last: int = MAX_ROW) -> str:
    """The A1 range below a header of a header tuple, e.g. 'C2:C5000'."""
    letter = get_column_letter(headers.index(header) + 1)
    return f"{letter}{first}:{letter}{last}"


def _info_sheet(ws: Worksheet) -> None:
    rows = [list(schema.INFO_HEADER)] + [[label, None] for label in schema.INFO_LABELS]
    _label_sheet(ws, rows, {schema.INFO_HEADER[0]})
    add_info_validations(ws)


def _label_sheet(ws: Worksheet, rows: Rows, header_labels: set[str]) -> None:
    """Replace the sheet's cells with label/value rows: labels bold, header rows styled."""
    if ws.max_row > 0:
        ws.delete_rows(1, ws.max_row)
    headers = {header_key(h) for h in header_labels}
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=safe_value(value))
            cell.font = styles.body_font(bold=c == 1)
            cell.alignment = styles.wrap_alignment()
            if isinstance(value, (dt.date, dt.datetime)):
                cell.number_format = DATE_FORMAT
        if row and header_key(row[0]) in headers:
            styles.style_header_row(ws, r, len(row))
        else:  # long values and notes wrap: give the row the lines they take
            ws.row_dimensions[r].height = styles.row_height(dict(enumerate(row, start=1)), LABEL_SHEET_WIDTHS)
    styles.set_widths(ws, LABEL_SHEET_WIDTHS)


def _table_sheet(ws: Worksheet, headers: tuple[str, ...], widths: dict[str, float]) -> None:
    ws.append(list(headers))
    styles.style_header_row(ws, 1, len(headers))
    ws.row_dimensions[1].height = 48
    styles.set_widths(ws, styles.widths_for(headers, widths))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{MAX_ROW}"


def _registrations_sheet(ws: Worksheet) -> None:
    headers = schema.REGISTRATION_HEADERS + schema.REGISTRATION_TOOL_HEADERS
    _table_sheet(ws, headers, registrations.WIDTHS)
    _text_columns(ws, headers, registrations.TEXT_COLUMNS)
    _add_list(ws, LIST_GROUPS, [column_range(headers, schema.COL_GROUP)])
    _add_list(ws, LIST_EST_TYPES, [column_range(headers, schema.COL_EST_TYPE)])
    _add_list(ws, LIST_YES_NO, [column_range(headers, h) for h in schema.DOSSIER_YES_NO_COLUMNS])
    photos = DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
        showErrorMessage=True, errorTitle=PHOTOS_ERROR_TITLE, error=PHOTOS_ERROR,
    )
    photos.add(column_range(headers, schema.COL_PHOTOS))
    ws.add_data_validation(photos)


def _judges_sheet(ws: Worksheet) -> None:
    headers = schema.JUDGE_HEADERS
    _table_sheet(ws, headers, judges.WIDTHS)
    _text_columns(ws, headers, judges.TEXT_COLUMNS)


def _results_sheet(ws: Worksheet) -> None:
    ws["A1"] = results.TEMPLATE_TITLE
    ws["A1"].font = styles.title_font()
    ws["A2"] = results.TEMPLATE_NOTE
    ws["A2"].font = styles.body_font(italic=True)


def write_lists_sheet(wb: Workbook, ws: Worksheet, lists=DROPDOWN_LISTS, width: float = COLUMN_WIDTH) -> None:
    """A hidden sheet of dropdown sources, one column per list, each a defined name for the validations."""
    for col, (name, title, values) in enumerate(lists, start=1):
        ws.cell(row=1, column=col, value=title)
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=col, value=safe_value(value))
        letter = get_column_letter(col)
        ref = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names.add(DefinedName(name, attr_text=ref))
        ws.column_dimensions[letter].width = width
    styles.style_header_row(ws, 1, len(lists))
    ws.sheet_state = "hidden"


def _text_columns(ws: Worksheet, headers: tuple[str, ...], names: Iterable[str]) -> None:
    """Format whole columns as text, so new cells typed in Excel keep leading zeros."""
    for name in names:
        ws.column_dimensions[get_column_letter(headers.index(name) + 1)].number_format = TEXT_FORMAT


def _add_list(ws: Worksheet, source: str, ranges: list[str]) -> None:
    dv = DataValidation(
        type="list", formula1=source, allow_blank=True, showDropDown=False, showErrorMessage=True,
        errorStyle="warning", errorTitle=CHOICE_ERROR_TITLE, error=CHOICE_ERROR,
    )
    for ref in ranges:
        dv.add(ref)
    ws.add_data_validation(dv)
