"""Scores to results: exact means, half-up official totals, pass, quota, forwarding, warnings."""

from __future__ import annotations

from decimal import Decimal

from builders import contest, score_sheet, sheets_from_totals
from xl_addin.domain import rules as rules_mod
from xl_addin.domain import schema
from xl_addin.domain import score_messages as msg
from xl_addin.domain.results import JudgeTotal
from xl_addin.domain.rules import Criterion
from xl_addin.domain.scoring import result_set_from_sheets, round_half_up

D = Decimal
QUIET = {"outlier_alert": D(100), "spread_alert": D(100)}


def by_code(rs):
    return {r.code: r for r in rs.results}


def where(findings):
    return sorted((f.code, f.sheet, f.cell) for f in findings)


def quiet_rules(**changes):
    return rules_mod.preset().with_changes(**{**QUIET, **changes})


def test_mean_of_judges_totals_rounded_half_up():
    c = contest(products=("SP01",))
    sheets = [
        score_sheet("GK1", {"SP01": [30, 25, 8, 8]}),  # 71
        score_sheet("GK2", {"SP01": [29, 25, 8, 8]}),  # 70
        score_sheet("GK3", {"SP01": ["28.5", 25, 8, 8]}),  # 69.5
    ]
    r = result_set_from_sheets(c, sheets).results[0]
    # (71 + 70 + 69.5) / 3 = 210.5 / 3 = 70.1666… -> 70.17
    assert r.total == D("70.17")
    assert r.exact_total.quantize(D("0.000001")) == D("70.166667")
    # TC1: (30 + 29 + 28.5) / 3 = 29.1666…; the others are exact
    assert r.criterion_means["TC1"].quantize(D("0.000001")) == D("29.166667")
    assert r.criterion_means["TC2"] == 25 and r.criterion_means["TC4"] == 8
    assert r.judge_count == 3 and r.spread == D("1.5")
    assert r.judge_totals == (JudgeTotal("GK1", D(71)), JudgeTotal("GK2", D(70)), JudgeTotal("GK3", D("69.5")))
    assert r.passed and r.rank == 1 and not r.provisional


def test_half_up_at_the_pass_mark():
    c = contest(products=("SP01", "SP02"), judges=("GK1", "GK2"))
    sheets = sheets_from_totals({
        "GK1": {"SP01": "69.99", "SP02": "69.99"},
        "GK2": {"SP01": "70.00", "SP02": "69.999998"},
    })
    results = by_code(result_set_from_sheets(c, sheets))
    # SP01: (69.99 + 70) / 2 = 69.995 -> 70.00, passes
    assert results["SP01"].total == D("70.00") and results["SP01"].passed
    # SP02: (69.99 + 69.999998) / 2 = 69.994999 -> 69.99, fails
    assert results["SP02"].total == D("69.99") and not results["SP02"].passed


def test_round_half_up_examples():
    assert round_half_up(D("69.995")) == D("70.00")
    assert round_half_up(D("69.994999")) == D("69.99")
    assert round_half_up(D("0.125")) == D("0.13")
    assert round_half_up(D("-0.125")) == D("-0.13")
    assert str(round_half_up(D(70))) == "70.00"


def test_sub_items_are_summed_and_capped_at_their_criterion():
    tc = rules_mod.preset().criteria
    criteria = (tc[0], Criterion("TC1.1", "Thị trường", D(20), "TC1"),
                Criterion("TC1.2", "Sản xuất", D(25), "TC1"), *tc[1:])
    c = contest(products=("SP01",), judges=("GK1", "GK2"), rules=quiet_rules(criteria=criteria))
    sheets = [
        score_sheet("GK1", {"SP01": [20, 25, 30, 8, 7]}, c.rules),  # TC1 = min(45, 40) = 40 -> 85
        score_sheet("GK2", {"SP01": [10, 15, 30, 8, 7]}, c.rules),  # TC1 = 25 -> 70
    ]
    r = result_set_from_sheets(c, sheets).results[0]
    assert set(r.criterion_means) == {"TC1", "TC2", "TC3", "TC4"}
    assert r.criterion_means["TC1"] == D("32.5")  # (40 + 25) / 2
    assert r.total == D("77.50")


def test_conflicted_judge_is_left_out_of_the_mean():
    c = contest(products=("SP01",), conflicts={"GK3": ["SP01"]}, rules=quiet_rules())
    sheets = sheets_from_totals({"GK1": {"SP01": 80}, "GK2": {"SP01": 70}, "GK3": {}})
    r = result_set_from_sheets(c, sheets).results[0]
    assert r.total == D("75.00") and r.judge_count == 2
    assert r.judge_totals[2] == JudgeTotal("GK3", None, conflicted=True)


def test_pass_mark_of_the_contest_level():
    marks = {**rules_mod.preset().pass_marks, "xa": D(60)}
    for level, expected in (("xa", True), ("tinh", False)):
        c = contest(products=("SP01",), judges=("GK1",), level=level,
                    rules=rules_mod.preset().with_changes(pass_marks=marks))
        rs = result_set_from_sheets(c, sheets_from_totals({"GK1": {"SP01": 65}}))
        assert rs.results[0].passed is expected


def test_provisional_results_use_the_scores_present():
    c = contest(judges=("GK1", "GK2"), rules=quiet_rules())
    sheets = sheets_from_totals({"GK1": {"SP01": 80}, "GK2": {"SP01": 71, "SP02": 73}})
    rs = result_set_from_sheets(c, sheets, provisional=True)
    results = by_code(rs)
    assert results["SP01"].total == D("75.50") and results["SP01"].judge_count == 2
    assert results["SP02"].total == D("73.00") and results["SP02"].judge_count == 1
    assert results["SP03"].total == D("0.00") and results["SP03"].judge_count == 0
    assert not results["SP03"].passed and msg.FLAG_NO_JUDGE in results["SP03"].flags
    assert rs.provisional and all(r.provisional for r in rs.results)


def test_judge_spread_above_the_alert_only():
    c = contest(products=("SP01", "SP02"), judges=("GK1", "GK2"), rules=quiet_rules(spread_alert=D(15)))
    sheets = sheets_from_totals({"GK1": {"SP01": 90, "SP02": 90}, "GK2": {"SP01": 70, "SP02": 75}})
    rs = result_set_from_sheets(c, sheets)
    # SP01 spreads 20 (> 15); SP02 spreads exactly 15 (not above)
    # SP02 (82.5) ranks above SP01 (80): SP01's row in Kết quả is 6, its Cảnh báo column R
    # (5 lead columns, 4 criteria, then the 9th tail column).
    assert where(rs.findings) == [("judge-spread", schema.SHEET_RESULTS, "R6")]
    assert "SP01 “Sản phẩm SP01”" in rs.findings[0].message
    assert rs.findings[0].severity == "warning" and "20" in rs.findings[0].message
    assert by_code(rs)["SP01"].flags == (msg.FLAG_SPREAD.format(spread="20"),)
    assert by_code(rs)["SP02"].spread == D(15) and by_code(rs)["SP02"].flags == ()


def test_outlier_judge_by_mean_gap_to_the_others():
    c = contest()
    sheets = sheets_from_totals({
        "GK1": {p: 80 for p in ("SP01", "SP02", "SP03")},
        "GK2": {p: 80 for p in ("SP01", "SP02", "SP03")},
        "GK3": {p: "67.6" for p in ("SP01", "SP02", "SP03")},
    })
    rs = result_set_from_sheets(c, sheets)
    # GK3: 67.6 - 80 = -12.4 on every product; GK1, GK2: 80 - (80 + 67.6) / 2 = 6.2 (< 8)
    assert where(rs.findings) == [("outlier-judge", schema.SHEET_JUDGES, "A4")]
    assert "thấp hơn các giám khảo khác trung bình 12,40 điểm" in rs.findings[0].message


def test_outlier_at_the_alert_and_scoring_higher():
    c = contest(products=("SP01",))
    sheets = sheets_from_totals({"GK1": {"SP01": 70}, "GK2": {"SP01": 70}, "GK3": {"SP01": 78}})
    rs = result_set_from_sheets(c, sheets)
    # GK3: 78 - 70 = 8 (>= 8); GK1: 70 - 74 = -4
    assert where(rs.findings) == [("outlier-judge", schema.SHEET_JUDGES, "A4")]
    assert "cao hơn các giám khảo khác trung bình 8,00 điểm" in rs.findings[0].message


def test_pass_depends_on_one_judge_both_ways():
    c = contest(products=("SP01", "SP02"), rules=quiet_rules())
    sheets = sheets_from_totals({
        "GK1": {"SP01": 75, "SP02": 80},
        "GK2": {"SP01": 70, "SP02": 75},
        "GK3": {"SP01": 64, "SP02": 61},
    })
    results = by_code(rs := result_set_from_sheets(c, sheets))
    # SP01: 209/3 = 69.67 fails; without GK3 (75+70)/2 = 72.5 passes; without GK1 67, GK2 69.5
    # SP02: 216/3 = 72 passes; without GK1 (75+61)/2 = 68 fails; without GK2 70.5, GK3 77.5
    assert results["SP01"].total == D("69.67") and not results["SP01"].passed
    assert results["SP02"].total == D("72.00") and results["SP02"].passed
    # Kết quả rows in ranking order from row 5 (SP02 then SP01), the Cảnh báo column R.
    assert sorted(where(rs.findings)) == [
        ("pass-depends-on-judge", schema.SHEET_RESULTS, "R5"),
        ("pass-depends-on-judge", schema.SHEET_RESULTS, "R6"),
    ]
    assert {f.cell: f.message.split(" (")[0] for f in rs.findings} == {
        "R5": "Sản phẩm SP02 “Sản phẩm SP02”", "R6": "Sản phẩm SP01 “Sản phẩm SP01”"}
    assert results["SP01"].flags == (msg.FLAG_DEPENDS.format(judges="GK3"),)
    assert results["SP02"].flags == (msg.FLAG_DEPENDS.format(judges="GK1"),)


def test_tie_break_statement():
    rs = result_set_from_sheets(contest(), [])
    assert rs.tie_break == ("TC1", "TC2", "TC3", "TC4")
    assert rs.tie_break_text.startswith("Khi bằng tổng điểm: cùng hạng")
    assert "điểm bình quân TC1, rồi TC2, TC3, TC4" in rs.tie_break_text
    assert rs.pass_mark == D(70) and rs.quota is None
