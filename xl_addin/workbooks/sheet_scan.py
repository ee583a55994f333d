"""Where things are in a worksheet's XML bytes: its top-level elements, its rows and their cells.

The sheet patcher splices the original bytes and rewrites only what it changes, so everything it
does not touch (extLst, conditional formatting, the person's rows) keeps its exact bytes. lxml checks
the whole part is well-formed and agrees with this scan before anything is spliced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ATTRS = rb"""((?:[^>"'/]+|"[^"]*"|'[^']*'|/(?!>))*)"""  # a start tag's attributes (quoted ">" allowed)
_TAG = re.compile(rb"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>|<!DOCTYPE[^>]*>|<(/?)([A-Za-z_][\w.:-]*)" + ATTRS
                  + rb"(/?)>", re.S)
_REF = re.compile(rb"\$?([A-Za-z]{1,3})\$?(\d+)$")


class SheetXmlError(ValueError):
    """The worksheet XML is not what a spreadsheet program writes (not well-formed, or unexpected)."""


@dataclass
class Span:
    """One element's bytes: [start, end), its start tag ending at tag_end, self-closing or not."""

    qname: bytes
    start: int
    tag_end: int
    end: int
    attrs: bytes

    @property
    def empty(self) -> bool:
        """True for a self-closing element (<x/>)."""
        return self.tag_end == self.end

    @property
    def local(self) -> str:
        """The element's name without its prefix."""
        return self.qname.rsplit(b":", 1)[-1].decode()


@dataclass
class Layout:
    """The root element and its children, in order."""

    root: Span
    prefix: bytes  # b"" or b"x:" — the main namespace's prefix on the root element
    children: list[Span]

    def find(self, local: str) -> Span | None:
        """The first top-level child of the main namespace with this name."""
        qname = self.prefix + local.encode()
        return next((c for c in self.children if c.qname == qname), None)


def scan(xml: bytes) -> Layout:
    """The root and its top-level children, checked against lxml's reading of the part's skeleton (the
    part without the rows: they are copied as they are, or parsed one by one when edited)."""
    root = _root(xml)
    prefix = root.qname[: root.qname.rfind(b":") + 1]
    children = _children(xml, root)
    data = next((c for c in children if c.qname == prefix + b"sheetData" and not c.empty), None)
    skeleton = xml if data is None else xml[:data.tag_end] + xml[xml.rfind(b"</", 0, data.end):]
    try:
        tree = etree.fromstring(skeleton, etree.XMLParser(huge_tree=True, resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise SheetXmlError(f"worksheet XML is not well-formed: {exc}") from exc
    expected = [etree.QName(c).localname for c in tree if isinstance(c.tag, str)]
    if expected != [c.local for c in children]:
        raise SheetXmlError("worksheet XML could not be scanned (unexpected layout of its elements)")
    return Layout(root, prefix, children)


def _root(xml: bytes) -> Span:
    for m in _TAG.finditer(xml):
        if m.group(2) and not m.group(1):
            end = xml.rfind(b"</" + m.group(2))
            return Span(m.group(2), m.start(), m.end(), end if end > 0 else m.end(), m.group(3))
    raise SheetXmlError("worksheet XML has no root element")


def _children(xml: bytes, root: Span) -> list[Span]:
    """The root's child elements (comments and processing instructions between them are skipped)."""
    children: list[Span] = []
    pos = root.tag_end
    while True:
        m = _TAG.search(xml, pos)
        if m is None or m.group(1):  # the root's end tag
            return children
        if not m.group(2):  # comment, PI, CDATA
            pos = m.end()
            continue
        span = element(xml, m)
        children.append(span)
        pos = span.end


def element(xml: bytes, m: re.Match) -> Span:
    """The span of the element whose start tag m matched (nested elements of the same name counted)."""
    qname = m.group(2)
    if m.group(4):
        return Span(qname, m.start(), m.end(), m.end(), m.group(3))
    pattern = re.compile(rb"<(/?)" + re.escape(qname) + rb"(?=[\s/>])" + ATTRS + rb"(/?)>")
    depth, pos = 1, m.end()
    while depth:
        n = pattern.search(xml, pos)
        if n is None:
            raise SheetXmlError(f"worksheet XML: <{qname.decode()}> is not closed")
        depth += -1 if n.group(1) else (0 if n.group(3) else 1)
        pos = n.end()
    return Span(qname, m.start(), m.end(), pos, m.group(3))


def elements(xml: bytes, qname: bytes, start: int, end: int) -> list[Span]:
    """The elements of one name between start and end that do not nest (rows, cells, mergeCell)."""
    pattern = re.compile(rb"<" + re.escape(qname) + rb"(?=[\s/>])" + ATTRS + rb"(/?)>")
    close = b"</" + qname + b">"
    found = []
    pos = start
    while True:
        m = pattern.search(xml, pos, end)
        if m is None:
            return found
        if m.group(2):
            found.append(Span(qname, m.start(), m.end(), m.end(), m.group(1)))
            pos = m.end()
        else:
            stop = xml.find(close, m.end(), end)
            if stop < 0:
                raise SheetXmlError(f"worksheet XML: <{qname.decode()}> is not closed")
            found.append(Span(qname, m.start(), m.end(), stop + len(close), m.group(1)))
            pos = stop + len(close)


def attr(attrs: bytes, name: bytes) -> bytes | None:
    """An attribute's raw value in a start tag's attribute bytes, or None."""
    m = _attr_pattern(name).search(attrs)
    return None if m is None else m.group(2)


def with_attr(attrs: bytes, name: bytes, value: bytes | None, after: bytes | None = None) -> bytes:
    """The attribute bytes with name set to value (None: removed); a new one goes after `after`."""
    m = _attr_pattern(name).search(attrs)
    if m is not None:
        if value is None:
            return attrs[:m.start()].rstrip() + attrs[m.end():]
        return attrs[:m.start()] + name + b'="' + value + b'"' + attrs[m.end():]
    if value is None:
        return attrs
    new = b" " + name + b'="' + value + b'"'
    a = _attr_pattern(after).search(attrs) if after is not None else None
    if a is not None:
        return attrs[:a.end()] + new + attrs[a.end():]
    return attrs.rstrip() + new


@lru_cache(maxsize=64)
def _attr_pattern(name: bytes) -> re.Pattern:
    return re.compile(rb"(?:^|(?<=\s))" + re.escape(name) + rb"""\s*=\s*(["'])(.*?)\1""", re.S)


def cell_ref(ref: bytes | str) -> tuple[int, int] | None:
    """(row, column) of 'B12', or None when it is not one cell's address."""
    m = _REF.match(ref if isinstance(ref, bytes) else ref.encode())
    if not m:
        return None
    col = 0
    for letter in m.group(1).upper():
        col = col * 26 + letter - 64
    return int(m.group(2)), col


def range_ref(ref: str) -> tuple[int, int, int, int] | None:
    """(min_row, min_col, max_row, max_col) of 'A1:C3' or 'B2', or None."""
    parts = ref.split(":")
    corners = [cell_ref(p) for p in parts]
    if len(parts) > 2 or any(c is None for c in corners):
        return None
    (r1, c1), (r2, c2) = corners[0], corners[-1]  # type: ignore[misc]
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)
