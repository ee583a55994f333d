"""A tool-written sheet's XML from rows and a SheetLayout, written as text (no object per cell).

What the previous version of the sheet carried beyond its cells (column widths, a filter,
conditional formatting, a person's validations, sheet properties) is kept, as openpyxl kept it
when it deleted the rows and wrote them again; its merged cells, the tool's dropdowns, its notes
and its print setup are the tool's and are made again.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from lxml import etree

from ..domain.cell_rules import MAX_CELL_TEXT
from ..domain.tables import Rows
from ..ports import SheetLayout
from . import text_fit as styles
from .cell_values import clean_row, clean_value
from .sheet_xml import Q, column_letter, insert_child, new_worksheet, parse_cols, put_cols, split_sheet_data
from .written_sheet import WrittenSheet
from .xlsx_styles import CENTER_TOP, TOP, WRAP_TOP, StyleBook

CHOICE_TITLE = "Chọn Có hoặc Không"
CHOICE_ERROR = "Ô này chỉ nhận {values}. Hãy chọn trong danh sách."
BANNER_ROW_HEIGHT = 32  # two lines of a long title or rule statement
PAGE_FOOTER = "&C" + styles.PAGE_FOOTER
_DROPPED = ("dimension", "sheetViews", "mergeCells", "legacyDrawing", "pageSetup", "headerFooter", "pageMargins")
_EPOCH = dt.datetime(1899, 12, 30)
_XML_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


@dataclass
class PrintNames:
    """The defined names a written sheet needs: print titles and print area (None: leave as they are)."""

    titles: str | None = None
    area: str | None = None


def serial(value: dt.date | dt.datetime) -> float | int:
    """Excel's 1900-system serial number of a date or a date and time."""
    if not isinstance(value, dt.datetime):
        return (value - _EPOCH.date()).days
    delta = value.replace(tzinfo=None) - _EPOCH
    return delta.days + delta.seconds / 86400 + delta.microseconds / 86400e6


def cell_xml(ref: str, value: object, xf: int) -> str:
    """One <c> element: numbers and dates as numbers, booleans, text as an inline string."""
    style = f' s="{xf}"' if xf else ""
    if value is None:
        return f'<c r="{ref}"{style}/>' if xf else ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float, Decimal)) and not (isinstance(value, float) and not math.isfinite(value)):
        return f'<c r="{ref}"{style}><v>{value!r}</v></c>' if isinstance(value, float) else \
            f'<c r="{ref}"{style}><v>{value}</v></c>'
    if isinstance(value, (dt.date, dt.datetime)):
        return f'<c r="{ref}"{style}><v>{serial(value)}</v></c>'
    text = str(value).translate(_XML_ESCAPE)
    return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _text(value: object) -> object:
    return None if value is None else str(value)


def write_sheet_xml(rows: Rows, layout: SheetLayout, book: StyleBook, old: bytes | None) -> tuple[bytes, PrintNames]:
    """The worksheet part for rows laid out as asked, keeping what `old` carried beyond its cells."""
    written, names = write_sheet_rows(rows, layout, book, old)
    return written.to_bytes(), names


def write_sheet_rows(rows: Rows, layout: SheetLayout, book: StyleBook,
                     old: bytes | None) -> tuple[WrittenSheet, PrintNames]:
    """write_sheet_xml's sheet kept as its skeleton and its rows' cells (marks can then be put on them)."""
    root, _ = split_sheet_data(old) if old else (new_worksheet(), b"")
    for name in _DROPPED:
        for el in root.findall(Q + name):
            root.remove(el)
    values = [clean_row(row) for row in rows[:layout.header_row]] + list(rows[layout.header_row:])  # data rows: as written
    nrows, ncols = len(values), max((len(r) for r in values), default=0)
    cols = parse_cols(root)
    for col, width in layout.widths.items():
        cols.set(col, width=width)
    for col in layout.hidden_columns:
        cols.set(col, hidden=True)
    put_cols(root, cols)
    widths = {c: cols.width(c) or styles.DEFAULT_WIDTH for c in range(1, ncols + 1)}
    data, merges = _sheet_data(values, layout, book, widths)
    header = layout.header_row
    if values and header <= nrows:
        _freeze(root, header)
    insert_child(root, etree.Element(Q + "dimension", ref=f"A1:{column_letter(max(ncols, 1))}{max(nrows, 1)}"))
    if merges:
        spans = etree.Element(Q + "mergeCells", count=str(len(merges)))
        for ref in merges:
            etree.SubElement(spans, Q + "mergeCell", ref=ref)
        insert_child(root, spans)
    _choices(root, layout, nrows)
    names = _print_setup(root, layout, nrows, ncols)
    head, tail = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).split(b"<sheetData/>")
    return WrittenSheet(head, tail, *data), names


def _sheet_data(values: list[list], layout: SheetLayout, book: StyleBook,
                widths: dict[int, float]) -> tuple[tuple[list[str], list[list[str]]], list[str]]:
    """The rows' start tags and cells ('' where a column has none), and the banner rows' merged ranges."""
    header, nrows = layout.header_row, len(values)
    ncols = max((len(r) for r in values), default=0)
    hidden = set(layout.hidden_columns)
    visible = [c for c in range(1, ncols + 1) if c not in hidden]
    last = visible[-1] if visible else ncols
    banners = {r for r in layout.banner_rows if r < header and last > 1}
    data_cols = max([ncols, *layout.number_formats]) if layout.number_formats else ncols
    aligns = {c: WRAP_TOP if c in layout.wrap_columns else CENTER_TOP if c in layout.center_columns else TOP
              for c in range(1, data_cols + 1)}
    letters = [column_letter(c) for c in range(1, data_cols + 1)]
    plain = [0] + [book.cell_xf(align=aligns[c] if c <= ncols else None, number_format=layout.number_formats.get(c))
                   for c in range(1, data_cols + 1)]
    dated = [0] + [book.cell_xf(align=aligns[c] if c <= ncols else None,
                                number_format=layout.number_formats.get(c, layout.date_format))
                   for c in range(1, data_cols + 1)]
    top = _top_rows(values[:header], layout, book, widths, banners, hidden)
    opens, out = _data_rows(values, header, _columns(letters, plain, dated), layout.wrap_columns, widths)
    opens[:0], out[:0] = top
    merges = [f"A{r}:{column_letter(last)}{r}" for r in sorted(banners) if r <= nrows]
    return (opens, out), merges


def _top_rows(values: list[list], layout: SheetLayout, book: StyleBook, widths: dict[int, float],
              banners: set[int], hidden: set[int]) -> tuple[list[str], list[list[str]]]:
    """The rows down to the header: title and banner rows, then the header (bold, wrapped when asked)."""
    opens, out = [], []
    header = layout.header_row
    for r, row in enumerate(values, start=1):
        height = None
        cells = []
        for c, value in enumerate(row, start=1):
            fmt = layout.date_format if isinstance(value, (dt.date, dt.datetime)) else None
            if r == header:
                xf = book.header_xf(wrap=layout.wrap_header, number_format=fmt)
            elif r in banners and c == 1:
                xf = book.cell_xf(align=WRAP_TOP, number_format=fmt)
            else:
                xf = book.cell_xf(number_format=fmt) if fmt else 0
            cells.append(cell_xml(f"{column_letter(c)}{r}", value, xf))
        if r == header and layout.wrap_header:
            height = styles.row_height({c: _text(row[c - 1]) for c in range(1, len(row) + 1) if c not in hidden},
                                       widths, bold=True)
        if r in banners:
            height = BANNER_ROW_HEIGHT
        ht = f' ht="{height}" customHeight="1"' if height is not None else ""
        opens.append(f'<row r="{r}"{ht}>')
        out.append(cells)
    return opens, out


def _data_rows(values: list[list], header: int, columns: list[tuple], wrap: tuple[int, ...] | list[int],
               widths: dict[int, float]) -> tuple[list[str], list[list[str]]]:
    """The rows below the header: start tags (heights to fit the wrapped columns) and cells."""
    opens, out = [], []
    rooms = [(c, widths.get(c, styles.DEFAULT_WIDTH)) for c in wrap]
    counted: dict[tuple[str, float], int] = {}  # a long text's lines (a column repeats its few long values)
    for r, row in enumerate(values[header:], start=header + 1):
        lines = 1
        for c, width in rooms:  # styles.row_height of the cleaned texts, the one-line ones counted here
            value = row[c - 1] if c <= len(row) else None
            if type(value) is not str or not (value.isprintable() and 0 < len(value) <= MAX_CELL_TEXT):
                value = clean_value(value)
            if value is not None:
                text = str(value)
                if len(text) > max(int(width) - 1, 1) or "\n" in text:
                    n = counted.get((text, width))
                    if n is None:
                        n = counted[text, width] = styles.wrapped_lines(text, width)
                    lines = max(lines, n)
        opens.append(f'<row r="{r}" ht="{lines * styles.LINE_HEIGHT}" customHeight="1">')
        out.append(_data_cells(r, row, columns))
    return opens, out


def _columns(letters: list[str], plain: list[int], dated: list[int]) -> list[tuple]:
    """Per column of a data row, the fixed pieces of its cells' XML: (letter, '<c r="' + letter, an empty
    styled cell's end or '', a text cell's middle, a number cell's middle, plain xf, date xf)."""
    out = []
    for c, letter in enumerate(letters, 1):
        style = f' s="{plain[c]}"' if plain[c] else ""
        out.append((letter, '<c r="' + letter, f'"{style}/>' if plain[c] else "",
                    f'"{style} t="inlineStr"><is><t xml:space="preserve">', f'"{style}><v>', plain[c], dated[c]))
    return out


def _data_cells(r: int, row: list, columns: list[tuple]) -> list[str]:
    """A data row's cells, every column of the table styled (typed-in values later look the same); '' for
    a column without a cell. Values are cleaned here (cell_values.clean_value), most text only checked."""
    cells: list[str] = []
    append = cells.append
    rs = str(r)
    width = len(columns)
    values = row if len(row) == width else list(row[:width]) + [None] * (width - len(row))
    for (letter, start, empty, text, number, plain, dated), value in zip(columns, values):
        kind = type(value)
        if kind is str:
            if not (value.isprintable() and 0 < len(value) <= MAX_CELL_TEXT):
                value = clean_value(value)
                kind = type(value)
        elif value is None:
            append(start + rs + empty if empty else "")
            continue
        elif kind is not int and kind is not float:
            value = clean_value(value)
            kind = type(value)
        if kind is str:
            if "&" in value or "<" in value or ">" in value:
                value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            append(f"{start}{rs}{text}{value}</t></is></c>")
        elif value is None:
            append(start + rs + empty if empty else "")
        elif kind is int:
            append(f"{start}{rs}{number}{value}</v></c>")
        elif kind is float and math.isfinite(value):
            append(f"{start}{rs}{number}{value!r}</v></c>")
        else:
            is_date = isinstance(value, (dt.date, dt.datetime))
            append(cell_xml(letter + rs, value, dated if is_date else plain))
    return cells


def _freeze(root: etree._Element, header: int) -> None:
    views = etree.Element(Q + "sheetViews")
    view = etree.SubElement(views, Q + "sheetView", workbookViewId="0")
    top = f"A{header + 1}"
    etree.SubElement(view, Q + "pane", ySplit=str(header), topLeftCell=top, activePane="bottomLeft", state="frozen")
    etree.SubElement(view, Q + "selection", pane="bottomLeft", activeCell=top, sqref=top)
    insert_child(root, views)


def _choices(root: etree._Element, layout: SheetLayout, nrows: int) -> None:
    """One dropdown per column listed in the layout, replacing the tool's earlier ones on that sheet."""
    holder = root.find(Q + "dataValidations")
    if holder is not None:
        for dv in holder.findall(Q + "dataValidation"):
            if dv.get("promptTitle") == CHOICE_TITLE:
                holder.remove(dv)
    if layout.choices and nrows > layout.header_row:
        if holder is None:
            holder = insert_child(root, etree.Element(Q + "dataValidations"))
        first, last = layout.header_row + 1, max(nrows, layout.header_row + 1)
        for col, allowed in layout.choices.items():
            letter = column_letter(col)
            dv = etree.SubElement(holder, Q + "dataValidation", type="list", errorStyle="warning", allowBlank="1",
                                  showErrorMessage="1", errorTitle=CHOICE_TITLE,
                                  error=CHOICE_ERROR.format(values=" hoặc ".join(allowed)),
                                  promptTitle=CHOICE_TITLE, sqref=f"{letter}{first}:{letter}{last}")
            etree.SubElement(dv, Q + "formula1").text = '"' + ",".join(allowed) + '"'
    if holder is not None:
        if len(holder):
            holder.set("count", str(len(holder)))
        else:
            root.remove(holder)


def _print_setup(root: etree._Element, layout: SheetLayout, nrows: int, ncols: int) -> PrintNames:
    """A4, orientation, fit to the page width, page numbers below; the print titles and area to define."""
    pr = root.find(Q + "sheetPr")
    if pr is None:
        pr = insert_child(root, etree.Element(Q + "sheetPr"))
    fit = pr.find(Q + "pageSetUpPr")
    if fit is None:
        fit = etree.SubElement(pr, Q + "pageSetUpPr")
    fit.set("fitToPage", "1" if layout.fit_to_width else "0")
    insert_child(root, etree.Element(Q + "pageMargins", left="0.4", right="0.4", top="1", bottom="1",
                                     header="0.5", footer="0.5"))
    setup = etree.Element(Q + "pageSetup", paperSize="9", orientation="landscape" if layout.landscape else "portrait")
    if layout.fit_to_width:
        setup.set("fitToWidth", str(layout.pages_wide))
        setup.set("fitToHeight", "0")
    insert_child(root, setup)
    footer = etree.Element(Q + "headerFooter")
    etree.SubElement(footer, Q + "oddFooter").text = PAGE_FOOTER
    insert_child(root, footer)
    header = layout.header_row
    rows = f"${header}:${header}" if layout.repeat_header and 0 < header <= nrows else None
    cols = "$" + layout.title_columns.replace(":", ":$") if layout.title_columns else None
    titles = ",".join(p for p in (cols, rows) if p) or None
    area = f"$A$1:${column_letter(ncols)}${nrows}" if nrows and ncols else None
    return PrintNames(titles=titles, area=area)

