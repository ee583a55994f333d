"""The annex and the score summary at any length, without docxtpl holding thousands of rows.

docxtpl renders the template with one stand-in row per group (a sentinel for each of the row's values),
and its columns are fitted to the real rows' text; each group's row is then repeated here from its XML,
once per product, every value escaped as docxtpl writes it. A second render with two stand-in rows per
group must equal the first with its rows repeated, or the template does more with the rows than print
them (counts them, numbers them with loop.index…): then docxtpl renders the whole context instead.
"""

from __future__ import annotations

import re
import secrets
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field


from . import zippkg
from .grid import cell_lines, fit_document, text_needs
from .render import _SPECIAL, DOCUMENT_XML, _in_text_only, render_docx, xml_text

_TR_OPEN = re.compile(rb"<w:tr[ >]")
_WHOLE = rb"(<w:t(?: [^>]*)?>)?(%s)(</w:t>)?"
Key = tuple[str, int]  # (a row's field, the index in its list or -1 for a text)


@dataclass
class _Slots:
    """The sentinels standing for each group's rows: group g, slot s, field f, list index i."""

    groups: list[list[dict]]  # each group's real rows
    prefix: str = field(default_factory=lambda: f"Zq{secrets.token_hex(5)}")
    memo: dict = field(default_factory=dict)  # (group, cell lines) -> needs; (text, size, bold) -> needs

    def __post_init__(self):
        self.text_pattern = re.compile(re.escape(self.prefix) + r"g\d+s\df\d+i\d+z")
        self.pattern = re.compile(self.text_pattern.pattern.encode())
        self.fields = sorted(next((rows[0] for rows in self.groups if rows), {}))
        self.where: dict[str, tuple[int, int, Key]] = {}

    def sentinel(self, group: int, slot: int, key: Key) -> str:
        """The sentinel of one value of a stand-in row (and its meaning remembered)."""
        text = f"{self.prefix}g{group}s{slot}f{self.fields.index(key[0])}i{key[1] + 1}z"
        self.where[text] = (group, slot, key)
        return text

    def stand_in(self, group: int, slot: int) -> dict:
        """A stand-in row of a group: its first row's shape, each value a sentinel."""
        first = self.groups[group][0]
        return {name: ([self.sentinel(group, slot, (name, i)) for i in range(len(value))]
                       if isinstance(value, list) else self.sentinel(group, slot, (name, -1)))
                for name, value in first.items()}

    def needs(self, row, body_pt: float) -> list[tuple[int, int]] | None:
        """For grid.fit_document: a stand-in row's cells measured over the real rows it stands for."""
        cells = [cell_lines(tc, body_pt) for tc in row.iterchildren("{*}tc")]
        found = [m.group(0) for lines in cells for text, _, _ in lines for m in self.text_pattern.finditer(text)]
        if not found:
            return None
        group = self.where[found[0]][0]
        canon = tuple(tuple((self._canon(t), size, bold) for t, size, bold in lines) for lines in cells)
        if (group, canon) not in self.memo:
            self.memo[group, canon] = [self._cell(group, lines) for lines in canon]
        return self.memo[group, canon]

    def _canon(self, text: str) -> str:
        return self.text_pattern.sub(lambda m: self.sentinel(0, 0, self.where[m.group(0)][2]), text)

    def _cell(self, group: int, lines: tuple) -> tuple[int, int]:
        """The widest (word, line) of one cell over every real row of the group."""
        parts = [(self.text_pattern.split(t), [self.where[k][2] for k in self.text_pattern.findall(t)], size, bold)
                 for t, size, bold in lines]
        word = line = 0
        for row in self.groups[group]:
            texts = tuple((_joined(static, [_text(row, k) for k in keys]), size, bold)
                          for static, keys, size, bold in parts)
            if texts not in self.memo:
                self.memo[texts] = text_needs(list(texts))
            w, li = self.memo[texts]
            word, line = max(word, w), max(line, li)
        return word, line


def _text(row: dict, key: Key) -> str:
    """A value as the document's text holds it (docxtpl turns '{_{' back into '{{')."""
    value = row[key[0]] if key[1] < 0 else row[key[0]][key[1]]
    for old, new in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
        value = value.replace(old, new)
    return value


def _joined(static: list[str], values: list[str]) -> str:
    out = [static[0]]
    for value, after in zip(values, static[1:]):
        out += [value, after]
    return "".join(out)


def _plain(context: dict) -> list[list[dict]] | None:
    """The groups' rows when every row holds text or lists of text shaped as its group's first row, else None."""
    groups = context.get("groups")
    if not isinstance(groups, list) or not all(isinstance(g, dict) and isinstance(g.get("rows"), list)
                                               for g in groups):
        return None
    rows = [g["rows"] for g in groups]
    shape = next((_shape(r[0]) for r in rows if r), None)
    if any(_shape(r) != shape or _odd(r) for group in rows for r in group):
        return None
    return rows


def _shape(row) -> tuple | None:
    if not isinstance(row, dict):
        return None
    return tuple(sorted((k, len(v) if isinstance(v, list) else -1) for k, v in row.items()))


def _odd(row: dict) -> bool:
    """True when a value is not text, or holds a character docxtpl turns into runs or breaks."""
    values = [x for v in row.values() for x in (v if isinstance(v, list) else [v])]
    return any(not isinstance(x, str) or _SPECIAL.search(x) for x in values)


def render_table(renderer, context: dict) -> bytes:
    """The .docx bytes of a table document (annex, score summary), by stamp when the template allows."""
    made = stamped_table(renderer, context)
    return made if made is not None else renderer.render(context, finish=fit_document)


def stamped_table(renderer, context: dict) -> bytes | None:
    """The document with each group's stand-in row repeated for its real rows; None when the context or
    the template asks for docxtpl's own rendering of every row."""
    groups = _plain(context)
    if groups is None:
        return None
    slots = _Slots(groups)
    if any(slots.prefix in x for rows in slots.groups for r in rows for v in r.values()
           for x in (v if isinstance(v, list) else [v])):
        return None
    one, xml = _render(renderer, context, slots, 1)
    two, xml_two = _render(renderer, context, slots, 2)
    spans = _spans(xml, slots)
    if spans is None or not _same_parts(one, two):
        return None
    rows = {g: [slots.stand_in(g, 1)] for g, _ in spans}
    if b"".join(_expanded(xml, spans, slots, rows, keep=True)) != xml_two:
        return None
    entries = [_packed(e, _expanded(xml, spans, slots, dict(enumerate(slots.groups)))) if e.name == DOCUMENT_XML
               else e for e in one]
    return zippkg.build(entries)


def _render(renderer, context: dict, slots: _Slots, count: int) -> tuple[list[zippkg.Entry], bytes]:
    """docxtpl's rendering with count stand-in rows per group, fitted to the real rows: entries and XML."""
    groups = [g | {"rows": [slots.stand_in(i, s) for s in range(count)] if g["rows"] else []}
              for i, g in enumerate(context["groups"])]
    entries = zippkg.read_entries(renderer.render(context | {"groups": groups},
                                                  finish=lambda doc: fit_document(doc, slots.needs)))
    return entries, zippkg.unpack(next(e for e in entries if e.name == DOCUMENT_XML))


def _same_parts(one: list[zippkg.Entry], two: list[zippkg.Entry]) -> bool:
    """True when the two packages hold the same parts, word/document.xml (and the save's time) aside."""
    def parts(entries):
        return [(e.name, e.crc, e.size) for e in entries if e.name not in (DOCUMENT_XML, "docProps/core.xml")]
    return parts(one) == parts(two)


def _spans(xml: bytes, slots: _Slots) -> list[tuple[int, tuple[int, int]]] | None:
    """(group, (start, end)) of each group's stand-in row (one w:tr, in text only), in order; None if not so."""
    if not _in_text_only(xml, slots.prefix.encode()):
        return None
    found: dict[int, list[int]] = {}
    for m in slots.pattern.finditer(xml):
        group, slot, _ = slots.where[m.group(0).decode()]
        if slot != 0:
            return None
        found.setdefault(group, []).append(m.start())
    if sorted(found) != [g for g, rows in enumerate(slots.groups) if rows]:
        return None
    spans = []
    for group, places in found.items():
        start = max(xml.rfind(b"<w:tr ", 0, places[0]), xml.rfind(b"<w:tr>", 0, places[0]))
        end = xml.find(b"</w:tr>", places[-1]) + len(b"</w:tr>")
        row = xml[start:end]
        if start < 0 or end < len(b"</w:tr>") or len(_TR_OPEN.findall(row)) != 1 or b"<w:tbl" in row \
                or b"docPr" in row:  # a drawing's id must be unique: docxtpl numbers them
            return None
        spans.append((group, (start, end)))
    spans.sort(key=lambda s: s[1])
    if any(a[1][1] > b[1][0] for a, b in zip(spans, spans[1:])):
        return None
    return spans


def _expanded(xml: bytes, spans, slots: _Slots, rows: dict[int, list[dict]], keep: bool = False) -> Iterator[bytes]:
    """The XML in pieces, each group's stand-in row replaced by one filled row per row given (after the
    stand-in itself when keep)."""
    whole = re.compile(_WHOLE % slots.pattern.pattern)
    at = 0
    for group, (start, end) in spans:
        yield xml[at:start]
        pieces = whole.split(xml[start:end])  # static, <w:t…> or None, sentinel, </w:t> or None, static…
        keys = [slots.where[k.decode()][2] for k in pieces[2::4]]
        if keep:
            yield xml[start:end]
        for row in rows[group]:
            yield _filled(pieces, [xml_text(_value(row, k)) for k in keys])
        at = end
    yield xml[at:]


def _value(row: dict, key: Key) -> str:
    return row[key[0]] if key[1] < 0 else row[key[0]][key[1]]


def _filled(pieces: list, values: list[bytes]) -> bytes:
    """A row's XML: each sentinel replaced by its value; a text node left empty written <w:t/> as lxml does."""
    out = [pieces[0]]
    for i, value in enumerate(values):
        opening, closing = pieces[4 * i + 1], pieces[4 * i + 3]
        if opening is not None and closing is not None and not value:
            out.append(opening[:-1] + b"/>")
        else:
            out += [opening or b"", value, closing or b""]
        out.append(pieces[4 * i + 4])
    return b"".join(out)


def _packed(entry: zippkg.Entry, pieces: Iterator[bytes]) -> zippkg.Entry:
    """The entry with new content given in pieces, deflated as they come (the whole XML is never held)."""
    comp, crc, size, packed = zlib.compressobj(6, zlib.DEFLATED, -15), 0, 0, []
    for piece in pieces:
        crc, size = zlib.crc32(piece, crc), size + len(piece)
        packed.append(comp.compress(piece))
    packed.append(comp.flush())
    return zippkg.Entry(entry.name, zipfile.ZIP_DEFLATED, crc, size, b"".join(packed), entry.dostime, entry.dosdate)
