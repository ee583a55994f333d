"""Writing user-supplied values into cells safely: text that looks like a formula stays text."""

from __future__ import annotations

from openpyxl.cell.rich_text import CellRichText

from ..domain.cell_rules import FORMULA_PREFIXES, MAX_CELL_TEXT, needs_text_guard  # noqa: F401
from .cell_values import PLAIN_TYPES, clean_value


def safe_value(value: object) -> object:
    """The value to assign to an openpyxl cell so that user text is stored as text, never a formula.

    Numbers, dates and None pass through; empty text becomes None. Text loses the control characters a workbook cannot
    hold; text that starts like a formula ("=1+1", "+84…", "@x") or spells an error code
    ("#N/A") is wrapped in CellRichText, which openpyxl writes as an inline string: Excel and
    LibreOffice show it verbatim and openpyxl reads it back as the same plain str.
    """
    if value is None or isinstance(value, PLAIN_TYPES) or isinstance(value, CellRichText):
        return value
    text = clean_value(value)
    if text is not None and needs_text_guard(text):
        return CellRichText([text])
    return text
