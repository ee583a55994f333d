"""One product's scores from the judges' sheets: points per criterion, judges' totals, exact means (SPEC §2)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Iterable, Mapping

from .exact import EXACT, Ratio, half_up_quotient, mean, round_half_up
from .models import Contest, Judge, Registration, ScoreSheet
from .results import JudgeTotal
from .rules import Rules
from .tables import header_key

_ZERO = Ratio(0)
_NOUGHT = Decimal(0)


@dataclass(frozen=True)
class ProductScores:
    """A product's judges' totals and exact means, before ranking."""

    registration: Registration
    judge_totals: tuple[JudgeTotal, ...]  # every judge of the contest, in order
    totals: dict[str, Decimal]  # judge code -> total, only judges who scored the product
    means: dict[str, Ratio]  # criterion or item code -> exact mean over those judges
    exact: Ratio  # mean of the judges' totals
    total: Decimal  # the official total
    total_sum: Decimal  # the judges' totals added up, exactly (for the leave-one-out figures)

    @property
    def code(self) -> str:
        """The product code."""
        return self.registration.code

    def official_without(self, judge_code: str) -> Decimal:
        """The official total the product would get without one of its judges (two judges at least)."""
        return self.official_without_total(self.totals[judge_code])

    def official_without_total(self, total: Decimal) -> Decimal:
        """The official total without one judge whose total is `total` (two judges at least)."""
        return half_up_quotient(EXACT.subtract(self.total_sum, total), len(self.totals) - 1)


def official_total(judge_totals: Iterable[Decimal]) -> Decimal:
    """The official total: the exact mean of the judges' totals rounded half-up to 2 places."""
    return round_half_up(mean(judge_totals))


def spread(p: ProductScores) -> Decimal:
    """Max minus min of the judges' totals (0 with fewer than two)."""
    values = list(p.totals.values())
    return max(values) - min(values) if values else Decimal(0)


def criterion_points(rules: Rules, scores: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """One judge's points per criterion code: items as scored, parents their items' sum capped."""
    return ScoringPlan(rules).points(scores)


def conflicted(judge: Judge, code: str) -> bool:
    """True when the judge declared a conflict with the product."""
    return header_key(code) in {header_key(c) for c in judge.conflicts}


class ScoringPlan:
    """What scoring needs of the rules, the judges and their sheets, worked out once per computation."""

    def __init__(self, rules: Rules, judges: Iterable[Judge] = (), sheets: Mapping[str, ScoreSheet] | None = None):
        children: dict[str, list[str]] = {}
        for c in rules.criteria:
            if c.parent:
                children.setdefault(c.parent, []).append(c.code)
        caps = {c.code: c.max_points for c in rules.criteria}
        self.order: list[tuple[str, tuple[str, ...], Decimal]] = []  # (code, its items, cap): items first

        def visit(code: str) -> None:
            if all(code != done for done, _, _ in self.order):
                for kid in children.get(code, ()):
                    visit(kid)
                self.order.append((code, tuple(children.get(code, ())), caps[code]))

        for c in rules.criteria:
            visit(c.code)
        self.codes = tuple(c.code for c in rules.criteria)
        self.tops = tuple(c.code for c in rules.top_criteria)
        self.flat = not children  # no sub-items: a judge's points are the scores as typed
        sheets = sheets or {}
        # Per judge in the contest's order: code, sheet scores, conflict keys, and the two totals
        # that never change (not scored, conflicted), made once.
        self.judges = [(j.code, sheets[j.code].scores if j.code in sheets else None,
                        frozenset(header_key(c) for c in j.conflicts),
                        JudgeTotal(j.code, None, False), JudgeTotal(j.code, None, True)) for j in judges]
        self.any_conflict = any(conflicts for _, _, conflicts, _, _ in self.judges)

    def points(self, scores: Mapping[str, Decimal]) -> dict[str, Decimal]:
        """One judge's points per criterion code (see criterion_points)."""
        if self.flat:
            return {code: scores.get(code, _NOUGHT) for code in self.codes}
        points: dict[str, Decimal] = {}
        for code, kids, cap in self.order:
            points[code] = (min(sum((points[k] for k in kids), Decimal(0)), cap) if kids
                            else scores.get(code, Decimal(0)))
        return {code: points[code] for code in self.codes}


def product_scores(contest: Contest, sheets: Mapping[str, ScoreSheet], reg: Registration,
                   plan: ScoringPlan | None = None) -> ProductScores:
    """A product's scores from the judges' sheets (judge code -> sheet)."""
    plan = plan or ScoringPlan(contest.rules, contest.judges, sheets)
    code = reg.code
    key = header_key(code) if plan.any_conflict else None
    judge_totals: list[JudgeTotal] = []
    per_judge: dict[str, object] = {}  # each scoring judge's points, in the criteria's order
    totals: dict[str, Decimal] = {}
    tops, codes, flat = plan.tops, plan.codes, plan.flat
    for judge, by_product, conflicts, absent, conflicted_total in plan.judges:
        if key is not None and key in conflicts:
            judge_totals.append(conflicted_total)
            continue
        scores = by_product.get(code) if by_product is not None else None
        if not scores:
            judge_totals.append(absent)
            continue
        if flat:  # the criteria are the items: the total adds up the points in the criteria's order
            # the sheet's own scores are the points when they hold every item in the rules' order
            points = scores if tuple(scores) == codes else plan.points(scores)
            values = points.values()
            total = sum(values, _NOUGHT)
        else:
            points = plan.points(scores)
            values = points.values()
            total = sum([points[c] for c in tops], _NOUGHT)
        per_judge[judge] = values
        totals[judge] = total
        judge_totals.append(JudgeTotal(judge, total))
    n = len(per_judge)
    if not n:
        return ProductScores(reg, tuple(judge_totals), totals, dict.fromkeys(plan.codes, _ZERO), _ZERO,
                             round_half_up(_ZERO), Decimal(0))
    with localcontext(EXACT):  # exact sums: the means are what Fraction would give
        sums = [sum(column, _NOUGHT) for column in zip(*per_judge.values())]
        total_sum = sum(totals.values(), _NOUGHT)
    means = {c: Ratio.of(s, n) for c, s in zip(plan.codes, sums)}
    return ProductScores(reg, tuple(judge_totals), totals, means, Ratio.of(total_sum, n),
                         half_up_quotient(total_sum, n), total_sum)
