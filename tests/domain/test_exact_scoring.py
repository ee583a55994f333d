"""The scoring arithmetic (integers and exact Decimals, no Fraction) against an independent Fraction computation.

The reference here is written from SPEC §2 with fractions.Fraction, as the scoring code was before
it dropped Fraction for speed: means, half-up official totals, ranking by total then the tie-break
means then code, the leave-one-judge-out pass check and the judges' mean gap. Random panels use
half points, few distinct values (so that ties happen) and pairs of totals 0.01 apart (so that the
exact mean lands on a ...5 thousandth and the half-up rule decides).
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from builders import contest, score_sheet, split_total
from xl_addin.domain import rules as rules_mod
from xl_addin.domain import schema
from xl_addin.domain import score_messages as msg
from xl_addin.domain.exact import Ratio, as_ratio, half_up_quotient, mean, round_half_up, to_decimal
from xl_addin.domain.rules import Criterion
from xl_addin.domain.scoring import result_set_from_sheets
from xl_addin.domain.sheets.results import rows_from_results

D = Decimal
F = Fraction


def ref_half_up(value: Fraction, places: int = 2) -> Decimal:
    """Half away from zero, from the definition: floor(|x| * 10^places + 1/2), the sign put back."""
    n = math.floor(abs(value) * 10**places + F(1, 2))
    return Decimal(-n if value < 0 else n).scaleb(-places)


def ref_decimal(value: Fraction) -> Decimal:
    """A Fraction as a Decimal of 28 significant digits (exact when it terminates)."""
    with localcontext() as ctx:
        ctx.prec = 28
        return Decimal(value.numerator) / Decimal(value.denominator)


def same(a: Decimal, b: Decimal) -> bool:
    """Bit for bit: the same sign, digits and exponent (70.00 is not 70)."""
    return a.as_tuple() == b.as_tuple()


# --- The rational and the rounding -------------------------------------------------------------

ints = st.integers(min_value=-10**12, max_value=10**12)
dens = st.integers(min_value=1, max_value=10**6)


@given(ints, dens, ints, dens)
def test_ratio_orders_equals_and_hashes_like_fraction(p, q, r, s):
    a, b = Ratio(p, q), Ratio(r, s)
    fa, fb = F(p, q), F(r, s)
    assert (a.numerator, a.denominator) == (fa.numerator, fa.denominator)
    assert (a < b, a <= b, a == b, a != b, a > b, a >= b) == (fa < fb, fa <= fb, fa == fb, fa != fb, fa > fb, fa >= fb)
    assert hash(a) == hash(fa)
    assert (-a).numerator == (-fa).numerator and abs(a).numerator == abs(fa).numerator
    total = a + b
    assert (total.numerator, total.denominator) == ((fa + fb).numerator, (fa + fb).denominator)
    assert (a - b).numerator == (fa - fb).numerator


@given(st.integers(min_value=-10**9, max_value=10**9), st.integers(min_value=0, max_value=6))
def test_ratio_of_a_decimal_equals_it(units, places):
    d = D(units).scaleb(-places)
    assert as_ratio(d) == d and as_ratio(d) == Ratio.of(d) and hash(as_ratio(d)) == hash(d)
    third = F(d) / 3
    assert (Ratio.of(d, 3).numerator, Ratio.of(d, 3).denominator) == (third.numerator, third.denominator)


@given(ints, dens, st.integers(min_value=0, max_value=5))
def test_round_half_up_of_any_rational(p, q, places):
    assert same(round_half_up(Ratio(p, q), places), ref_half_up(F(p, q), places))
    assert same(round_half_up(F(p, q), places), ref_half_up(F(p, q), places))


@given(st.integers(min_value=-10**7, max_value=10**7), st.integers(min_value=1, max_value=12))
def test_half_up_at_the_tie_and_next_to_it(thousandths, count):
    # k / 1000 with k odd times 5 sits exactly halfway between two hundredths; one millionth either side does not
    for value in (D(thousandths).scaleb(-3), D(thousandths * 1000 + 1).scaleb(-6), D(thousandths * 1000 - 1).scaleb(-6)):
        assert same(round_half_up(value), ref_half_up(F(value)))
        assert same(half_up_quotient(value * count, count), ref_half_up(F(value)))
        assert same(half_up_quotient(value, count), ref_half_up(F(value) / count))


@given(st.lists(st.integers(min_value=0, max_value=2000).map(lambda n: D(n) / 20), max_size=12), st.booleans())
def test_mean_and_its_decimal(values, many_digits):
    if many_digits:  # 30 significant digits: a 28-digit context would round these sums, the exact one must not
        values = [v + D("1e-27") for v in values]
    expected = sum((F(v) for v in values), F(0)) / len(values) if values else F(0)
    got = mean(values)
    assert (got.numerator, got.denominator) == (expected.numerator, expected.denominator)
    assert same(to_decimal(got), ref_decimal(expected))


# --- Whole computations against the Fraction reference -----------------------------------------

@st.composite
def contests(draw):
    """A contest with 1-6 judges, 1-9 products, scores in halves and hundredths, conflicts, gaps and rules."""
    n_judges, n_products = draw(st.integers(1, 6)), draw(st.integers(1, 9))
    judges = tuple(f"GK{j}" for j in range(1, n_judges + 1))
    products = tuple(f"SP{p:02}" for p in range(1, n_products + 1))
    sub_items = draw(st.booleans())
    base = rules_mod.preset()
    criteria = base.criteria
    if sub_items:  # TC1 scored as two items capped at 40
        criteria = (criteria[0], Criterion("TC1.1", "Thị trường", D(25), "TC1"),
                    Criterion("TC1.2", "Sản xuất", D(25), "TC1"), *criteria[1:])
    rules = base.with_changes(
        criteria=criteria, quota=draw(st.none() | st.integers(0, n_products)),
        forward_count=draw(st.none() | st.integers(0, n_products)),
        spread_alert=D(draw(st.integers(0, 20))), outlier_alert=D(draw(st.integers(0, 6))) / 2,
        tie_break=tuple(draw(st.permutations(["TC1", "TC2", "TC3", "TC4"]))[:draw(st.integers(0, 4))]),
    )
    conflicts = {j: draw(st.lists(st.sampled_from(products), max_size=2)) for j in judges}
    # a few totals near the pass mark, 0.01 apart, and a few half-point score rows: ties happen
    near = draw(st.lists(st.integers(6990, 7010).map(lambda n: D(n).scaleb(-2)), min_size=1, max_size=3))
    halves = st.integers(0, 20).map(lambda n: D(n) / 2)
    rows = draw(st.lists(st.tuples(st.integers(40, 80).map(lambda n: D(n) / 2), st.integers(40, 80).map(lambda n: D(n) / 2),
                                   halves, halves), min_size=1, max_size=3))
    c = contest(products=products, judges=judges, rules=rules, conflicts=conflicts)
    sheets = []
    for j in judges:
        scores = {}
        for p in products:
            kind = draw(st.sampled_from(["near", "row", "row", "missing"]))
            if kind == "missing":
                continue
            values = list(split_total(draw(st.sampled_from(near))) if kind == "near" else draw(st.sampled_from(rows)))
            if sub_items:
                first = values.pop(0)
                values = [min(first, D(25)), first - min(first, D(25)) + draw(st.sampled_from([D(0), D(5)])), *values]
            scores[p] = values
        sheets.append(score_sheet(j, scores, rules))
    return c, sheets


def reference(c, sheets):
    """Official totals, exact means, order, passes, depends and judges' gaps, with Fractions."""
    rules, by_judge = c.rules, {s.judge_code: s for s in sheets}
    tops = [x.code for x in rules.top_criteria]
    kids = {x.code: [k.code for k in rules.criteria if k.parent == x.code] for x in rules.criteria}
    caps = {x.code: F(x.max_points) for x in rules.criteria}

    def points(scores, code):
        if kids[code]:
            return min(sum((points(scores, k) for k in kids[code]), F(0)), caps[code])
        return F(scores.get(code, 0))

    products = {}
    for reg in c.registrations:
        totals, means = {}, {}
        for judge in c.judges:
            scores = by_judge[judge.code].scores.get(reg.code) if judge.code in by_judge else None
            if scores and reg.code not in judge.conflicts:
                totals[judge.code] = sum((points(scores, t) for t in tops), F(0))
                for x in rules.criteria:
                    means.setdefault(x.code, []).append(points(scores, x.code))
        exact = sum(totals.values(), F(0)) / len(totals) if totals else F(0)
        products[reg.code] = {"totals": totals, "exact": exact, "total": ref_half_up(exact),
                              "means": {k: sum(v, F(0)) / len(v) for k, v in means.items()}}
    order = sorted(products, key=lambda code: (-products[code]["total"],
                                                *(-products[code]["means"].get(t, F(0)) for t in rules.tie_break), code))
    return products, order


def ref_depends(p, pass_mark):
    totals = p["totals"]
    ok = bool(totals) and p["total"] >= pass_mark
    if len(totals) < 2:
        return []
    return [j for j in totals
            if (ref_half_up(sum((t for k, t in totals.items() if k != j), F(0)) / (len(totals) - 1)) >= pass_mark) != ok]


def ref_bias(judge, products):
    gaps = [p["totals"][judge] - sum((t for k, t in p["totals"].items() if k != judge), F(0)) / (len(p["totals"]) - 1)
            for p in products.values() if judge in p["totals"] and len(p["totals"]) >= 2]
    return sum(gaps, F(0)) / len(gaps) if gaps else None


@settings(max_examples=400, deadline=None)
@given(contests())
def test_results_equal_the_fraction_reference(case):
    c, sheets = case
    rs = result_set_from_sheets(c, sheets)
    products, order = reference(c, sheets)
    assert [r.code for r in rs.results] == order
    pass_mark = c.rules.pass_mark(c.info.level)
    for r in rs.results:
        p = products[r.code]
        assert same(r.total, p["total"])
        assert same(r.exact_total, ref_decimal(p["exact"]))
        for code in (x.code for x in c.rules.top_criteria):
            assert same(r.criterion_means[code], ref_decimal(p["means"].get(code, F(0))))
        assert r.passed == (bool(p["totals"]) and p["total"] >= pass_mark)
        assert r.rank == 1 + sum(1 for o in products.values() if o["total"] > p["total"])
        names = ref_depends(p, pass_mark)
        depends = [f for f in r.flags if f.startswith(msg.FLAG_DEPENDS.split("{")[0])]
        assert depends == ([msg.FLAG_DEPENDS.format(judges=", ".join(names))] if names else [])
    rows = rows_from_results(rs, c.rules, judge_codes=[j.code for j in c.judges])
    header = rows[3]
    for row in rows[4:]:
        p = products[row[header.index(schema.COL_CODE)]]
        assert row[header.index(schema.RES_TOTAL)] == float(p["total"])
        for code in (x.code for x in c.rules.top_criteria):  # shown as the 28-digit mean rounded half-up
            assert row[header.index(code)] == float(ref_half_up(F(ref_decimal(p["means"].get(code, F(0))))))
        gap = max(p["totals"].values()) - min(p["totals"].values()) if p["totals"] else F(0)
        assert row[header.index(schema.RES_SPREAD)] == float(ref_half_up(gap))
    outliers = {f.cell: f.message for f in rs.findings if f.code == "outlier-judge"}
    for judge in c.judges:
        bias = ref_bias(judge.code, products)
        flagged = bias is not None and abs(bias) >= c.rules.outlier_alert
        assert (f"A{judge.row}" in outliers) == flagged
        if flagged:
            assert f" {msg.points(ref_half_up(abs(bias)))} điểm" in outliers[f"A{judge.row}"]
