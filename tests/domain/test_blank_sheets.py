"""A sheet not yet scored, or a product row left blank, is one finding, not one per cell."""

from __future__ import annotations

from builders import contest, scoring_workbook
from xl_addin.domain import schema
from xl_addin.domain.models import product_fingerprint
from xl_addin.domain.sheets.scoresheet import score_sheet_from_rows

SCORING = schema.SHEET_SCORING
FULL = [30, 30, 8, 7]


def read(c, workbook, provisional=False):
    return score_sheet_from_rows("GK1.xlsx", workbook, c, product_fingerprint(c.registrations), provisional=provisional)


def triples(findings):
    return [(f.code, f.sheet, f.cell) for f in findings]


def test_a_blank_sheet_is_one_finding_at_its_first_score_cell():
    c = contest(products=("SP01", "SP02", "SP03", "SP04"))
    sheet, findings = read(c, scoring_workbook(c, "GK1", {}))
    # header on row 4, first product on row 5, the first score column is E
    assert triples(findings) == [("missing-score", SCORING, "E5")]
    assert findings[0].is_error and "GK1" in findings[0].message and "4 sản phẩm" in findings[0].message
    assert findings[0].file == "GK1.xlsx" and sheet is not None and sheet.scores == {}
    _, provisional = read(c, scoring_workbook(c, "GK1", {}), provisional=True)
    assert [f.severity for f in provisional] == ["warning"]


def test_a_blank_row_is_one_finding_and_a_partial_row_one_per_missing_cell():
    c = contest(products=("SP01", "SP02", "SP03"))
    wb = scoring_workbook(c, "GK1", {"SP01": FULL, "SP03": [30, None, 8, 7]})
    _, findings = read(c, wb)
    # SP02 (row 6) left wholly blank: one finding at E6; SP03 (row 7) misses only TC2 (F7)
    assert triples(findings) == [("missing-score", SCORING, "F7"), ("missing-score", SCORING, "E6")]
    assert "SP02" in findings[1].message


def test_a_conflicted_row_is_not_expected_so_the_rest_blank_is_still_one_sheet_finding():
    c = contest(products=("SP01", "SP02", "SP03"), conflicts={"GK1": ["SP01"]})
    _, findings = read(c, scoring_workbook(c, "GK1", {}))
    assert triples(findings) == [("missing-score", SCORING, "E6")]  # SP02's row, the first one to score
    assert "2 sản phẩm" in findings[0].message
