"""The annex and the score summary at any length, without docxtpl holding thousands of rows.

docxtpl's steps render the template with one stand-in row per group (a sentinel for each of the row's
values; table_render), and its columns are fitted to the real rows' text; each group's row is then repeated here from its XML,
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
from itertools import chain

from docx.opc.oxml import serialize_part_xml

from . import zippkg
from .grid import MAX_WORD_TWIPS, fit_document, fit_tables, normal_pt
from .measure import widest_word_and_line
from .render import DOCUMENT_XML, SPECIAL, xml_bytes
from .table_render import TablePackage

_TR_OPEN = re.compile(rb"<w:tr[ >]")
_OPENING_BEFORE_VALUE = re.compile(rb"<w:t(?: [^>]*)?>(?=%s)")  # in a row's form: a text node a value begins
ROWS_AT_ONCE = 256  # rows filled, then deflated, together
Key = tuple[str, int]  # (a row's field, the index in its list or -1 for a text)


@dataclass
class _Slots:
    """The sentinels standing for each group's rows: group g, slot s, field f, list index i."""

    groups: list[list[dict]]  # each group's real rows
    prefix: str
    memo: dict = field(default_factory=dict)  # (group or -1, cell lines) -> needs
    shared: bool = False  # every group's stand-in row alike: each measured over all the rows (share_rows)

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

    def needs(self, cells: list) -> list[tuple[int, int]] | None:
        """For grid.fit_document: a stand-in row's cells (grid.cell_lines) measured over the real rows it stands
        for; None for another row."""
        found = [m.group(0) for lines in cells for text, _, _ in lines for m in self.text_pattern.finditer(text)]
        if not found:
            return None
        group = -1 if self.shared else self.where[found[0]][0]
        canon = tuple(tuple((self._canon(t), size, bold) for t, size, bold in lines) for lines in cells)
        if (group, canon) not in self.memo:
            self.memo[group, canon] = [self._cell(group, lines) for lines in canon]
        return self.memo[group, canon]

    def share_rows(self, xml: bytes, spans: list | None) -> None:
        """Measure each stand-in row over all the groups' rows when the rows are alike but for their sentinels:
        the grid takes each column's widest cell, which is then the same; fewer texts, each measured once."""
        rows = {self.pattern.sub(lambda m: self.sentinel(0, 0, self.where[m.group(0).decode()][2]).encode(),
                                 xml[start:end]) for _, (start, end) in spans or []}
        self.shared = len(rows) == 1

    def _canon(self, text: str) -> str:
        return self.text_pattern.sub(lambda m: self.sentinel(0, 0, self.where[m.group(0)][2]), text)

    def _cell(self, group: int, lines: tuple) -> tuple[int, int]:
        """The widest (word, line) of one cell over every real row of the group (of all groups for -1), as the
        largest of grid.text_needs over the rows (each paragraph's widest word and line found over the rows
        apart)."""
        rows = self.groups[group] if group >= 0 else [row for rows in self.groups for row in rows]
        word = line = 0.0
        for text, size, bold in lines:
            static = self.text_pattern.split(text)
            values = [_texts(rows, self.where[k][2]) for k in self.text_pattern.findall(text)]
            if len(values) == 1 and static == ["", ""]:
                texts = set(values[0])
            else:
                texts = {_joined(static, list(vals)) for vals in zip(*values)} if values else {text}
            widest, whole = widest_word_and_line(texts, size, bold)
            word, line = max(word, widest), max(line, whole)
        return min(int(word * 20), MAX_WORD_TWIPS), int(line * 20)


def _texts(rows: list[dict], key: Key) -> list[str]:
    """A value of each row as the document's text holds it (docxtpl turns '{_{' back into '{{')."""
    name, index = key
    values = [r[name] for r in rows] if index < 0 else [r[name][index] for r in rows]
    return [_unbraced(v) if "_" in v else v for v in values]


def _unbraced(value: str) -> str:
    for old, new in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
        value = value.replace(old, new)
    return value


def _joined(static: list[str], values: list[str]) -> str:
    out = [static[0]]
    for value, after in zip(values, static[1:]):
        out += [value, after]
    return "".join(out)


def _plain(context: dict, prefix: str) -> list[list[dict]] | None:
    """The groups' rows when every row holds text or lists of text shaped as the first row (none holding
    the prefix or a character docxtpl turns into runs or breaks), else None."""
    groups = context.get("groups")
    if not isinstance(groups, list) or not all(isinstance(g, dict) and isinstance(g.get("rows"), list)
                                               for g in groups):
        return None
    rows = [g["rows"] for g in groups]
    shape = next((_shape(r[0]) for r in rows if r), None)
    if shape is None:
        return None if any(rows) else rows
    keys = tuple(k for k, _ in shape)
    every = [row for group in rows for row in group]
    if not all(isinstance(row, dict) for row in every) or any(tuple(row) != keys for row in every):
        return None
    values: list = []
    for key, count in shape:
        column = [row[key] for row in every]
        if count < 0:
            values += column  # a list here is caught below: not text
        elif any(type(v) is not list or len(v) != count for v in column):
            return None
        else:
            values += chain.from_iterable(column)
    if not set(map(type, values)) <= {str}:
        return None
    text = "".join(values)
    return None if prefix in text or SPECIAL.search(text) else rows


def _shape(row) -> tuple | None:
    if not isinstance(row, dict):
        return None
    return tuple((k, len(v) if type(v) is list else -1) for k, v in row.items())


def render_table(renderer, context: dict) -> bytes:
    """The .docx bytes of a table document (annex, score summary), by stamp when the template allows."""
    made = stamped_table(renderer, context)
    return made if made is not None else renderer.render(context, finish=fit_document)


def stamped_table(renderer, context: dict) -> bytes | None:
    """The document with each group's stand-in row repeated for its real rows; None when the context or
    the template asks for docxtpl's own rendering of every row."""
    prefix = f"Zq{secrets.token_hex(5)}"
    groups = _plain(context, prefix)
    if groups is None:
        return None
    slots = _Slots(groups, prefix)
    package = TablePackage.open(renderer.path, renderer.env)
    one, xml, unfitted = _render(renderer, context, slots, 1, package, fit=True)
    # Fitting a second stand-in row changes nothing (measured as the first, it gets the same widths): the
    # renders are compared before fitting.
    two, _, unfitted_two = _render(renderer, context, slots, 2, package, fit=False)
    spans, unfitted_spans = _spans(xml, slots), _spans(unfitted, slots)
    if spans is None or unfitted_spans is None or not _same_parts(one, two):
        return None
    rows = {g: [slots.stand_in(g, 1)] for g, _ in unfitted_spans}
    if b"".join(_expanded(unfitted, unfitted_spans, slots, rows, keep=True)) != unfitted_two:
        return None
    entries = [_packed(e, _expanded(xml, spans, slots, dict(enumerate(slots.groups)))) if e.name == DOCUMENT_XML
               else e for e in one]
    return zippkg.build(entries)


def _render(renderer, context: dict, slots: _Slots, count: int, package: TablePackage | None, fit: bool
            ) -> tuple[list[zippkg.Entry], bytes, bytes]:
    """docxtpl's rendering with count stand-in rows per group, fitted to the real rows when fit: entries, XML
    and the XML before fitting (by docxtpl's steps on the template's parts when the package allows, else by
    docxtpl itself)."""
    groups = [g | {"rows": [slots.stand_in(i, s) for s in range(count)] if g["rows"] else []}
              for i, g in enumerate(context["groups"])]
    staged = context | {"groups": groups}
    before: list[bytes] = []

    def finish(document, body_pt: float) -> None:
        if fit:
            before.append(serialize_part_xml(document))  # as python-docx saves it
            slots.share_rows(before[0], _spans(before[0], slots))
            fit_tables(document, body_pt, slots.needs)

    made = package.render(staged, finish) if package is not None else None
    if made is None:
        docx = renderer.render(staged, finish=lambda doc: finish(doc.element, normal_pt(doc)))
        entries = zippkg.read_entries(docx)
        made = entries, zippkg.unpack(next(e for e in entries if e.name == DOCUMENT_XML))
    return made[0], made[1], before[0] if before else made[1]


def _same_parts(one: list[zippkg.Entry], two: list[zippkg.Entry]) -> bool:
    """True when the two packages hold the same parts, word/document.xml (and the save's time) aside."""
    def parts(entries):
        return [(e.name, e.crc, e.size) for e in entries if e.name not in (DOCUMENT_XML, "docProps/core.xml")]
    return parts(one) == parts(two)


def _spans(xml: bytes, slots: _Slots) -> list[tuple[int, tuple[int, int]]] | None:
    """(group, (start, end)) of each group's stand-in row (one w:tr, in text only), in order; None if not so."""
    if not _in_text(xml, slots.prefix.encode()):
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


def _in_text(xml: bytes, marker: bytes) -> bool:
    """render.in_text_only for a marker holding no '<' or '>', looked at where it occurs (a few hundred
    sentinels) rather than over every text node of the document: each occurrence has a '>' after the last
    '<' before it, and a '<' after it."""
    at = xml.find(marker)
    while at >= 0:
        if xml.rfind(b"<", 0, at) >= xml.rfind(b">", 0, at) or xml.find(b"<", at) < 0:
            return False
        at = xml.find(marker, at + len(marker))
    return True


def _expanded(xml: bytes, spans, slots: _Slots, rows: dict[int, list[dict]], keep: bool = False) -> Iterator[bytes]:
    """The XML in pieces, each group's stand-in row replaced by one filled row per row given (after the
    stand-in itself when keep)."""
    at = 0
    for group, (start, end) in spans:
        yield xml[at:start]
        row_xml = xml[start:end]
        if keep:
            yield row_xml
        keys = [slots.where[m.group(0).decode()][2] for m in slots.pattern.finditer(row_xml)]
        form = slots.pattern.sub(b"%s", row_xml.replace(b"%", b"%%"))
        empty = {o: o[:-1] + b"/>" for o in _OPENING_BEFORE_VALUE.findall(form)}  # nodes a value may leave empty
        given = rows[group]
        for first in range(0, len(given), ROWS_AT_ONCE):
            yield _filled(form, keys, given[first:first + ROWS_AT_ONCE], empty)
        at = end
    yield xml[at:]


def _filled(form: bytes, keys: list[Key], rows: list[dict], empty: dict[bytes, bytes]) -> bytes:
    """Rows' XML: each sentinel of the form (a %s) replaced by the row's value escaped as docxtpl writes it;
    a text node left empty written <w:t/> as lxml does (empty: the opening tags a value follows, and what
    such a node is when empty). The rows' values are gathered column by column and escaped at once, parted
    by a NUL (which no value holds: _plain refuses it)."""
    if not keys or not rows:
        return form * len(rows)
    columns = [[r[name] for r in rows] if index < 0 else [r[name][index] for r in rows] for name, index in keys]
    values = xml_bytes("\x00".join(chain.from_iterable(zip(*columns)))).split(b"\x00")
    filled = (form * len(rows)) % tuple(values)
    if b"></w:t>" in filled:  # lxml never writes one: a value left it empty
        for opening, closed in empty.items():
            filled = filled.replace(opening + b"</w:t>", closed)
    return filled


def _packed(entry: zippkg.Entry, pieces: Iterator[bytes]) -> zippkg.Entry:
    """The entry with new content given in pieces, deflated as they come (the whole XML is never held).

    zlib's fastest level: a nation's 16 MB summary in half the time of level 6, 0.4 MB instead of 0.3."""
    comp, crc, size, packed = zlib.compressobj(1, zlib.DEFLATED, -15), 0, 0, []
    for piece in pieces:
        crc, size = zlib.crc32(piece, crc), size + len(piece)
        packed.append(comp.compress(piece))
    packed.append(comp.flush())
    return zippkg.Entry(entry.name, zipfile.ZIP_DEFLATED, crc, size, b"".join(packed), entry.dostime, entry.dosdate)
