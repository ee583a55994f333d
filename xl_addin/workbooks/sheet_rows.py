"""The rows of a worksheet's sheetData, edited in place: only the rows and cells changed are rebuilt."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .cell_values import WINDOWS_EPOCH, to_excel
from .sheet_scan import ATTRS, Span, attr, with_attr
from .sheet_xml import column_letter

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
    """A row being edited: its start tag's attributes, its cells in column order, what follows them.

    A row read from a sheet keeps its body unparsed (`source`) while only its existing cells are
    looked up and restyled: those are found by their address and spliced back into the original
    bytes; adding a cell parses the whole row first."""

    number: int
    attrs: bytes
    cells: list[Cell] = field(default_factory=list)
    tail: bytes = b""  # after the last cell up to </row> (a row's extLst, whitespace)
    source: tuple[bytes, int, int, bytes] | None = None  # (xml, body start, body stop, prefix), unparsed
    found: dict[int, tuple[int, int, Cell]] = field(default_factory=dict)  # col -> (start, end, cell) in source

    def cell(self, col: int) -> Cell | None:
        """The cell in this column, if the row has one."""
        if self.source is not None:
            if col in self.found:
                return self.found[col][2]
            located = _locate(self.source, col)
            if located is not False:
                if located is not None:
                    self.found[col] = located
                    return located[2]
                return None
            self._parse()
        return next((c for c in self.cells if c.col == col), None)

    def _parse(self) -> None:
        """Parse the whole body (the cells found so far keep the edits made to them)."""
        xml, start, stop, prefix = self.source  # type: ignore[misc]
        edited = {at: cell for at, _end, cell in self.found.values()}
        self.source, self.found = None, {}
        pos, col = start, 0
        close = b"</" + prefix + b"c>"
        for m in _patterns(prefix)[1].finditer(xml, start, stop):
            ref = _COLUMN.search(m.group(1))
            col = _column(ref.group(1)) if ref else col + 1
            cell = edited.get(m.start())
            if cell is None:
                cell = Cell(col, m.group(1), b"" if m.group(3) is None else m.group(3) + close)
            cell.lead = xml[pos:m.start()]
            self.cells.append(cell)
            pos = m.end()
        self.tail = xml[pos:stop]

    def put(self, cell: Cell) -> None:
        """Add or replace the cell of its column, keeping column order."""
        if self.source is not None:
            self._parse()
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
        if self.source is not None:
            xml, start, stop, _prefix = self.source
            out, pos = [], start
            for at, end, cell in sorted(self.found.values(), key=lambda f: f[0]):
                out += [xml[pos:at], cell.to_bytes(c)]
                pos = end
            out.append(xml[pos:stop])
            return b"<" + row + self.attrs + b">" + b"".join(out) + b"</" + row + b">"
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


def _locate(source: tuple[bytes, int, int, bytes], col: int) -> tuple[int, int, Cell] | None | bool:
    """(start, end, cell) of the row's cell in this column found by its address; None when the row
    has none; False when the row's cells are not all written `<c r="A1"...` (parse the row instead)."""
    xml, start, stop, prefix = source
    c = b"<" + prefix + b"c"
    canonical = xml.count(c + b' r="', start, stop)
    if (canonical != sum(xml.count(c + end, start, stop) for end in _AFTER_NAME)
            or xml.find(c + b' r="$', start, stop) >= 0):
        return False
    key = c + b' r="' + column_letter(col).encode()
    at = xml.find(key, start, stop)
    while at >= 0 and not xml[at + len(key):at + len(key) + 1].isdigit():
        at = xml.find(key, at + 1, stop)
    if at < 0:
        return None
    m = _patterns(prefix)[1].match(xml, at, stop)
    if m is None:
        return False
    rest = b"" if m.group(3) is None else m.group(3) + b"</" + prefix + b"c>"
    return at, m.end(), Cell(col, m.group(1), rest)


_AFTER_NAME = (b" ", b">", b"/", b"\t", b"\n", b"\r")


def parse_row(xml: bytes, span: Span, number: int, prefix: bytes) -> Row:
    """The row at span, its cells parsed when first needed (a cell without an address follows the one before it)."""
    row = Row(number, span.attrs)
    if not span.empty:
        row.source = (xml, span.tag_end, xml.rfind(b"</", span.tag_end, span.end), prefix)
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
    return Cell(col, b' r="%s%d"' % (column_letter(col).encode(), row) + (b' s="%d"' % xf if xf else b""), b"")


def value_cell(row: int, col: int, value: object, xf: int, prefix: bytes, epoch: dt.datetime = WINDOWS_EPOCH) -> Cell:
    """A cell holding a value: text inline (no shared strings), numbers, booleans, dates as serials."""
    ref = b' r="%s%d"' % (column_letter(col).encode(), row)
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
    text = str(value)
    space = b' xml:space="preserve"' if text != text.strip() or "\n" in text else b""
    body = b"<%sis><%s%s>%s</%s></%sis></%sc>" % (prefix, t, space, _xml_text(text), t, prefix, prefix)
    return Cell(col, ref + style + b' t="inlineStr"', body)


_ESCAPED = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def _xml_text(text: str) -> bytes:
    """Text as a cell's <t> holds it: &, <, > escaped, a carriage return as a character reference (an
    XML reader would make it a line feed) and a literal "_x0041_" escaped as Excel does (ST_Xstring)."""
    text = _ESCAPED.sub(r"_x005F_\1", text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    text = text.replace("\r", "&#13;")
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
