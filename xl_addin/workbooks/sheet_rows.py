"""The rows of a worksheet's sheetData, edited in place: only the rows and cells changed are rebuilt."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from xml.sax.saxutils import escape

from openpyxl.cell.rich_text import CellRichText
from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.datetime import WINDOWS_EPOCH, to_excel

from .sheet_scan import ATTRS, Span, attr, with_attr

_DATES = (dt.datetime, dt.date, dt.time, dt.timedelta)


@dataclass
class Cell:
    """One <c>: the bytes before it (whitespace), its start tag's attributes and what follows them."""

    col: int
    attrs: bytes
    rest: bytes  # b"" for a self-closing cell, else everything after the start tag's ">"
    lead: bytes = b""

    def xf(self) -> int:
        """Its cellXfs index (0 when it has none)."""
        s = attr(self.attrs, b"s")
        return int(s) if s and s.isdigit() else 0

    def to_bytes(self, qname: bytes) -> bytes:
        """The cell's XML."""
        return self.lead + b"<" + qname + self.attrs + (b">" + self.rest if self.rest else b"/>")


@dataclass
class Row:
    """A row being edited: its start tag's attributes, its cells in column order, what follows them."""

    number: int
    attrs: bytes
    cells: list[Cell] = field(default_factory=list)
    tail: bytes = b""  # after the last cell up to </row> (a row's extLst, whitespace)

    def cell(self, col: int) -> Cell | None:
        """The cell in this column, if the row has one."""
        return next((c for c in self.cells if c.col == col), None)

    def put(self, cell: Cell) -> None:
        """Add or replace the cell of its column, keeping column order."""
        for i, old in enumerate(self.cells):
            if old.col == cell.col:
                cell.lead = old.lead
                self.cells[i] = cell
                return
            if old.col > cell.col:
                self.cells.insert(i, cell)
                return
        self.cells.append(cell)

    def to_bytes(self, prefix: bytes) -> bytes:
        """The row's XML."""
        row, c = prefix + b"row", prefix + b"c"
        attrs = self._spans()
        if not self.cells and not self.tail:
            return b"<" + row + attrs + b"/>"
        body = b"".join(cell.to_bytes(c) for cell in self.cells)
        return b"<" + row + attrs + b">" + body + self.tail + b"</" + row + b">"

    def _spans(self) -> bytes:
        """The start tag's attributes, its optional spans hint widened to the cells it now has."""
        spans = attr(self.attrs, b"spans")
        if spans is None or not self.cells:
            return self.attrs
        bounds = [int(n) for n in re.findall(rb"\d+", spans)] + [self.cells[0].col, self.cells[-1].col]
        return with_attr(self.attrs, b"spans", b"%d:%d" % (min(bounds), max(bounds)))


def parse_row(xml: bytes, span: Span, number: int, prefix: bytes) -> Row:
    """The row at span, its cells parsed (a cell without an address follows the one before it)."""
    row = Row(number, span.attrs)
    if span.empty:
        return row
    stop = xml.rfind(b"</", span.tag_end, span.end)
    pos, col = span.tag_end, 0
    close = b"</" + prefix + b"c>"
    for m in _patterns(prefix)[1].finditer(xml, span.tag_end, stop):
        ref = _COLUMN.search(m.group(1))
        col = _column(ref.group(1)) if ref else col + 1
        rest = b"" if m.group(3) is None else m.group(3) + close
        row.cells.append(Cell(col, m.group(1), rest, xml[pos:m.start()]))
        pos = m.end()
    row.tail = xml[pos:stop]
    return row


_COLUMN = re.compile(rb"""(?:^|(?<=\s))r\s*=\s*["']\$?([A-Za-z]{1,3})\$?\d+["']""")


def _column(letters: bytes) -> int:
    col = 0
    for letter in letters.upper():
        col = col * 26 + letter - 64
    return col


def row_number(span: Span, previous: int) -> int:
    """The row's number: its r attribute, else the one after the previous row."""
    r = attr(span.attrs, b"r")
    return int(r) if r and r.isdigit() else previous + 1


def styled_cell(row: int, col: int, xf: int) -> Cell:
    """An empty cell carrying only a style."""
    return Cell(col, b' r="%s%d"' % (get_column_letter(col).encode(), row) + (b' s="%d"' % xf if xf else b""), b"")


def value_cell(row: int, col: int, value: object, xf: int, prefix: bytes, epoch: dt.datetime = WINDOWS_EPOCH) -> Cell:
    """A cell holding a value: text inline (no shared strings), numbers, booleans, dates as serials."""
    ref = b' r="%s%d"' % (get_column_letter(col).encode(), row)
    style = b' s="%d"' % xf if xf else b""
    v, t = prefix + b"v", prefix + b"t"
    if isinstance(value, bool):
        return Cell(col, ref + style + b' t="b"', b"<%s>%d</%s></%sc>" % (v, value, v, prefix))
    if isinstance(value, _DATES):
        value = to_excel(value, epoch)
        value = int(value) if float(value).is_integer() else value
    if isinstance(value, (int, float, Decimal)) and _finite(value):
        number = repr(value) if isinstance(value, float) else str(value)
        return Cell(col, ref + style, b"<%s>%s</%s></%sc>" % (v, number.encode(), v, prefix))
    text = str(value) if not isinstance(value, CellRichText) else "".join(str(part) for part in value)
    space = b' xml:space="preserve"' if text != text.strip() or "\n" in text else b""
    body = b"<%sis><%s%s>%s</%s></%sis></%sc>" % (prefix, t, space, _xml_text(text), t, prefix, prefix)
    return Cell(col, ref + style + b' t="inlineStr"', body)


_ESCAPED = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def _xml_text(text: str) -> bytes:
    """Text as a cell's <t> holds it: &, <, > escaped, a carriage return as a character reference (an
    XML reader would make it a line feed) and a literal "_x0041_" escaped as Excel does (ST_Xstring)."""
    text = _ESCAPED.sub(r"_x005F_\1", escape(text)).replace("\r", "&#13;")
    return text.encode()


def _finite(value: object) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def holds_value(xml: bytes, span: Span, prefix: bytes) -> bool:
    """True when a cell of the row has a value, a formula or an inline string (styles alone don't count)."""
    return not span.empty and _patterns(prefix)[0].search(xml, span.tag_end, span.end) is not None


_PATTERNS: dict[bytes, tuple[re.Pattern, re.Pattern]] = {}


def _patterns(prefix: bytes) -> tuple[re.Pattern, re.Pattern]:
    """(a value inside a cell, a whole cell: attributes, "/" when empty, content) for this prefix."""
    if prefix not in _PATTERNS:
        p = re.escape(prefix)
        value = re.compile(rb"<" + p + rb"v(?:\s[^>]*)?>[^<]|<" + p + rb"is[\s>]|<" + p + rb"f[\s/>]")
        cell = re.compile(rb"<" + p + rb"c(?=[\s/>])" + ATTRS + rb"(?:(/)>|>(.*?)</" + p + rb"c>)", re.S)
        _PATTERNS[prefix] = value, cell
    return _PATTERNS[prefix]
