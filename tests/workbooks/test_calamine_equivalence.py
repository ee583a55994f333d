"""read_sheets (python-calamine) gives the rows openpyxl's reader gives, value for value and type for type.

The expected side is worked out here from openpyxl's full (non read-only) load and the sheet XML
read with ElementTree, by the rules sheet_values documents, independent of the code under test.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from xl_addin.domain import schema
from xl_addin.domain.values import Uncomputed
from xl_addin.usecases.demo import fill_inputs, play_judges
from xl_addin.usecases.documents import make_documents_for
from xl_addin.usecases.init import init_contest
from xl_addin.usecases.judges import make_judge_sheets
from xl_addin.usecases.results import compute
from xl_addin.usecases.validate import validate
from xl_addin.workbooks import calamine_values
from xl_addin.workbooks.contest_book import FileContestBook
from xl_addin.workbooks.contest_template import CONTEST_TEMPLATE
from xl_addin.workbooks.paths import template_path
from xl_addin.workbooks.calamine_values import CalamineBook
from xl_addin.workbooks.xlsx_guard import check_archive, sheet_names_by_part
from xl_addin.workbooks import xlsx_io
from xl_addin.workbooks.xlsx_io import read_sheets

from calamine_spy import spy_on_calamine
from xlsx_parts import handmade_workbook

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def expected_rows(path: Path) -> dict[str, list[list[object]]]:
    """Every sheet's rows by sheet_values' rules, from openpyxl's full load and the raw XML."""
    wb = openpyxl.load_workbook(path, data_only=True)
    with zipfile.ZipFile(path) as zf:
        parts = {name: part for part, name in sheet_names_by_part(zf).items()}
        xml = {name: zf.read(parts[name]) for name in wb.sheetnames}
    return {ws.title: _expected_sheet(ws, xml[ws.title]) for ws in wb.worksheets}


def _expected_sheet(ws, xml: bytes) -> list[list[object]]:
    # the cells the file holds (iter_rows would walk the whole declared A1:XFD1048576 of a far format)
    cells = {key: c.value for key, c in ws._cells.items() if c.value is not None}
    for c in ElementTree.fromstring(xml).iter(f"{MAIN}c"):
        formula, value = c.find(f"{MAIN}f"), c.findtext(f"{MAIN}v")
        if formula is not None and not value:  # saved without its value: not computed
            cell = ws[c.get("r")]
            cells[(cell.row, cell.column)] = Uncomputed(formula.text or "")
    for rng in ws.merged_cells.ranges:
        top = cells.get((rng.min_row, rng.min_col))
        if top is not None and rng.size["rows"] * rng.size["columns"] <= 10_000:
            for r in range(rng.min_row, rng.max_row + 1):
                for col in range(rng.min_col, rng.max_col + 1):
                    cells.setdefault((r, col), top)
    holding = [r for (r, _), v in cells.items() if not (isinstance(v, str) and not v.strip())]
    if not holding:
        return []
    height = max(holding)
    width = max(col for (r, col) in cells if r <= height)
    return [[cells.get((r, col)) for col in range(1, width + 1)] for r in range(1, height + 1)]


def typed(rows: dict[str, list[list[object]]]) -> dict[str, list[list[tuple[str, object]]]]:
    """Each value with its type's name: 1 and 1.0 and True are told apart."""
    return {name: [[(type(v).__name__, v) for v in row] for row in sheet] for name, sheet in rows.items()}


def differences(got: dict, expected: dict) -> list:
    """(sheet, row, column, got, expected) of every cell that differs, 1-based; row/column 0: a length."""
    out: list = [(name, 0, 0, None, "missing") for name in expected if name not in got]
    mine_all = typed(got)
    for name, rows in typed(expected).items():
        mine = mine_all.get(name, [])
        if len(mine) != len(rows):
            out.append((name, 0, 0, len(mine), len(rows)))
        for r, (a, b) in enumerate(zip(mine, rows), 1):
            if len(a) != len(b):
                out.append((name, r, 0, len(a), len(b)))
            out += [(name, r, c, x, y) for c, (x, y) in enumerate(zip(a, b), 1) if x != y]
    return out + [(name, 0, 0, "extra", None) for name in got if name not in expected]


def by_calamine(path: Path) -> dict[str, bool]:
    """Sheet name -> True when calamine reads it (False: openpyxl does, as calamine_values decides)."""
    with CalamineBook(path, check_archive(path)) as book:
        return {name: book.rows(name) is not None for name in book.sheet_names}


def assert_same(path: Path, *, calamine: bool = True) -> None:
    """read_sheets gives the expected rows; with calamine, every sheet was read by calamine."""
    got, expected = read_sheets(path), expected_rows(path)
    assert differences(got, expected) == []
    assert list(got) == list(expected)
    if calamine:
        assert all(by_calamine(path).values()), by_calamine(path)


def test_the_contest_template_reads_as_openpyxl_reads_it():
    assert_same(template_path(CONTEST_TEMPLATE))


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo's contest: validated, judges' files made and scored, results and documents (no PDF)."""
    folder = tmp_path_factory.mktemp("demo") / "c"
    path = init_contest(folder, year=2019, level="tinh", province="Bắc Giang").path
    fill_inputs(path)
    for step in (validate, make_judge_sheets):
        book = FileContestBook(path)
        step(book)
        book.save()
    play_judges(folder)
    book = FileContestBook(path)
    assert compute(book).result_set is not None
    book.save()
    book = FileContestBook(path)
    make_documents_for(book, pdf=False)
    book.save()
    return folder


def test_the_demos_contest_workbook_and_judges_files_read_as_openpyxl_reads_them(demo):
    judges = sorted((demo / schema.JUDGES_DIR).glob("*.xlsx"))
    assert len(judges) == 5
    for path in [demo / schema.CONTEST_FILE, *judges]:
        assert_same(path)
    scoring = read_sheets(judges[0])[schema.SHEET_SCORING]
    assert any(isinstance(v, Uncomputed) for row in scoring for v in row)  # the totals, never computed
    assert read_sheets(judges[0])[schema.SHEET_SCORING_META][-1] == [schema.META_FORMAT,
                                                                     schema.SCORING_FORMAT_VERSION]


def test_files_saved_by_libreoffice_read_as_openpyxl_reads_them(demo, soffice, tmp_path):
    sources = [demo / schema.CONTEST_FILE, *sorted((demo / schema.JUDGES_DIR).glob("*.xlsx"))[:2],
               handmade_workbook(tmp_path / "src" / "handmade.xlsx")]
    out = tmp_path / "lo"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--norestore", "--convert-to", "xlsx", "--outdir", str(out), *map(str, sources)],
                   capture_output=True, timeout=300, check=False)
    for source in sources:
        saved = out / source.name
        assert saved.is_file(), source.name
        assert_same(saved)
    scoring = read_sheets(out / sources[1].name)[schema.SHEET_SCORING]
    assert not any(isinstance(v, Uncomputed) for row in scoring for v in row)  # LibreOffice computed them


@pytest.mark.parametrize("date1904", [False, True])
def test_a_handmade_package_of_every_kind_of_cell_reads_as_openpyxl_reads_it(tmp_path, date1904):
    path = handmade_workbook(tmp_path / "kinds.xlsx", date1904=date1904)
    assert_same(path)
    rows = read_sheets(path)["Kiểu"]
    flat = [v for row in rows for v in row]
    assert "#DIV/0!" in flat and "#N/A" in flat and Uncomputed("SUM(A1:A2)") in flat and "" in flat
    day = dt.datetime(2019, 11, 15) + dt.timedelta(days=1462 if date1904 else 0)  # serial 43784 in either system
    assert day in flat and dt.time(13, 30) in flat


def test_a_sheet_calamine_cannot_read_exactly_is_read_by_openpyxl(tmp_path):
    path = handmade_workbook(tmp_path / "escaped.xlsx", escaped=True)
    rows = read_sheets(path)
    assert "Dòng 1_x000D_\nDòng 2" in [v for row in rows["Kiểu"] for v in row]  # as openpyxl gives it
    assert rows["Ẩn"][3] == ["ghép hai", None, None]
    assert by_calamine(path) == {"Kiểu": False, "Ẩn": False}  # the shared strings hold an escape
    assert_same(path, calamine=False)


def test_openpyxl_made_workbooks_with_merges_formulas_and_far_formatting(tmp_path):
    path = tmp_path / "made.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    ws.append(["Tỉnh", "Mã", "Điểm", "Ngày", "Tổng"])
    for i in range(2, 40):
        ws.append([None, f"SP-{i}", i * 1.5, dt.date(2020, 1, i % 28 + 1), f"=C{i}*2", True if i % 2 else False])
    ws["A2"] = "Bắc Giang"
    ws.merge_cells("A2:A20")
    ws["H50"] = "   "
    ws["XFD1048576"].fill = PatternFill("solid", start_color="FFFFFF00")
    wb.create_sheet("Ẩn").append(["x", 2025, -3.25, 1e20, "=1/0"])
    wb["Ẩn"].sheet_state = "veryHidden"
    wb.save(path)
    assert_same(path)
    assert by_calamine(path) == {"Dữ liệu": True, "Ẩn": True}  # the far format's empty cell is no value
    assert read_sheets(path)["Dữ liệu"][19][0] == "Bắc Giang"


def test_a_far_sparse_value_is_read_without_a_dense_grid(tmp_path, monkeypatch):
    path = tmp_path / "far.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "a"
    wb.active["XFD5000"] = "far"  # calamine would allocate 82 million slots: openpyxl reads this sheet
    wb.create_sheet("Nhỏ")["B2"] = 1
    wb.save(path)
    asked = spy_on_calamine(monkeypatch)
    rows = read_sheets(path)
    assert asked == ["Nhỏ"] and rows["Nhỏ"] == [[None, None], [None, 1]]
    far = rows[wb.active.title]
    assert far[0] == ["a"] and far[-1][-1] == "far" and len(far) == 5000 and len(far[-1]) == 16384


def test_column_letters_count_as_excel_counts_them():
    assert [calamine_values._column_number(c.encode()) for c in ("A", "Z", "AA", "XFD")] == [1, 26, 27, 16384]
    assert get_column_letter(16384) == "XFD"


def test_a_package_missing_a_sheet_part_reads_as_today(tmp_path):
    whole = handmade_workbook(tmp_path / "whole.xlsx")
    broken = tmp_path / "thieu.xlsx"
    with zipfile.ZipFile(whole) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet2.xml":
                dst.writestr(info, src.read(info))
    got = read_sheets(broken)
    assert list(got) == ["Kiểu"]  # openpyxl leaves the sheet without its part out, and so does read_sheets
    assert differences(got, xlsx_io._read_openpyxl(broken, None)) == []


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from(" \n\tđẫỹ"),
                max_size=12)
_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), _TEXT,
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)).map(lambda d: d.replace(microsecond=0)),
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)), st.times().map(lambda t: t.replace(microsecond=0)),
    st.sampled_from(["=1+1", "=SUM(A1:B2)", '=IF(A1>0,"có","")', "#DIV/0!"]))


@settings(max_examples=25)
@given(rows=st.lists(st.lists(_VALUES, max_size=6), max_size=8),
       merge=st.tuples(st.integers(1, 8), st.integers(1, 6), st.integers(0, 2), st.integers(0, 2)))
def test_any_sheet_openpyxl_writes_reads_as_openpyxl_reads_it(tmp_path_factory, rows, merge):
    path = tmp_path_factory.mktemp("prop") / "p.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    r, c, dr, dc = merge
    if dr or dc:
        ws.merge_cells(start_row=r, start_column=c, end_row=r + dr, end_column=c + dc)
    wb.save(path)
    assert differences(read_sheets(path), expected_rows(path)) == []
