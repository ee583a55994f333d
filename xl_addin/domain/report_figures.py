"""The summary report's figures, computed from the register's ReportData (pure Python, no I/O).

An establishment or a product counts once in a period however often it registered: every count
of them is a count of distinct register ids. Registrations count only in the contests the
province held itself (its own, its districts' and communes'); the regional and national rounds
it joined come in as rounds. Areas are compared by their folded names.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

from . import rules
from .register_records import Recognition, Registration, ReportData
from .report_areas import AreaFigures, area_figures
from .values import fold

HELD_LEVELS = ("tinh", "huyen", "xa")  # the levels a province runs itself, in the report's order
JOINED_LEVELS = ("khu-vuc", "quoc-gia")
RECOGNITION_LEVELS = ("tinh", "khu-vuc", "quoc-gia")
ACTIVITY_KINDS = (
    "Đề án khuyến công", "Hội chợ, triển lãm", "Lượt cơ sở tham gia hội chợ", "Bản tin khuyến công",
    "Catalog giới thiệu sản phẩm", "Chương trình truyền hình, tin bài", "Nhà trưng bày sản phẩm",
    "Hội nghị, tập huấn",
)


@dataclass(frozen=True)
class ContestRow:
    """One contest held: products registered in it (and by how many establishments), products recognised."""

    year: int
    level: str
    area: str
    establishments: int
    products: int
    recognised: int


@dataclass(frozen=True)
class RoundRow:
    """A regional or national round joined: distinct products taking part, and recognised there."""

    level: str
    year: int
    products: int
    recognised: int


@dataclass(frozen=True)
class YearRow:
    """Distinct establishments and products registered in one year."""

    year: int
    establishments: int
    products: int


@dataclass(frozen=True)
class GroupRow:
    """One product group: distinct products registered, and recognised at each level."""

    group: str
    registered: int
    recognised: dict[str, int]  # level -> distinct products

    @property
    def rate(self) -> Decimal | None:
        """Provincial recognitions per 100 products registered, or None when none registered."""
        return percent(self.recognised.get("tinh", 0), self.registered)


@dataclass(frozen=True)
class CertificateRow:
    """A certificate the report lists: expired, expiring or renewed."""

    level: str
    year: int
    product_name: str
    establishment_name: str
    district: str
    cert_no: str
    valid_until: dt.date | None


@dataclass(frozen=True)
class ReportFigures:
    """Every figure of the summary report for one period."""

    year_from: int
    year_to: int
    province: str
    held: dict[str, tuple[int, ...]]  # held level -> years of its contests (a year twice for two contests)
    joined: dict[str, tuple[int, ...]]  # khu-vuc / quoc-gia -> years of the rounds joined
    contests: tuple[ContestRow, ...]
    rounds: tuple[RoundRow, ...]
    years: tuple[YearRow, ...]
    establishments: int
    products: int
    registrations: int
    recognised: dict[str, int]  # level -> distinct products recognised in the period
    groups: tuple[GroupRow, ...]
    areas: AreaFigures
    activities: tuple[tuple[str, int], ...]
    dossier_gaps: tuple[tuple[str, int], ...]  # document label -> registrations lacking it
    expired: tuple[CertificateRow, ...]
    expiring: tuple[CertificateRow, ...]
    renewed: tuple[CertificateRow, ...]  # the earlier certificate of a product recognised again
    appendix: tuple[tuple[str, int, tuple[Recognition, ...]], ...]  # (level, year, recognitions)

    @property
    def period_text(self) -> str:
        """'2010–2019', or '2019' for a one-year report."""
        return str(self.year_to) if self.year_from == self.year_to else f"{self.year_from}–{self.year_to}"


def percent(part: int, whole: int | None) -> Decimal | None:
    """part/whole in per cent (exact), or None when whole is 0 or unknown."""
    return None if not whole else Decimal(part) * 100 / Decimal(whole)


def report_figures(data: ReportData) -> ReportFigures:
    """The figures of the report for data's period."""
    span = range(data.year_from, data.year_to + 1)
    contests = [c for c in data.contests if c.year in span]
    held_ids = {c.contest_id for c in data.contests if c.held_here}
    known_ids = {c.contest_id for c in data.contests}
    regs = [r for r in data.registrations if r.year in span and (r.contest_id in held_ids or r.contest_id not in known_ids)]
    recs = [r for r in data.recognitions if r.year in span]
    recognised = recognised_by_level(data, span)
    expired, expiring, renewed = certificate_status(data.recognitions, data.year_to)
    return ReportFigures(
        year_from=data.year_from, year_to=data.year_to, province=data.province,
        held={lv: tuple(sorted(c.year for c in contests if c.held_here and c.level == lv)) for lv in HELD_LEVELS},
        joined=joined_rounds(data, span),
        contests=contest_rows(data, span),
        rounds=round_rows(data, span),
        years=year_rows(regs),
        establishments=len({r.establishment_id for r in regs}),
        products=len({r.product_id for r in regs}),
        registrations=len(regs),
        recognised={lv: len(products) for lv, products in recognised.items()},
        groups=group_rows(regs, recs, data, recognised),
        areas=area_figures(regs, recs, data.reference_counts),
        activities=activity_totals(data, span),
        dossier_gaps=dossier_gaps(regs),
        expired=expired, expiring=expiring, renewed=renewed,
        appendix=appendix(recs),
    )


def joined_rounds(data: ReportData, span: range) -> dict[str, tuple[int, ...]]:
    """The regional and national rounds joined: contests not held here, and years products were forwarded to."""
    joined: dict[str, set[int]] = {lv: set() for lv in JOINED_LEVELS}
    for c in data.contests:
        if c.year in span and c.level in joined and not c.held_here:
            joined[c.level].add(c.year)
    for r in data.rounds:
        if r.year in span and r.level in joined:
            joined[r.level].add(r.year)
    return {lv: tuple(sorted(years)) for lv, years in joined.items()}


def contest_rows(data: ReportData, span: range) -> tuple[ContestRow, ...]:
    """One row per contest held here in the period, by year then level."""
    establishments: dict[int, set[int]] = defaultdict(set)
    products: dict[int, set[int]] = defaultdict(set)
    for r in data.registrations:
        establishments[r.contest_id].add(r.establishment_id)
        products[r.contest_id].add(r.product_id)
    recognised_at: dict[tuple[str, int], set[int]] = defaultdict(set)
    for r in data.recognitions:
        recognised_at[(r.level, r.year)].add(r.product_id)
    rows = []
    for c in sorted((c for c in data.contests if c.held_here and c.year in span),
                    key=lambda c: (c.year, _level_rank(c.level), c.area)):
        recognised = recognised_at.get((c.level, c.year), set())
        rows.append(ContestRow(c.year, c.level, c.area, len(establishments.get(c.contest_id, ())),
                               len(products.get(c.contest_id, ())) or c.products, len(recognised)))
    return tuple(rows)


def round_rows(data: ReportData, span: range) -> tuple[RoundRow, ...]:
    """One row per regional or national round joined in the period, by level then year."""
    taking_part: dict[tuple[str, int], set[int]] = defaultdict(set)
    recognised: dict[tuple[str, int], set[int]] = defaultdict(set)
    for r in data.rounds:
        taking_part[(r.level, r.year)].add(r.product_id)
        if r.recognised:
            recognised[(r.level, r.year)].add(r.product_id)
    for r in data.recognitions:
        if r.level in JOINED_LEVELS:
            recognised[(r.level, r.year)].add(r.product_id)
    return tuple(RoundRow(level, year, len(taking_part[(level, year)] | recognised[(level, year)]),
                          len(recognised[(level, year)]))
                 for level, years in joined_rounds(data, span).items() for year in years)


def _level_rank(level: str) -> int:
    return rules.LEVEL_ORDER.index(level) if level in rules.LEVEL_ORDER else len(rules.LEVEL_ORDER)


def year_rows(regs: list[Registration]) -> tuple[YearRow, ...]:
    """Distinct establishments and products registered per year."""
    establishments: dict[int, set[int]] = defaultdict(set)
    products: dict[int, set[int]] = defaultdict(set)
    for r in regs:
        establishments[r.year].add(r.establishment_id)
        products[r.year].add(r.product_id)
    return tuple(YearRow(y, len(establishments[y]), len(products[y])) for y in sorted(products))


def recognised_by_level(data: ReportData, span: range) -> dict[str, set[int]]:
    """Products recognised per level in the period: recognitions, and rounds marked recognised.

    Every level that has a recognition is there, and the three main ones even without any.
    """
    found: dict[str, set[int]] = {lv: set() for lv in RECOGNITION_LEVELS}
    for r in data.recognitions:
        found.setdefault(r.level, set())
        if r.year in span:
            found[r.level].add(r.product_id)
    for r in data.rounds:
        if r.level in found and r.year in span and r.recognised:
            found[r.level].add(r.product_id)
    return found


def group_rows(regs: list[Registration], recs: list[Recognition], data: ReportData,
               recognised_at: dict[str, set[int]]) -> tuple[GroupRow, ...]:
    """Products registered and recognised per group (a product in the group of its latest registration)."""
    group_of = {r.product_id: r.group for r in sorted(regs, key=_YEAR)}
    span = range(data.year_from, data.year_to + 1)
    for r in recs:
        group_of.setdefault(r.product_id, r.group)
    for r in data.rounds:
        if r.year in span:
            group_of.setdefault(r.product_id, r.group)
    known = list(rules.GROUPS) + sorted({g for g in group_of.values() if g not in rules.GROUPS}, key=fold)
    registered: dict[str, set[int]] = defaultdict(set)
    for p in {r.product_id for r in regs}:
        registered[group_of[p]].add(p)
    recognised: dict[tuple[str, str], int] = defaultdict(int)  # (group, level) -> products
    for lv in RECOGNITION_LEVELS:
        for p in recognised_at.get(lv, ()):
            recognised[(group_of.get(p, ""), lv)] += 1
    rows = []
    for group in known:
        counts = {lv: recognised[(group, lv)] for lv in RECOGNITION_LEVELS}
        if registered[group] or any(counts.values()) or group in rules.GROUPS:
            rows.append(GroupRow(group, len(registered[group]), counts))
    return tuple(rows)


_YEAR = attrgetter("year")


def activity_totals(data: ReportData, span: range) -> tuple[tuple[str, int], ...]:
    """The activity log's totals per kind in the period, in the fixed order of the kinds."""
    totals: dict[str, int] = {}
    names = {fold(k): k for k in ACTIVITY_KINDS}
    for a in data.activities:
        if a.year in span:
            kind = names.get(fold(a.kind), a.kind)
            totals[kind] = totals.get(kind, 0) + a.quantity
    order = [k for k in ACTIVITY_KINDS if k in totals] + [k for k in totals if k not in ACTIVITY_KINDS]
    return tuple((k, totals[k]) for k in order)


def dossier_gaps(regs: list[Registration]) -> tuple[tuple[str, int], ...]:
    """How many registrations lacked each dossier document, most often missing first."""
    counts: dict[str, int] = {}
    for r in regs:
        for label in dict.fromkeys(r.missing_documents):
            counts[label] = counts.get(label, 0) + 1
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], fold(kv[0]))))


def certificate_status(recs: tuple[Recognition, ...], year_to: int):
    """(expired, expiring, renewed) certificates as the report's last year sees them.

    A certificate is expired when its validity ended before the report's last year, expiring when
    it ends in that year or the next; either only while the product has not been recognised again
    at that level since (then the earlier certificate is listed as renewed instead).
    """
    latest: dict[tuple[int, str], int] = {}  # (product, level) -> last year recognised up to year_to
    for o in recs:
        if o.year <= year_to and latest.get((o.product_id, o.level), o.year) <= o.year:
            latest[(o.product_id, o.level)] = o.year
    expired, expiring, renewed = [], [], []
    for r in recs:  # chosen in the register's order, then sorted: a row only for a certificate listed
        if r.valid_until is None or r.year > year_to:
            continue
        listed = renewed if latest[(r.product_id, r.level)] > r.year else expired if r.valid_until.year < year_to \
            else expiring if r.valid_until.year <= year_to + 1 else None
        if listed is not None:
            listed.append(r)
    return tuple(tuple(CertificateRow(r.level, r.year, r.product_name, r.establishment_name, r.district, r.cert_no,
                                      r.valid_until) for r in sorted(rows, key=_by_expiry))
                 for rows in (expired, expiring, renewed))


def _by_expiry(r: Recognition) -> tuple[dt.date, str]:
    return r.valid_until, r.product_name.casefold()


def appendix(recs: list[Recognition]) -> tuple[tuple[str, int, tuple[Recognition, ...]], ...]:
    """The recognised products per level (provincial first) and year, in certificate order."""
    groups: dict[tuple[str, int], list[Recognition]] = defaultdict(list)
    for r in recs:
        groups[(r.level, r.year)].append(r)
    keys = sorted(groups, key=lambda k: (_level_rank(k[0]), k[1]))
    return tuple((lv, y, tuple(sorted(groups[(lv, y)], key=lambda r: (r.cert_no or "~", r.product_name.casefold()))))
                 for lv, y in keys)
