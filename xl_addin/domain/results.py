"""The outcome of scoring: one result per product, and the contest-wide result set."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .findings import Finding


@dataclass(frozen=True)
class JudgeTotal:
    """One judge's total for one product (None when the judge has a conflict or has not scored)."""

    judge_code: str
    total: Decimal | None
    conflicted: bool = False


@dataclass(frozen=True)
class ProductResult:
    """A product's computed result, in ranking order within a ResultSet."""

    code: str
    name: str
    group: str
    establishment: str
    rank: int  # equal totals share a rank: 1, 2, 2, 4
    criterion_means: dict[str, Decimal]  # top criterion code -> exact mean (not rounded)
    exact_total: Decimal  # mean of the judges' totals, exact (quantised only for display)
    total: Decimal  # the official total: exact_total rounded half-up to 2 places
    judge_totals: tuple[JudgeTotal, ...]
    judge_count: int
    spread: Decimal  # max - min of the judges' totals
    passed: bool  # total >= pass mark
    council_proposal: bool  # the tool's pre-fill: passed and within the quota
    forward_proposal: bool  # the tool's pre-fill: among the top N proposed for the next level
    flags: tuple[str, ...] = ()  # short Vietnamese notes (spread, depends on one judge, tie at quota)
    provisional: bool = False  # computed with missing scores


@dataclass(frozen=True)
class ResultSet:
    """All products' results in order, with the rule statements and warnings of the computation."""

    results: tuple[ProductResult, ...]
    pass_mark: Decimal
    quota: int | None
    forward_count: int | None
    tie_break: tuple[str, ...]
    tie_break_text: str  # e.g. "Bằng tổng điểm: xếp theo điểm bình quân TC1, rồi TC2, TC3, TC4"
    provisional: bool = False
    findings: tuple[Finding, ...] = field(default_factory=tuple)  # judge-spread, outlier-judge, …


@dataclass(frozen=True)
class ResultRow:
    """A row of the Kết quả sheet as it stands now, person's edits included (for documents)."""

    code: str
    name: str
    group: str
    establishment: str
    rank: int | None
    total: Decimal | None
    council: bool | None  # Hội đồng đề xuất, as it stands (a person may have changed it)
    forward: bool | None  # Đề xuất cấp trên
    cert_no: str = ""
    valid_until: str = ""  # as written in the sheet (dd/mm/yyyy)
    row: int = 0  # 1-based row in the sheet
