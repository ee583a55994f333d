"""Appended values read back as they went in: parse(write(x)) == x through openpyxl and python-calamine."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl
from hypothesis import given, settings, strategies as st
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from patch_parts import TinyRestyle, sheet_part
from python_calamine import CalamineWorkbook

from xl_addin.workbooks.cells import safe_value
from xl_addin.workbooks.sheet_patch import SheetEdits, patch_sheet


def _base() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.title = "Đăng ký"
    wb.active.append(["Mã", "Tên"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


BASE = _base()
# (text spelling Excel's own escapes, "_x0041_", is read back by openpyxl escaped: its own test below)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40).filter(
    lambda t: not re.search("_x[0-9A-Fa-f]{4}_", t))
VALUES = st.one_of(st.none(), TEXT, st.integers(-10**12, 10**12), st.booleans(),
                   st.floats(allow_nan=False, allow_infinity=False, width=64).filter(lambda f: abs(f) < 1e300),
                   st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)),
                   st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)).map(lambda d: d.replace(microsecond=0)))


def patched(rows: list[list[object]], **kw) -> bytes:
    with zipfile.ZipFile(io.BytesIO(BASE)) as zin:
        part = sheet_part(zin, "Đăng ký")
        styles = TinyRestyle(zin.read("xl/styles.xml"))
        sheet = patch_sheet(zin.read(part), SheetEdits(appended=rows), styles, **kw)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zout:
            for info in zin.infolist():
                data = {part: sheet, "xl/styles.xml": styles.to_bytes()}.get(info.filename) or zin.read(info.filename)
                zout.writestr(info, data)
    return out.getvalue()


def expected(value: object) -> object:
    """What a reader gives back for a value written through safe_value (dates read as datetimes)."""
    value = safe_value(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value if value is None or isinstance(value, (bool, int, float, dt.datetime)) else str(value)


@settings(max_examples=40)
@given(st.lists(st.lists(VALUES, min_size=1, max_size=4), min_size=1, max_size=3))
def test_appended_values_read_back_by_openpyxl_and_calamine(rows):
    data = patched(rows)
    ws = openpyxl.load_workbook(io.BytesIO(data))["Đăng ký"]
    for i, row in enumerate(rows, start=2):
        got = [ws.cell(i, j).value for j in range(1, len(row) + 1)]
        assert got == [expected(v) for v in row]
    table = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Đăng ký").to_python()
    table += [[]] * len(rows)  # calamine leaves out trailing empty rows
    for i, row in enumerate(rows, start=1):
        texts = [v for v in map(expected, row) if isinstance(v, str)]
        assert [v for v in table[i] if isinstance(v, str) and v != ""] == texts


def test_dates_in_a_1904_workbook_use_its_epoch():
    data = patched([[dt.date(2024, 3, 15)]], epoch=CALENDAR_MAC_1904)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read(sheet_part(zf, "Đăng ký"))
    # 2024-03-15 is day 45366 from 1899-12-30 and 1462 days fewer from 1904-01-01
    assert b"<v>%d</v>" % (45366 - 1462) in xml


def test_carriage_returns_and_excel_escapes_in_text_stay_as_typed():
    typed = ["a\rb", "mã _x0041_ thật", "  cách đầu", "x & <y>"]
    data = patched([typed])
    row = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Đăng ký").to_python()[1]
    assert row == typed  # as Excel reads them: "_x0041_" would otherwise show as "A"
