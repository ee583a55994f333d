"""Judges' sheets end to end: a corrected name keeps them valid; blank sheets are one finding each."""

from __future__ import annotations

import json

import openpyxl

from test_cli import contest, run, scored  # noqa: F401 (fixtures)
from xl_addin.domain import schema
from workbook_edits import regroup_product


def test_a_name_and_an_establishment_corrected_after_the_sheets_went_out_are_warnings(scored, capsys):
    path = scored / schema.CONTEST_FILE
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.SHEET_REGISTRATIONS]
    head = [c.value for c in ws[1]]
    name = ws.cell(row=2, column=head.index(schema.COL_NAME) + 1)
    place = ws.cell(row=3, column=head.index(schema.COL_ESTABLISHMENT) + 1)
    old_name, old_place = name.value, place.value
    name.value, place.value = old_name + " (sửa chính tả)", "Hợp tác xã đã đổi tên"
    wb.save(path)
    code, out, _ = run(capsys, "results", str(scored), "--json")
    assert code == 0
    found = json.loads(out)
    assert not [f for f in found if f["code"] in ("stale-product-list", "missing-score")]
    renamed = [f for f in found if f["code"] == "product-renamed"]
    assert [(f["severity"], f["sheet"], f["cell"]) for f in renamed] == [
        ("warning", schema.SHEET_REGISTRATIONS, "A2"), ("warning", schema.SHEET_REGISTRATIONS, "A3")]
    assert old_name in renamed[0]["message"] and name.value in renamed[0]["message"]
    assert old_place in renamed[1]["message"] and "Hợp tác xã đã đổi tên" in renamed[1]["message"]


def test_sheets_not_yet_scored_are_one_finding_each_and_provisional_refuses(contest, capsys):
    assert run(capsys, "judges", str(contest))[0] == 0  # five blank sheets in phieu_cham/
    code, out, _ = run(capsys, "results", str(contest), "--json")
    assert code == 1
    missing = [f for f in json.loads(out) if f["code"] == "missing-score"]
    assert sorted(f["file"] for f in missing) == [f"{schema.JUDGES_DIR}/GK0{i}.xlsx" for i in range(1, 6)]
    # header on row 6 of the judge's sheet; the first product's first score cell is E7
    assert {(f["sheet"], f["cell"]) for f in missing} == {(schema.SHEET_SCORING, "E7")}
    code, out, err = run(capsys, "results", str(contest), "--provisional")
    assert code == 1 and "chưa có điểm nào" in err
    rows = [r for r in openpyxl.load_workbook(contest / schema.CONTEST_FILE)[schema.SHEET_RESULTS].iter_rows(values_only=True)]
    assert not any(schema.RES_RANK in r for r in rows)  # nothing ranked on zeros


def test_a_stale_sheet_is_not_also_reported_as_a_sheet_never_returned(scored, capsys):
    path = scored / schema.CONTEST_FILE
    regroup_product(path)  # what the judges scored changed (a name no longer does: issue 9, item 10)
    code, out, _ = run(capsys, "results", str(scored), "--json")
    assert code == 1
    found = json.loads(out)
    stale = [f for f in found if f["code"] == "stale-product-list"]
    assert sorted(f["file"] for f in stale) == [f"{schema.JUDGES_DIR}/GK0{i}.xlsx" for i in range(1, 6)]
    assert not [f for f in found if f["code"] == "missing-score" and f["sheet"] == schema.SHEET_JUDGES]
