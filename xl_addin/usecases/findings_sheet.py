"""Showing findings in the workbook: the Kiểm tra sheet and highlighted cells with notes."""

from __future__ import annotations

from typing import Sequence

from ..domain import schema
from ..domain.finding_codes import label
from ..domain.findings import Finding
from ..domain.tables import find_table
from ..ports import ContestBook, Mark, SheetLayout

FINDINGS_LAYOUT = SheetLayout(header_row=1, widths={1: 10, 2: 22, 3: 28, 4: 22, 5: 8, 6: 90}, landscape=True,
                              wrap_columns=(3, 4, 6))


def rows_from_findings(findings: Sequence[Finding]) -> list[list[object]]:
    """The Kiểm tra sheet: header, then one row per finding (file name before the sheet when not the workbook)."""
    rows: list[list[object]] = [list(schema.FINDINGS_HEADERS)]
    for f in findings:
        sheet = f"{f.file} › {f.sheet}" if f.file else f.sheet
        rows.append([schema.SEVERITY_LABELS[f.severity], f.code, label(f.code), sheet, f.cell, f.message])
    return rows


def previous_marks(book: ContestBook) -> list[tuple[str, str]]:
    """The (sheet, cell) pairs the last Kiểm tra listed in this workbook, to clear before re-marking."""
    rows = book.read([schema.SHEET_FINDINGS]).get(schema.SHEET_FINDINGS, [])
    table = find_table(schema.SHEET_FINDINGS, rows, schema.FINDINGS_CODE)
    if table is None:
        return []
    sheet_col, cell_col = table.column(schema.FINDINGS_SHEET), table.column(schema.FINDINGS_CELL)
    if sheet_col is None or cell_col is None:
        return []
    pairs = []
    for rec in table.records():
        sheet, cell = rec.text(schema.FINDINGS_SHEET), rec.text(schema.FINDINGS_CELL)
        if sheet and cell and "›" not in sheet:
            pairs.append((sheet, cell))
    return pairs


def show_findings(book: ContestBook, findings: Sequence[Finding]) -> None:
    """Write the Kiểm tra sheet and move the highlights from the last run's cells to this run's."""
    book.unmark(previous_marks(book))
    book.write_sheet(schema.SHEET_FINDINGS, rows_from_findings(findings), FINDINGS_LAYOUT)
    existing = set(book.sheet_names())
    book.mark(
        [Mark(f.sheet, f.cell, f.severity, note(f.code, f.message))
         for f in findings if f.file is None and f.cell and f.sheet in existing]
    )


def note(code: str, message: str) -> str:
    """The note on a flagged cell: "[code] label: message" (the tool's notes start with "[code] ")."""
    return f"[{code}] {label(code)}: {message}"


def listed_marks(book: ContestBook, sheet: str) -> list[Mark]:
    """The highlights Kiểm tra lists on one sheet, to put back after that sheet is rewritten."""
    return [Mark(sheet, f.cell, f.severity, note(f.code, f.message))
            for f in listed_findings(book) if f.file is None and f.sheet == sheet and f.cell]


def listed_findings(book: ContestBook) -> list[Finding]:
    """The findings the Kiểm tra sheet lists now (the last check's), read back from its rows."""
    rows = book.read([schema.SHEET_FINDINGS]).get(schema.SHEET_FINDINGS, [])
    table = find_table(schema.SHEET_FINDINGS, rows, schema.FINDINGS_CODE)
    if table is None:
        return []
    severities = {text: key for key, text in schema.SEVERITY_LABELS.items()}
    found = []
    for rec in table.records():
        severity, where = severities.get(rec.text(schema.FINDINGS_SEVERITY)), rec.text(schema.FINDINGS_SHEET)
        if severity is None:
            continue
        file, _, sheet = where.rpartition(" › ")
        found.append(Finding(severity, rec.text(schema.FINDINGS_CODE), sheet, rec.text(schema.FINDINGS_CELL),
                             rec.text(schema.FINDINGS_MESSAGE), file or None))
    return found
