"""What every adapter must respect in a cell: text that a spreadsheet would run stays text, and the highlight colours.

Both the file adapter (openpyxl) and the Excel adapter (xlwings) write person-supplied text into
cells and colour the cells of findings; the rules they share live here, below both.
"""

from __future__ import annotations

# Text starting with one of these is run as a formula by spreadsheet programs (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@")
# Text spelling an error value is read back as that error, not as the text.
ERROR_TEXTS = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"))
MAX_CELL_TEXT = 32767  # Excel's limit on the characters of one cell

# ARGB colours (alpha first) so that Excel and LibreOffice read them the same way.
HEADER_FILL_RGB = "FFDDEBF7"  # light blue: header rows
ERROR_FILL_RGB = "FFFFC7CE"  # light red: cells with an error finding
WARNING_FILL_RGB = "FFFFEB9C"  # light yellow: cells with a warning finding


def needs_text_guard(text: str) -> bool:
    """True when a spreadsheet would run this text as a formula or read it as an error value."""
    return text.startswith(FORMULA_PREFIXES) or text in ERROR_TEXTS


def stronger(severity: str, other: str | None) -> str:
    """The severity whose colour a cell shows when it has both: an error's wins over a warning's."""
    return "error" if "error" in (severity, other) else severity


def hex_colour(argb: str) -> str:
    """'#RRGGBB' from an ARGB colour ('FFFFC7CE' -> '#FFC7CE')."""
    return "#" + argb[-6:].upper()
