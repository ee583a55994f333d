"""Ranking, tie-break cascade, quota cut-off and forwarding, with property tests of the laws."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from builders import contest, score_sheet, sheets_from_totals
from xl_addin.domain import rules as rules_mod
from xl_addin.domain import schema
from xl_addin.domain import score_messages as msg
from xl_addin.domain.ranking import competition_ranks, forward_selection
from xl_addin.domain.scoring import result_set_from_sheets, round_half_up

D = Decimal
PRODUCTS = ("SP01", "SP02", "SP03", "SP04")


def one_judge(scores, **changes):
    """A one-judge contest over PRODUCTS with the given TC1..TC4 scores per product."""
    rules = rules_mod.preset().with_changes(**changes)
    c = contest(products=PRODUCTS, judges=("GK1",), rules=rules)
    return result_set_from_sheets(c, [score_sheet("GK1", scores)])


RANKING = {
    "SP01": [30, 30, 10, 10],  # 80
    "SP02": [30, 35, 5, 5],  # 75, TC1 30
    "SP03": [35, 30, 5, 5],  # 75, TC1 35
    "SP04": [30, 30, 5, 5],  # 70
}


def test_equal_totals_share_a_rank_and_tie_break_orders_them():
    rs = one_judge(RANKING)
    assert [(r.code, r.rank) for r in rs.results] == [("SP01", 1), ("SP03", 2), ("SP02", 2), ("SP04", 4)]


def test_tie_break_order_is_configurable():
    rs = one_judge(RANKING, tie_break=("TC2",))
    assert [r.code for r in rs.results] == ["SP01", "SP02", "SP03", "SP04"]


def test_full_tie_is_ordered_by_code():
    rs = one_judge({**RANKING, "SP03": [30, 35, 5, 5]})
    assert [(r.code, r.rank) for r in rs.results] == [("SP01", 1), ("SP02", 2), ("SP03", 2), ("SP04", 4)]


def test_quota_cut_off_decided_by_tie_break():
    rs = one_judge(RANKING, quota=2)
    assert [(r.code, r.passed, r.council_proposal) for r in rs.results] == [
        ("SP01", True, True), ("SP03", True, True), ("SP02", True, False), ("SP04", True, False),
    ]
    assert rs.findings == ()


def test_full_tie_across_the_quota_includes_both_with_a_warning():
    rs = one_judge({**RANKING, "SP03": [30, 35, 5, 5]}, quota=2)
    assert [(r.code, r.council_proposal) for r in rs.results] == [
        ("SP01", True), ("SP02", True), ("SP03", True), ("SP04", False),
    ]
    # In Kết quả, products sit from row 5 in ranking order; the Cảnh báo column is the 18th (R):
    # 5 lead columns, 4 criteria, then the 9th tail column. SP02 and SP03 rank 2nd and 3rd.
    assert sorted((f.code, f.sheet, f.cell) for f in rs.findings) == [
        ("quota-tie", schema.SHEET_RESULTS, "R6"),
        ("quota-tie", schema.SHEET_RESULTS, "R7"),
    ]
    flagged = {r.code for r in rs.results if msg.FLAG_QUOTA_TIE in r.flags}
    assert flagged == {"SP02", "SP03"}


def test_only_passed_products_are_proposed_and_forwarded():
    rs = one_judge({**RANKING, "SP04": [30, 30, 5, 4]}, forward_count=2)
    assert [(r.code, r.passed, r.council_proposal, r.forward_proposal) for r in rs.results] == [
        ("SP01", True, True, True), ("SP03", True, True, True),
        ("SP02", True, True, False), ("SP04", False, False, False),
    ]


def test_forwarding_counts_council_proposals_only():
    rs = one_judge(RANKING, quota=1, forward_count=3)
    assert [r.code for r in rs.results if r.forward_proposal] == ["SP01"]
    assert not any(r.forward_proposal for r in one_judge(RANKING).results)  # N not set


def test_competition_ranks_and_forward_selection():
    assert competition_ranks([D(90), D(80), D(80), D(80), D(70)]) == [1, 2, 2, 2, 5]
    assert competition_ranks([]) == []
    assert forward_selection([True, False, True, True], 2) == [True, False, True, False]
    assert forward_selection([True, True], None) == [False, False]


# --- Laws ---------------------------------------------------------------------------------

hundredths = st.integers(min_value=0, max_value=10000).map(lambda n: D(n).scaleb(-2))


@st.composite
def panels(draw):
    """Judges' totals (2 decimals) for up to 8 products by 1 to 5 judges."""
    n_judges = draw(st.integers(1, 5))
    n_products = draw(st.integers(1, 8))
    # few distinct values so that equal totals really happen
    pool = draw(st.lists(hundredths, min_size=1, max_size=4))
    totals = {
        f"GK{j}": {f"SP{p:02}": draw(st.sampled_from(pool)) for p in range(1, n_products + 1)}
        for j in range(1, n_judges + 1)
    }
    return totals


def run(totals):
    judges = tuple(totals)
    products = tuple(next(iter(totals.values())))
    c = contest(products=products, judges=judges)
    return result_set_from_sheets(c, sheets_from_totals(totals))


@settings(max_examples=150, deadline=None)
@given(panels())
def test_mean_lies_between_the_lowest_and_highest_judge(totals):
    for r in run(totals).results:
        given_totals = [by_product[r.code] for by_product in totals.values()]
        assert min(given_totals) <= r.exact_total <= max(given_totals)
        assert min(given_totals) <= r.total <= max(given_totals)  # they are on the 2-place grid
        assert r.spread == max(given_totals) - min(given_totals)


@settings(max_examples=150, deadline=None)
@given(panels())
def test_ranking_is_a_permutation_with_competition_ranks(totals):
    results = run(totals).results
    products = next(iter(totals.values()))
    assert sorted(r.code for r in results) == sorted(products)
    assert all(a.total >= b.total for a, b in zip(results, results[1:]))
    for r in results:
        assert r.rank == 1 + sum(1 for o in results if o.total > r.total)
    for a in results:
        for b in results:
            assert (a.total == b.total) == (a.rank == b.rank)


@given(st.integers(min_value=0, max_value=10**7))
def test_round_half_up_matches_decimal_half_up(thousandths):
    value = D(thousandths).scaleb(-3)
    assert round_half_up(value) == value.quantize(D("0.01"), rounding=ROUND_HALF_UP)
    assert round_half_up(Fraction(thousandths, 1000)) == round_half_up(value)


@given(st.integers(min_value=6990, max_value=7010))
def test_pass_follows_the_rounded_total(hundredths_total):
    # two judges 0.01 apart put the exact mean on a ...5 thousandth: it rounds up
    low = D(hundredths_total).scaleb(-2)
    c = contest(products=("SP01",), judges=("GK1", "GK2"))
    r = result_set_from_sheets(c, sheets_from_totals({"GK1": {"SP01": low}, "GK2": {"SP01": low + D("0.01")}})).results[0]
    assert r.total == low + D("0.01")
    assert r.passed == (low + D("0.01") >= 70)
