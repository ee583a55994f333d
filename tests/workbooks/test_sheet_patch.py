"""The sheet patcher on real files: a workbook saved by openpyxl with merged cells and notes, the
project's contest template and an Excel-2016 sheet with x14 validations and sparklines; each patched
sheet is put back in its package and read by openpyxl, python-calamine and LibreOffice."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from patch_parts import TinyRestyle, ext_lst, related, rewrite, sheet_part, wire_notes, VML_TYPE, COMMENTS_TYPE
from patch_x14 import x14_workbook
from python_calamine import CalamineWorkbook

from xl_addin.domain.cell_rules import ERROR_FILL_RGB, WARNING_FILL_RGB
from xl_addin.resources import resource_dir
from xl_addin.workbooks.sheet_notes import patch_notes
from xl_addin.workbooks.sheet_patch import SheetEdits, note_edits, patch_sheet

LONG_NAME = ("Hợp tác xã sản xuất và kinh doanh nón lá truyền thống làng Chuông, xã Phương Trung, huyện Thanh Oai, "
             "thành phố Hà Nội")
SHEET = "Đăng ký"


def patch_package(src: Path, dst: Path, sheet: str, edits: SheetEdits) -> tuple[bytes, bytes]:
    """Patch one sheet of the package as the package writer will: the sheet, styles, notes, rels."""
    with zipfile.ZipFile(src) as zf:
        part = sheet_part(zf, sheet)
        before = zf.read(part)
        styles = TinyRestyle(zf.read("xl/styles.xml"))
        parts: dict[str, bytes] = {}
        add, remove = note_edits(before, edits)
        old = related(zf, part, COMMENTS_TYPE), related(zf, part, VML_TYPE)
        comments, vml = patch_notes(zf.read(old[0][1]) if old[0] else None, add, remove,
                                    vml=zf.read(old[1][1]) if old[1] else None)
        rid = None
        if comments is not None:
            rid, comments_entry, vml_entry = wire_notes(zf, part, parts)
            parts[comments_entry], parts[vml_entry] = comments, vml
        after = patch_sheet(before, edits, styles, legacy_drawing_rid=rid)
    parts[part] = after
    parts["xl/styles.xml"] = styles.to_bytes()
    rewrite(src, dst, parts)
    return before, after


def fill_rgb(cell) -> str | None:
    return cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type == "solid" else None


def row_bytes(xml: bytes, r: int) -> bytes:
    m = re.search(rb'<row r="%d"[ >].*?</row>' % r, xml, re.S)
    assert m, r
    return m.group(0)


def without(xml: bytes, *names: str) -> bytes:
    """The XML with these top-level elements cut out (to compare everything else byte for byte)."""
    for name in names:
        xml = re.sub(rb"<%s\b[^>]*/>|<%s\b.*?</%s>" % ((name.encode(),) * 3), b"", xml, flags=re.S)
    return xml


@pytest.fixture
def person_book(tmp_path) -> Path:
    """Saved by openpyxl: merged cells, a person's note, the tool's earlier mark, an empty merge below."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["Mã", "Tên sản phẩm", "Ghi chú", "Nhóm"])
    for i in range(2, 8):
        ws.append([f"SP{i:03d}", f"Sản phẩm {i}", None, "Thủ công mỹ nghệ"])
    ws.merge_cells("B3:C3")
    ws["A2"].comment = Comment("Của tôi: kiểm tra lại", "Lan")
    ws["A4"].font = Font(bold=True)
    ws["B5"].fill = PatternFill("solid", start_color=ERROR_FILL_RGB, end_color=ERROR_FILL_RGB)
    ws["B5"].comment = Comment("[name-missing] lần trước", "binhchon")
    ws.merge_cells("A8:C9")  # a template's empty block below the data
    wb.create_sheet("Riêng")["A1"] = "sheet of my own"
    path = tmp_path / "person.xlsx"
    wb.save(path)
    return path


def test_marks_unmarks_and_appended_rows_read_back_by_openpyxl_and_calamine(person_book, tmp_path):
    edits = SheetEdits(
        marks={(3, 3): ("warning", "[w-one] ô gộp"), (3, 2): ("error", "[e-one] tên"),
               (2, 1): ("warning", "[w-two] mã"), (4, 1): ("error", "[e-two] đậm"), (2, 9): ("warning", "[w-3] mới"),
               (7, 3): ("warning", "[w-4] giữa")},
        unmarks={(5, 2)},
        appended=[["SP009", LONG_NAME, dt.date(2024, 3, 15), 12.5, True, "=SUM(A1)"],
                  ["SP010", None, dt.datetime(2024, 3, 16, 8, 30), 7, False, "+84 912"]])
    out = tmp_path / "patched.xlsx"
    before, after = patch_package(person_book, out, SHEET, edits)

    ws = openpyxl.load_workbook(out)[SHEET]
    assert fill_rgb(ws["B3"]) == ERROR_FILL_RGB  # the merged range's top-left: the error wins
    assert (ws["B3"].comment.author, ws["B3"].comment.text) == ("binhchon", "[w-one] ô gộp\n[e-one] tên")
    assert isinstance(ws["C3"], MergedCell)
    assert fill_rgb(ws["A2"]) == WARNING_FILL_RGB
    assert (ws["A2"].comment.author, ws["A2"].comment.text) == ("Lan", "Của tôi: kiểm tra lại\n[w-two] mã")
    assert fill_rgb(ws["A4"]) == ERROR_FILL_RGB and ws["A4"].font.b and ws["A4"].value == "SP004"
    assert fill_rgb(ws["I2"]) == WARNING_FILL_RGB and fill_rgb(ws["C7"]) == WARNING_FILL_RGB
    assert fill_rgb(ws["B5"]) is None and ws["B5"].comment is None and ws["B5"].value == "Sản phẩm 5"
    assert [ws.cell(8, c).value for c in range(1, 7)] == ["SP009", LONG_NAME, dt.datetime(2024, 3, 15), 12.5, True,
                                                           "=SUM(A1)"]
    assert ws["F8"].data_type == "s" and ws["C8"].number_format == "dd/mm/yyyy"
    assert ws["B8"].alignment.wrap_text and ws.row_dimensions[8].height > 15  # the long name wraps
    assert [ws.cell(9, c).value for c in range(1, 7)] == ["SP010", None, dt.datetime(2024, 3, 16, 8, 30), 7, False,
                                                           "+84 912"]
    assert {str(r) for r in ws.merged_cells.ranges} == {"B3:C3"}  # the block the new rows fall into is unmerged
    assert re.search(rb'<dimension ref="A1:I9"/>', after)

    calamine = CalamineWorkbook.from_path(str(out)).get_sheet_by_name(SHEET).to_python()
    assert calamine[7][:6] == ["SP009", LONG_NAME, dt.date(2024, 3, 15), 12.5, True, "=SUM(A1)"]
    assert calamine[8][4:6] == [False, "+84 912"]

    # C7 went between B7 and D7; untouched rows kept their bytes; outside the edited elements nothing moved
    assert re.search(rb'<c r="B7"[^>]*>.*?</c><c r="C7" s="\d+"/><c r="D7"', after)
    for r in (1, 6):
        assert row_bytes(after, r) == row_bytes(before, r)
    names = ("sheetData", "dimension", "mergeCells", "legacyDrawing")
    assert without(after, *names) == without(before, *names)
    with zipfile.ZipFile(person_book) as a, zipfile.ZipFile(out) as b:
        own = sheet_part(a, "Riêng")
        assert a.read(own) == b.read(own)


def test_the_contest_template_takes_rows_marks_and_notes_and_libreoffice_opens_it(tmp_path, soffice):
    src = tmp_path / "binhchon.xlsx"
    shutil.copy(resource_dir("workbook_templates") / "binhchon.xlsx", src)
    rows = [[f"SP{i:03d}", LONG_NAME if i == 1 else f"Nón lá {i}", "Thủ công mỹ nghệ", "Cơ sở Chuông",
             "Hộ kinh doanh", "Xã Phương Trung", "Thanh Oai", "Hà Nội", "0912 345 678", dt.date(2024, 5, i), 3]
            for i in range(1, 4)]
    edits = SheetEdits(marks={(2, 2): ("error", "[name-too-long] tên quá dài"), (3, 10): ("warning", "[w-date] ngày")},
                       appended=rows)
    out = tmp_path / "patched.xlsx"
    before, after = patch_package(src, out, SHEET, edits)
    names = ("sheetData", "dimension", "legacyDrawing")
    assert without(after, *names) == without(before, *names)  # validations, autofilter, columns, page setup
    assert re.search(rb"</headerFooter><legacyDrawing [^>]*r:id=\"rIdNote\d\"/></worksheet>", after)
    ws = openpyxl.load_workbook(out)[SHEET]
    assert ws["B2"].value == LONG_NAME and fill_rgb(ws["B2"]) == ERROR_FILL_RGB
    assert ws["B2"].comment.text == "[name-too-long] tên quá dài" and ws["B2"].comment.author == "binhchon"
    assert ws["J4"].value == dt.datetime(2024, 5, 3) and ws["J4"].number_format == "dd/mm/yyyy"
    assert fill_rgb(ws["J3"]) == WARNING_FILL_RGB and ws["A1"].value == "Mã sản phẩm"
    text = pdf_text(soffice, out, tmp_path)
    assert "SP003" in text and "Nón lá 2" in text


def test_x14_validations_and_sparklines_are_kept_byte_for_byte(tmp_path, soffice):
    src = x14_workbook(tmp_path / "x14.xlsx")
    edits = SheetEdits(marks={(2, 2): ("warning", "[w-name] tên"), (3, 4): ("error", "[e-score] điểm"),
                              (2, 9): ("warning", "[w-far] cột xa")},
                       appended=[["SP003", "Mây tre đan Phú Vinh", "Thủ công mỹ nghệ", 2, 4, 8]])
    out = tmp_path / "patched.xlsx"
    before, after = patch_package(src, out, SHEET, edits)
    assert ext_lst(after) == ext_lst(before)
    assert after.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ')
    assert re.search(rb'<legacyDrawing r:id="rIdNote\d"/><extLst>', after)  # r: declared on the root already
    assert re.search(rb'<row r="2" spans="1:9" x14ac:dyDescent="0.25">', after)  # the hint covers column I
    names = ("sheetData", "dimension", "legacyDrawing")
    assert without(after, *names) == without(before, *names)
    assert row_bytes(after, 1) == row_bytes(before, 1)
    with pytest.warns(UserWarning):  # openpyxl itself would drop the extensions: read only
        wb = openpyxl.load_workbook(out)
    ws = wb[SHEET]
    assert fill_rgb(ws["B2"]) == WARNING_FILL_RGB and fill_rgb(ws["D3"]) == ERROR_FILL_RGB
    assert ws["D3"].comment.text == "[e-score] điểm" and ws["I2"].comment.text == "[w-far] cột xa"
    assert [c.value for c in ws[4]][:6] == ["SP003", "Mây tre đan Phú Vinh", "Thủ công mỹ nghệ", 2, 4, 8]
    assert "Mây tre đan Phú Vinh" in pdf_text(soffice, out, tmp_path)


def pdf_text(soffice: str, xlsx: Path, tmp_path: Path) -> str:
    """LibreOffice opens the package and prints it; the PDF's text."""
    outdir = tmp_path / "pdf"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(xlsx)], check=True, capture_output=True,
                   timeout=180)
    pdf = outdir / (xlsx.stem + ".pdf")
    assert pdf.exists(), "LibreOffice did not open the patched workbook"
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def test_a_sheet_libreoffice_saved_with_its_own_notes_and_drawing(person_book, tmp_path, soffice):
    src = saved_by_libreoffice(soffice, person_book, tmp_path)
    edits = SheetEdits(marks={(2, 1): ("error", "[e-code] mã trùng"), (6, 2): ("warning", "[w-name] tên ngắn")},
                       unmarks={(5, 2)}, appended=[["SP011", "Chè Tân Cương", None, "Chế biến nông lâm thủy sản"]])
    out = tmp_path / "patched.xlsx"
    before, after = patch_package(src, out, SHEET, edits)
    with zipfile.ZipFile(src) as zf:
        assert related(zf, sheet_part(zf, SHEET), VML_TYPE) is not None  # LibreOffice wrote its own notes' drawing
    ws = openpyxl.load_workbook(out)[SHEET]
    # LibreOffice keeps no note's author: the person's note is known by its text, the tool's by its "[code] " lines
    assert fill_rgb(ws["A2"]) == ERROR_FILL_RGB
    assert ws["A2"].comment.text == "Của tôi: kiểm tra lại\n[e-code] mã trùng"
    assert ws["B6"].comment.text == "[w-name] tên ngắn" and fill_rgb(ws["B6"]) == WARNING_FILL_RGB
    assert ws["B5"].comment is None and fill_rgb(ws["B5"]) is None
    assert [c.value for c in ws[8]][:4] == ["SP011", "Chè Tân Cương", None, "Chế biến nông lâm thủy sản"]
    assert "SP011" in pdf_text(soffice, out, tmp_path)  # the long name wraps in its narrow column


def test_a_sheet_libreoffice_saved_with_sparklines_keeps_its_extlst_bytes(tmp_path, soffice):
    src = saved_by_libreoffice(soffice, x14_workbook(tmp_path / "x14.xlsx"), tmp_path)
    edits = SheetEdits(marks={(3, 2): ("error", "[e-name] tên")}, appended=[["SP004", "Lụa Vạn Phúc", "Dệt may", 1, 2, 3]])
    out = tmp_path / "patched.xlsx"
    before, after = patch_package(src, out, SHEET, edits)
    assert b"&apos;\xc4\x90\xc4\x83ng k\xc3\xbd&apos;!D2:F2" in ext_lst(before)  # LibreOffice's own spelling ...
    assert ext_lst(after) == ext_lst(before)  # ... kept: a parse-and-serialise round trip would write "'"
    with pytest.warns(UserWarning):  # openpyxl reading it would drop the sparklines
        ws = openpyxl.load_workbook(out)[SHEET]
    assert fill_rgb(ws["B3"]) == ERROR_FILL_RGB and ws["B4"].value == "Lụa Vạn Phúc"
    assert "Lụa Vạn Phúc" in pdf_text(soffice, out, tmp_path)


def saved_by_libreoffice(soffice: str, xlsx: Path, tmp_path: Path) -> Path:
    """The workbook as LibreOffice saves it (its own XML for every part)."""
    saved = tmp_path / "lo"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(saved), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    return saved / xlsx.name
