"""Reading judges' scoring workbooks (as rows): scores and cell-accurate findings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from builders import contest, meta_cell, scoring_workbook
from xl_addin.domain import rules as rules_mod
from xl_addin.domain import schema
from xl_addin.domain.models import ScoreSheet, product_fingerprint
from xl_addin.domain.rules import Criterion
from xl_addin.domain.sheets.scoresheet import check_sheet_set, score_sheet_from_rows

SCORING = schema.SHEET_SCORING
META = schema.SHEET_SCORING_META
FULL = [30, 30, 8, 7]


def read(c, workbook, provisional=False, file="GK1.xlsx"):
    return score_sheet_from_rows(file, workbook, c, product_fingerprint(c.registrations), provisional=provisional)


def where(findings):
    return sorted((f.code, f.sheet, f.cell) for f in findings)


def test_a_complete_sheet_gives_exact_scores_and_no_findings():
    c = contest()
    wb = scoring_workbook(c, "GK1", {
        "SP01": [30, 35.5, 8, 7],
        "SP02": ["8,5", "8.5", " 9 ", "7\u00a0"],
        "SP03": ["31,25", 0, "10", 10.0],
    })
    wb[SCORING][5][-1] = "  Sản phẩm tốt "
    sheet, findings = read(c, wb)
    assert findings == []
    assert sheet.judge_code == "GK1" and sheet.file == "GK1.xlsx"
    assert sheet.scores["SP01"] == {"TC1": Decimal(30), "TC2": Decimal("35.5"), "TC3": Decimal(8), "TC4": Decimal(7)}
    assert sheet.scores["SP02"] == {"TC1": Decimal("8.5"), "TC2": Decimal("8.5"), "TC3": Decimal(9), "TC4": Decimal(7)}
    assert sheet.scores["SP03"]["TC1"] == Decimal("31.25")
    assert sheet.comments == {"SP02": "Sản phẩm tốt"}


def test_missing_meta_sheet_is_wrong_contest_and_unusable():
    c = contest()
    wb = scoring_workbook(c, "GK1", {code: FULL for code in ("SP01", "SP02", "SP03")})
    del wb[META]
    sheet, findings = read(c, wb)
    assert sheet is None
    assert where(findings) == [("wrong-contest", META, "A1")]
    assert findings[0].file == "GK1.xlsx" and findings[0].severity == "error"


@pytest.mark.parametrize("override, label", [
    ({"year": 2023}, schema.META_YEAR),
    ({"level": "quoc-gia"}, schema.META_LEVEL),
    ({"province": "Hà Nội"}, schema.META_PROVINCE),
    ({"contest_id": "HN-2025"}, schema.META_CONTEST_ID),
])
def test_another_contest_identity_is_wrong_contest_at_its_meta_cell(override, label):
    c = contest()
    sheet, findings = read(c, scoring_workbook(c, "GK1", {}, **override))
    assert sheet is None
    assert where(findings) == [("wrong-contest", META, meta_cell(label))]


def test_identity_tolerates_blank_contest_id_level_label_and_spelling():
    c = contest()
    wb = scoring_workbook(c, "GK1", {code: FULL for code in ("SP01", "SP02", "SP03")},
                          contest_id="", level="Tỉnh", province=" bắc ninh ", year="2025")
    sheet, findings = read(c, wb)
    assert findings == [] and sheet is not None


def test_unknown_judge_code_is_wrong_contest():
    c = contest()
    sheet, findings = read(c, scoring_workbook(c, "GK9", {}))
    assert sheet is None
    assert where(findings) == [("wrong-contest", META, meta_cell(schema.META_JUDGE_CODE))]


def test_newer_sheet_format_is_wrong_contest():
    c = contest()
    _, findings = read(c, scoring_workbook(c, "GK1", {}, format="2"))
    assert where(findings) == [("wrong-contest", META, meta_cell(schema.META_FORMAT))]


def test_other_fingerprint_is_a_stale_product_list():
    c = contest()
    sheet, findings = read(c, scoring_workbook(c, "GK1", {}, fingerprint="0123456789abcdef"))
    assert sheet is None
    assert where(findings) == [("stale-product-list", META, meta_cell(schema.META_FINGERPRINT))]


def test_product_missing_from_sheet_or_unknown_code_is_stale():
    c = contest()
    wb = scoring_workbook(c, "GK1", {"SP01": FULL, "SP03": FULL, "SP99": FULL},
                          codes=["SP01", "SP99", "SP03"])
    sheet, findings = read(c, wb)
    assert sheet is None
    # SP99 sits on row 6: its code cell is stale, its four typed scores unexpected;
    # SP02 has no row at all, reported at the code column's header (B4).
    assert where(findings) == [
        ("stale-product-list", SCORING, "B4"),
        ("stale-product-list", SCORING, "B6"),
        ("unexpected-score", SCORING, "E6"),
        ("unexpected-score", SCORING, "F6"),
        ("unexpected-score", SCORING, "G6"),
        ("unexpected-score", SCORING, "H6"),
    ]


def test_bad_numbers_and_out_of_range_scores_are_reported_at_their_cells():
    c = contest()
    wb = scoring_workbook(c, "GK1", {
        "SP01": ["tám", 30, 8, 7],
        "SP02": [41, "-1", 10.5, 7],
        "SP03": [30, True, 8, "7,5,1"],
    })
    sheet, findings = read(c, wb)
    assert where(findings) == [
        ("invalid-number", SCORING, "E5"),
        ("invalid-number", SCORING, "F7"),
        ("invalid-number", SCORING, "H7"),
        ("score-out-of-range", SCORING, "E6"),
        ("score-out-of-range", SCORING, "F6"),
        ("score-out-of-range", SCORING, "G6"),
    ]
    assert sheet.scores["SP02"] == {"TC4": Decimal(7)}
    assert "tám" in findings[0].message


def test_boundaries_zero_and_max_are_accepted():
    c = contest(products=("SP01",))
    sheet, findings = read(c, scoring_workbook(c, "GK1", {"SP01": [0, 40, "10,0", 0.0]}))
    assert findings == []
    assert sum(sheet.scores["SP01"].values()) == Decimal(50)


def test_blank_score_is_missing_error_or_warning_when_provisional():
    c = contest()
    wb = scoring_workbook(c, "GK1", {"SP01": FULL, "SP02": [30, None, 8, "  "], "SP03": FULL})
    sheet, findings = read(c, wb)
    assert where(findings) == [("missing-score", SCORING, "F6"), ("missing-score", SCORING, "H6")]
    assert {f.severity for f in findings} == {"error"}
    sheet, findings = read(c, wb, provisional=True)
    assert {f.severity for f in findings} == {"warning"}
    assert sheet.scores["SP02"] == {"TC1": Decimal(30), "TC3": Decimal(8)}


def test_conflicted_product_must_stay_blank():
    c = contest(conflicts={"GK1": ["SP02", "SP03"]})
    wb = scoring_workbook(c, "GK1", {"SP01": FULL, "SP02": [None, None, None, None], "SP03": [None, 20, None, None]})
    sheet, findings = read(c, wb)
    assert where(findings) == [("unexpected-score", SCORING, "F7")]
    assert set(sheet.scores) == {"SP01"}


def test_scores_on_a_row_without_product_code_are_unexpected_and_blank_rows_ignored():
    c = contest(products=("SP01",))
    wb = scoring_workbook(c, "GK1", {"SP01": FULL})
    width = len(wb[SCORING][3])
    wb[SCORING].append([None] * width)
    wb[SCORING].append([None, None, None, None, None, 12, None, None, None, None])
    sheet, findings = read(c, wb)
    assert where(findings) == [("unexpected-score", SCORING, "F7")]
    assert sheet is not None


def test_missing_scoring_sheet_or_criterion_column():
    c = contest()
    wb = scoring_workbook(c, "GK1", {})
    del wb[SCORING]
    assert where(read(c, wb)[1]) == [("missing-sheet", SCORING, "A1")]
    wb = scoring_workbook(c, "GK1", {code: FULL for code in ("SP01", "SP02", "SP03")})
    for row in wb[SCORING]:
        del row[6]  # drop TC3; the header then ends at I (Nhận xét)
    sheet, findings = read(c, wb)
    assert sheet is None
    assert where(findings) == [("missing-column", SCORING, "J4")]


def test_sub_item_columns_are_found_by_their_own_code():
    tc = rules_mod.preset().criteria
    criteria = (tc[0], Criterion("TC1.1", "Thị trường", Decimal(20), "TC1"),
                Criterion("TC1.2", "Sản xuất", Decimal(25), "TC1"), *tc[1:])
    c = contest(products=("SP01",), rules=rules_mod.preset().with_changes(criteria=criteria))
    sheet, findings = read(c, scoring_workbook(c, "GK1", {"SP01": [18, 25, 30, 8, 7]}))
    assert findings == []
    assert sheet.scores["SP01"] == {"TC1.1": 18, "TC1.2": 25, "TC2": 30, "TC3": 8, "TC4": 7}


def test_columns_headed_by_bare_code_in_another_order():
    c = contest(products=("SP01",))
    wb = scoring_workbook(c, "GK1", {"SP01": [30, 35, 8, 7]})
    wb[SCORING][3][4:8] = ["tc2", "TC1", " TC4 ", "TC3. Văn hóa"]
    sheet, _ = read(c, wb)
    assert sheet.scores["SP01"] == {"TC2": 30, "TC1": 35, "TC4": 8, "TC3": 7}


def test_every_finding_names_the_file():
    c = contest()
    _, findings = read(c, scoring_workbook(c, "GK1", {"SP01": ["x", None, 99, 1]}), file="phieu_cham/GK1.xlsx")
    assert findings and {f.file for f in findings} == {"phieu_cham/GK1.xlsx"}


def test_two_files_of_one_judge_and_a_judge_without_file():
    c = contest(judges=("GK1", "GK2", "GK3"))
    sheets = [ScoreSheet("GK1", "a.xlsx"), ScoreSheet("GK1", "b.xlsx")]
    findings = check_sheet_set(c, sheets, {"GK1": ["a.xlsx", "b.xlsx"]})
    assert where(findings) == [
        ("duplicate-judge", schema.SHEET_JUDGES, "A2"),
        ("missing-score", schema.SHEET_JUDGES, "A3"),
        ("missing-score", schema.SHEET_JUDGES, "A4"),
    ]
    duplicate = findings[0]
    assert "a.xlsx" in duplicate.message and "b.xlsx" in duplicate.message
    assert {f.severity for f in findings} == {"error"}
    provisional = check_sheet_set(c, sheets, {"GK1": ["a.xlsx", "b.xlsx"]}, provisional=True)
    assert [f.severity for f in provisional] == ["error", "warning", "warning"]
