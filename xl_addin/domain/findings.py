"""Findings: problems in the user's data, as values with stable codes (SPEC §4)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Iterable, Literal

Severity = Literal["error", "warning"]

ERROR: Severity = "error"
WARNING: Severity = "warning"
_A1_ROW = re.compile(r"\$?[A-Za-z]{1,3}\$?([0-9]+)")


@dataclass(frozen=True)
class Finding:
    """One problem found in a workbook: what, where (file, sheet, A1 cell) and how to fix it."""

    severity: Severity
    code: str
    sheet: str
    cell: str
    message: str
    file: str | None = None  # None means the contest workbook itself
    row: int | None = None  # the 1-based sheet row; taken from the A1 cell when not given

    def __post_init__(self) -> None:
        if self.row is None and (found := _A1_ROW.fullmatch(self.cell or "")):
            object.__setattr__(self, "row", int(found.group(1)))

    @property
    def is_error(self) -> bool:
        """True when the finding blocks the next step."""
        return self.severity == ERROR

    def as_dict(self) -> dict:
        """The finding as the JSON object printed by `--json`."""
        return asdict(self)


def error(code: str, sheet: str, cell: str, message: str, file: str | None = None,
          row: int | None = None) -> Finding:
    """An error finding."""
    return Finding(ERROR, code, sheet, cell, message, file, row)


def warning(code: str, sheet: str, cell: str, message: str, file: str | None = None,
            row: int | None = None) -> Finding:
    """A warning finding."""
    return Finding(WARNING, code, sheet, cell, message, file, row)


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding is an error."""
    return any(f.is_error for f in findings)


def count(findings: Iterable[Finding]) -> tuple[int, int]:
    """The number of errors and of warnings."""
    items = list(findings)
    errors = sum(1 for f in items if f.is_error)
    return errors, len(items) - errors


@lru_cache(maxsize=None)  # at most 16,384 columns
def column_letter(index: int) -> str:
    """The A1 column letters of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def a1(row_index: int, col_index: int) -> str:
    """The A1 address of 0-based row and column indexes."""
    return f"{column_letter(col_index)}{row_index + 1}"
