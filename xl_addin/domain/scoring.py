"""Judges' scores to results: exact means, official totals, ranking and warnings (SPEC §2)."""

from __future__ import annotations

from decimal import Context, Decimal, localcontext
from typing import Iterable, Mapping

from . import cutoffs, ranking, schema
from . import score_messages as msg
from .exact import EXACT, Ratio, as_ratio, decimal_context, mean, round_half_up, to_decimal
from .findings import Finding, warning
from .models import Contest, ScoreSheet
from .product_scores import (ProductScores, ScoringPlan, conflicted, criterion_points, official_total,
                             product_scores, spread)
from .results import ProductResult, ResultSet
from .rules import Rules

__all__ = ["ProductScores", "conflicted", "criterion_points", "judge_bias", "judge_biases", "mean",
           "official_total", "product_scores", "result_set_from_sheets", "round_half_up", "spread", "to_decimal"]
_ZERO = Ratio(0)


def result_set_from_sheets(contest: Contest, sheets: list[ScoreSheet], *, provisional: bool = False) -> ResultSet:
    """Every product's result in ranking order, with the pre-fills and the warnings."""
    rules = contest.rules
    by_judge: dict[str, ScoreSheet] = {}
    for sheet in sheets:
        by_judge.setdefault(sheet.judge_code, sheet)
    plan = ScoringPlan(rules, contest.judges, by_judge)
    ordered = ranking.ranked_order([product_scores(contest, by_judge, r, plan) for r in contest.registrations],
                                   rules.tie_break)
    pass_mark = rules.pass_mark(contest.info.level)
    passed = [bool(p.totals) and p.total >= pass_mark for p in ordered]
    council, tied = ranking.council_selection(ordered, passed, rules.quota, rules.tie_break)
    forward = ranking.forward_selection(council, rules.forward_count)
    ranks = ranking.competition_ranks([p.total for p in ordered])
    gaps = [spread(p) for p in ordered]
    alerts = _Alerts(_result_cells(rules, ordered))
    alerts.spread(rules, ordered, gaps)
    alerts.depends(ordered, passed, pass_mark)
    alerts.quota_ties([ordered[i] for i in tied], rules.quota)
    alerts.outliers(contest, ordered)
    alerts.cut_offs(ordered, ranks, passed, council, forward, rules)
    quotients = _Quotients(decimal_context())
    results = tuple(
        _result(p, plan.tops, ranks[i], passed[i], council[i], forward[i], alerts.flags_of(p), provisional, quotients,
                gaps[i])
        for i, p in enumerate(ordered)
    )
    return ResultSet(results, pass_mark, rules.quota, rules.forward_count, tuple(rules.tie_break),
                     msg.tie_break_text(tuple(rules.tie_break)), provisional, tuple(alerts.findings))


def _result(p: ProductScores, tops: tuple[str, ...], rank: int, passed: bool, council: bool,
            forward: bool, flags: tuple[str, ...], provisional: bool, quotients: _Quotients,
            gap: Decimal) -> ProductResult:
    reg = p.registration
    decimal = quotients.of
    return ProductResult(
        code=reg.code, name=reg.name, group=reg.group, establishment=reg.establishment, rank=rank,
        criterion_means={c: decimal(p.means[c]) for c in tops}, exact_total=decimal(p.exact),
        total=p.total,
        judge_totals=p.judge_totals,
        judge_count=len(p.totals), spread=gap, passed=passed, council_proposal=council,
        forward_proposal=forward, flags=flags, provisional=provisional,
    )


class _Quotients:
    """to_decimal in one context, each mean's Decimal made once (many products share a mean)."""

    def __init__(self, context: Context):
        self.context = context
        self._made: dict[tuple[int, int], Decimal] = {}

    def of(self, value: Ratio) -> Decimal:
        """to_decimal(value, context)."""
        key = (value.numerator, value.denominator)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = to_decimal(value, self.context)
        return made


def _result_cells(rules: Rules, ordered: list[ProductScores]) -> dict[str, str]:
    """Each product's Cảnh báo cell in Kết quả, where its warnings are written (rows in ranking order)."""
    from .sheets.results import result_cells  # sheets.results builds on this module

    return result_cells(rules, [p.code for p in ordered])


class _Alerts:
    """Collects the flags of each product and the warning findings of a computation."""

    def __init__(self, cells: Mapping[str, str]) -> None:
        self.findings: list[Finding] = []
        self._flags: dict[str, list[str]] = {}
        self._cells = cells  # product code -> its Kết quả cell

    def flags_of(self, p: ProductScores) -> tuple[str, ...]:
        """The product's flags, with 'no scores yet' when nobody scored it."""
        extra = [] if p.totals else [msg.FLAG_NO_JUDGE]
        return tuple(extra + self._flags.get(p.code, []))

    def _add(self, p: ProductScores, flag: str, code: str, message: str) -> None:
        self._flags.setdefault(p.code, []).append(flag)
        self.findings.append(warning(code, schema.SHEET_RESULTS, self._cells.get(p.code, ""), message))

    def spread(self, rules: Rules, ordered: list[ProductScores], gaps: list[Decimal]) -> None:
        """judge-spread: the judges' totals of a product (their spread in `gaps`) differ by more than the alert."""
        alert = msg.short_points(rules.spread_alert)
        for p, gap in zip(ordered, gaps):
            if gap > rules.spread_alert:
                shown = msg.short_points(gap)
                self._add(p, msg.FLAG_SPREAD.format(spread=shown), "judge-spread",
                          msg.SPREAD_WARNING.format(code=p.code, name=p.registration.name, spread=shown, alert=alert))

    def depends(self, ordered: list[ProductScores], passed: list[bool], pass_mark: Decimal) -> None:
        """pass-depends-on-judge: leaving one judge out would flip the product's pass."""
        for p, ok in zip(ordered, passed):
            if len(p.totals) < 2:
                continue
            # Leaving out the highest total lowers the mean most, the lowest raises it most, and rounding
            # keeps the order: when that judge does not flip the pass, no judge does.
            extreme = max(p.totals.values()) if ok else min(p.totals.values())
            if (p.official_without_total(extreme) >= pass_mark) == ok:
                continue
            names = [j for j in p.totals if (p.official_without(j) >= pass_mark) != ok]
            if names:
                judges = ", ".join(names)
                change = msg.DEPENDS_WOULD_FAIL if ok else msg.DEPENDS_WOULD_PASS
                self._add(p, msg.FLAG_DEPENDS.format(judges=judges), "pass-depends-on-judge",
                          msg.DEPENDS_WARNING.format(code=p.code, name=p.registration.name, total=msg.points(p.total),
                                                     change=change, judges=judges))

    def quota_ties(self, tied: list[ProductScores], quota: int | None) -> None:
        """quota-tie: products fully tied across the quota cut-off, all proposed."""
        for p in tied:
            others = ", ".join(o.code for o in tied if o is not p)
            self._add(p, msg.FLAG_QUOTA_TIE, "quota-tie",
                      msg.QUOTA_TIE_WARNING.format(code=p.code, name=p.registration.name, others=others, quota=quota))

    def cut_offs(self, ordered: list[ProductScores], ranks: list[int], passed: list[bool],
                 council: list[bool], forward: list[bool], rules: Rules) -> None:
        """A note on each product at the quota or forwarding cut-off saying which rule decided."""
        quota = cutoffs.cut_off_notes(ordered, ranks, council, passed, rules.quota,
                                      msg.CUT_QUOTA.format(n=rules.quota), rules.tie_break, (msg.CUT_IN, msg.CUT_OUT))
        fwd = cutoffs.cut_off_notes(ordered, ranks, forward, council, rules.forward_count,
                                    msg.CUT_FORWARD.format(n=rules.forward_count), rules.tie_break,
                                    (msg.CUT_IN_FORWARD, msg.CUT_OUT_FORWARD))
        for notes in (quota, fwd):
            for code, note in notes.items():
                self._flags.setdefault(code, []).append(note)

    def outliers(self, contest: Contest, ordered: list[ProductScores]) -> None:
        """outlier-judge: a judge's mean gap to the other judges reaches the alert."""
        alert = as_ratio(contest.rules.outlier_alert)
        biases = judge_biases(ordered)
        for judge in contest.judges:
            bias = biases.get(judge.code)
            if bias is None or abs(bias) < alert:
                continue
            direction = msg.OUTLIER_LOWER if bias < 0 else msg.OUTLIER_HIGHER
            self.findings.append(warning("outlier-judge", schema.SHEET_JUDGES, f"A{judge.row}" if judge.row else "",
                                         msg.OUTLIER_WARNING.format(
                                             judge=judge.code, name=judge.name, direction=direction,
                                             bias=msg.points(round_half_up(abs(bias))),
                                             alert=msg.short_points(contest.rules.outlier_alert))))


def judge_bias(judge_code: str, products: Iterable[ProductScores]) -> Ratio | None:
    """Mean over products of (judge's total - mean of the other judges' totals); None if unmeasurable."""
    return judge_biases(products).get(judge_code)


def judge_biases(products: Iterable[ProductScores]) -> dict[str, Ratio]:
    """judge_bias of every judge measurable on the products, in one pass over them."""
    # With n judges, a total t and their sum S: t - (S - t) / (n - 1) = (n * t - S) / (n - 1). The
    # numerators are added exactly per judge and n - 1, so only a few Ratios are made.
    numerators: dict[str, dict[int, Decimal]] = {}  # judge -> the other judges' count -> numerators added
    gaps: dict[str, int] = {}
    with localcontext(EXACT):
        for p in products:
            n = len(p.totals)
            if n < 2:
                continue
            total_sum = p.total_sum
            for judge, t in p.totals.items():
                by_count = numerators.setdefault(judge, {})
                by_count[n - 1] = by_count.get(n - 1, Decimal(0)) + (n * t - total_sum)
                gaps[judge] = gaps.get(judge, 0) + 1
    biases = {}
    for judge, by_count in numerators.items():
        added = sum((Ratio.of(s, others) for others, s in by_count.items()), _ZERO)
        biases[judge] = Ratio(added.numerator, added.denominator * gaps[judge])
    return biases
