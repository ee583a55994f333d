"""The workbook staff fill for the register (mau_so_theo_doi.xlsx): three sheets with dropdowns."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..domain import register_schema as rs
from ..domain import schema
from ..domain.register_sheets import MAX_YEAR, MIN_YEAR
from ..errors import WorkbookError
from . import styles
from .contest_template import write_lists_sheet
from .xlsx_io import write_atomically

MAX_ROW = 2000
LIST_LEVELS = "DS_CapTren"
LIST_RESULTS = "DS_KetQua"
LIST_KINDS = "DS_LoaiHoatDong"
LISTS = (
    (LIST_LEVELS, rs.COL_LEVEL, tuple(rs.UPPER_LEVELS)),
    (LIST_RESULTS, rs.COL_RESULT, (schema.YES, schema.NO)),
    (LIST_KINDS, rs.COL_ACTIVITY_KIND, rs.ACTIVITY_KINDS),
)
WIDTHS = {
    rs.COL_YEAR: 8, rs.COL_LEVEL: 11, schema.COL_CODE: 13, schema.COL_NAME: 34, schema.COL_ESTABLISHMENT: 32,
    schema.COL_TAX_CODE: 16, rs.COL_RESULT: 10, rs.COL_DECISION_NO: 18, rs.COL_DECISION_DATE: 14,
    rs.COL_CERT_NO: 18, rs.COL_ACTIVITY_KIND: 34, rs.COL_QUANTITY: 10, rs.COL_CONTENT: 50, schema.COL_NOTE: 30,
    schema.COL_DISTRICT: 26, schema.COL_COMMUNE: 22, rs.COL_ESTABLISHMENTS: 14,
}
TEXT_COLUMNS = (schema.COL_CODE, schema.COL_TAX_CODE, rs.COL_DECISION_NO, rs.COL_CERT_NO)
CHOICE_ERROR = "Giá trị này không có trong danh sách. Hãy chọn từ danh sách thả xuống."
YEAR_ERROR = f"Năm phải là số nguyên từ {MIN_YEAR} đến {MAX_YEAR} (ví dụ 2019)."
COUNT_ERROR = "Hãy nhập một số nguyên từ 0 trở lên."
DATE_ERROR = "Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 15/11/2019."


def write_register_workbook(path: Path) -> Path:
    """Write mau_so_theo_doi.xlsx at path; refuses to replace a file staff may have filled."""
    if path.exists():
        raise WorkbookError(
            f"Đã có tệp {path}; công cụ không ghi đè (có thể đã có dữ liệu). Hãy chọn thư mục khác, "
            "hoặc đổi tên tệp cũ rồi chạy lại."
        )
    write_atomically(register_workbook(), path)
    return path


def register_workbook() -> Workbook:
    """The blank workbook in memory."""
    wb = Workbook()
    wb.remove(wb.active)
    upper = _table(wb.create_sheet(rs.SHEET_UPPER), rs.UPPER_HEADERS)
    _list(upper, LIST_LEVELS, rs.UPPER_HEADERS, rs.COL_LEVEL)
    _list(upper, LIST_RESULTS, rs.UPPER_HEADERS, rs.COL_RESULT)
    _date(upper, rs.UPPER_HEADERS, rs.COL_DECISION_DATE)
    activities = _table(wb.create_sheet(rs.SHEET_ACTIVITIES), rs.ACTIVITY_HEADERS)
    _list(activities, LIST_KINDS, rs.ACTIVITY_HEADERS, rs.COL_ACTIVITY_KIND)
    _whole(activities, rs.ACTIVITY_HEADERS, rs.COL_QUANTITY, 0, None, COUNT_ERROR)
    reference = _table(wb.create_sheet(rs.SHEET_REFERENCE), rs.REFERENCE_HEADERS)
    _whole(reference, rs.REFERENCE_HEADERS, rs.COL_ESTABLISHMENTS, 0, None, COUNT_ERROR)
    for ws, headers in ((upper, rs.UPPER_HEADERS), (activities, rs.ACTIVITY_HEADERS), (reference, rs.REFERENCE_HEADERS)):
        _whole(ws, headers, rs.COL_YEAR, MIN_YEAR, MAX_YEAR, YEAR_ERROR)
    write_lists_sheet(wb, wb.create_sheet(rs.SHEET_LISTS), LISTS, width=40)
    wb.active = 0
    wb.properties.title = "Sổ theo dõi bình chọn sản phẩm CNNT tiêu biểu: số liệu nhập tay"
    wb.properties.creator = "binhchon"
    return wb


def _range(headers: tuple[str, ...], header: str) -> str:
    letter = get_column_letter(headers.index(header) + 1)
    return f"{letter}2:{letter}{MAX_ROW}"


def _table(ws: Worksheet, headers: tuple[str, ...]) -> Worksheet:
    ws.append(list(headers))
    styles.style_header_row(ws, 1, len(headers))
    ws.row_dimensions[1].height = 36
    styles.set_widths(ws, styles.widths_for(headers, WIDTHS))
    ws.freeze_panes = "A2"
    styles.landscape_fit(ws)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{MAX_ROW}"
    for name in TEXT_COLUMNS:
        if name in headers:  # codes and numbers keep their leading zeros and dashes
            ws.column_dimensions[get_column_letter(headers.index(name) + 1)].number_format = "@"
    return ws


def _list(ws: Worksheet, source: str, headers: tuple[str, ...], header: str) -> None:
    dv = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                        errorStyle="stop", errorTitle="Giá trị ngoài danh sách", error=CHOICE_ERROR)
    dv.add(_range(headers, header))
    ws.add_data_validation(dv)


def _whole(ws: Worksheet, headers: tuple[str, ...], header: str, low: int, high: int | None, error: str) -> None:
    kw = dict(operator="between", formula1=str(low), formula2=str(high)) if high is not None else dict(
        operator="greaterThanOrEqual", formula1=str(low))
    dv = DataValidation(type="whole", allow_blank=True, showErrorMessage=True, errorTitle="Số không hợp lệ",
                        error=error, **kw)
    dv.add(_range(headers, header))
    ws.add_data_validation(dv)


def _date(ws: Worksheet, headers: tuple[str, ...], header: str) -> None:
    dv = DataValidation(type="date", operator="greaterThan", formula1="32874", allow_blank=True,  # after 1990
                        showErrorMessage=True, errorTitle="Ngày không hợp lệ", error=DATE_ERROR)
    dv.add(_range(headers, header))
    ws.add_data_validation(dv)
    ws.column_dimensions[get_column_letter(headers.index(header) + 1)].number_format = "dd/mm/yyyy"
