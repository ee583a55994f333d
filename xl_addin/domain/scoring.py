"""Judges' scores to results: exact means, official totals, ranking and warnings (SPEC §2)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Iterable, Mapping

from . import cutoffs, ranking, schema
from . import score_messages as msg
from .findings import Finding, warning
from .models import Contest, Judge, Registration, ScoreSheet
from .results import JudgeTotal, ProductResult, ResultSet
from .rules import Criterion, Rules
from .tables import header_key


@dataclass(frozen=True)
class ProductScores:
    """A product's judges' totals and exact means, before ranking."""

    registration: Registration
    judge_totals: tuple[JudgeTotal, ...]  # every judge of the contest, in order
    totals: dict[str, Decimal]  # judge code -> total, only judges who scored the product
    means: dict[str, Fraction]  # criterion or item code -> exact mean over those judges
    exact: Fraction  # mean of the judges' totals
    total: Decimal  # the official total

    @property
    def code(self) -> str:
        """The product code."""
        return self.registration.code


def round_half_up(value: Fraction | Decimal | int, places: int = 2) -> Decimal:
    """The value rounded half away from zero to `places` decimals, exactly (69.995 -> 70.00)."""
    fr = Fraction(value)
    n = math.floor(abs(fr) * 10**places + Fraction(1, 2))
    return Decimal(-n if fr < 0 else n).scaleb(-places)


def to_decimal(value: Fraction) -> Decimal:
    """A Fraction as a Decimal (exact when it terminates, else 28 significant digits)."""
    with localcontext() as ctx:
        ctx.prec = 28
        return Decimal(value.numerator) / Decimal(value.denominator)


def mean(values: Iterable[Fraction | Decimal]) -> Fraction:
    """The exact arithmetic mean; 0 for no values."""
    items = [Fraction(v) for v in values]
    return sum(items, Fraction(0)) / len(items) if items else Fraction(0)


def official_total(judge_totals: Iterable[Decimal]) -> Decimal:
    """The official total: the exact mean of the judges' totals rounded half-up to 2 places."""
    return round_half_up(mean(judge_totals))


def criterion_points(rules: Rules, scores: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """One judge's points per criterion code: items as scored, parents their items' sum capped."""
    children: dict[str, list[Criterion]] = {}
    for c in rules.criteria:
        if c.parent:
            children.setdefault(c.parent, []).append(c)
    points: dict[str, Decimal] = {}

    def value(c: Criterion) -> Decimal:
        if c.code not in points:
            kids = children.get(c.code)
            points[c.code] = (min(sum((value(k) for k in kids), Decimal(0)), c.max_points)
                              if kids else scores.get(c.code, Decimal(0)))
        return points[c.code]

    for c in rules.criteria:
        value(c)
    return points


def conflicted(judge: Judge, code: str) -> bool:
    """True when the judge declared a conflict with the product."""
    return header_key(code) in {header_key(c) for c in judge.conflicts}


def product_scores(contest: Contest, sheets: Mapping[str, ScoreSheet], reg: Registration) -> ProductScores:
    """A product's scores from the judges' sheets (judge code -> sheet)."""
    rules = contest.rules
    judge_totals: list[JudgeTotal] = []
    per_judge: dict[str, dict[str, Decimal]] = {}
    for judge in contest.judges:
        sheet = sheets.get(judge.code)
        scores = sheet.scores.get(reg.code) if sheet else None
        if conflicted(judge, reg.code) or not scores:
            judge_totals.append(JudgeTotal(judge.code, None, conflicted(judge, reg.code)))
            continue
        points = criterion_points(rules, scores)
        per_judge[judge.code] = points
        judge_totals.append(JudgeTotal(judge.code, sum((points[c.code] for c in rules.top_criteria), Decimal(0))))
    totals = {jt.judge_code: jt.total for jt in judge_totals if jt.total is not None}
    means = {c.code: mean(p[c.code] for p in per_judge.values()) for c in rules.criteria}
    exact = mean(totals.values())
    return ProductScores(reg, tuple(judge_totals), totals, means, exact, round_half_up(exact))


def result_set_from_sheets(contest: Contest, sheets: list[ScoreSheet], *, provisional: bool = False) -> ResultSet:
    """Every product's result in ranking order, with the pre-fills and the warnings."""
    rules = contest.rules
    by_judge: dict[str, ScoreSheet] = {}
    for sheet in sheets:
        by_judge.setdefault(sheet.judge_code, sheet)
    ordered = ranking.ranked_order([product_scores(contest, by_judge, r) for r in contest.registrations],
                                   rules.tie_break)
    pass_mark = rules.pass_mark(contest.info.level)
    passed = [bool(p.totals) and p.total >= pass_mark for p in ordered]
    council, tied = ranking.council_selection(ordered, passed, rules.quota, rules.tie_break)
    forward = ranking.forward_selection(council, rules.forward_count)
    ranks = ranking.competition_ranks([p.total for p in ordered])
    alerts = _Alerts(_result_cells(rules, ordered))
    alerts.spread(rules, ordered)
    alerts.depends(ordered, passed, pass_mark)
    alerts.quota_ties([ordered[i] for i in tied], rules.quota)
    alerts.outliers(contest, ordered)
    alerts.cut_offs(ordered, ranks, passed, council, forward, rules)
    results = tuple(
        _result(p, rules.top_criteria, ranks[i], passed[i], council[i], forward[i], alerts.flags_of(p), provisional)
        for i, p in enumerate(ordered)
    )
    return ResultSet(results, pass_mark, rules.quota, rules.forward_count, tuple(rules.tie_break),
                     msg.tie_break_text(tuple(rules.tie_break)), provisional, tuple(alerts.findings))


def spread(p: ProductScores) -> Decimal:
    """Max minus min of the judges' totals (0 with fewer than two)."""
    values = list(p.totals.values())
    return max(values) - min(values) if values else Decimal(0)


def _result(p: ProductScores, tops: tuple[Criterion, ...], rank: int, passed: bool, council: bool,
            forward: bool, flags: tuple[str, ...], provisional: bool) -> ProductResult:
    reg = p.registration
    return ProductResult(
        code=reg.code, name=reg.name, group=reg.group, establishment=reg.establishment, rank=rank,
        criterion_means={c.code: to_decimal(p.means[c.code]) for c in tops}, exact_total=to_decimal(p.exact), total=p.total, judge_totals=p.judge_totals,
        judge_count=len(p.totals), spread=spread(p), passed=passed, council_proposal=council,
        forward_proposal=forward, flags=flags, provisional=provisional,
    )


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

    def spread(self, rules: Rules, ordered: list[ProductScores]) -> None:
        """judge-spread: the judges' totals of a product differ by more than the alert."""
        for p in ordered:
            gap = spread(p)
            if gap > rules.spread_alert:
                self._add(p, msg.FLAG_SPREAD.format(spread=msg.short_points(gap)), "judge-spread",
                          msg.SPREAD_WARNING.format(code=p.code, name=p.registration.name, spread=msg.short_points(gap),
                                                    alert=msg.short_points(rules.spread_alert)))

    def depends(self, ordered: list[ProductScores], passed: list[bool], pass_mark: Decimal) -> None:
        """pass-depends-on-judge: leaving one judge out would flip the product's pass."""
        for p, ok in zip(ordered, passed):
            if len(p.totals) < 2:
                continue
            names = [j for j in p.totals
                     if (official_total(t for k, t in p.totals.items() if k != j) >= pass_mark) != ok]
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
        alert = Fraction(contest.rules.outlier_alert)
        for judge in contest.judges:
            bias = judge_bias(judge.code, ordered)
            if bias is None or abs(bias) < alert:
                continue
            direction = msg.OUTLIER_LOWER if bias < 0 else msg.OUTLIER_HIGHER
            self.findings.append(warning("outlier-judge", schema.SHEET_JUDGES, f"A{judge.row}" if judge.row else "",
                                         msg.OUTLIER_WARNING.format(
                                             judge=judge.code, name=judge.name, direction=direction,
                                             bias=msg.points(round_half_up(abs(bias))),
                                             alert=msg.short_points(contest.rules.outlier_alert))))


def judge_bias(judge_code: str, products: Iterable[ProductScores]) -> Fraction | None:
    """Mean over products of (judge's total - mean of the other judges' totals); None if unmeasurable."""
    gaps = [
        Fraction(p.totals[judge_code]) - mean(t for k, t in p.totals.items() if k != judge_code)
        for p in products
        if judge_code in p.totals and len(p.totals) >= 2
    ]
    return mean(gaps) if gaps else None
