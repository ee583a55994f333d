"""The package scan inflates each part once: it counts a sheet's cells and hands its bytes to calamine_values."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_addin.ooxml_guard import PackageRefused, inspect_package
from xl_addin.workbooks.calamine_values import CalamineBook, _unmarked_space
from xl_addin.workbooks.xlsx_guard import check_archive

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _sheet(cells: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" xmlns:x="{MAIN}"><sheetData>'
            f"{cells}</sheetData></worksheet>").encode()


def _zip(parts: dict[str, bytes]) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def test_cells_are_counted_in_every_form_across_the_decompressors_chunks():
    # 40,000 rows of three cells (plain, prefixed, self-closing) and a <c> without attributes: > 2 MB,
    # so the part comes out of the decompressor in several 1 MB chunks
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><x:c r="B{r}"><x:v>1</x:v></x:c><c r="C{r}" s="1"/></row>'
                   for r in range(1, 40_001))
    xml = _sheet(rows + '<row r="40001"><c><v>2</v></c><c\tr="B40001"/></row><cols><col min="1"/></cols>')
    assert len(xml) > 2 * 1024 * 1024
    zf = _zip({"xl/worksheets/sheet1.xml": xml, "xl/styles.xml": b"<styleSheet/>"})
    stats = inspect_package(zf, cell_parts="xl/worksheets/", keep=lambda name: name.startswith("xl/worksheets/"))
    assert stats.cells == {"xl/worksheets/sheet1.xml": 3 * 40_000 + 2}  # <col> and <cols> are no cells
    assert stats.parts == {"xl/worksheets/sheet1.xml": xml}  # the bytes as they went in, only the kept part


def test_a_kept_part_is_still_refused_when_it_declares_a_doctype_past_the_first_chunk():
    xml = _sheet('<row r="1"><c r="A1"><v>1</v></c></row>' * 60_000).replace(
        b"</sheetData>", b'</sheetData><!DOCTYPE x [<!ENTITY a "b">]>')
    zf = _zip({"xl/worksheets/sheet1.xml": xml})
    with pytest.raises(PackageRefused) as refused:
        inspect_package(zf, cell_parts="xl/worksheets/", keep=lambda name: True)
    assert refused.value.part == "xl/worksheets/sheet1.xml" and not refused.value.oversized


def test_calamine_values_reads_the_bytes_the_scan_kept(tmp_path):
    path = tmp_path / "book.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Một"
    wb.active.append(["Mã", "Điểm"])
    wb.active.append(["SP01", 8.5])
    wb.create_sheet("Hai").append(["Tổng", 2025])
    wb.save(path)
    stats = check_archive(path)
    kept = {name for name in stats.parts if name.startswith("xl/worksheets/")}
    assert kept == {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}
    with CalamineBook(path, stats) as book:
        assert book.rows("Một") == [["Mã", "Điểm"], ["SP01", 8.5]]
        assert "xl/worksheets/sheet1.xml" not in stats.parts  # handed over, not held twice
        assert book.rows("Hai") == [["Tổng", 2025]]
        assert book.rows("Một") == [["Mã", "Điểm"], ["SP01", 8.5]]  # a second read comes from the zip


_BACKTRACKING = re.compile(rb"<t>(?:[ \t\n\r]|[^<]*[ \t\n\r]</t>)")  # the pattern as first written


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<t>", "</t>", "<t/>", "<r>", " ", "\t", "\n", "a", "ễ", "<", ">"]), max_size=14))
def test_the_unmarked_space_check_finds_what_the_backtracking_pattern_found(pieces):
    xml = "".join(pieces).encode()
    assert _unmarked_space(xml) == (_BACKTRACKING.search(xml) is not None)


def test_the_unmarked_space_check_on_texts_edged_or_not():
    assert _unmarked_space("<c><is><t>Tên </t></is></c>".encode()) and _unmarked_space("<t>\nTên</t>".encode())
    assert not _unmarked_space(b'<t>T\xc3\xaan s\xe1\xba\xa3n ph\xe1\xba\xa9m</t><t xml:space="preserve"> a </t>')
