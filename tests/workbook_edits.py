"""Edits a person makes to a contest workbook between two commands, shared by the CLI and robustness tests."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_addin.domain import rules, schema


def regroup_product(path: Path, row: int = 2) -> None:
    """Move the product on a row of Đăng ký to another group: that changes what the judges scored."""
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.SHEET_REGISTRATIONS]
    col = [c.value for c in ws[1]].index(schema.COL_GROUP) + 1
    cell = ws.cell(row=row, column=col)
    cell.value = next(g for g in rules.GROUPS if g != cell.value)
    wb.save(path)
