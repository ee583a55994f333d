"""Shared look of the generated workbooks: fonts, fills, borders, alignments and column widths."""

from __future__ import annotations

from typing import Mapping

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .text_fit import DEFAULT_WIDTH, LINE_HEIGHT, PAGE_FOOTER, row_height, wrapped_lines  # noqa: F401 (openpyxl-free)

FONT_NAME = "Times New Roman"
FONT_SIZE = 12

from ..domain.cell_rules import ERROR_FILL_RGB, HEADER_FILL_RGB, WARNING_FILL_RGB  # noqa: F401 (shared by both adapters)

# ARGB colours (alpha first) so that Excel and LibreOffice read them the same way.
CONFLICT_FILL_RGB = "FFD9D9D9"  # grey: rows a judge does not score
CONFLICT_TEXT_RGB = "FF595959"  # dark grey text on those rows
BORDER_RGB = "FF808080"


def solid_fill(rgb: str) -> PatternFill:
    """A solid fill of one ARGB colour."""
    return PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)


def header_fill() -> PatternFill:
    """The fill of header rows."""
    return solid_fill(HEADER_FILL_RGB)


def conflict_fill() -> PatternFill:
    """The grey fill of rows that are not to be scored (conflict of interest)."""
    return solid_fill(CONFLICT_FILL_RGB)


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


def page_setup(ws: Worksheet, *, landscape: bool, fit_to_width: bool = True, title_row: int | None = None,
               pages_wide: int = 1) -> None:
    """A4 in the given orientation, one page wide, the header row on every page, page numbers below."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    ws.sheet_properties.pageSetUpPr.fitToPage = fit_to_width
    if fit_to_width:
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = pages_wide, 0
    if title_row:
        ws.print_title_rows = f"{title_row}:{title_row}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = PAGE_FOOTER


def landscape_fit(ws: Worksheet) -> None:
    """Print the sheet on A4 landscape pages, its columns fitted to the page width."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
