"""The council's columns of Kết quả checked before printing, and Kết quả read back as the one source."""

from __future__ import annotations

import copy
from decimal import Decimal

from builders import contest, score_sheet
from xl_addin.domain import rules as rules_mod
from xl_addin.domain import schema
from xl_addin.domain.checks.council import check_council
from xl_addin.domain.findings import a1
from xl_addin.domain.sheets.results_readback import result_set_from_rows
from xl_addin.domain.sheets.results import results_header, rows_from_results
from xl_addin.domain.scoring import result_set_from_sheets

D = Decimal
PRODUCTS = ("SP01", "SP02", "SP03", "SP04")
JUDGES = ("GK1", "GK2")
# Each judge's TC1..TC4; the totals are worked out in the comments.
SCORES = {
    "GK1": {"SP01": [36, 36, 9, 9], "SP02": [30, 30, 8, 8], "SP03": [28, 28, 7, 7], "SP04": [25, 25, 5, 5]},
    # GK1: 90, 76, 70, 60 — GK2: 88, 74.5, 70, 61
    "GK2": {"SP01": [35, 35, 9, 9], "SP02": [30, 28.5, 8, 8], "SP03": [28, 28, 7, 7], "SP04": [26, 25, 5, 5]},
}
HEADER_ROW = 3  # 0-based index of the header row in rows_from_results' output


def sheet(quota=None, conflicts=None):
    rules = rules_mod.preset().with_changes(quota=quota)
    c = contest(products=PRODUCTS, judges=JUDGES, rules=rules, conflicts=conflicts)
    sheets = [score_sheet(j, {p: v for p, v in s.items() if p not in (conflicts or {}).get(j, ())})
              for j, s in SCORES.items()]
    rs = result_set_from_sheets(c, sheets)
    return c, rows_from_results(rs, rules, judge_codes=JUDGES)


def cell_of(c, rows, code, header):
    col = results_header(c.rules, JUDGES).index(header)
    row = next(i for i, r in enumerate(rows) if i > HEADER_ROW and r[1] == code)
    return row, col


def edited(c, rows, code, header, value):
    rows = copy.deepcopy(rows)
    row, col = cell_of(c, rows, code, header)
    rows[row][col] = value
    return rows


def where(c, rows, code, header):
    return a1(*cell_of(c, rows, code, header))


def triples(findings):
    return [(f.code, f.sheet, f.cell) for f in findings]


def test_the_tool_s_own_proposal_passes():
    c, rows = sheet(quota=2)
    assert check_council(rows, c) == []


def test_recognising_a_product_below_the_pass_mark_is_an_error_at_its_cell():
    c, rows = sheet()
    # SP04: (60 + 61) / 2 = 60.50, below 70
    rows = edited(c, rows, "SP04", schema.RES_COUNCIL, "có")
    found = check_council(rows, c)
    assert triples(found) == [("recognised-below-pass-mark", schema.SHEET_RESULTS,
                               where(c, rows, "SP04", schema.RES_COUNCIL))]
    assert found[0].is_error and "60,50" in found[0].message and "70" in found[0].message


def test_a_value_neither_co_nor_khong_is_an_error_in_either_column():
    c, rows = sheet()
    rows = edited(c, rows, "SP02", schema.RES_COUNCIL, "x")
    rows = edited(c, rows, "SP03", schema.RES_FORWARD, "đồng ý")
    found = check_council(rows, c)
    assert triples(found) == [
        ("invalid-choice", schema.SHEET_RESULTS, where(c, rows, "SP02", schema.RES_COUNCIL)),
        ("invalid-choice", schema.SHEET_RESULTS, where(c, rows, "SP03", schema.RES_FORWARD)),
    ]
    assert "“x”" in found[0].message


def test_more_recognised_than_the_quota_is_a_warning_at_the_column_header():
    c, rows = sheet(quota=2)
    # the tool proposes SP01 and SP02 (quota 2); the council adds SP03 (70.00, passes)
    rows = edited(c, rows, "SP03", schema.RES_COUNCIL, schema.YES)
    found = check_council(rows, c)
    header_cell = a1(HEADER_ROW, results_header(c.rules, JUDGES).index(schema.RES_COUNCIL))
    assert triples(found) == [("over-quota", schema.SHEET_RESULTS, header_cell)]
    assert not found[0].is_error and "3" in found[0].message and "2" in found[0].message


def test_kết_quả_read_back_holds_every_judge_s_total_and_the_conflicts():
    c, rows = sheet(conflicts={"GK2": ("SP04",)})
    rs = result_set_from_rows(rows, c)
    assert rs is not None
    by_code = {r.code: r for r in rs.results}
    assert [(t.judge_code, t.total, t.conflicted) for t in by_code["SP02"].judge_totals] == [
        ("GK1", D(76), False), ("GK2", D("74.5"), False)]
    assert [(t.judge_code, t.total, t.conflicted) for t in by_code["SP04"].judge_totals] == [
        ("GK1", D(60), False), ("GK2", None, True)]
    # (76 + 74.5) / 2 = 75.25; SP01 (90 + 88) / 2 = 89; SP04 alone 60
    assert by_code["SP02"].total == D("75.25") and by_code["SP01"].total == D(89)
    assert by_code["SP04"].total == D(60) and by_code["SP04"].judge_count == 1
    assert [r.code for r in rs.results] == ["SP01", "SP02", "SP03", "SP04"]
    assert by_code["SP01"].criterion_means["TC1"] == D("35.5")


def test_an_older_kết_quả_without_the_judges_totals_gives_no_result_set():
    c, _ = sheet()
    rs = result_set_from_sheets(c, [score_sheet(j, s) for j, s in SCORES.items()])
    older = rows_from_results(rs, c.rules)  # no judge columns, as written before they existed
    assert result_set_from_rows(older, c) is None


def test_a_judge_no_longer_in_the_contest_leaves_no_stray_column_on_the_next_run():
    c, rows = sheet()
    old = rows_from_results(result_set_from_sheets(c, [score_sheet(j, s) for j, s in SCORES.items()]), c.rules,
                            judge_codes=(*JUDGES, "GK9"))
    again = rows_from_results(result_set_from_sheets(c, [score_sheet(j, s) for j, s in SCORES.items()]), c.rules,
                              previous=old, judge_codes=JUDGES)
    assert again[HEADER_ROW] == results_header(c.rules, JUDGES)  # no "Điểm của giám khảo GK9" carried over
