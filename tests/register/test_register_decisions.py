"""Nghi trùng decisions: answered in the export's sheet, read back by register import, kept across re-adds."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from register_builders import CRAFT, Item, make_contest, run, table_count

from xl_addin.domain import register_schema as rs


@pytest.fixture(scope="session")
def contest_2021(history):
    """A 2021 contest with an untaxed workshop of Tăng Tiến spelled shorter than in 2017 (a new establishment)."""
    return make_contest(history[0].parent / "bg2021", 2021, [
        Item("T21-01", "Mây tre đan", "Cơ sở mây tre Tăng Tiến", "Tăng Tiến", "", CRAFT, 80),
    ], decision=dt.date(2021, 11, 10))


@pytest.fixture
def two_pairs(capsys, register_location, history, contest_2021):
    """A register with two suggestions: the namesake households of Dĩnh Kế (two tax numbers) and the workshops."""
    code, out, err = run(capsys, "register", "add", *history, contest_2021, "--register", register_location)
    assert code == 0, out + err
    return register_location


def exported(capsys, location, path):
    code, out, err = run(capsys, "register", "export", path, "--register", location)
    assert code == 0, out + err
    return openpyxl.load_workbook(path)


def answer(path, answers: dict[str, object]) -> None:
    """Type a decision beside each pair, the pair found by a word of its first name (as a person reads the sheet)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[rs.VIEW_DUPLICATES]
    column = [c.value for c in ws[1]].index(rs.COL_SAME) + 1
    for row in range(2, ws.max_row + 1):
        for word, value in answers.items():
            if word in (ws.cell(row, 2).value or ""):
                ws.cell(row, column, value)
    wb.save(path)


def test_the_sheet_has_the_decision_column_with_a_dropdown(capsys, two_pairs, tmp_path):
    wb = exported(capsys, two_pairs, tmp_path / "xuat.xlsx")
    ws = wb[rs.VIEW_DUPLICATES]
    assert [c.value for c in ws[1]][-1] == "Cùng một cơ sở? (Có/Không)"
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if any(r)]
    assert len(rows) == 2 and all(r[-1] is None for r in rows)
    [dv] = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert dv.formula1 == '"Có,Không"' and str(dv.sqref).startswith("I2:I")


def test_khong_is_never_suggested_again_and_co_is_recorded_and_shown(capsys, two_pairs, tmp_path, contest_2021):
    path = tmp_path / "xuat.xlsx"
    exported(capsys, two_pairs, path)
    answer(path, {"Nguyễn Văn Kế": "Không", "mây tre": "có"})
    for _ in range(2):
        code, out, err = run(capsys, "register", "import", path, "--register", two_pairs)
        assert code == 0, out + err
        assert "2 xác nhận nghi trùng" in out
    assert table_count(two_pairs, tmp_path, "duplicate_decisions") == 2
    code, out, _ = run(capsys, "register", "nghi-trung", "--register", two_pairs)
    assert code == 0 and "Dĩnh Kế" not in out and "Cùng một cơ sở" in out
    assert "0 cặp cơ sở nghi trùng chưa xác nhận, 1 cặp đã xác nhận" in out
    code, out, _ = run(capsys, "register", "show", "may tre", "--register", two_pairs)
    assert out.count("Đăng ký:") == 2 and out.count("Đã xác nhận là cùng một cơ sở với") == 2
    assert "Cơ sở mây tre Tăng Tiến (mã cơ sở" in out and "Cơ sở mây tre đan Tăng Tiến (mã cơ sở" in out
    # Adding the 2021 contest again replaces its rows; the decisions are kept by stable keys, not ids.
    assert run(capsys, "register", "add", contest_2021, "--register", two_pairs)[0] == 0
    again = exported(capsys, two_pairs, tmp_path / "lai.xlsx")
    rows = [r for r in again[rs.VIEW_DUPLICATES].iter_rows(min_row=2, values_only=True) if any(r)]
    assert len(rows) == 1 and "mây tre" in rows[0][1] and rows[0][-1] == "Có"


def test_a_blank_decision_records_nothing(capsys, two_pairs, tmp_path):
    path = tmp_path / "xuat.xlsx"
    exported(capsys, two_pairs, path)
    code, out, err = run(capsys, "register", "import", path, "--register", two_pairs)
    assert code == 0, out + err
    assert "xác nhận nghi trùng" not in out and table_count(two_pairs, tmp_path, "duplicate_decisions") == 0
    assert "2 cặp cơ sở nghi trùng chưa xác nhận" in run(capsys, "register", "nghi-trung", "--register", two_pairs)[1]


def test_a_bad_value_or_co_for_two_tax_numbers_is_a_finding_with_its_cell(capsys, two_pairs, tmp_path):
    path = tmp_path / "xuat.xlsx"
    wb = exported(capsys, two_pairs, path)
    names = [r[1] for r in wb[rs.VIEW_DUPLICATES].iter_rows(min_row=2, values_only=True)]
    row_ke = 2 + next(i for i, n in enumerate(names) if "Nguyễn Văn Kế" in n)
    row_tre = 2 + next(i for i, n in enumerate(names) if "mây tre" in n)
    answer(path, {"Nguyễn Văn Kế": "Có", "mây tre": "Trùng"})
    code, out, _ = run(capsys, "register", "import", path, "--register", two_pairs, "--json")
    assert code == 1
    found = {(f["code"], f["sheet"], f["cell"]) for f in json.loads(out)}
    assert found == {("different-tax-codes", "Nghi trùng", f"I{row_ke}"), ("invalid-choice", "Nghi trùng", f"I{row_tre}")}
    message = next(f["message"] for f in json.loads(out) if f["code"] == "different-tax-codes")
    assert "8100000022" in message and "8100000099" in message
    assert table_count(two_pairs, tmp_path, "duplicate_decisions") == 0
    # All or nothing: a good answer beside a bad one is not written either.
    answer(path, {"Nguyễn Văn Kế": "Không"})
    assert run(capsys, "register", "import", path, "--register", two_pairs)[0] == 1
    assert table_count(two_pairs, tmp_path, "duplicate_decisions") == 0


def test_an_establishment_the_register_no_longer_has_is_a_finding(capsys, two_pairs, tmp_path):
    path = tmp_path / "xuat.xlsx"
    exported(capsys, two_pairs, path)
    wb = openpyxl.load_workbook(path)
    ws = wb[rs.VIEW_DUPLICATES]
    ws["A2"], ws["I2"] = 999, "Không"
    wb.save(path)
    code, out, _ = run(capsys, "register", "import", path, "--register", two_pairs, "--json")
    assert code == 1
    [finding] = json.loads(out)
    assert (finding["code"], finding["cell"]) == ("unknown-establishment", "A2") and "999" in finding["message"]
    assert table_count(two_pairs, tmp_path, "duplicate_decisions") == 0
