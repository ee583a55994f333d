"""The Kiểm tra sheet: one row per finding, written after every check and read back for its highlights."""

from __future__ import annotations

from typing import Sequence

from .. import schema
from ..finding_codes import label
from ..findings import Finding
from ..sheet_layout import SheetLayout
from ..tables import Rows, find_table

FINDINGS_LAYOUT = SheetLayout(header_row=1, widths={1: 10, 2: 22, 3: 28, 4: 22, 5: 8, 6: 90}, landscape=True,
                              wrap_columns=(3, 4, 6))
TEMPLATE_WIDTHS = dict(zip(schema.FINDINGS_HEADERS, (12, 24, 28, 16, 8, 90)))  # the blank workbook's columns


def rows_from_findings(findings: Sequence[Finding]) -> list[list[object]]:
    """The Kiểm tra sheet: header, then one row per finding (file name before the sheet when not the workbook)."""
    rows: list[list[object]] = [list(schema.FINDINGS_HEADERS)]
    for f in findings:
        sheet = f"{f.file} › {f.sheet}" if f.file else f.sheet
        rows.append([schema.SEVERITY_LABELS[f.severity], f.code, label(f.code), sheet, f.cell, f.message])
    return rows


def marked_cells_from_rows(rows: Rows) -> list[tuple[str, str]]:
    """The (sheet, cell) pairs of this workbook that the Kiểm tra rows list (not those of judges' files)."""
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


def findings_from_rows(rows: Rows) -> list[Finding]:
    """The findings the Kiểm tra rows list, read back (file and sheet split at " › ")."""
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


def note(code: str, message: str) -> str:
    """The note on a flagged cell: "[code] label: message" (the tool's notes start with "[code] ")."""
    return f"[{code}] {label(code)}: {message}"
