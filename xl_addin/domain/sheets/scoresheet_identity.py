"""What a judge's sheet was made from: the fingerprint of what changes scoring, and the names it showed."""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Iterable, Mapping

from .. import schema
from .. import score_messages as msg
from ..findings import Finding, warning
from ..models import Contest, ContestInfo, Registration
from ..tables import Rows, find_table, header_key, label_values
from ..values import text

_normalize = unicodedata.normalize
SNAPSHOT_HEADERS = (schema.COL_CODE, schema.COL_NAME, schema.COL_ESTABLISHMENT)
# The very hidden Định danh sheet: one label per row, in this order, its value in column B.
META_LABELS = (
    schema.META_CONTEST_ID, schema.META_YEAR, schema.META_LEVEL, schema.META_PROVINCE,
    schema.META_JUDGE_CODE, schema.META_FINGERPRINT, schema.META_FORMAT,
)


def scoring_fingerprint(registrations: Iterable[Registration], conflicts: Iterable[str] = ()) -> str:
    """A short hash of what a judge's scores hang on: product codes and groups, and the judge's conflicts.

    Names and establishments are left out on purpose: correcting a typo in them after the sheets went
    out changes nothing a judge scored (it is reported as a warning instead).
    """
    h = hashlib.sha256(b"scoring-v2\x1e")
    for r in sorted(registrations, key=lambda r: r.code):
        h.update(f"{r.code}\x1f{r.group}\x1e".encode("utf-8"))
    h.update("\x1f".join(sorted(header_key(c) for c in conflicts)).encode("utf-8"))
    return h.hexdigest()[:16]


def meta_rows(info: ContestInfo, judge_code: str, fingerprint: str) -> Rows:
    """The label/value rows of the very hidden Định danh sheet: the contest's identity, in META_LABELS order."""
    values = {
        schema.META_CONTEST_ID: info.contest_id, schema.META_YEAR: info.year, schema.META_LEVEL: info.level,
        schema.META_PROVINCE: info.province, schema.META_JUDGE_CODE: judge_code,
        schema.META_FINGERPRINT: fingerprint, schema.META_FORMAT: schema.SCORING_FORMAT_VERSION,
    }
    return [[label, values[label]] for label in META_LABELS]


def named_judge(sheets: Mapping[str, Rows]) -> str:
    """The judge code a judge's workbook names in its identity sheet ('' when none)."""
    rows = next((r for key, r in sheets.items() if header_key(key) == header_key(schema.SHEET_SCORING_META)), None)
    value, _ = label_values(rows or [], (schema.META_JUDGE_CODE,)).get(schema.META_JUDGE_CODE, (None, ""))
    return text(value)


def snapshot_rows(registrations: Iterable[Registration]) -> Rows:
    """The hidden list of products as the sheet showed them (code, name, establishment)."""
    return [list(SNAPSHOT_HEADERS)] + [[r.code, r.name, r.establishment] for r in sorted(registrations, key=lambda r: r.code)]


def renamed_products(sheets: Mapping[str, Rows], contest: Contest) -> list[Finding]:
    """Warnings for each product whose name or establishment changed since the sheet was made."""
    shown = _shown(sheets)
    findings: list[Finding] = []
    for reg in contest.registrations:
        old = shown.get(header_key(reg.code))
        if not old:
            continue
        for header, new in ((schema.COL_NAME, reg.name), (schema.COL_ESTABLISHMENT, reg.establishment)):
            before = old.get(header)
            if before and before != new and " ".join(before.split()) != " ".join(new.split()):
                findings.append(warning("product-renamed", schema.SHEET_REGISTRATIONS,
                                        f"A{reg.row}" if reg.row else "", msg.PRODUCT_RENAMED.format(
                                            code=reg.code, what=header, old=before, new=new,
                                            sheet=schema.SHEET_REGISTRATIONS)))
    return findings


def _shown(sheets: Mapping[str, Rows]) -> dict[str, dict[str, str]]:
    """Product code key -> {header: text} as the judge's sheet showed it (the snapshot wins)."""
    shown: dict[str, dict[str, str]] = {}
    for name, headers in ((schema.SHEET_SCORING, (schema.COL_NAME,)),
                          (schema.SHEET_SCORING_SNAPSHOT, (schema.COL_NAME, schema.COL_ESTABLISHMENT))):
        rows = next((r for key, r in sheets.items() if header_key(key) == header_key(name)), None)
        table = find_table(name, rows or [], schema.COL_CODE)
        if table is None:
            continue
        code_col = table.column(schema.COL_CODE)
        columns = [(h, table.column(h)) for h in headers if table.has(h)]  # looked up once, not per row
        rows = table.rows
        for i in range(table.header_row + 1, len(rows)):  # a blank row has no code: skipped below
            values = rows[i]
            width = len(values)
            code = header_key(values[code_col] if code_col < width else None)
            if not code:
                continue
            seen = shown.get(code)
            if seen is None:
                seen = shown[code] = {}
            for h, c in columns:
                value = values[c] if c < width else None
                seen[h] = _normalize("NFC", value).strip() if value.__class__ is str else text(value)  # = text()
    return shown
