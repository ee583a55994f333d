"""calamine_values' shortcuts give what the long way gives: a sheet whose every cell calamine read holding a
value skips the fixes of empty strings and formulas without a value, and a rectangle of values is typed
column by column. Both are compared, on hand-made sheets mixing every kind of cell, with openpyxl's reading
(the oracle of test_calamine_equivalence) and with the row-by-row, every-fix reading they replace."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_addin.workbooks import calamine_values
from xl_addin.workbooks.xlsx_io import read_sheets

from test_calamine_equivalence import by_calamine, differences, expected_rows
from calamine_spy import spy_on_calamine
from xlsx_parts import BOOK_RELS, CONTENT_TYPES, MAIN, REL, ROOT_RELS, _shared, _sheet, _styles

# one cell of each kind, {r} its reference: what calamine gives as "" (empty strings, a styled empty cell,
# errors, formulas without a value) and what it gives as a value
KINDS = {
    "int": '<c r="{r}"><v>7</v></c>', "float": '<c r="{r}"><v>2.5</v></c>', "pointed": '<c r="{r}"><v>2025.0</v></c>',
    "long": '<c r="{r}"><v>12345678901234567890</v></c>', "date": '<c r="{r}" s="1"><v>43784</v></c>',
    "bool": '<c r="{r}" t="b"><v>1</v></c>', "text": '<c r="{r}" t="inlineStr"><is><t>Bắc Giang</t></is></c>',
    "shared": '<c r="{r}" t="s"><v>0</v></c>', "shared-empty": '<c r="{r}" t="s"><v>2</v></c>',
    "inline-empty": '<c r="{r}" t="inlineStr"><is><t/></is></c>',
    "inline-empty-pair": '<c r="{r}" t="inlineStr"><is><t></t></is></c>',
    "styled-empty": '<c r="{r}" s="7"/>', "error": '<c r="{r}" t="e"><v>#DIV/0!</v></c>',
    "uncomputed": '<c r="{r}"><f>A1*2</f></c>', "uncomputed-empty": '<c r="{r}" t="str"><f>"x"</f><v></v></c>',
    "formula": '<c r="{r}"><f>1+1</f><v>2</v></c>',
}
_VALUED = ("int", "float", "date", "bool", "text", "shared", "formula")


def _workbook(path: Path, rows: list[list[str | None]]) -> Path:
    xml = []
    for r, row in enumerate(rows, 1):
        cells = "".join(KINDS[kind].format(r=f"{chr(65 + c)}{r}") for c, kind in enumerate(row) if kind)
        if cells:
            xml.append(cells)
    return _two_sheet_book(path, _sheet(xml), _sheet(['<c r="A1"><v>1</v></c>']))


def _two_sheet_book(path: Path, one: str, two: str, styles: str | None = None) -> Path:
    """A workbook of two sheets, Một and Hai, from their XML."""
    book = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            '<sheets><sheet name="Một" sheetId="1" r:id="rId1"/><sheet name="Hai" sheetId="2" r:id="rId2"/>'
            "</sheets></workbook>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", book), ("xl/_rels/workbook.xml.rels", BOOK_RELS),
                           ("xl/styles.xml", styles or _styles()), ("xl/sharedStrings.xml", _shared(False)),
                           ("xl/worksheets/sheet1.xml", one), ("xl/worksheets/sheet2.xml", two)):
            zf.writestr(name, data)
    return path


class _RowByRow(calamine_values._Grid):
    """The grid as typed before: row by row, and never known complete (every fix looked for)."""

    def __init__(self, grid, long_integers=True):
        self.inexact, self.long = [], long_integers
        self.rows = [[v or None for v in row] if set(map(type, row)) == {str} else self._typed(r, row)
                     for r, row in enumerate(grid, 1)]
        self.values = -1


def _the_long_way(path: Path) -> dict:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(calamine_values, "_Grid", _RowByRow)
        return read_sheets(path)


_ROWS = st.lists(st.lists(st.sampled_from([None, *KINDS]), min_size=1, max_size=6), min_size=1, max_size=7)


@settings(max_examples=60, deadline=None)
@given(rows=_ROWS)
def test_any_mix_of_cells_reads_as_openpyxl_and_as_the_long_way(tmp_path_factory, rows):
    path = _workbook(tmp_path_factory.mktemp("mix") / "m.xlsx", rows)
    got = read_sheets(path)
    assert differences(got, expected_rows(path)) == []
    assert differences(got, _the_long_way(path)) == []
    assert all(by_calamine(path).values())


@settings(max_examples=30, deadline=None)
@given(rows=st.lists(st.lists(st.sampled_from(_VALUED), min_size=3, max_size=3), min_size=1, max_size=6),
       spoil=st.sampled_from(["shared-empty", "inline-empty", "inline-empty-pair", "styled-empty", "error",
                              "uncomputed", "uncomputed-empty"]),
       at=st.tuples(st.integers(0, 5), st.integers(0, 3)))
def test_one_cell_calamine_reads_as_empty_among_values_is_still_fixed(tmp_path_factory, rows, spoil, at):
    # every other cell holds a value: the one cell is what tells the sheet is not complete
    r, c = at[0] % len(rows), at[1]
    rows = [list(row) for row in rows]
    rows[r][c:c + 1] = [spoil]
    path = _workbook(tmp_path_factory.mktemp("one") / "o.xlsx", rows)
    got = read_sheets(path)
    assert differences(got, expected_rows(path)) == []
    assert differences(got, _the_long_way(path)) == []


def test_a_complete_sheet_is_told_from_one_with_an_empty_string(tmp_path):
    full = _workbook(tmp_path / "full.xlsx", [["text", "int"], ["float", "date"]])
    gap = _workbook(tmp_path / "gap.xlsx", [["text", "int"], ["inline-empty", "date"]])
    assert read_sheets(full)["Một"][1][0] == 2.5
    assert read_sheets(gap)["Một"][1][0] == ""  # an empty string, not an empty cell


def _big_book(path: Path, *, styles: str | None = None, scores: int = 1) -> Path:
    """A workbook whose sheet Hai (over 64 KB) is the same in every copy, Một differing by `scores`."""
    snapshot = "".join(f'<c r="A{r}" t="inlineStr"><is><t>SP-{r:05d} sản phẩm</t></is></c><c r="B{r}" s="1"><v>4378{r % 10}</v></c>'
                       for r in range(1, 2_001))
    return _two_sheet_book(path, _sheet([f'<c r="A1"><v>{scores}</v></c>']), _sheet([snapshot]), styles)


def test_the_same_big_sheet_in_another_file_is_read_once_and_as_openpyxl_reads_it(tmp_path, monkeypatch):
    monkeypatch.setattr(calamine_values, "_SEEN", {})
    asked = spy_on_calamine(monkeypatch)
    first, second = _big_book(tmp_path / "GK01.xlsx", scores=7), _big_book(tmp_path / "GK02.xlsx", scores=9)
    a = read_sheets(first)
    a["Hai"][0][0] = "sửa"  # the caller's own lists: the next read is not changed by this
    b = read_sheets(second)
    assert asked == ["Một", "Hai", "Một"]  # Hai of GK02 came from GK01's reading
    assert differences(b, expected_rows(second)) == [] and b["Một"] == [[9]]
    assert b["Hai"][0][0] == "SP-00001 sản phẩm" and isinstance(b["Hai"][0][1], dt.datetime)
    # the same sheet with other styles (column B's format no longer a date) is read again, with its own types
    plain = _styles().replace('<xf numFmtId="14"', '<xf numFmtId="0"', 1)
    third = _big_book(tmp_path / "GK03.xlsx", styles=plain)
    c = read_sheets(third)
    assert asked[-2:] == ["Một", "Hai"] and c["Hai"][0][1] == 43781
    assert differences(c, expected_rows(third)) == []
