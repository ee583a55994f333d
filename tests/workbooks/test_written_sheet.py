"""A sheet written and marked in one save: its marks put on the written cells give the bytes that writing
the sheet and then patching it (sheet_patch, package_cells.patch_cells) gave, on tricky marks."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from decimal import Decimal
from lxml import etree

from xl_addin.domain.cell_rules import ERROR_FILL_RGB, WARNING_FILL_RGB
from xl_addin.ports import Mark, SheetLayout
from xl_addin.workbooks import contest_book
from xl_addin.workbooks.cell_values import clean_value
from xl_addin.workbooks.contest_book import FileContestBook
from xl_addin.workbooks.package_cells import mark_edits, patch_cells, unmark_edits
from xl_addin.workbooks.sheet_patch import SheetEdits, note_edits, patch_sheet
from xl_addin.workbooks.sheet_writer import cell_xml, write_sheet_rows, write_sheet_xml
from xl_addin.workbooks.text_fit import row_height
from xl_addin.workbooks.xlsx_styles import WRAP_TOP, StyleBook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
LAYOUT = SheetLayout(header_row=3, banner_rows=(1,), widths={2: 30}, wrap_columns=(2,), hidden_columns=(4,),
                     number_formats={5: "0.00"})
ROWS = [["KẾT QUẢ BÌNH CHỌN " * 6], ["ghi chú", None, "x"],
        ["Mã", "Tên sản phẩm", "Điểm", "Ẩn", "TB"],
        ["SP01", "Bánh chưng " * 12, 91, "h", 90.5],
        ["SP02", None, None, None, dt.date(2024, 3, 1)],
        ["SP03", 'a "quoted" <b> & _x0041_', 70.25, True]]
OLD_SHEET = (f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetPr><tabColor rgb="FF00FF00"/></sheetPr>'
             '<cols><col min="7" max="9" width="12" style="1" customWidth="1"/></cols>'
             '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'
             '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula>'
             '</cfRule></conditionalFormatting><drawing r:id="rId3"/><tableParts count="0"/>'
             '<extLst><ext uri="{X}"/></extLst></worksheet>').encode()

# (row, col) -> (severity, note); the cases patch_sheet handles one by one
MARKS = {
    (1, 3): ("warning", "[w] in the merged title"), (1, 1): ("error", "[e] the title's own cell"),
    (2, 2): ("warning", "[w] no cell there"), (3, 1): ("warning", "[w] header"),
    (4, 2): ("error", "[e] long name"), (5, 2): ("warning", "[w] empty styled cell"),
    (6, 9): ("warning", "[w] past the row's cells, a styled column"), (6, 20): ("error", "[e] far right"),
    (9, 1): ("error", "[e] below the rows"), (9, 3): ("warning", "[w] again below"),
    (12, 2): ("warning", "[w] further below"), (6, 4): ("error", "[e] hidden column"),
}


def _styles() -> bytes:
    return StyleBook(None).to_bytes()


@pytest.mark.parametrize("old", [None, OLD_SHEET], ids=["new sheet", "person's old sheet"])
@pytest.mark.parametrize("unmarks", [set(), {(4, 2), (2, 2), (1, 2), (7, 7), (30, 1)}], ids=["marks", "unmarks too"])
@pytest.mark.parametrize("rid", [None, "rId7"])
def test_marks_on_the_written_rows_are_the_patched_sheet(old, unmarks, rid):
    a, b = StyleBook(_styles()), StyleBook(_styles())
    written, _ = write_sheet_rows(ROWS, LAYOUT, a, old)
    xml, _ = write_sheet_xml(ROWS, LAYOUT, b, old)
    assert written.to_bytes() == xml
    edits = SheetEdits(marks=dict(MARKS), unmarks=set(unmarks))
    expected = patch_sheet(xml, SheetEdits(marks=dict(MARKS), unmarks=set(unmarks)), b, legacy_drawing_rid=rid)
    got = written.patched(edits, a, rid, False)
    assert got == expected
    assert a.to_bytes() == b.to_bytes()  # the same fills asked for in the same order
    assert got != xml


def test_unmarks_alone_and_no_marks_leave_the_written_rows():
    a, b = StyleBook(_styles()), StyleBook(_styles())
    written, _ = write_sheet_rows(ROWS, LAYOUT, a, None)
    xml, _ = write_sheet_xml(ROWS, LAYOUT, b, None)
    edits = SheetEdits(unmarks={(4, 1), (40, 1)})
    assert written.patched(edits, a, None, True) == patch_sheet(xml, SheetEdits(unmarks={(4, 1), (40, 1)}), b,
                                                                drop_legacy_drawing=True)
    assert written.note_edits(SheetEdits(marks=dict(MARKS), unmarks={(1, 2)})) == note_edits(
        xml, SheetEdits(marks=dict(MARKS), unmarks={(1, 2)}))


def test_a_marked_cell_reads_back_with_its_fill_and_note(tmp_path):
    path = _book(tmp_path / "b.xlsx")
    book = FileContestBook(path)
    book.write_sheet("Kết quả", ROWS, LAYOUT)
    book.mark([Mark("Kết quả", "C1", "warning", "[w] tiêu đề"), Mark("Kết quả", "B4", "error", "[e] tên dài"),
               Mark("Kết quả", "A9", "warning", "[w] dưới bảng")])
    book.save()
    ws = openpyxl.load_workbook(path)["Kết quả"]
    assert ws["A1"].comment.text == "[w] tiêu đề" and ws["A1"].fill.fgColor.rgb == WARNING_FILL_RGB
    assert ws["B4"].comment.text == "[e] tên dài" and ws["B4"].value == ROWS[3][1]
    assert ws["B4"].fill.fgColor.rgb == ERROR_FILL_RGB
    assert ws["A9"].comment.text == "[w] dưới bảng" and ws["A9"].value is None


def _book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    for row in (["Mã", "Tên"], ["SP01", "Bánh chưng"], ["SP02", "Chè"]):
        ws.append(row)
    wb.save(path)
    return path


def _entries(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def _old_path(pkg, styles, sheet, part, written, edits):
    """What a save did before: the written sheet's XML put, then patched as any sheet."""
    pkg.put(part, written.to_bytes())
    patch_cells(pkg, styles, sheet, edits)


def _rounds(book: FileContestBook, second: bool) -> None:
    rows = ROWS if not second else ROWS[:4]
    book.write_sheet("Kết quả", rows, LAYOUT)
    book.unmark([("Kết quả", "B4"), ("Dữ liệu", "B2"), ("Kết quả", "A1")])
    book.write_sheet("Kiểm tra", [["Mã", "Ghi chú"], ["e", "x"]], SheetLayout(header_row=1))
    book.mark([Mark("Kết quả", ref, "error" if i % 3 == 0 else "warning", f"[w] ô {ref}")
               for i, ref in enumerate(("B4", "C1", "A1", "E5", "Z9", "B12", "B4", "D2"))]
              + [Mark("Dữ liệu", "B2", "warning", "[w] dữ liệu")])
    if second:
        book.mark([Mark("Kết quả", "A4", "error", "[e] lần hai"), Mark("Kiểm tra", "B2", "warning", "[w] k")])
        book.append_rows("Kiểm tra", [["thêm", "dòng"]])
    book.append_rows("Nhật ký", [["lần", "một" if not second else "hai"]])


def test_a_save_with_written_sheets_marked_is_the_one_write_then_patch_made(tmp_path, monkeypatch):
    paths = {}
    start = _book(tmp_path / "start.xlsx")  # one file for both (its properties carry the second it was made)
    for name in ("old", "new"):
        path = paths[name] = tmp_path / f"{name}.xlsx"
        shutil.copy(start, path)
        with monkeypatch.context() as m:
            if name == "old":
                m.setattr(contest_book, "patch_written", _old_path)
            for second in (False, True):
                book = FileContestBook(path)
                _rounds(book, second)
                book.save()
    assert _entries(paths["new"]) == _entries(paths["old"])
    ws = openpyxl.load_workbook(paths["new"])["Kết quả"]
    assert ws["A4"].comment.text == "[e] lần hai" and ws["B4"].comment.text == "[w] ô B4\n[w] ô B4"


def test_mark_and_unmark_groups_reach_the_written_sheet_unchanged():
    grouped = mark_edits([Mark("S", "B2", "warning", "a"), Mark("S", "$B$2", "error", "b")])
    assert grouped["S"].marks == {(2, 2): ("error", "a\nb")}
    assert unmark_edits([("S", "B2"), ("S", "nonsense")])["S"].unmarks == {(2, 2)}


@pytest.mark.parametrize("value", [0, -7, 10**20, 1.5, 1e-300, float("inf"), float("nan"), True, False,
                                   Decimal("1.10"), dt.date(2024, 2, 29), dt.datetime(2024, 1, 2, 3, 4, 5),
                                   "", " a ", 'x "y" <z> & _x0041_', "dòng\nhai", "a\x01b", "\x02", "y " * 17000,
                                   Path("thư mục/tệp")])
def test_a_data_cell_reads_as_the_cell_writer_writes_it(value):
    """The data rows' fast cells hold what cell_xml would write of the cleaned value: the same value, type
    and style; the row's height is the one text_fit gives the cleaned text."""
    book = StyleBook(_styles())
    layout = SheetLayout(header_row=1, wrap_columns=(2,), widths={2: 12})
    written, _ = write_sheet_rows([["Mã", "Giá trị"], ["SP01", value]], layout, book, None)
    cleaned = clean_value(value)
    height = row_height({2: None if cleaned is None else str(cleaned)}, {1: 14.0, 2: 12.0})
    assert written.opens[1] == f'<row r="2" ht="{height}" customHeight="1">'
    row = etree.fromstring(f'<r xmlns="{MAIN}">{"".join(written.cells[1])}</r>'.encode())
    cell = row[1]
    xf = int(cell.get("s", "0"))
    is_date = isinstance(value, dt.date)
    expected_xf = book.cell_xf(align=WRAP_TOP, number_format=SheetLayout().date_format if is_date else None)
    reference = etree.fromstring(f'<r xmlns="{MAIN}">{cell_xml("B2", clean_value(value), expected_xf)}</r>'.encode())[0]
    assert (cell.get("r"), xf, cell.get("t"), "".join(cell.itertext())) == (
        reference.get("r"), int(reference.get("s", "0")), reference.get("t"), "".join(reference.itertext()))
