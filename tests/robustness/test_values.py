"""Cell values as people type or paste them: formulas, error values, dates, numbers with separators,
hidden rows, formatting that reaches the last cell, 100,000 junk rows."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
from openpyxl.styles import PatternFill

from xl_addin.domain import schema
from xl_addin.domain.tables import label_values

from .bad_files import edit, patch_part, sheet_part
from .conftest import hashes

REG, RULES, INFO = schema.SHEET_REGISTRATIONS, schema.SHEET_RULES, schema.SHEET_INFO
YELLOW = PatternFill("solid", start_color="FFFFFF00")


def label_cell(path, sheet: str, label: str) -> str:
    rows = [list(r) for r in openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True)]
    return label_values(rows, [label])[label][1]


def set_label(path, sheet: str, label: str, value) -> str:
    cell = label_cell(path, sheet, label)
    edit(path, lambda wb: wb[sheet].__setitem__(cell, value))
    return cell


def validate(cli, folder):
    run = cli("validate", folder, "--json")
    return run, json.loads(run.out)


def codes_at(found, sheet: str, cell: str) -> list[str]:
    return [f["code"] for f in found if f["sheet"] == sheet and f["cell"] == cell]


def test_a_quota_typed_1_000_is_a_finding_never_a_guess(contest, cli):
    path = contest / schema.CONTEST_FILE
    cell = set_label(path, RULES, schema.RULE_QUOTA, "1.000")
    run, found = validate(cli, contest)
    assert run.code == 1
    (f,) = [f for f in found if f["cell"] == cell and f["sheet"] == RULES]
    assert f["code"] == "ambiguous-number"
    assert f"Ô {cell}" in f["message"] and "“1.000”" in f["message"] and "1000" in f["message"]
    assert "không đoán" in f["message"]
    run = cli("results", contest)  # no result is computed on a guess
    assert run.code == 1


def test_unambiguous_separators_are_read(contest, cli):
    path = contest / schema.CONTEST_FILE
    set_label(path, RULES, schema.RULE_QUOTA, "1.000.000")
    spread = set_label(path, RULES, schema.RULE_SPREAD_ALERT, "12,5")
    run, found = validate(cli, contest)
    assert run.code == 0, found
    assert not codes_at(found, RULES, spread)


def test_dates_as_text_serials_and_words(contest, cli):
    path = contest / schema.CONTEST_FILE
    cell = set_label(path, INFO, schema.INFO_DECISION_DATE, "15/11/2019")
    assert not codes_at(validate(cli, contest)[1], INFO, cell)

    def serial(wb):  # 15/11/2019 typed in a cell formatted General: Excel shows 43784
        wb[INFO][cell] = 43784
        wb[INFO][cell].number_format = "General"
    edit(path, serial)
    assert not codes_at(validate(cli, contest)[1], INFO, cell)
    assert dt.date(1899, 12, 30) + dt.timedelta(days=43784) == dt.date(2019, 11, 15)
    set_label(path, INFO, schema.INFO_DECISION_DATE, "mười lăm tháng mười một")
    run, found = validate(cli, contest)
    (f,) = [f for f in found if f["sheet"] == INFO and f["cell"] == cell]
    assert run.code == 1 and "ngày/tháng/năm" in f["message"] and f"Ô {cell}" in f["message"]


def test_error_values_are_findings_at_their_cell(contest, cli):
    path = contest / schema.CONTEST_FILE
    photos = f"Q{2}"
    patch_part(path, sheet_part(path, REG), lambda xml: _cell_xml(xml, photos, b'<c r="Q2" t="e"><v>#N/A</v></c>'))
    before = hashes(path)
    run, found = validate(cli, contest)
    assert run.code == 1 and "invalid-number" in codes_at(found, REG, photos)
    assert any("#N/A" in f["message"] for f in found if f["cell"] == photos)
    assert hashes(path) != before and openpyxl.load_workbook(path)[REG][photos].value == "#N/A"


def test_a_formula_with_a_cached_value_is_read_and_kept(contest, cli):
    path = contest / schema.CONTEST_FILE
    patch_part(path, sheet_part(path, REG), lambda xml: _cell_xml(xml, "Q2", b'<c r="Q2"><f>1+2</f><v>3</v></c>'))
    run, found = validate(cli, contest)
    assert run.code == 0 and not codes_at(found, REG, "Q2")
    assert openpyxl.load_workbook(path)[REG]["Q2"].value == "=1+2"  # the person's formula survives the save


def test_a_formula_without_a_cached_value_is_not_taken_as_a_number(contest, cli):
    path = contest / schema.CONTEST_FILE
    patch_part(path, sheet_part(path, REG), lambda xml: _cell_xml(xml, "A2", b'<c r="A2"><f>"BG-"&amp;"001"</f></c>'))
    run, found = validate(cli, contest)
    assert run.code == 1 and "uncomputed-formula" in codes_at(found, REG, "A2")
    (f,) = [f for f in found if f["code"] == "uncomputed-formula"]
    assert "Ô A2" in f["message"] and '="BG-"&"001"' in f["message"] and "lưu lại" in f["message"]
    assert openpyxl.load_workbook(path)[REG]["A2"].value == '="BG-"&"001"'


def test_hidden_rows_and_columns_are_still_checked(contest, cli):
    path = contest / schema.CONTEST_FILE

    def hide(wb):
        ws = wb[REG]
        ws["Q5"] = "ba"
        ws.row_dimensions[5].hidden = True
        ws.column_dimensions["Q"].hidden = True
    edit(path, hide)
    run, found = validate(cli, contest)
    assert run.code == 1 and "invalid-number" in codes_at(found, REG, "Q5")
    ws = openpyxl.load_workbook(path)[REG]
    assert ws.row_dimensions[5].hidden and ws.column_dimensions["Q"].hidden


def test_formatting_to_the_last_cell_costs_nothing(contest, cli):
    path = contest / schema.CONTEST_FILE
    plain = validate(cli, contest)[1]

    def reach(wb):
        ws = wb[REG]
        for r in range(60, 3000):
            ws.cell(r, 1).fill = YELLOW
        ws["XFD1048576"].fill = YELLOW
        ws["XFD1"].fill = YELLOW
    edit(path, reach)
    run, found = validate(cli, contest)
    assert run.code == 0 and [f["code"] for f in found] == [f["code"] for f in plain]
    ws = openpyxl.load_workbook(path)[REG]
    assert ws["XFD1048576"].fill.fgColor.rgb == "FFFFFF00"  # the person's formatting is kept


def test_100000_junk_rows_below_the_data(contest, cli):
    path = contest / schema.CONTEST_FILE
    plain = validate(cli, contest)[1]

    def junk(wb):
        ws = wb[REG]
        for r in range(100, 100_100):
            ws.cell(r, 21, " ")
    edit(path, junk)
    run, found = validate(cli, contest)
    assert run.code == 0 and [f["code"] for f in found] == [f["code"] for f in plain]
    assert openpyxl.load_workbook(path, read_only=True)[REG].max_row >= 100_099


def _cell_xml(xml: bytes, ref: str, new: bytes) -> bytes:
    """The sheet XML with cell `ref` replaced (or added to its row)."""
    import re

    row = re.sub(r"\D", "", ref)
    pattern = re.compile(rb'<c r="' + ref.encode() + rb'"[^>]*?(/>|>.*?</c>)', re.S)
    if pattern.search(xml):
        return pattern.sub(new, xml, count=1)
    row_open = re.compile(rb'(<row r="' + row.encode() + rb'"[^>]*>)')
    return row_open.sub(lambda m: m.group(1) + new, xml, count=1)


def test_100000_rows_of_pasted_text_are_refused_by_sheet_and_row(contest, cli):
    path = contest / schema.CONTEST_FILE

    def paste(wb):
        ws = wb[REG]
        for r in range(100, 100_100):
            ws.cell(r, 1, "x")
    edit(path, paste)
    before = hashes(contest)
    run = cli("validate", contest)
    assert run.code == 2 and "sheet “Đăng ký” có hơn 20.000 hàng" in run.err and "hàng 20.053" in run.err, run
    assert hashes(contest) == before


def test_thousands_of_junk_rows_give_a_bounded_list_of_findings(contest, cli):
    path = contest / schema.CONTEST_FILE

    def paste(wb):
        ws = wb[REG]
        for r in range(100, 3100):
            ws.cell(r, 1, "x")
    edit(path, paste)
    run, found = validate(cli, contest)
    assert run.code == 1 and len(found) == 2001
    assert found[-1]["code"] == "too-many-findings" and "không được liệt kê" in found[-1]["message"]
    kiem_tra = openpyxl.load_workbook(path, read_only=True)[schema.SHEET_FINDINGS]
    assert kiem_tra.max_row == 2002  # header + the findings listed
