"""Checks of the council's decision in Kết quả before anything is printed from it (issue 9, item 7)."""

from __future__ import annotations

from decimal import Decimal

from .. import schema
from .. import score_messages as msg
from ..findings import Finding, a1
from ..models import Contest
from ..tables import Rows, find_table
from ..values import ValueProblem, number, text
from . import Collector, read_choice

CHOICES = (schema.YES, schema.NO)
_ALIASES = {"co": schema.YES, "khong": schema.NO}


COUNCIL_CODES = ("recognised-below-pass-mark", "over-quota", "invalid-choice")  # what check_council emits


def check_council(rows: Rows, contest: Contest) -> list[Finding]:
    """Findings on Hội đồng đề xuất / Đề xuất cấp trên: unreadable choices, below the pass mark, over the quota."""
    out = Collector(schema.SHEET_RESULTS)
    table = find_table(schema.SHEET_RESULTS, rows, schema.COL_CODE)
    if table is None or not table.has(schema.RES_COUNCIL):
        return []
    pass_mark = contest.rules.pass_mark(contest.info.level)
    recognised: list[str] = []
    for record in table.records():
        code = record.text(schema.COL_CODE)
        if not code:
            continue
        cell = record.cell(schema.RES_COUNCIL)
        if _decision(out, record.raw(schema.RES_COUNCIL), cell, schema.RES_COUNCIL):
            recognised.append(code)
            total = _total(record.raw(schema.RES_TOTAL))
            if total is None or total < pass_mark:
                out.error("recognised-below-pass-mark", cell, msg.BELOW_PASS_MARK.format(
                    cell=cell, code=code, total=msg.points(total or Decimal(0)),
                    pass_mark=msg.short_points(pass_mark), column=schema.RES_COUNCIL))
        if table.has(schema.RES_FORWARD):
            _decision(out, record.raw(schema.RES_FORWARD), record.cell(schema.RES_FORWARD), schema.RES_FORWARD)
    quota = contest.rules.quota
    if quota is not None and len(recognised) > quota:
        cell = a1(table.header_row, table.column(schema.RES_COUNCIL) or 0)
        out.warning("over-quota", cell, msg.OVER_QUOTA.format(
            count=len(recognised), quota=quota, column=schema.RES_COUNCIL, rule=schema.RULE_QUOTA))
    return out.findings


def _decision(out: Collector, raw: object, cell: str, what: str) -> bool:
    """True for Có; a council's decision is Có or Không only (no "x" as in the dossier columns)."""
    return read_choice(out, raw, cell, what, CHOICES, _ALIASES) == schema.YES


def _total(raw: object) -> Decimal | None:
    try:
        return number(raw)
    except ValueProblem:
        return None if not text(raw) else Decimal(0)
