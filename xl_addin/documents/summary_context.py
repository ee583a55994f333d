"""The context of the council's score summary (bảng tổng hợp kết quả chấm điểm)."""

from __future__ import annotations

import functools
from decimal import Decimal

from ..domain.models import Contest, Judge
from ..domain.rules import Criterion, Rules
from ..domain.results import ProductResult, ResultRow, ResultSet
from ..domain.values import yes_no_text
from .contexts import (
    CONFLICT_MARK, NO_QUOTA, PROVISIONAL_NOTE, grouped, clean, common_context, roman, star_text, vn_number,
    vn_points,
)

FIXED_COLUMNS = 9  # STT, rank, code, name, total, spread, pass mark reached, proposal, notes
STAR_HEAD = "Số sao"
MAX_SCORE_COLUMNS = 9  # judges' totals, criterion means and stars that fit beside a readable name column
CRITERIA_IN_RESULTS = "Bảng này không in điểm bình quân từng tiêu chí vì không đủ chỗ; xem sheet Kết quả"
NAME_LINE = "……………………………………"  # where the council's chair or secretary is not named in Thông tin


def _judge_codes(contest: Contest, result_set: ResultSet) -> list[str]:
    """The judges in the order of the Giám khảo sheet, then any others found in the results."""
    codes = [j.code for j in contest.judges]
    for result in result_set.results:
        codes += [t.judge_code for t in result.judge_totals if t.judge_code not in codes]
    return codes


def _judge_item(code: str, judge: Judge | None) -> dict[str, str]:
    return {
        "code": clean(code),
        "name": clean(judge.name) if judge else "",
        "title": clean(judge.title) if judge else "",
        "unit": clean(judge.unit) if judge else "",
    }


def _judge_cells(result: ProductResult, codes: list[str]) -> list[str]:
    """Each judge's total of a product, in the judges' order: '–' where the judge had a conflict."""
    by_code = {t.judge_code: t for t in reversed(result.judge_totals)}  # the first, as a search from the start
    cells = []
    for code in codes:
        total = by_code.get(code)
        if total is None:
            cells.append("")
        elif total.total is None:
            cells.append(CONFLICT_MARK if total.conflicted else "")
        else:
            cells.append(_number_text(str(total.total)))
    return cells


def _number(value) -> str:
    """vn_number, each distinct value written once (scores repeat across thousands of rows)."""
    return "" if value is None else _number_text(str(value))


@functools.lru_cache(maxsize=8192)
def _number_text(text: str) -> str:
    return vn_number(Decimal(text))


def _row(stt: int, result: ProductResult, row: ResultRow | None, judges: list[str], criteria: list[str],
         rules: Rules) -> dict:
    stars = star_text(rules, result.total)[0]
    proposal = row.council if row is not None and row.council is not None else result.council_proposal
    return {
        "stt": str(stt),
        "rank": str(result.rank),
        "product_code": clean(result.code),
        "product_name": clean(result.name),
        "establishment": clean(result.establishment),
        "judge_totals": _judge_cells(result, judges),
        "criterion_means": [_number(result.criterion_means.get(code)) for code in criteria],
        "total": _number(result.total),
        "judge_count": str(result.judge_count),
        "spread": _number(result.spread),
        "passed": yes_no_text(result.passed),
        "proposal": yes_no_text(bool(proposal)),
        "flags": clean("; ".join(result.flags)) if result.flags else "",
        "stars": [stars] if rules.star_bands else [],
    }


def _legends(contest: Contest, judges: list[dict]) -> tuple[str, str]:
    judge_text = "; ".join(
        f"{j['code']} – {j['name']}" + (f" ({j['title']})" if j["title"] else "") for j in judges
    )
    crit_text = "; ".join(
        f"{c.code} – {clean(c.name)} (tối đa {vn_points(c.max_points)} điểm)" for c in contest.rules.top_criteria
    )
    return judge_text, crit_text


def _shown_criteria(contest: Contest, judge_count: int) -> tuple[Criterion, ...]:
    """The criteria whose means get a column: all of them when the landscape page has room beside the
    judges' totals (the official form needs only those), else none."""
    criteria = contest.rules.top_criteria
    stars = 1 if contest.rules.star_bands else 0
    return criteria if judge_count + len(criteria) + stars <= MAX_SCORE_COLUMNS else ()


def _stars_legend(rules: Rules) -> str:
    """'1 sao: dưới 30 điểm; 2 sao: từ 30 điểm; …' for an OCOP-style preset, '' without bands."""
    bands = sorted(rules.star_bands, key=lambda b: b.stars)
    parts = [f"{b.stars} sao: từ {vn_points(b.low)} điểm" if b.low > 0 else f"{b.stars} sao: dưới "
             f"{vn_points(bands[i + 1].low)} điểm" if i + 1 < len(bands) else f"{b.stars} sao"
             for i, b in enumerate(bands)]
    return "; ".join(parts)


def summary_context(contest: Contest, rows: list[ResultRow], result_set: ResultSet) -> dict:
    """The score summary: by group, each judge's total, criterion means, total, spread and flags."""
    by_code = {r.code: r for r in rows}
    judge_codes = _judge_codes(contest, result_set)
    judges_by_code = {j.code: j for j in contest.judges}
    judges = [_judge_item(code, judges_by_code.get(code)) for code in judge_codes]
    shown = _shown_criteria(contest, len(judge_codes))
    criteria = [c.code for c in shown]
    groups, stt = [], 0
    names = {group: clean(group) for group in {r.group for r in result_set.results}}  # each group's name cleaned once
    group_of = {id(r): names[r.group] for r in result_set.results}
    for index, (name, results) in enumerate(grouped(list(result_set.results), lambda r: group_of[id(r)]), 1):
        items = []
        for result in results:
            stt += 1
            items.append(_row(stt, result, by_code.get(result.code), judge_codes, criteria, contest.rules))
        groups.append({"roman": roman(index), "name": name, "count": str(len(items)), "rows": items})
    all_rows = [item for g in groups for item in g["rows"]]
    judges_legend, criteria_legend = _legends(contest, judges)
    common = common_context(contest.info)
    star_heads = [STAR_HEAD] if contest.rules.star_bands else []
    return common | {
        "judges": judges,
        "criteria": [
            {"code": c.code, "name": clean(c.name), "max_points": vn_points(c.max_points)} for c in shown
        ],
        "groups": groups,
        "judges_legend": judges_legend,
        "criteria_legend": criteria_legend if shown else f"{criteria_legend}. {CRITERIA_IN_RESULTS}",
        "span": str(FIXED_COLUMNS + len(judges) + len(criteria) + len(star_heads)),
        "star_heads": star_heads,
        "stars_legend": _stars_legend(contest.rules),
        "chair_name": common["council_chair"] or NAME_LINE,
        "secretary_name": common["council_secretary"] or NAME_LINE,
        "pass_mark": vn_points(result_set.pass_mark),
        "quota": str(result_set.quota) if result_set.quota is not None else NO_QUOTA,
        "tie_break_text": clean(result_set.tie_break_text),
        "provisional_note": PROVISIONAL_NOTE if result_set.provisional else "",
        "product_count": str(len(all_rows)),
        "passed_count": str(sum(1 for r in all_rows if r["passed"] == yes_no_text(True))),
        "proposed_count": str(sum(1 for r in all_rows if r["proposal"] == yes_no_text(True))),
    }
