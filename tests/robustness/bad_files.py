"""Makers of bad inputs: a workbook's zip parts rewritten, sheets edited as a person would."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Callable

import openpyxl

from xl_addin.workbooks.xlsx_guard import sheet_names_by_part


def sheet_part(path: Path, sheet: str) -> str:
    """The zip part name of a sheet (xl/worksheets/sheetN.xml)."""
    with zipfile.ZipFile(path) as zf:
        return next(part for part, name in sheet_names_by_part(zf).items() if name == sheet)


def rewrite_parts(path: Path, change: Callable[[str, bytes], bytes | None], extra: dict[str, bytes] | None = None) -> None:
    """Rewrite a zip in place: each member's bytes through change(name, data) (None drops it)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = change(info.filename, src.read(info.filename))
            if data is not None:
                dst.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def patch_part(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite one member of a zip."""
    rewrite_parts(path, lambda name, data: change(data) if name == part else data)


def edit(path: Path, change: Callable[[openpyxl.Workbook], None]) -> None:
    """Open a workbook with openpyxl, change it as a person would in Excel, save it."""
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)


def header_cell(ws, header: str):
    """The cell of the first row holding `header`."""
    for row in ws.iter_rows(max_row=20):
        for cell in row:
            if cell.value == header:
                return cell
    raise AssertionError(f"no header {header!r} in {ws.title}")
