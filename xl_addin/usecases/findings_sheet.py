"""Showing findings in the workbook: the Kiểm tra sheet and highlighted cells with notes."""

from __future__ import annotations

from typing import Sequence

from ..domain import schema
from ..domain.findings import Finding
from ..domain.sheets.findings import FINDINGS_LAYOUT, findings_from_rows, marked_cells_from_rows, note, rows_from_findings
from ..ports import ContestBook, Mark


def previous_marks(book: ContestBook) -> list[tuple[str, str]]:
    """The (sheet, cell) pairs the last Kiểm tra listed in this workbook, to clear before re-marking."""
    return marked_cells_from_rows(book.read([schema.SHEET_FINDINGS]).get(schema.SHEET_FINDINGS, []))


def show_findings(book: ContestBook, findings: Sequence[Finding]) -> None:
    """Write the Kiểm tra sheet and move the highlights from the last run's cells to this run's."""
    book.unmark(previous_marks(book))
    book.write_sheet(schema.SHEET_FINDINGS, rows_from_findings(findings), FINDINGS_LAYOUT)
    existing = set(book.sheet_names())
    book.mark(
        [Mark(f.sheet, f.cell, f.severity, note(f.code, f.message))
         for f in findings if f.file is None and f.cell and f.sheet in existing]
    )


def listed_marks(book: ContestBook, sheet: str) -> list[Mark]:
    """The highlights Kiểm tra lists on one sheet, to put back after that sheet is rewritten."""
    return [Mark(sheet, f.cell, f.severity, note(f.code, f.message))
            for f in listed_findings(book) if f.file is None and f.sheet == sheet and f.cell]


def listed_findings(book: ContestBook) -> list[Finding]:
    """The findings the Kiểm tra sheet lists now (the last check's), read back from its rows."""
    return findings_from_rows(book.read([schema.SHEET_FINDINGS]).get(schema.SHEET_FINDINGS, []))
