"""Rows restyled without parsing them whole: the cells found by address give the bytes a full parse gives."""

from __future__ import annotations

import pytest
from test_sheet_patch_xml import IdStyles, sheet

from xl_addin.workbooks.sheet_patch import SheetEdits, patch_sheet

ROW = ('<row r="3" spans="1:28"><c r="A3" s="5"><v>1</v></c> <c r="B3" t="inlineStr">'
       '<is><r><rPr><color rgb="FF0000"/></rPr><t>x</t></r></is></c><c r="AB3" s="6"/><extLst/></row>')
MARKS = {(3, 2): ("error", "n"), (3, 28): ("warning", "n")}


def _row_of(out: bytes) -> str:
    return out[out.index(b"<row"):out.index(b"</sheetData>")].decode()


@pytest.mark.parametrize("row, b3", [
    (ROW, '<c r="B3" t="inlineStr">'),  # every cell written <c r="..."> (found by address)
    (ROW.replace('<c r="B3" t="inlineStr">', '<c t="inlineStr" r="B3">'), '<c t="inlineStr" r="B3">'),  # parsed whole
])
def test_marked_cells_change_their_style_attribute_and_nothing_else(row, b3):
    out = patch_sheet(sheet(f"<sheetData>{row}</sheetData>"), SheetEdits(marks=MARKS), IdStyles())
    # IdStyles: B3 had no style, error -> 0 * 10 + 2; AB3 had 6, warning -> 61. A3 is not taken for AB3.
    new_b3 = b3.replace('r="B3"', 'r="B3" s="2"')
    assert _row_of(out) == row.replace('r="AB3" s="6"', 'r="AB3" s="61"').replace(b3, new_b3)


def test_a_cell_without_its_address_follows_the_one_before_it():
    row = ROW.replace('<c r="AB3" s="6"/>', '<c s="6"/>')  # column 3, after B3: AB3 is not there
    got = _row_of(patch_sheet(sheet(f"<sheetData>{row}</sheetData>"), SheetEdits(marks=MARKS), IdStyles()))
    assert got == row.replace('<c r="B3"', '<c r="B3" s="2"').replace("<extLst/>", '<c r="AB3" s="1"/><extLst/>')  # AB3 new: unstyled + warning


def test_a_cell_the_row_lacks_is_added_in_column_order():
    out = _row_of(patch_sheet(sheet(f"<sheetData>{ROW}</sheetData>"), SheetEdits(marks={(3, 3): ("warning", "n")}),
                              IdStyles()))
    assert out == ROW.replace('<c r="AB3"', '<c r="C3" s="1"/><c r="AB3"')
