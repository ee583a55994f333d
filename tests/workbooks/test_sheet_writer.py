"""The package writer lays the tool's sheets out as the openpyxl path did, and leaves the rest of the file as it was."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile

import openpyxl
import pytest

from workbook_edits import judged_contest
from xl_addin.domain import schema
from xl_addin.domain.rules import preset
from xl_addin.usecases.findings_sheet import FINDINGS_LAYOUT
from xl_addin.domain.sheets.results import HEADER_ROW as RESULTS_HEADER_ROW, results_sheet_layout
import openpyxl_reference
from xl_addin.workbooks.contest_book import FileContestBook

LONG_NAME = "Bánh đa nem làng Kim Lũ truyền thống " * 4  # 148 characters: wraps over several lines


@pytest.fixture(scope="module")
def computed(tmp_path_factory):
    """A demo contest after judges and results, saved the way the CLI saves it."""
    return judged_contest(tmp_path_factory.mktemp("writer") / "c")[0]


def _rows(path, sheet):
    return [list(r) for r in openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True)]


def _both(computed, tmp_path, sheet, rows, layout):
    """The same sheet written by the package writer (a) and by today's openpyxl edit (b)."""
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    shutil.copy(computed, a)
    shutil.copy(computed, b)
    book = FileContestBook(a)
    book.write_sheet(sheet, rows, layout)
    book.save()
    wb = openpyxl.load_workbook(b)
    openpyxl_reference.replace_sheet(wb, sheet, rows, layout)
    wb.save(b)
    return openpyxl.load_workbook(a), openpyxl.load_workbook(b), a


def _look(ws):
    """What a reader sees of each cell and row: value, format, bold, fill, alignment, height."""
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            fill = c.fill.fgColor.rgb if c.fill.fill_type == "solid" else None
            al = c.alignment
            cells[c.coordinate] = (c.value, c.number_format, bool(c.font.bold), fill,
                                   al.horizontal, al.vertical, bool(al.wrap_text))
    # (openpyxl's delete_rows leaves the old rows' heights behind, below the data: not compared)
    heights = {r: d.height for r, d in ws.row_dimensions.items() if d.height and r <= ws.max_row}
    return cells, heights


def _sheet_setup(ws):
    cols = {k: (d.width, bool(d.hidden)) for k, d in ws.column_dimensions.items() if d.width or d.hidden}
    dvs = sorted((str(dv.sqref), dv.formula1, dv.promptTitle, dv.error, dv.errorStyle)
                 for dv in ws.data_validations.dataValidation)
    ps = ws.page_setup
    return (cols, dvs, ws.freeze_panes, sorted(str(r) for r in ws.merged_cells.ranges),
            ws.print_title_rows, ws.print_title_cols, ws.print_area, ps.orientation, int(ps.paperSize or 0),
            ps.fitToWidth, ps.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage, ws.oddFooter.center.text,
            ws.page_margins.left, ws.page_margins.right)


def test_results_sheet_written_as_the_openpyxl_path_wrote_it(computed, tmp_path):
    rows = _rows(computed, schema.SHEET_RESULTS)
    rows[RESULTS_HEADER_ROW][2] = LONG_NAME
    rows[RESULTS_HEADER_ROW + 1][-1] = dt.date(2019, 5, 17)
    layout = results_sheet_layout(rows[RESULTS_HEADER_ROW - 1], preset())
    a, b, _ = _both(computed, tmp_path, schema.SHEET_RESULTS, rows, layout)
    assert _look(a[schema.SHEET_RESULTS]) == _look(b[schema.SHEET_RESULTS])
    assert _sheet_setup(a[schema.SHEET_RESULTS]) == _sheet_setup(b[schema.SHEET_RESULTS])
    ws = a[schema.SHEET_RESULTS]
    assert ws.row_dimensions[RESULTS_HEADER_ROW + 1].height >= 45  # the long name's lines, not one line
    assert ws.cell(RESULTS_HEADER_ROW + 2, len(rows[0])).number_format == "dd/mm/yyyy"
    assert ws.print_title_rows.replace("$", "") == f"{RESULTS_HEADER_ROW}:{RESULTS_HEADER_ROW}"


def test_findings_sheet_written_as_the_openpyxl_path_wrote_it(computed, tmp_path):
    rows = [list(schema.FINDINGS_HEADERS),
            ["Lỗi", "E101", "Thiếu tên", schema.SHEET_REGISTRATIONS, "C5", "Ô “Tên sản phẩm” trống. " * 9],
            ["Cảnh báo", "W201", "Trùng", schema.SHEET_REGISTRATIONS, "B7", "=không phải công thức"]]
    a, b, _ = _both(computed, tmp_path, schema.SHEET_FINDINGS, rows, FINDINGS_LAYOUT)
    assert _look(a[schema.SHEET_FINDINGS]) == _look(b[schema.SHEET_FINDINGS])
    assert _sheet_setup(a[schema.SHEET_FINDINGS]) == _sheet_setup(b[schema.SHEET_FINDINGS])
    assert a[schema.SHEET_FINDINGS]["F3"].value == "=không phải công thức"  # text, never a formula
    assert a[schema.SHEET_FINDINGS]["F3"].data_type == "s"


def test_a_new_sheet_and_log_rows_and_the_other_parts_untouched(computed, tmp_path):
    path = tmp_path / "c.xlsx"
    shutil.copy(computed, path)
    before = _entries(path)
    book = FileContestBook(path)
    book.write_sheet("Tổng hợp", [["Mã", "Ngày"], ["SP001", dt.date(2020, 1, 2)], ["SP002", 3.5]])
    book.append_rows(schema.SHEET_LOG, [["01/12/2026 10:00:00", "Kiểm tra", LONG_NAME, ""]])
    book.save()
    after = _entries(path)
    changed = {n for n in before if before[n] != after.get(n)}
    log_part = _part_of(path, schema.SHEET_LOG)
    assert changed <= {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml",
                       log_part}, changed
    assert log_part in changed
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[-1] == "Tổng hợp"
    assert [c.value for c in wb["Tổng hợp"][2]] == ["SP001", dt.datetime(2020, 1, 2)]
    assert wb["Tổng hợp"]["B2"].number_format == "dd/mm/yyyy" and wb["Tổng hợp"]["A1"].font.bold
    log = wb[schema.SHEET_LOG]
    last = max(r for r in range(1, log.max_row + 1) if log.cell(r, 1).value is not None)
    assert log.cell(last, 3).value == LONG_NAME and log.cell(last, 3).alignment.wrap_text
    assert log.row_dimensions[last].height > 15  # the long text's lines
    assert log.cell(last - 1, 1).value is not None  # appended below the earlier rows, none overwritten


def _entries(path):
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _part_of(path, sheet):
    wb = openpyxl.load_workbook(path)
    return f"xl/worksheets/sheet{wb.sheetnames.index(sheet) + 1}.xml"
