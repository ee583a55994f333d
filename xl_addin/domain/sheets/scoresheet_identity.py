"""What a judge's sheet was made from: the fingerprint of what changes scoring, and the names it showed."""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Iterable, Iterator, Mapping

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
    return _with_conflicts(_products_hash(registrations), conflicts)


def _products_hash(registrations: Iterable[Registration]) -> hashlib._Hash:
    h = hashlib.sha256(b"scoring-v2\x1e")
    for r in sorted(registrations, key=lambda r: r.code):
        h.update(f"{r.code}\x1f{r.group}\x1e".encode("utf-8"))
    return h


def _with_conflicts(products: hashlib._Hash, conflicts: Iterable[str]) -> str:
    h = products.copy()
    h.update("\x1f".join(sorted(header_key(c) for c in conflicts)).encode("utf-8"))
    return h.hexdigest()[:16]


class IssuedProducts:
    """What reading a judge's sheet compares with the contest's products, worked out once for all the sheets."""

    def __init__(self, registrations: Iterable[Registration]):
        self.registrations = regs = tuple(registrations)
        self.by_key = {header_key(r.code): r.code for r in regs}  # comparison key -> product code
        # A code typed as registered (the usual row): its key and product, without header_key.
        self.exact = {r.code: (header_key(r.code), self.by_key[header_key(r.code)]) for r in regs}
        self._hash = _products_hash(regs)
        self._keyed = [(r, header_key(r.code)) for r in regs]
        # key -> {header: (the name now, True when text() leaves it as it is)}; None when two codes share a key.
        # A blank code has no key: a sheet's blank rows are never its rows.
        names: dict[str, dict[str, tuple[str, bool]]] | None = {}
        for r, key in self._keyed:
            if not key:
                continue
            if key in names:
                names = None
                break
            names[key] = {h: (new, new.__class__ is str and text(new) == new)
                          for h, new in ((schema.COL_NAME, r.name), (schema.COL_ESTABLISHMENT, r.establishment))}
        self._names = names

    def find(self, raw: object) -> tuple[str, str | None]:
        """(the comparison key of a code cell, the product it names or None)."""
        hit = self.exact.get(raw) if raw.__class__ is str else None  # a code typed as registered is text
        if hit is not None:
            return hit
        key = header_key(raw)
        return key, self.by_key.get(key)

    def fingerprint(self, conflicts: Iterable[str]) -> str:
        """scoring_fingerprint of these products and a judge's conflicts."""
        return _with_conflicts(self._hash, conflicts)

    def renamed(self, sheets: Mapping[str, Rows]) -> list[Finding]:
        """renamed_products of a judge's sheets."""
        if self._names is None:
            return _renamed(_shown(sheets), self.registrations)
        changed = self._changed(sheets)
        return [_renamed_warning(reg, header, changed[(key, header)], new) for reg, key in self._keyed if changed
                for header, new in ((schema.COL_NAME, reg.name), (schema.COL_ESTABLISHMENT, reg.establishment))
                if (key, header) in changed]

    def _changed(self, sheets: Mapping[str, Rows]) -> dict[tuple[str, str], str]:
        """(code key, header) -> the text a judge's sheet showed, where renamed_products would warn.

        The same reading as _shown (the snapshot after Phiếu chấm, a later row over an earlier one),
        keeping only the cells that differ from the name now.
        """
        changed: dict[tuple[str, str], str] = {}
        exact, names = self.exact, self._names
        for rows, code_col, columns in _name_columns(sheets):
            for i in range(1, len(rows)):
                values = rows[i]
                width = len(values)
                raw = values[code_col] if code_col < width else None
                hit = exact.get(raw) if raw.__class__ is str else None
                key = hit[0] if hit is not None else header_key(raw)
                now = names.get(key)  # type: ignore[union-attr]
                if now is None:
                    continue  # a blank row, or a code that is no product: renamed_products never looks
                for h, c in columns:
                    value = values[c] if c < width else None
                    new, plain = now[h]
                    if plain and value == new:
                        changed.pop((key, h), None)
                        continue
                    before = _normalize("NFC", value).strip() if value.__class__ is str else text(value)
                    if _differs(before, new):
                        changed[(key, h)] = before
                    else:
                        changed.pop((key, h), None)
        return changed


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
    return IssuedProducts(contest.registrations).renamed(sheets)


def _renamed(shown: Mapping[str, Mapping[str, str]], registrations: Iterable[Registration]) -> list[Finding]:
    """renamed_products from the names as _shown reads them (for codes that share a key, and the tests)."""
    findings: list[Finding] = []
    for reg in registrations:
        old = shown.get(header_key(reg.code))
        if not old:
            continue
        for header, new in ((schema.COL_NAME, reg.name), (schema.COL_ESTABLISHMENT, reg.establishment)):
            before = old.get(header)
            if _differs(before, new):
                findings.append(_renamed_warning(reg, header, before, new))
    return findings


def _differs(before: str | None, new: str) -> bool:
    """True when the name a sheet showed is another name than the one now (not only in spacing)."""
    return bool(before) and before != new and " ".join(before.split()) != " ".join(new.split())


def _renamed_warning(reg: Registration, header: str, before: str, new: str) -> Finding:
    return warning("product-renamed", schema.SHEET_REGISTRATIONS, f"A{reg.row}" if reg.row else "",
                   msg.PRODUCT_RENAMED.format(code=reg.code, what=header, old=before, new=new,
                                              sheet=schema.SHEET_REGISTRATIONS))


def _name_columns(sheets: Mapping[str, Rows]) -> Iterator[tuple[Rows, int, list[tuple[str, int]]]]:
    """(the table's rows from its header on, the code column, (header, column) of the names): Phiếu chấm, then the snapshot."""
    for name, headers in ((schema.SHEET_SCORING, (schema.COL_NAME,)),
                          (schema.SHEET_SCORING_SNAPSHOT, (schema.COL_NAME, schema.COL_ESTABLISHMENT))):
        rows = next((r for key, r in sheets.items() if header_key(key) == header_key(name)), None)
        table = find_table(name, rows or [], schema.COL_CODE)
        if table is not None:
            columns = [(h, table.column(h)) for h in headers if table.has(h)]  # looked up once, not per row
            yield table.rows[table.header_row:], table.column(schema.COL_CODE), columns  # type: ignore[misc]


def _shown(sheets: Mapping[str, Rows]) -> dict[str, dict[str, str]]:
    """Product code key -> {header: text} as the judge's sheet showed it (the snapshot wins)."""
    shown: dict[str, dict[str, str]] = {}
    for rows, code_col, columns in _name_columns(sheets):
        for i in range(1, len(rows)):  # a blank row has no code: skipped below
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
