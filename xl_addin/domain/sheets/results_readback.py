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
    headers = (*_TEXTS, *_NUMBERS, *_WHOLE, *_FLAGS, *(c.code for c in rules.top_criteria))
    totals = _JudgeTotals(table, judges)
    results = tuple(_result(record, contest, totals, headers)
                    for record in table.records() if record.text(schema.COL_CODE))
    provisional = bool(rows and rows[0] and schema.RES_PROVISIONAL_MARK in text(rows[0][0]))
    return ResultSet(results, rules.pass_mark(contest.info.level), rules.quota, rules.forward_count,
                     tuple(rules.tie_break), msg.tie_break_text(tuple(rules.tie_break)), provisional)


def _judge_columns(table: Table, contest: Contest) -> dict[str, str]:
    """Judge code -> header of the judge's hidden total column, for the contest's judges then any other."""
    prefix = header_key(schema.RES_JUDGE_TOTAL_PREFIX)
    found = {}
    for key, col in table.columns.items():
        if key.startswith(prefix):
            header = _header_text(table, col, prefix)
            found[header[len(schema.RES_JUDGE_TOTAL_PREFIX):].strip()] = header
    ordered = {j.code: found.pop(j.code) for j in contest.judges if j.code in found}
    return ordered | found


_CONFLICT = fold(schema.RES_JUDGE_CONFLICT)
_NUMBERS = (schema.RES_TOTAL, schema.RES_SPREAD)
_WHOLE = (schema.RES_RANK, schema.RES_JUDGES)
_FLAGS = (schema.RES_PASSED, schema.RES_AUTO_COUNCIL, schema.RES_AUTO_FORWARD)
_TEXTS = (schema.COL_CODE, schema.COL_NAME, schema.COL_GROUP, schema.COL_ESTABLISHMENT, schema.RES_FLAGS)


def _header_text(table: Table, col: int, prefix: str) -> str:
    """A judge column's header as typed: in the header row, or the row above when the header spans two rows."""
    for i in (table.header_row, table.header_row - 1):
        row = table.rows[i] if i >= 0 else []
        if col < len(row) and header_key(row[col]).startswith(prefix):
            return text(row[col])
    return ""


def _result(record: Record, contest: Contest, judges: _JudgeTotals, headers: tuple[str, ...]) -> ProductResult:
    raws = record.raws(headers)  # the columns looked up once for the table, not per row
    texts = {h: text(raws[h]) for h in _TEXTS}
    totals = judges.of(record.values)
    total = _parsed(number, raws[schema.RES_TOTAL]) or Decimal(0)
    flags = tuple(f for f in texts[schema.RES_FLAGS].split(FLAG_SEPARATOR) if f)
    return ProductResult(
        code=texts[schema.COL_CODE], name=texts[schema.COL_NAME],
        group=texts[schema.COL_GROUP], establishment=texts[schema.COL_ESTABLISHMENT],
        rank=_parsed(integer, raws[schema.RES_RANK]) or 0,
        criterion_means={c.code: _parsed(number, raws[c.code]) or Decimal(0) for c in contest.rules.top_criteria},
        exact_total=total, total=total, judge_totals=totals,
        judge_count=_parsed(integer, raws[schema.RES_JUDGES]) or 0,
        spread=_parsed(number, raws[schema.RES_SPREAD]) or Decimal(0),
        passed=bool(_parsed(yes_no, raws[schema.RES_PASSED])),
        council_proposal=bool(_parsed(yes_no, raws[schema.RES_AUTO_COUNCIL])),
        forward_proposal=bool(_parsed(yes_no, raws[schema.RES_AUTO_FORWARD])),
        flags=flags,
    )


class _JudgeTotals(dict):
    """Judge code -> header of the judge's total (as _judge_columns gives), and each row's totals read at once."""

    def __init__(self, table: Table, judges: dict[str, str]):
        super().__init__(judges)
        self.columns = [(code, table.column(header)) for code, header in judges.items()]
        self._floats: dict[float, Decimal] = {}  # the totals' values, made Decimal once (0.0 and -0.0 apart)

    def of(self, values: list) -> tuple[JudgeTotal, ...]:
        """The row's judges' totals, in the columns' order (as _judge_total reads each)."""
        width, floats = len(values), self._floats
        totals = []
        for code, col in self.columns:
            raw = values[col] if col is not None and col < width else None
            kind = raw.__class__
            if kind is float and raw:  # the usual cell: a total written as a number
                points = floats.get(raw)
                if points is None and raw - raw == 0:
                    points = floats[raw] = Decimal(repr(raw))  # as values.number reads it
                if points is not None:
                    totals.append(JudgeTotal(code, points))
                    continue
            totals.append(JudgeTotal(code, Decimal(raw)) if kind is int else _judge_total(code, raw))
        return tuple(totals)


def _judge_total(code: str, raw: object) -> JudgeTotal:
    """A judge's total from its cell: a number, blank, or the conflict's word."""
    # A number never folds to the conflict's word: only other cells are folded.
    if raw.__class__ is not float and raw.__class__ is not int and fold(raw) == _CONFLICT:
        return JudgeTotal(code, None, True)
    return JudgeTotal(code, _parsed(number, raw))


def _parsed(parse, raw: object):
    """A parsed cell, or None when blank or unreadable."""
    try:
        return parse(raw)
    except ValueProblem:
        return None
