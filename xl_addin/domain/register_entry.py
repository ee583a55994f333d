"""A finished contest as the register keeps it: its facts, rows, dossier gaps, judges' scores and results."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable

from . import register_messages as msg
from . import register_schema as rs
from . import schema
from .checks import position
from .findings import Finding
from .models import Contest, ContestInfo, Judge, Registration, ScoreSheet
from .results import ResultRow
from .tables import Rows, find_table
from .values import fold, loose_key, text

@dataclass(frozen=True)
class EntryRow:
    """One registered product of the contest with its result and what its dossier lacked."""

    registration: Registration
    result: ResultRow | None
    passed: bool | None
    missing_documents: tuple[str, ...] = ()
    scores: tuple[tuple[str, str, Decimal], ...] = ()  # (judge code, item code, points)


@dataclass(frozen=True)
class ContestEntry:
    """Everything `register add` stores of one contest."""

    info: ContestInfo
    area: str
    validity_years: int
    rows: tuple[EntryRow, ...]
    judges: tuple[Judge, ...] = ()
    source_file: str = ""
    source_sha256: str = ""
    items: tuple[str, ...] = field(default_factory=tuple)  # scoring item codes, in order


def area_of(info: ContestInfo) -> str:
    """The contest's area in its natural key: the province, the region, the nation or the organiser."""
    if info.level == "quoc-gia":
        return rs.NATIONAL_AREA
    if info.level == "khu-vuc":
        return text(info.region) or text(info.province)
    if info.level in ("xa", "huyen"):
        return text(info.organiser) or text(info.province)
    return text(info.province)


def tax_digits(value: object) -> str:
    """A tax or registration number reduced to its digits ('2400123456-001' -> '2400123456001')."""
    return re.sub(r"\D", "", text(value))


def name_key(value: object) -> str:
    """The comparison key of an establishment's or product's name: folded, punctuation ignored."""
    return loose_key(value)


def commune_key(value: object) -> str:
    """The comparison key of a commune: folded, without the 'xã', 'phường', 'thị trấn' prefix."""
    key = loose_key(value)
    for prefix in ("xa ", "phuong ", "thi tran "):
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


def is_product_set(name: str) -> bool:
    """True for a product set (bộ sản phẩm): a name that starts with 'Bộ '."""
    return text(name).casefold().startswith("bộ ")


def finished_problem(contest: Contest, result_rows: list[ResultRow], results_sheet: Rows | None) -> str | None:
    """Why the contest is not finished (no Kết quả, provisional, out of step), or None."""
    if not result_rows:
        return msg.NO_RESULTS
    head = " ".join(text(v) for row in (results_sheet or [])[:2] for v in row)
    if schema.RES_PROVISIONAL_MARK in head:
        return msg.PROVISIONAL_RESULTS
    codes = {r.code for r in contest.registrations}
    result_codes = {r.code for r in result_rows}
    if codes != result_codes:
        return msg.results_out_of_step(sorted(codes - result_codes), sorted(result_codes - codes))
    return None


def missing_documents(findings: Iterable[Finding], registration_rows: Rows) -> dict[int, tuple[str, ...]]:
    """Sheet row -> the dossier documents validation found missing there (its incomplete-dossier findings)."""
    table = find_table(schema.SHEET_REGISTRATIONS, registration_rows, schema.COL_CODE)
    if table is None:
        return {}
    header_of = {col: header for header in rs.DOSSIER_DOCUMENTS if (col := table.column(header)) is not None}
    out: dict[int, list[str]] = {}
    for f in findings:
        row, col = position(f.cell or "")
        if f.code != "incomplete-dossier" or f.sheet != schema.SHEET_REGISTRATIONS or not row:
            continue
        header = header_of.get(col - 1)
        if header is not None:
            out.setdefault(row, []).append(rs.DOSSIER_DOCUMENTS[header])
    order = list(rs.DOSSIER_DOCUMENTS.values())
    return {row: tuple(sorted(set(labels), key=order.index)) for row, labels in out.items()}


def contest_entry(contest: Contest, result_rows: list[ResultRow], sheets: list[ScoreSheet],
                  findings: list[Finding], registration_rows: Rows) -> ContestEntry:
    """The register's entry of a finished contest (check finished_problem first)."""
    by_code = {r.code: r for r in result_rows}
    gaps = missing_documents(findings, registration_rows)
    pass_mark = contest.rules.pass_mark(contest.info.level)
    scores: dict[str, list[tuple[str, str, Decimal]]] = {}
    for sheet in sheets:
        for code, items in sheet.scores.items():
            scores.setdefault(code, []).extend((sheet.judge_code, item, points) for item, points in items.items())
    rows = []
    for reg in contest.registrations:
        result = by_code.get(reg.code)
        total = result.total if result else None
        rows.append(EntryRow(
            registration=reg, result=result, passed=None if total is None else total >= pass_mark,
            missing_documents=gaps.get(reg.row, ()), scores=tuple(sorted(scores.get(reg.code, ()))),
        ))
    return ContestEntry(
        info=contest.info, area=area_of(contest.info), validity_years=contest.rules.validity_years,
        rows=tuple(rows), judges=contest.judges, items=tuple(c.code for c in contest.rules.scoring_items),
    )



def district_key(value: object) -> str:
    """The comparison key of a district: folded, without 'huyện', 'thị xã', 'thành phố', 'quận'."""
    key = loose_key(value)
    for prefix in ("huyen ", "thi xa ", "thanh pho ", "quan "):
        if key.startswith(prefix):
            return key[len(prefix):]
    return key
