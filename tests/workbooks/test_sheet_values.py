"""Sheet values read as plain rows: bounded by the cells holding values, merged ranges filled."""

from __future__ import annotations

import openpyxl
from openpyxl.styles import PatternFill

from xl_addin.workbooks.xlsx_io import read_sheets

YELLOW = PatternFill("solid", start_color="FFFFFF00")


def test_formatting_to_the_last_cell_adds_no_rows_or_columns(tmp_path):
    path = tmp_path / "far.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws.append(["a", "b"])
    ws.append([1, None, 3])
    ws["XFD1048576"].fill = YELLOW
    ws["XFD1"].fill = YELLOW
    wb.save(path)
    assert openpyxl.load_workbook(path, read_only=True)["S"].max_row == 1048576  # what the file declares
    assert read_sheets(path)["S"] == [["a", "b", None], [1, None, 3]]


def test_rows_start_at_a1_whatever_the_declared_dimension(tmp_path):
    path = tmp_path / "offset.xlsx"
    wb = openpyxl.Workbook()
    wb.active["C3"] = "x"
    wb.save(path)
    assert read_sheets(path)[wb.active.title] == [[None, None, None], [None, None, None], [None, None, "x"]]


def test_a_merged_range_reads_as_its_value_in_every_cell(tmp_path):
    path = tmp_path / "merged.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"] = "Tỉnh", "Mã"
    ws["A2"], ws["B2"], ws["B3"] = "Bắc Giang", "BG-1", "BG-2"
    ws.merge_cells("A2:A3")
    wb.save(path)
    assert read_sheets(path)[ws.title] == [["Tỉnh", "Mã"], ["Bắc Giang", "BG-1"], ["Bắc Giang", "BG-2"]]


def test_trailing_rows_of_spaces_hold_nothing_but_inner_ones_stay(tmp_path):
    path = tmp_path / "junk.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["A2"], ws["A3"] = "x", " ", "y"
    for r in range(4, 5000):
        ws.cell(r, 5, "  ")
    wb.save(path)
    assert read_sheets(path)[ws.title] == [["x"], [" "], ["y"]]
