"""The Nhật ký sheet: one row per action with its inputs' SHA-256 and its outcome."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from contextlib import contextmanager
from typing import Iterable, Iterator

from ..domain import schema
from ..domain.sheets.log import rows_from_entry
from ..errors import BlockedError
from ..ports import ContestBook
from ..safe_files import sha256_of


def describe_inputs(paths: Iterable[Path]) -> str:
    """'name (sha256:…)' for each existing file, one per line."""
    return "\n".join(f"{p.name} (sha256:{sha256_of(p)})" for p in paths if p.exists())


@contextmanager
def refusals_logged(book: ContestBook, action: str, inputs: Iterable[Path]) -> Iterator[None]:
    """Log an action's refusal (a BlockedError) in Nhật ký before it reaches the user."""
    try:
        yield
    except BlockedError as exc:
        log_action(book, action, inputs, "Từ chối: " + exc.message)
        raise


def log_action(book: ContestBook, action: str, inputs: Iterable[Path], outcome: str) -> None:
    """Append one row to Nhật ký (creating the header if the sheet is empty)."""
    existing = book.read([schema.SHEET_LOG]).get(schema.SHEET_LOG, [])
    rows = rows_from_entry(dt.datetime.now(), action, describe_inputs(inputs), outcome, header=not existing)
    book.append_rows(schema.SHEET_LOG, rows)
