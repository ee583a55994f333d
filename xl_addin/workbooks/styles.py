"""Shared look of the generated workbooks: fonts, fills, borders, alignments and column widths."""

from __future__ import annotations

from typing import Mapping

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "Times New Roman"
FONT_SIZE = 12

# ARGB colours (alpha first) so that Excel and LibreOffice read them the same way.
HEADER_FILL_RGB = "FFDDEBF7"  # light blue: header rows
CONFLICT_FILL_RGB = "FFD9D9D9"  # grey: rows a judge does not score
CONFLICT_TEXT_RGB = "FF595959"  # dark grey text on those rows
INPUT_FILL_RGB = "FFFFFFFF"  # white: cells a judge types into
ERROR_FILL_RGB = "FFFFC7CE"  # light red: cells with an error finding
WARNING_FILL_RGB = "FFFFEB9C"  # light yellow: cells with a warning finding
BORDER_RGB = "FF808080"

DEFAULT_WIDTH = 14.0


def solid_fill(rgb: str) -> PatternFill:
    """A solid fill of one ARGB colour."""
    return PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)


def header_fill() -> PatternFill:
    """The fill of header rows."""
    return solid_fill(HEADER_FILL_RGB)


def conflict_fill() -> PatternFill:
    """The grey fill of rows that are not to be scored (conflict of interest)."""
    return solid_fill(CONFLICT_FILL_RGB)


def input_fill() -> PatternFill:
    """The fill of cells a person is expected to type into."""
    return solid_fill(INPUT_FILL_RGB)


def error_fill() -> PatternFill:
    """The fill of cells with an error finding."""
    return solid_fill(ERROR_FILL_RGB)


def warning_fill() -> PatternFill:
    """The fill of cells with a warning finding."""
    return solid_fill(WARNING_FILL_RGB)


def body_font(*, bold: bool = False, italic: bool = False, color: str | None = None, size: float = FONT_SIZE) -> Font:
    """The font of ordinary cells."""
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=color)


def header_font() -> Font:
    """The font of header rows."""
    return Font(name=FONT_NAME, size=FONT_SIZE, bold=True)


def title_font(size: int = 14) -> Font:
    """The font of sheet titles."""
    return Font(name=FONT_NAME, size=size, bold=True)


def thin_border() -> Border:
    """A thin grey border on all four sides."""
    side = Side(style="thin", color=BORDER_RGB)
    return Border(left=side, right=side, top=side, bottom=side)


def header_alignment() -> Alignment:
    """Centred, wrapped text for header cells."""
    return Alignment(horizontal="center", vertical="center", wrap_text=True)


def wrap_alignment(horizontal: str | None = None) -> Alignment:
    """Wrapped text aligned to the top, for data cells."""
    return Alignment(horizontal=horizontal, vertical="top", wrap_text=True)


def style_header_row(ws: Worksheet, row: int, columns: int, first: int = 1) -> None:
    """Give the header cells of one row the header font, fill, border and alignment."""
    for col in range(first, first + columns):
        cell = ws.cell(row=row, column=col)
        cell.font = header_font()
        cell.fill = header_fill()
        cell.border = thin_border()
        cell.alignment = header_alignment()


def set_widths(ws: Worksheet, widths: Mapping[int, float]) -> None:
    """Set column widths by 1-based column number."""
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width


def widths_for(headers: tuple[str, ...], known: Mapping[str, float]) -> dict[int, float]:
    """Column widths for a header row: the known width of each header, else a default."""
    return {i: known.get(h, DEFAULT_WIDTH) for i, h in enumerate(headers, start=1)}


def landscape_fit(ws: Worksheet) -> None:
    """Print the sheet on A4 landscape pages, its columns fitted to the page width."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
