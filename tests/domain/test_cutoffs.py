"""Products at a quota or forwarding cut-off carry a note naming the rule that decided."""

from __future__ import annotations

from builders import contest, score_sheet
from xl_addin.domain import rules as rules_mod
from xl_addin.domain import score_messages as msg
from xl_addin.domain.scoring import result_set_from_sheets

PRODUCTS = ("SP01", "SP02", "SP03", "SP04")
# One judge: totals 90, 75, 75, 60; SP02 and SP03 tie at 75, SP03 ahead on TC1 (35 against 30).
SCORES = {
    "SP01": [36, 36, 9, 9],
    "SP02": [30, 35, 5, 5],
    "SP03": [35, 30, 5, 5],
    "SP04": [30, 20, 5, 5],
}


def notes(**changes):
    rules = rules_mod.preset().with_changes(**changes)
    c = contest(products=PRODUCTS, judges=("GK1",), rules=rules)
    rs = result_set_from_sheets(c, [score_sheet("GK1", SCORES)])
    return {r.code: [f for f in r.flags if f.startswith("Tại ")] for r in rs.results}


def test_a_quota_decided_by_the_tc1_mean_says_so_with_both_means():
    found = notes(quota=2)
    cut = msg.CUT_QUOTA.format(n=2)
    assert found["SP03"] == [msg.CUT_BY_MEAN.format(cut=cut, total="75,00", other="SP02", rank=2, criterion="TC1",
                                                    mine="35,00", theirs="30,00", outcome=msg.CUT_IN)]
    assert found["SP02"] == [msg.CUT_BY_MEAN.format(cut=cut, total="75,00", other="SP03", rank=2, criterion="TC1",
                                                    mine="30,00", theirs="35,00", outcome=msg.CUT_OUT)]
    assert found["SP01"] == [] and found["SP04"] == []


def test_a_quota_decided_by_the_total_compares_the_totals():
    found = notes(quota=1)
    cut = msg.CUT_QUOTA.format(n=1)
    assert found["SP01"] == [msg.CUT_BY_TOTAL.format(cut=cut, total="90,00", side=msg.CUT_HIGHER, other="SP03",
                                                     other_total="75,00", outcome=msg.CUT_IN)]
    assert "thấp hơn SP01 (90,00 điểm)" in found["SP03"][0]


def test_forwarding_cut_off_is_noted_too_and_no_note_when_everyone_fits():
    found = notes(quota=4, forward_count=1)
    assert "ngưỡng 1 sản phẩm đề xuất cấp trên" in found["SP01"][0] and msg.CUT_IN_FORWARD in found["SP01"][0]
    assert msg.CUT_OUT_FORWARD in found["SP03"][0]
    assert notes(quota=4) == {code: [] for code in PRODUCTS}  # 3 pass, 4 places: no cut-off


def test_the_forwarding_note_follows_the_council_s_column_as_a_person_left_it():
    import copy

    from xl_addin.domain import schema
    from xl_addin.domain.sheets.results import results_header, rows_from_results

    rules = rules_mod.preset().with_changes(quota=4, forward_count=1)
    c = contest(products=PRODUCTS, judges=("GK1",), rules=rules)
    rs = result_set_from_sheets(c, [score_sheet("GK1", SCORES)])
    header = results_header(rules)
    before = rows_from_results(rs, rules)
    edited = copy.deepcopy(before)
    next(r for r in edited[4:] if r[1] == "SP01")[header.index(schema.RES_COUNCIL)] = schema.NO
    after = rows_from_results(rs, rules, edited)
    flags = {r[1]: r[header.index(schema.RES_FLAGS)] or "" for r in after[4:]}
    cut = msg.CUT_FORWARD.format(n=1)
    # SP01 is no longer proposed: SP03 and SP02 (75 each) compete for the one place, TC1 35 against 30
    assert flags["SP03"] == msg.CUT_BY_MEAN.format(cut=cut, total="75,00", other="SP02", rank=2, criterion="TC1",
                                                   mine="35,00", theirs="30,00", outcome=msg.CUT_IN_FORWARD)
    assert msg.CUT_OUT_FORWARD in flags["SP02"] and "đề xuất cấp trên" not in flags["SP01"]
