"""The Nhật ký sheet: one row per action (when, what, its inputs' SHA-256, its outcome), only ever appended."""

from __future__ import annotations

import datetime as dt

from .. import schema
from ..tables import Rows

STAMP_FORMAT = "%d/%m/%Y %H:%M:%S"  # as Vietnamese offices write dates
WIDTHS = dict(zip(schema.LOG_HEADERS, (20, 26, 70, 50)))  # the blank workbook's columns


def rows_from_entry(when: dt.datetime, action: str, inputs: str, outcome: str, *, header: bool) -> Rows:
    """The rows to append for one action: the header first when the sheet is still empty."""
    rows: Rows = [list(schema.LOG_HEADERS)] if header else []
    rows.append([when.strftime(STAMP_FORMAT), action, inputs, outcome])
    return rows
