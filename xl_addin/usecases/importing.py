"""Append the products sent by commune/district secretariats to the provincial contest."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain import schema
from ..domain.sheets.registrations import registrations_from_rows
from ..domain.findings import Finding, error, has_errors, warning
from ..domain.sheets.info import info_from_rows
from ..domain.sheets.results import result_rows_from_rows
from ..domain.tables import Rows, find_table
from ..domain.values import loose_key
from ..errors import BinhchonError
from ..workbooks.xlsx_io import read_sheets
from .journal import log_action
from ..ports import ContestBook
from .validate import source_files


_NOTHING_PROPOSED = (
    "Sổ {name} là sổ bình chọn cấp dưới nhưng sheet Kết quả chưa có sản phẩm nào ghi “Có” ở cột "
    f"“{schema.RES_FORWARD}”; không nhập dòng nào. Hãy đề nghị đơn vị gửi tính kết quả và đánh dấu "
    "các sản phẩm đề xuất lên cấp trên, rồi gửi lại."
)


@dataclass(frozen=True)
class ImportOutcome:
    """The rows added (source, code, name) and the findings that kept other rows out."""

    added: list[tuple[str, str, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every row was taken, 1 when some were refused."""
        return 1 if has_errors(self.findings) else 0

    def summary(self) -> str:
        """A one-line Vietnamese summary."""
        refused = sum(1 for f in self.findings if f.is_error)
        text = f"Đã thêm {len(self.added)} sản phẩm vào sheet {schema.SHEET_REGISTRATIONS}."
        return text + (f" {refused} dòng bị từ chối (xem danh sách lỗi)." if refused else "")


def incoming_rows(path: Path) -> tuple[str, Rows, set[str] | None]:
    """The sender's name, its Đăng ký rows, and the codes it proposes upward (None: take every row)."""
    sheets = read_sheets(path)
    source = path.name
    if schema.SHEET_INFO in sheets:
        info, _ = info_from_rows(sheets[schema.SHEET_INFO])
        if info is not None and info.organiser:
            source = f"{info.organiser} ({path.name})"
    rows = sheets.get(schema.SHEET_REGISTRATIONS)
    if rows is None:  # a plain list: the first sheet with the Đăng ký header
        rows = next((r for r in sheets.values() if find_table("", r, schema.COL_CODE)), None)
    if rows is None:
        raise BinhchonError(f"{path.name}: không thấy bảng có cột “{schema.COL_CODE}”. Hãy gửi danh sách theo mẫu sheet {schema.SHEET_REGISTRATIONS}.")
    proposed = None
    if schema.SHEET_RESULTS in sheets:
        proposed = {r.code for r in result_rows_from_rows(sheets[schema.SHEET_RESULTS]) if r.forward}
    return source, rows, proposed


def import_registrations(book: ContestBook, files: list[Path]) -> ImportOutcome:
    """Append the new products of each file to Đăng ký, refusing duplicates and rows with errors."""
    current = book.read([schema.SHEET_REGISTRATIONS]).get(schema.SHEET_REGISTRATIONS)
    table = find_table(schema.SHEET_REGISTRATIONS, current or [], schema.COL_CODE)
    if table is None:
        raise BinhchonError(f"Sổ {book.label} không có sheet {schema.SHEET_REGISTRATIONS} đúng mẫu (thiếu cột “{schema.COL_CODE}”).")
    existing, _ = registrations_from_rows(current)
    codes = {r.code for r in existing}
    names = {(loose_key(r.name), loose_key(r.establishment)) for r in existing}
    added, findings, new_rows = [], [], []
    for path in files:
        source, rows, proposed = incoming_rows(path)
        if proposed is not None and not proposed:
            findings.append(warning("nothing-proposed", schema.SHEET_RESULTS, "", _NOTHING_PROPOSED.format(name=path.name), path.name))
            continue
        regs, found = registrations_from_rows(rows)
        findings += [_from_file(f, path) for f in found if f.is_error]
        bad_rows = {f.row for f in found if f.is_error}
        for reg in regs:
            if proposed is not None and reg.code not in proposed or reg.row in bad_rows:
                continue
            key = (loose_key(reg.name), loose_key(reg.establishment))
            if reg.code in codes or key in names:
                findings.append(_duplicate(reg, path, reg.code in codes))
                continue
            codes.add(reg.code)
            names.add(key)
            new_rows.append(_row_for(table, rows, reg, source))
            added.append((source, reg.code, reg.name))
    if new_rows:
        book.append_rows(schema.SHEET_REGISTRATIONS, new_rows)
    outcome = ImportOutcome(added, findings)
    log_action(book, "Nhập danh sách từ cấp dưới", source_files(book) + files, outcome.summary())
    return outcome


def _from_file(f: Finding, path: Path) -> Finding:
    return Finding(f.severity, f.code, f.sheet, f.cell, f.message + " Dòng này chưa được nhập.", path.name, f.row)


def _duplicate(reg, path: Path, same_code: bool) -> Finding:
    if same_code:
        msg = f"Mã sản phẩm {reg.code} đã có trong sổ tỉnh; dòng này không được nhập. Hãy đổi mã hoặc bỏ dòng trùng."
        return error("duplicate-code", schema.SHEET_REGISTRATIONS, f"A{reg.row}", msg, path.name)
    msg = (f"Sản phẩm “{reg.name}” của {reg.establishment} đã có trong sổ tỉnh; dòng này không được nhập.")
    return error("duplicate-product", schema.SHEET_REGISTRATIONS, f"A{reg.row}", msg, path.name)


def _row_for(table, source_rows: Rows, reg, source: str) -> list[object]:
    """The sender's row re-laid in the province's column order, with Nguồn filled."""
    incoming = find_table("", source_rows, schema.COL_CODE)
    raw = source_rows[reg.row - 1]
    width = max(table.columns.values()) + 1
    out: list[object] = [None] * max(width, 1)
    for key, col in table.columns.items():
        src_col = incoming.columns.get(key) if incoming else None
        if src_col is not None and src_col < len(raw):
            out[col] = raw[src_col]
    src = table.column(schema.COL_SOURCE)
    if src is not None:
        out[src] = source
    return out

