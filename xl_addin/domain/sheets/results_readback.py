"""Kết quả read back as a ResultSet: the one source of the score summary (no judge's file reopened)."""

from __future__ import annotations

from decimal import Decimal

from .. import schema
from .. import score_messages as msg
from ..models import Contest
from ..results import JudgeTotal, ProductResult, ResultSet
from ..tables import Record, Rows, Table, find_table, header_key
from ..values import ValueProblem, fold, integer, number, text, yes_no

FLAG_SEPARATOR = "; "


def result_set_from_rows(rows: Rows, contest: Contest) -> ResultSet | None:
    """The results as Kết quả holds them; None when the sheet lacks the judges' totals (an older sheet)."""
    table = find_table(schema.SHEET_RESULTS, rows, schema.COL_CODE)
    if table is None:
        return None
    judges = _judge_columns(table, contest)
    if contest.judges and not judges:
        return None
    rules = contest.rules
    results = tuple(_result(record, contest, judges) for record in table.records() if record.text(schema.COL_CODE))
    provisional = bool(rows and rows[0] and schema.RES_PROVISIONAL_MARK in text(rows[0][0]))
    return ResultSet(results, rules.pass_mark(contest.info.level), rules.quota, rules.forward_count,
                     tuple(rules.tie_break), msg.tie_break_text(tuple(rules.tie_break)), provisional)


def _judge_columns(table: Table, contest: Contest) -> dict[str, str]:
    """Judge code -> header of the judge's hidden total column, for the contest's judges then any other."""
    prefix = header_key(schema.RES_JUDGE_TOTAL_PREFIX)
    found = {}
    for key in table.columns:
        if key.startswith(prefix):
            header = text(table.rows[table.header_row][table.columns[key]])
            found[header[len(schema.RES_JUDGE_TOTAL_PREFIX):].strip()] = header
    ordered = {j.code: found.pop(j.code) for j in contest.judges if j.code in found}
    return ordered | found


def _result(record: Record, contest: Contest, judges: dict[str, str]) -> ProductResult:
    totals = tuple(_judge_total(record, code, header) for code, header in judges.items())
    total = _read(number, record, schema.RES_TOTAL) or Decimal(0)
    flags = tuple(f for f in record.text(schema.RES_FLAGS).split(FLAG_SEPARATOR) if f)
    return ProductResult(
        code=record.text(schema.COL_CODE), name=record.text(schema.COL_NAME),
        group=record.text(schema.COL_GROUP), establishment=record.text(schema.COL_ESTABLISHMENT),
        rank=_read(integer, record, schema.RES_RANK) or 0,
        criterion_means={c.code: _read(number, record, c.code) or Decimal(0) for c in contest.rules.top_criteria},
        exact_total=total, total=total, judge_totals=totals,
        judge_count=_read(integer, record, schema.RES_JUDGES) or 0,
        spread=_read(number, record, schema.RES_SPREAD) or Decimal(0),
        passed=bool(_read(yes_no, record, schema.RES_PASSED)),
        council_proposal=bool(_read(yes_no, record, schema.RES_AUTO_COUNCIL)),
        forward_proposal=bool(_read(yes_no, record, schema.RES_AUTO_FORWARD)),
        flags=flags,
    )


def _judge_total(record: Record, code: str, header: str) -> JudgeTotal:
    raw = record.raw(header)
    if fold(raw) == fold(schema.RES_JUDGE_CONFLICT):
        return JudgeTotal(code, None, True)
    return JudgeTotal(code, _read(number, record, header))


def _read(parse, record: Record, header: str):
    """A parsed cell, or None when blank or unreadable."""
    try:
        return parse(record.raw(header))
    except ValueProblem:
        return None
