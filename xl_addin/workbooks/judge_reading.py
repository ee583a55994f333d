"""A judge's scoring workbook read back: the rows of its sheets, read-only, without the writing side's modules."""

from __future__ import annotations

from pathlib import Path

from ..domain import schema
from ..domain.tables import Rows
from .xlsx_io import read_sheets


def read_judge_workbook(path: Path, *, snapshot: bool = False) -> dict[str, Rows]:
    """The rows of the Phiếu chấm and Định danh sheets (and the products' snapshot) the file has, read-only."""
    names = (schema.SHEET_SCORING, schema.SHEET_SCORING_META) + ((schema.SHEET_SCORING_SNAPSHOT,) if snapshot else ())
    return read_sheets(path, names)
