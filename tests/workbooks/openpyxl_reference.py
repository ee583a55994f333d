"""The reference: how the openpyxl path (before issue 11) laid out a tool-written sheet, kept to compare the sheet writer with."""

from __future__ import annotations

import datetime as dt

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from xl_addin.domain.tables import Rows
from xl_addin.ports import SheetLayout
from xl_addin.workbooks import styles
from xl_addin.workbooks.cells import safe_value
from xl_addin.workbooks.sheet_writer import BANNER_ROW_HEIGHT, CHOICE_ERROR, CHOICE_TITLE

CHOICE_SPARE_ROWS = 0
_WRAP_TOP = Alignment(vertical="top", wrap_text=True)
_TOP = Alignment(vertical="top")
_CENTER_TOP = Alignment(horizontal="center", vertical="top")


def _sheet(wb: Workbook, name: str) -> Worksheet:
    return wb[name] if name in wb.sheetnames else wb.create_sheet(name)


def replace_sheet(wb: Workbook, name: str, rows: Rows, layout: SheetLayout) -> None:
    ws = _sheet(wb, name)
    _unmerge_rows(ws, 1, ws.max_row)  # the tool rewrites this sheet whole; merged cells would be read-only
    if ws.max_row > 0:
        ws.delete_rows(1, ws.max_row)
    for row in rows:
        ws.append([safe_value(v) for v in row])
    _date_formats(ws, rows, 1, layout.date_format)
    bold = Font(bold=True)
    header = layout.header_row
    width = max((len(r) for r in rows), default=0)
    if rows and header <= len(rows):
        for col in range(1, len(rows[header - 1]) + 1):
            cell = ws.cell(row=header, column=col)
            cell.font = bold
            cell.fill = styles.header_fill()
            if layout.wrap_header:
                cell.alignment = styles.wrap_alignment("center")
        ws.freeze_panes = ws.cell(row=header + 1, column=1)
    for col, width_chars in layout.widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width_chars
    for col in layout.hidden_columns:
        ws.column_dimensions[get_column_letter(col)].hidden = True
    for col, fmt in layout.number_formats.items():
        for r in range(header + 1, len(rows) + 1):
            ws.cell(row=r, column=col).number_format = fmt
    _wrap(ws, layout, len(rows), width)
    _choices(ws, layout, len(rows))
    _print_setup(ws, layout, len(rows), width)


def _wrap(ws: Worksheet, layout: SheetLayout, nrows: int, ncols: int) -> None:
    """Wrapped data columns, and banner rows (title, rule statement) spanning the table, wrapped."""
    widths = _widths(ws, ncols)
    for r in range(layout.header_row + 1, nrows + 1):
        for col in range(1, ncols + 1):
            ws.cell(row=r, column=col).alignment = (_WRAP_TOP if col in layout.wrap_columns
                                                    else _CENTER_TOP if col in layout.center_columns else _TOP)
        texts = {col: ws.cell(row=r, column=col).value for col in layout.wrap_columns}
        ws.row_dimensions[r].height = styles.row_height(texts, widths)  # openpyxl cannot autofit
    if layout.wrap_header and 0 < layout.header_row <= nrows:
        heads = {col: ws.cell(row=layout.header_row, column=col).value for col in range(1, ncols + 1)
                 if col not in set(layout.hidden_columns)}
        ws.row_dimensions[layout.header_row].height = styles.row_height(heads, widths, bold=True)
    visible = [c for c in range(1, ncols + 1) if c not in set(layout.hidden_columns)]
    last = visible[-1] if visible else ncols
    for r in layout.banner_rows:
        if r < layout.header_row and last > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last)
            ws.cell(row=r, column=1).alignment = styles.wrap_alignment()
            ws.row_dimensions[r].height = BANNER_ROW_HEIGHT


def _choices(ws: Worksheet, layout: SheetLayout, nrows: int) -> None:
    """One dropdown per column listed in the layout, replacing the tool's earlier ones on that sheet."""
    ws.data_validations.dataValidation = [
        dv for dv in ws.data_validations.dataValidation if dv.promptTitle != CHOICE_TITLE]
    if not layout.choices or nrows <= layout.header_row:
        return
    for col, values in layout.choices.items():
        letter = get_column_letter(col)
        dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True,
                            showDropDown=False, promptTitle=CHOICE_TITLE, showErrorMessage=True,
                            errorStyle="warning", errorTitle=CHOICE_TITLE,
                            error=CHOICE_ERROR.format(values=" hoặc ".join(values)))
        dv.add(f"{letter}{layout.header_row + 1}:{letter}{max(nrows, layout.header_row + 1) + CHOICE_SPARE_ROWS}")
        ws.add_data_validation(dv)


def _print_setup(ws: Worksheet, layout: SheetLayout, nrows: int, ncols: int) -> None:
    """A4, orientation, fit to the page width, the header repeated and the written cells as print area."""
    title = layout.header_row if layout.repeat_header and 0 < layout.header_row <= nrows else None
    styles.page_setup(ws, landscape=layout.landscape, fit_to_width=layout.fit_to_width, title_row=title,
                      pages_wide=layout.pages_wide)
    if layout.title_columns:
        ws.print_title_cols = layout.title_columns
    if nrows and ncols:
        ws.print_area = f"A1:{get_column_letter(ncols)}{nrows}"


def _widths(ws: Worksheet, ncols: int) -> dict[int, float]:
    """The width of each column, in characters (the default where none is set)."""
    return {col: ws.column_dimensions[get_column_letter(col)].width or styles.DEFAULT_WIDTH
            for col in range(1, ncols + 1)}


def _date_formats(ws: Worksheet, rows: Rows, first_row: int, fmt: str) -> None:
    """Date cells shown dd/mm/yyyy (openpyxl's default is the ISO yyyy-mm-dd)."""
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if isinstance(value, (dt.date, dt.datetime)):
                ws.cell(row=first_row + i, column=j + 1).number_format = fmt


def _unmerge_rows(ws: Worksheet, first: int, last: int) -> None:
    """Unmerge the merged ranges that reach into rows first..last (their cells cannot take values)."""
    for span in list(ws.merged_cells.ranges):
        if span.max_row >= first and span.min_row <= last:
            ws.unmerge_cells(str(span))


