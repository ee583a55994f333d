"""Small builders of contests, score sheets and judges' workbooks (as rows) for domain tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Mapping, Sequence

from xl_addin.domain import rules as rules_mod
from xl_addin.domain import schema
from xl_addin.domain.models import Contest, ContestInfo, Judge, Registration, ScoreSheet, product_fingerprint
from xl_addin.domain.rules import Rules
from xl_addin.domain.sheets.scoresheet_identity import META_LABELS

YEAR = 2025
LEVEL = "tinh"
PROVINCE = "Bắc Ninh"
CONTEST_ID = "BN-2025-TINH"

# Judges' workbook layout produced by scoring_workbook(): a 3-row title block, the header on
# row 4, one product per row from row 5; STT=A, code=B, name=C, group=D, items from E.
SCORING_HEADER_ROW = 4
FIRST_ITEM_COLUMN = "E"
# Meta sheet layout: one label per row in META_ORDER (the domain's one list), values in column B.
META_ORDER = META_LABELS


def meta_cell(label: str) -> str:
    """The A1 address of a label's value in the meta sheet built here."""
    return f"B{META_ORDER.index(label) + 1}"


def registration(code: str, row: int = 0, group: str = rules_mod.GROUPS[0], **fields) -> Registration:
    """A registration with plausible defaults."""
    return Registration(
        code=code, name=fields.pop("name", f"Sản phẩm {code}"), group=group,
        establishment=fields.pop("establishment", f"Cơ sở {code}"),
        establishment_type=rules_mod.ESTABLISHMENT_TYPES[3], row=row, **fields,
    )


def judge(code: str, row: int = 0, conflicts: Sequence[str] = ()) -> Judge:
    """A judge with optional conflicts."""
    return Judge(code=code, name=f"Giám khảo {code}", conflicts=frozenset(conflicts), row=row)


def contest(
    products: Sequence[str] = ("SP01", "SP02", "SP03"),
    judges: Sequence[str] = ("GK1", "GK2", "GK3"),
    *,
    rules: Rules | None = None,
    conflicts: Mapping[str, Sequence[str]] | None = None,
    level: str = LEVEL,
    contest_id: str = CONTEST_ID,
) -> Contest:
    """A contest; registrations sit on rows 2.. of Đăng ký and judges on rows 2.. of Giám khảo."""
    conflicts = conflicts or {}
    return Contest(
        info=ContestInfo(year=YEAR, level=level, province=PROVINCE, contest_id=contest_id),
        rules=rules or rules_mod.preset(),
        registrations=tuple(registration(code, row=i + 2) for i, code in enumerate(products)),
        judges=tuple(judge(code, row=i + 2, conflicts=conflicts.get(code, ())) for i, code in enumerate(judges)),
    )


def dec(value: object) -> Decimal:
    """A Decimal from an int, str or float (floats through their shortest repr)."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def split_total(total: object) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """A judge's TC1..TC4 scores adding up to `total` (filled TC1 first, then TC2, TC3, TC4)."""
    left = dec(total)
    parts = []
    for cap in (Decimal(40), Decimal(40), Decimal(10), Decimal(10)):
        part = min(left, cap)
        parts.append(part)
        left -= part
    assert left == 0, "total above 100"
    return tuple(parts)  # type: ignore[return-value]


def score_sheet(judge_code: str, scores: Mapping[str, Sequence[object]], rules: Rules | None = None) -> ScoreSheet:
    """A ScoreSheet from product code -> the scoring items' points in order."""
    items = (rules or rules_mod.preset()).scoring_items
    return ScoreSheet(
        judge_code=judge_code, file=f"{judge_code}.xlsx",
        scores={code: {item.code: dec(v) for item, v in zip(items, values)} for code, values in scores.items()},
    )


def sheets_from_totals(totals: Mapping[str, Mapping[str, object]]) -> list[ScoreSheet]:
    """Score sheets from judge code -> product code -> total (split over TC1..TC4)."""
    return [score_sheet(j, {p: split_total(t) for p, t in by_product.items()}) for j, by_product in totals.items()]


def meta_rows(c: Contest, judge_code: str, fingerprint: str | None = None, **overrides: object) -> list[list[object]]:
    """The very hidden Định danh sheet of a judge's workbook."""
    values = {
        schema.META_CONTEST_ID: c.info.contest_id,
        schema.META_YEAR: c.info.year,
        schema.META_LEVEL: c.info.level,
        schema.META_PROVINCE: c.info.province,
        schema.META_JUDGE_CODE: judge_code,
        schema.META_FINGERPRINT: product_fingerprint(c.registrations) if fingerprint is None else fingerprint,
        schema.META_FORMAT: schema.SCORING_FORMAT_VERSION,
    }
    values.update({label: overrides[key] for key, label in _META_KEYS.items() if key in overrides})
    return [[label, values[label]] for label in META_ORDER]


_META_KEYS = {
    "contest_id": schema.META_CONTEST_ID, "year": schema.META_YEAR, "level": schema.META_LEVEL,
    "province": schema.META_PROVINCE, "fingerprint": schema.META_FINGERPRINT, "format": schema.META_FORMAT,
}


def scoring_rows(c: Contest, judge_code: str, scores: Mapping[str, Sequence[object]],
                 codes: Sequence[str] | None = None) -> list[list[object]]:
    """The Phiếu chấm sheet: title block, header on row 4, one row per product from row 5."""
    items = c.rules.scoring_items
    header = [schema.SCORING_STT, schema.COL_CODE, schema.COL_NAME, schema.COL_GROUP,
              *(i.heading for i in items), schema.SCORING_TOTAL, schema.SCORING_COMMENT]
    rows: list[list[object]] = [
        ["PHIẾU CHẤM ĐIỂM SẢN PHẨM CNNT TIÊU BIỂU"] + [None] * (len(header) - 1),
        [f"Giám khảo: {judge_code}"] + [None] * (len(header) - 1),
        [None] * len(header),
        header,
    ]
    names = {r.code: r for r in c.registrations}
    for n, code in enumerate(codes if codes is not None else [r.code for r in c.registrations], start=1):
        reg = names.get(code)
        values = list(scores.get(code, [None] * len(items)))
        rows.append([n, code, reg.name if reg else "?", reg.group if reg else "?", *values, None, None])
    return rows


def scoring_workbook(c: Contest, judge_code: str, scores: Mapping[str, Sequence[object]],
                     codes: Sequence[str] | None = None, **meta: object) -> dict[str, list[list[object]]]:
    """A judge's workbook as sheet name -> rows."""
    return {
        schema.SHEET_SCORING: scoring_rows(c, judge_code, scores, codes),
        schema.SHEET_SCORING_META: meta_rows(c, judge_code, **meta),
    }


def where(findings) -> list[tuple[str, str, str]]:
    """The (code, sheet, cell) of each finding: what domain tests assert on."""
    return [(f.code, f.sheet, f.cell) for f in findings]


def table_rows(*records: Mapping[str, object], headers: Sequence[str], title: str | None = None) -> list[list[object]]:
    """Rows of a sheet: an optional title row, the header row, then one row per dict (missing keys blank)."""
    rows: list[list[object]] = [[title]] if title else []
    rows.append(list(headers))
    rows += [[r.get(h) for h in headers] for r in records]
    return rows
