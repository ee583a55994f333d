"""The parts around the sheets: styles appended, notes' parts made and taken away, defined names, new sheets."""

from __future__ import annotations

import datetime as dt
import subprocess
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName

from xl_addin.domain.cell_rules import ERROR_FILL_RGB, WARNING_FILL_RGB
from xl_addin.ports import Mark, SheetLayout
from xl_addin.workbooks.contest_book import NOTE_AUTHOR, FileContestBook
from xl_addin.workbooks.xlsx_styles import StyleBook


def person_book(path: Path) -> Path:
    """A workbook as a person made it: their fonts and fills, their own note, their own defined name."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    ws.append(["Mã", "Tên", "Ngày"])
    ws.append(["SP01", "Bánh chưng", dt.date(2024, 2, 1)])
    ws.append(["SP02", "Chè Tân Cương", None])
    ws["B2"].font = Font(italic=True, color="FF0000FF")
    ws["C3"].fill = PatternFill("solid", start_color="FF00FF00", end_color="FF00FF00")
    ws["A3"].comment = Comment("ghi chú của tôi", "Lan")
    wb.defined_names.add(DefinedName("VungCuaToi", attr_text="'Dữ liệu'!$A$1:$C$3"))
    wb.save(path)
    return path


def styles_of(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/styles.xml")


def names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return zf.namelist()


def test_style_book_appends_once_and_never_renumbers(tmp_path):
    path = person_book(tmp_path / "b.xlsx")
    original = StyleBook(styles_of(path))
    count = len(original._lists["cellXfs"])
    book = StyleBook(styles_of(path))
    wrap = book.cell_xf(align=("center", "top", True), number_format="dd/mm/yyyy")
    assert wrap == count and book.cell_xf(align=("center", "top", True), number_format="dd/mm/yyyy") == wrap
    red = book.with_fill(1, "error")
    assert book.fill_of(red) == "error" and book.fill_of(1) is None
    assert book.fill_of(book.with_fill(red, "warning")) == "warning"
    assert book.fill_of(book.with_fill(red, None)) is None
    again = StyleBook(book.to_bytes())
    assert again.with_fill(1, "error") == red  # the appended xf is found again, not appended twice
    for i, el in enumerate(original._lists["cellXfs"]):  # the person's entries unchanged, same index
        assert again._lists["cellXfs"][i].attrib == el.attrib


def test_marks_make_the_notes_parts_and_unmarks_take_them_away(tmp_path):
    path = person_book(tmp_path / "b.xlsx")
    book = FileContestBook(path)
    book.mark([Mark("Dữ liệu", "B2", "warning", "[w1] tên lạ"), Mark("Dữ liệu", "B2", "error", "[e1] thiếu"),
               Mark("Dữ liệu", "C3", "warning", "[w2] ngày"), Mark("Không có", "A1", "error", "x")])
    book.save()
    wb = openpyxl.load_workbook(path)
    ws = wb["Dữ liệu"]
    assert ws["B2"].fill.fgColor.rgb == ERROR_FILL_RGB and ws["B2"].font.italic  # error wins; their font kept
    assert ws["B2"].comment.author == NOTE_AUTHOR and ws["B2"].comment.text == "[w1] tên lạ\n[e1] thiếu"
    assert ws["C3"].fill.fgColor.rgb == WARNING_FILL_RGB
    assert ws["A3"].comment.text.strip() == "ghi chú của tôi"  # the person's note stays
    assert wb.defined_names["VungCuaToi"].attr_text == "'Dữ liệu'!$A$1:$C$3"
    book = FileContestBook(path)
    book.unmark([("Dữ liệu", "B2"), ("Dữ liệu", "C3"), ("Dữ liệu", "A3")])
    book.save()
    ws = openpyxl.load_workbook(path)["Dữ liệu"]
    assert ws["B2"].fill.fill_type is None and ws["B2"].comment is None and ws["B2"].font.italic
    assert ws["C3"].fill.fill_type is None  # the tool's warning came off; the person's green was under it
    assert ws["A3"].comment is not None  # unmark takes only the tool's notes
    book = FileContestBook(path)
    book.unmark([("Dữ liệu", "A3")])
    book.mark([Mark("Dữ liệu", "A2", "error", "[e2] mã")])
    book.save()
    book = FileContestBook(path)
    book.unmark([("Dữ liệu", "A2")])
    book.save()
    assert openpyxl.load_workbook(path)["Dữ liệu"]["A3"].comment is not None


def test_notes_parts_go_when_no_note_is_left(tmp_path):
    path = tmp_path / "b.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Dữ liệu"
    wb.active.append(["a", "b"])
    wb.save(path)
    book = FileContestBook(path)
    book.mark([Mark("Dữ liệu", "A1", "error", "[e] x")])
    book.save()
    made = [n for n in names(path) if "comments" in n or n.endswith(".vml")]
    assert len(made) == 2
    with zipfile.ZipFile(path) as zf:
        types = zf.read("[Content_Types].xml")
    assert b"comments+xml" in types and b'Extension="vml"' in types
    book = FileContestBook(path)
    book.unmark([("Dữ liệu", "A1")])
    book.save()
    assert not [n for n in names(path) if "comments" in n or n.endswith(".vml")]
    ws = openpyxl.load_workbook(path)["Dữ liệu"]
    assert ws["A1"].comment is None and ws["A1"].value == "a"


def test_print_names_replaced_not_repeated_and_a_new_sheet_declared(tmp_path):
    path = person_book(tmp_path / "b.xlsx")
    layout = SheetLayout(header_row=1, landscape=True, title_columns="A:B")
    for n in (3, 5):
        book = FileContestBook(path)
        book.write_sheet("Bảng mới", [["Mã", "Tên"]] + [[f"SP{i}", "x"] for i in range(n)], layout)
        book.save()
    wb = openpyxl.load_workbook(path)
    ws = wb["Bảng mới"]
    assert ws.print_area.endswith("$B$6") and ws.print_title_rows.replace("$", "") == "1:1"
    assert ws.print_title_cols.replace("$", "") == "A:B"
    assert wb.defined_names["VungCuaToi"].attr_text == "'Dữ liệu'!$A$1:$C$3"
    with zipfile.ZipFile(path) as zf:
        workbook = zf.read("xl/workbook.xml").decode()
        types = zf.read("[Content_Types].xml").decode()
    assert workbook.count("_xlnm.Print_Area") == 1 and workbook.count("_xlnm.Print_Titles") == 1
    assert 'fullCalcOnLoad="1"' in workbook
    part = next(n for n in names(path) if n.startswith("xl/worksheets/sheet") and n != "xl/worksheets/sheet1.xml")
    assert f'PartName="/{part}"' in types


def test_a_sheet_written_and_marked_in_one_save_keeps_both(tmp_path):
    path = person_book(tmp_path / "b.xlsx")
    book = FileContestBook(path)
    book.write_sheet("Kết quả", [["Mã", "Tên"], ["SP01", "Bánh chưng"], ["SP02", "Chè"]], SheetLayout(header_row=1))
    book.mark([Mark("Kết quả", "B3", "warning", "[w] xem lại")])
    book.save()
    book = FileContestBook(path)  # rewritten again: the old note goes with the old cells, the new one is made
    book.write_sheet("Kết quả", [["Mã", "Tên"], ["SP01", "Bánh chưng"], ["SP02", "Chè"]], SheetLayout(header_row=1))
    book.mark([Mark("Kết quả", "A2", "error", "[e] mã trùng")])
    book.save()
    ws = openpyxl.load_workbook(path)["Kết quả"]
    assert ws["A2"].fill.fgColor.rgb == ERROR_FILL_RGB and ws["A2"].comment.text == "[e] mã trùng"
    assert ws["B3"].comment is None and ws["B3"].fill.fill_type is None
    assert ws["A1"].font.bold and ws.freeze_panes == "A2"
    assert len([n for n in names(path) if n.startswith("xl/comments")]) == 2  # Dữ liệu's and Kết quả's


def test_libreoffice_prints_a_sheet_the_tool_created(tmp_path, soffice):
    path = person_book(tmp_path / "b.xlsx")
    long = "Hợp tác xã sản xuất và chế biến nông sản an toàn xã Đại Kim, huyện Thanh Trì, thành phố Hà Nội"
    book = FileContestBook(path)
    book.write_sheet("Tổng hợp", [["Mã", "Cơ sở", "Ngày"], ["SP01", long, dt.date(2024, 3, 9)]],
                     SheetLayout(header_row=1, widths={2: 40, 3: 12}, wrap_columns=(2,), landscape=True))
    book.mark([Mark("Tổng hợp", "A2", "warning", "[w] xem lại")])
    book.save()
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True,
                   timeout=240)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "09/03/2024" in text and "Hợp tác xã sản xuất" in text and "Thành phố Hà Nội".lower() in text.lower()
    assert "Chè Tân Cương" in text and "Trang 2/2" in text  # the person's sheet prints too; the tool's footer
