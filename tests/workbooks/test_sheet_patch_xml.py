"""The sheet patcher on worksheet XML of the shapes spreadsheet programs write: where <legacyDrawing>
goes, prefixed namespaces, rows and cells without addresses, the styles new cells start from."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st
from lxml import etree

from xl_addin.workbooks.sheet_patch import SheetEdits, SheetXmlError, note_edits, patch_sheet

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SEV = {None: 0, "warning": 1, "error": 2}


class IdStyles:
    """Style ids only: xf*10 + 1 (warning) / + 2 (error); for_value gives 7."""

    def with_fill(self, xf: int, severity: str | None) -> int:
        return xf // 10 * 10 + _SEV[severity] if self.fill_of(xf) else xf * 10 + _SEV[severity]

    def fill_of(self, xf: int) -> str | None:
        return {1: "warning", 2: "error"}.get(xf % 10) if xf >= 10 else None

    def for_value(self, value: object) -> int:
        return 7


def sheet(body: str, tail: str = "", root: str = f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">') -> bytes:
    name = re.match(r"<([\w:]+)", root).group(1)
    return (root + '<dimension ref="A1:B2"/>' + body + tail + f"</{name}>").encode()


DATA = '<sheetData><row r="1"><c r="A1" s="3"><v>1</v></c><c r="B1"><v>2</v></c></row>' \
       '<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'


def test_no_edits_and_unmarks_of_cells_without_the_tools_fill_change_nothing():
    xml = sheet(DATA, "<pageMargins/>")
    assert patch_sheet(xml, SheetEdits(), IdStyles()) == xml
    assert patch_sheet(xml, SheetEdits(unmarks={(1, 1), (1, 2), (5, 5)}), IdStyles()) == xml


def test_unmark_takes_off_only_the_tools_fill():
    xml = sheet(DATA.replace('<c r="B1">', '<c r="B1" s="42">'))
    out = patch_sheet(xml, SheetEdits(unmarks={(1, 1), (1, 2)}), IdStyles())
    assert out == xml.replace(b'r="B1" s="42"', b'r="B1" s="40"')


@pytest.mark.parametrize("tail, expected", [
    ("<pageMargins/><drawing r:id=\"rId1\"/><tableParts count=\"0\"/>",
     '<drawing r:id="rId1"/><legacyDrawing r:id="rId9"/><tableParts'),
    ("<pageMargins/><legacyDrawingHF r:id=\"rId2\"/><extLst/>", '<pageMargins/><legacyDrawing r:id="rId9"/><legacyDrawingHF'),
    ('<pageMargins/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
     '<mc:Choice Requires="x14"><controls/></mc:Choice></mc:AlternateContent><extLst/>',
     '<pageMargins/><legacyDrawing r:id="rId9"/><mc:AlternateContent'),
    ("", '</sheetData><legacyDrawing r:id="rId9"/></worksheet>'),
])
def test_legacy_drawing_goes_where_the_schema_puts_it(tail, expected):
    out = patch_sheet(sheet(DATA, tail), SheetEdits(), IdStyles(), legacy_drawing_rid="rId9")
    assert expected.encode() in out
    etree.fromstring(out)


def test_legacy_drawing_kept_repointed_or_dropped():
    xml = sheet(DATA, '<pageMargins/><legacyDrawing r:id="rId3"/><extLst/>')
    assert patch_sheet(xml, SheetEdits(), IdStyles(), legacy_drawing_rid="rId3") == xml
    assert b'<legacyDrawing r:id="rId4"/>' in patch_sheet(xml, SheetEdits(), IdStyles(), legacy_drawing_rid="rId4")
    assert patch_sheet(xml, SheetEdits(), IdStyles(), drop_legacy_drawing=True) == xml.replace(
        b'<legacyDrawing r:id="rId3"/>', b"")


def test_a_sheet_without_the_relationship_prefix_declares_it_on_the_element():
    out = patch_sheet(sheet(DATA, root=f'<worksheet xmlns="{MAIN}">'), SheetEdits(), IdStyles(), legacy_drawing_rid="rId1")
    drawing = etree.fromstring(out).find(f"{{{MAIN}}}legacyDrawing")
    assert drawing.get(f"{{{REL}}}id") == "rId1"


def test_a_prefixed_main_namespace_is_written_with_its_prefix():
    root = f'<x:worksheet xmlns:x="{MAIN}" xmlns:r="{REL}">'
    xml = sheet(DATA.replace("<", "<x:").replace("<x:/", "</x:"), root=root)
    out = patch_sheet(xml, SheetEdits(marks={(1, 2): ("error", "n"), (2, 3): ("warning", "m")},
                                      appended=[["mới", 3]]), IdStyles(), legacy_drawing_rid="rId1")
    tree = etree.fromstring(out)
    cells = {c.get("r"): c for c in tree.iter(f"{{{MAIN}}}c")}
    assert (cells["B1"].get("s"), cells["C2"].get("s"), cells["A3"].get("s")) == ("2", "1", "7")
    assert tree.find(f"{{{MAIN}}}sheetData/{{{MAIN}}}row[@r='3']/{{{MAIN}}}c/{{{MAIN}}}is/{{{MAIN}}}t").text == "mới"
    assert tree.find(f"{{{MAIN}}}legacyDrawing") is not None and tree.find(f"{{{MAIN}}}dimension").get("ref") == "A1:C3"


def test_rows_and_cells_without_addresses_follow_the_ones_before():
    xml = sheet('<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData>')
    out = patch_sheet(xml, SheetEdits(marks={(2, 1): ("error", "n"), (1, 2): ("warning", "m")}), IdStyles())
    assert b'<row><c><v>1</v></c><c s="1"><v>2</v></c></row><row><c s="2"><v>3</v></c></row>' in out


def test_new_cells_start_from_the_rows_then_the_columns_style():
    xml = sheet('<cols><col min="2" max="4" width="20" style="5"/></cols><sheetData>'
                '<row r="1" s="3" customFormat="1"><c r="A1"><v>1</v></c></row><row r="4"><c r="A4"><v>1</v></c></row>'
                '</sheetData>')
    out = patch_sheet(xml, SheetEdits(marks={(1, 3): ("error", "n"), (4, 3): ("error", "n"), (4, 6): ("warning", "n"),
                                             (2, 1): ("warning", "n")}), IdStyles())
    assert b'<row r="1" s="3" customFormat="1"><c r="A1"><v>1</v></c><c r="C1" s="32"/></row>' in out
    assert b'<row r="2"><c r="A2" s="1"/></row><row r="4"><c r="A4"><v>1</v></c><c r="C4" s="52"/><c r="F4" s="1"/>' in out
    assert b'<dimension ref="A1:F4"/>' in out


def test_appending_to_an_empty_sheet_data_and_a_sheet_without_dimension():
    xml = f'<worksheet xmlns="{MAIN}"><sheetPr/><sheetData/></worksheet>'.encode()
    out = patch_sheet(xml, SheetEdits(appended=[["a & b", None, 1.25], [None, True]]), IdStyles())
    assert out == (f'<worksheet xmlns="{MAIN}"><sheetPr/><dimension ref="A1:C2"/><sheetData>'
                   '<row r="1" ht="15" customHeight="1"><c r="A1" s="7" t="inlineStr"><is><t>a &amp; b</t></is></c>'
                   '<c r="C1" s="7"><v>1.25</v></c></row><row r="2" ht="15" customHeight="1"><c r="B2" s="7" t="b">'
                   '<v>1</v></c></row></sheetData></worksheet>').encode()


def test_appended_rows_go_below_the_last_value_not_below_styled_rows():
    xml = sheet('<sheetData><row r="1"><c r="A1"><f>1+1</f></c></row><row r="2"><c r="A2" s="4"/></row>'
                '<row r="9" ht="30"><c r="B9" s="4"/></row></sheetData>')
    out = patch_sheet(xml, SheetEdits(appended=[["x"]]), IdStyles())
    assert b'<row r="2" ht="15" customHeight="1"><c r="A2" s="7" t="inlineStr"><is><t>x</t></is></c></row>' in out
    assert b'<row r="9" ht="30"><c r="B9" s="4"/></row>' in out


def test_note_edits_name_the_cells_the_fill_goes_on():
    xml = sheet(DATA, '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>')
    edits = SheetEdits(marks={(2, 2): ("warning", "một"), (1, 1): ("error", "hai"), (3, 3): ("warning", "ba")},
                       unmarks={(2, 1)})
    assert note_edits(xml, edits) == ({(1, 1): "một\nhai", (3, 3): "ba"}, {(1, 1)})
    assert b'<c r="A1" s="32">' in patch_sheet(xml, edits, IdStyles())


def test_xml_that_is_not_a_worksheet_is_refused_with_an_error():
    with pytest.raises(SheetXmlError):
        patch_sheet(b"<worksheet><sheetData>", SheetEdits(), IdStyles())
    with pytest.raises(SheetXmlError):
        patch_sheet(f'<worksheet xmlns="{MAIN}"/>'.encode(), SheetEdits(), IdStyles())
    with pytest.raises(SheetXmlError, match="row 2 twice"):
        patch_sheet(sheet('<sheetData><row r="2"/><row r="2"/></sheetData>'), SheetEdits(), IdStyles())


@given(st.dictionaries(st.tuples(st.integers(1, 6), st.integers(1, 6)), st.sampled_from(["error", "warning"]),
                       max_size=12))
def test_marks_change_the_style_of_their_cells_only(marks):
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{"ABCDEF"[c - 1]}{r}" s="{r}"><v>{c}</v></c>' for c in (1, 3, 5))
                   + "</row>" for r in (1, 2, 4, 5))
    xml = sheet(f"<sheetData>{rows}</sheetData>")
    out = etree.fromstring(patch_sheet(xml, SheetEdits(marks={k: (v, "n") for k, v in marks.items()}), IdStyles()))
    cells = {}
    for row in out.iter(f"{{{MAIN}}}row"):
        refs = [c.get("r") for c in row]
        assert refs == sorted(refs), "cells in column order"
        cells.update({c.get("r"): c for c in row})
    assert [int(r.get("r")) for r in out.iter(f"{{{MAIN}}}row")] == sorted({1, 2, 4, 5} | {r for r, _ in marks})
    for r in range(1, 7):
        for c in range(1, 7):
            cell = cells.get(f"{'ABCDEF'[c - 1]}{r}")
            base = r if r in (1, 2, 4, 5) and c in (1, 3, 5) else 0
            if (r, c) in marks:
                assert int(cell.get("s")) == base * 10 + _SEV[marks[(r, c)]]
            elif cell is not None:
                assert int(cell.get("s")) == base and cell.findtext(f"{{{MAIN}}}v") == str(c)
