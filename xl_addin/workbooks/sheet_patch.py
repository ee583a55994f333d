"""A person's worksheet edited in place: the tool's fills on and off, rows appended, nothing else touched.

patch_sheet takes one worksheet part's XML and gives it back with only the cells marked or unmarked
(their style index), the rows appended below the data, <dimension>, the merged ranges those rows
would fall into and the <legacyDrawing> of the notes changed; every other byte (extLst with x14
validations and sparklines, conditional formats, the person's rows, namespaces) is copied as it was.

The package writer, per sheet it does not own: add, remove = note_edits(xml, edits); comments, vml =
sheet_notes.patch_notes(old comments, add, remove, vml=old vml, drawing_id=n); then patch_sheet(xml,
edits, styles, legacy_drawing_rid=<the vmlDrawing rId> when vml is not None, drop_legacy_drawing=True
when the sheet had a drawing and vml is None). SheetXmlError: the part is not one this module can
splice safely (fall back to rewriting the workbook).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Protocol

from ..domain.cell_rules import stronger
from .cell_values import WINDOWS_EPOCH, clean_value
from .sheet_rows import Row, holds_value, parse_row, row_number, styled_cell, value_cell
from .sheet_scan import REL_NS, Layout, SheetXmlError, Span, attr, elements, range_ref, scan, with_attr
from .sheet_xml import column_letter
from .text_fit import row_height

__all__ = ["Restyle", "SheetEdits", "SheetSplice", "SheetXmlError", "patch_sheet", "note_edits"]

OPENPYXL_WIDTH = 13.0  # the width openpyxl gives a column the sheet does not size (today's row heights)
MAX_ROW, MAX_COL = 1_048_576, 16_384
# CT_Worksheet's elements that come before <legacyDrawing> (ECMA-376 Part 1, 18.3.1.99).
_BEFORE_LEGACY = frozenset(
    "sheetPr dimension sheetViews sheetFormatPr cols sheetData sheetCalcPr sheetProtection protectedRanges "
    "scenarios autoFilter sortState dataConsolidate customSheetViews mergeCells phoneticPr conditionalFormatting "
    "dataValidations hyperlinks printOptions pageMargins pageSetup headerFooter rowBreaks colBreaks "
    "customProperties cellWatches ignoredErrors smartTags drawing".split())


class Restyle(Protocol):
    """The workbook's cell formats, as the sheet patcher needs them (xlsx_styles implements it)."""

    def with_fill(self, xf: int, severity: str | None) -> int:
        """cellXfs index equal to xf but with the tool's error/warning fill (severity None: no fill)."""

    def fill_of(self, xf: int) -> str | None:
        """'error' / 'warning' when cellXfs[xf] carries the tool's fill, else None."""

    def for_value(self, value: object) -> int:
        """cellXfs index for an appended cell holding value (dates dd/mm/yyyy; text wrapped, top)."""


@dataclass
class SheetEdits:
    """What the tool changes on one sheet it does not own."""

    marks: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)  # (row, col) -> (severity, note)
    unmarks: set[tuple[int, int]] = field(default_factory=set)  # remove the tool's fill and the tool's note
    appended: list[list[object]] = field(default_factory=list)  # rows added below the last row holding a value
    scanned: tuple | None = field(default=None, repr=False, compare=False)  # (xml, its rows and merges), reused


def _scanned(xml: bytes, edits: SheetEdits) -> SheetSplice:
    """The worksheet ready to patch; note_edits and patch_sheet on the same bytes scan them once."""
    if edits.scanned is None or edits.scanned[0] is not xml:
        sheet = SheetSplice(xml, scan(xml))
        edits.scanned = (xml, sheet.layout, sheet.spans, list(sheet.merges))
        return sheet
    return SheetSplice(xml, edits.scanned[1], edits.scanned[2], list(edits.scanned[3]))


def patch_sheet(xml: bytes, edits: SheetEdits, styles: Restyle, *, legacy_drawing_rid: str | None = None,
                drop_legacy_drawing: bool = False, epoch: dt.datetime = WINDOWS_EPOCH) -> bytes:
    """The worksheet XML after the edits: appended rows first, then unmarks, then marks (as today's order).

    legacy_drawing_rid: the notes' VML drawing relationship, put in <legacyDrawing r:id> (added at
    its place in the schema's order, or kept); drop_legacy_drawing removes it (no note left).
    """
    sheet = _scanned(xml, edits)
    sheet.append(edits.appended, styles, epoch)
    for at in edits.unmarks:
        target = sheet.target(at)
        if target is not None and sheet.has_cell(target):
            xf = sheet.xf(target)
            if styles.fill_of(xf):
                sheet.set_xf(target, styles.with_fill(xf, None))
    for at, (severity, _note) in edits.marks.items():
        target = sheet.target(at)
        if target is not None:
            xf = sheet.xf(target)
            wanted = stronger("error" if severity == "error" else "warning", styles.fill_of(xf))
            sheet.set_xf(target, styles.with_fill(xf, wanted))
    return sheet.to_bytes(legacy_drawing_rid, drop_legacy_drawing)


def note_edits(xml: bytes, edits: SheetEdits) -> tuple[dict[tuple[int, int], str], set[tuple[int, int]]]:
    """(notes to add, cells whose tool's note goes) for sheet_notes.patch_notes, on the cells patch_sheet
    colours: a merged range's top-left cell; several marks on one cell give one note, line by line."""
    sheet = _scanned(xml, edits)
    sheet.drop_merges_for(len(edits.appended))
    return note_targets(sheet.target, edits)


def note_targets(target, edits: SheetEdits) -> tuple[dict[tuple[int, int], str], set[tuple[int, int]]]:
    """(notes to add, cells whose tool's note goes), each mark and unmark moved to the cell `target` gives
    (a merged range's top-left; None: not a cell of the sheet); several marks on one cell, line by line."""
    remove = {t for t in (target(at) for at in edits.unmarks) if t is not None}
    add: dict[tuple[int, int], str] = {}
    for at, (_severity, note) in edits.marks.items():
        cell = target(at)
        if cell is not None:
            add[cell] = add[cell] + "\n" + note if cell in add else note
    return add, remove


class SheetSplice:
    """The worksheet being patched: the original bytes, the rows changed so far, the merges kept."""

    def __init__(self, xml: bytes, layout: Layout, spans: dict[int, Span] | None = None, merges: list | None = None):
        self.xml, self.layout, self.prefix = xml, layout, layout.prefix
        self.data = layout.find("sheetData")
        if self.data is None:
            raise SheetXmlError("worksheet XML has no <sheetData>")
        self.spans: dict[int, Span] = self._spans() if spans is None else spans
        self.rows: dict[int, Row] = {}
        self.bounds: list[tuple[int, int]] = []
        merge_parent = layout.find("mergeCells")
        self.merges = merges if merges is not None else [] if merge_parent is None else [
            (range_ref((attr(m.attrs, b"ref") or b"").decode()), m)
            for m in elements(xml, self.prefix + b"mergeCell", merge_parent.tag_end, merge_parent.end)]
        self.merges_dropped = False
        self.cols = self._cols()

    def _spans(self) -> dict[int, Span]:
        spans: dict[int, Span] = {}
        number = 0
        for span in elements(self.xml, self.prefix + b"row", self.data.tag_end, self._data_stop()):
            number = row_number(span, number)
            if number in spans:  # splicing would lose one of the two
                raise SheetXmlError(f"worksheet XML has row {number} twice")
            spans[number] = span
        return spans

    def _data_stop(self) -> int:
        return self.data.tag_end if self.data.empty else self.xml.rfind(b"</", 0, self.data.end)

    def _cols(self) -> list[tuple[int, int, float | None, int]]:
        """(min, max, width, style) of each <col>."""
        parent = self.layout.find("cols")
        found = []
        for c in ([] if parent is None else elements(self.xml, self.prefix + b"col", parent.tag_end, parent.end)):
            lo, hi = int(attr(c.attrs, b"min") or 0), int(attr(c.attrs, b"max") or 0)
            width = attr(c.attrs, b"width")
            found.append((lo, hi, float(width) if width else None, int(attr(c.attrs, b"style") or 0)))
        return found

    def last_value_row(self) -> int:
        """The last row holding a value (styled but empty rows below it don't count)."""
        for number in sorted(self.spans, reverse=True):
            if holds_value(self.xml, self.spans[number], self.prefix):
                return number
        return 0

    def row(self, number: int) -> Row:
        """The row being edited (parsed from the original, or new)."""
        if number not in self.rows:
            span = self.spans.get(number)
            self.rows[number] = (parse_row(self.xml, span, number, self.prefix) if span is not None
                                 else Row(number, b' r="%d"' % number))
        return self.rows[number]

    def has_cell(self, at: tuple[int, int]) -> bool:
        """True when the sheet has a <c> for this cell (possibly added by this patch)."""
        if at[0] not in self.spans and at[0] not in self.rows:
            return False
        return self.row(at[0]).cell(at[1]) is not None

    def xf(self, at: tuple[int, int]) -> int:
        """The style the cell shows: its own, else its row's (customFormat), else its column's."""
        if self.has_cell(at):
            return self.row(at[0]).cell(at[1]).xf()  # type: ignore[union-attr]
        span = self.spans.get(at[0])
        if span is not None and attr(span.attrs, b"customFormat") in (b"1", b"true"):
            return int(attr(span.attrs, b"s") or 0)
        return next((style for lo, hi, _w, style in self.cols if lo <= at[1] <= hi), 0)

    def set_xf(self, at: tuple[int, int], xf: int) -> None:
        """Give the cell this style (a cell the row lacks is added in column order)."""
        row = self.row(at[0])
        cell = row.cell(at[1])
        if cell is None:
            row.put(styled_cell(at[0], at[1], xf))
        else:
            cell.attrs = with_attr(cell.attrs, b"s", b"%d" % xf if xf or attr(cell.attrs, b"s") else None, after=b"r")
        self.bounds.append(at)

    def target(self, at: tuple[int, int]) -> tuple[int, int] | None:
        """The cell that shows a mark for this address: a merged range's top-left cell."""
        r, c = at
        if not (1 <= r <= MAX_ROW and 1 <= c <= MAX_COL):
            return None
        for bounds, _span in self.merges:
            if bounds and bounds[0] <= r <= bounds[2] and bounds[1] <= c <= bounds[3]:
                return bounds[0], bounds[1]
        return at

    def drop_merges_for(self, count: int) -> int:
        """Unmerge the ranges the appended rows would fall into (as today); the first appended row."""
        start = self.last_value_row() + 1
        if count:
            kept = [(b, s) for b, s in self.merges if b is None or not (b[2] >= start and b[0] <= start + count)]
            self.merges_dropped = len(kept) != len(self.merges)
            self.merges = kept
        return start

    def append(self, rows: list[list[object]], styles: Restyle, epoch: dt.datetime) -> None:
        """Add the rows below the last row holding a value, wrapped text at the top, heights to fit."""
        start = self.drop_merges_for(len(rows))
        widths = self._widths(max((len(r) for r in rows), default=0))
        for i, values in enumerate(rows):
            row = self.row(start + i)
            for j, value in enumerate(values):
                value = clean_value(value)
                if value is not None:
                    row.put(value_cell(start + i, j + 1, value, styles.for_value(value), self.prefix, epoch))
                    self.bounds.append((start + i, j + 1))
            height = row_height(dict(enumerate(values, start=1)), widths)
            row.attrs = with_attr(with_attr(row.attrs, b"ht", b"%g" % height), b"customHeight", b"1")

    def _widths(self, ncols: int) -> dict[int, float]:
        return {col: next((w for lo, hi, w, _s in self.cols if lo <= col <= hi and w), OPENPYXL_WIDTH)
                for col in range(1, ncols + 1)}

    def to_bytes(self, rid: str | None, drop_legacy: bool) -> bytes:
        """The patched worksheet: the original bytes with the changed elements spliced in."""
        changes: list[tuple[int, int, bytes]] = []
        if self.rows:
            changes.append((self.data.start, self.data.end, self._sheet_data()))
            changes.extend(self._dimension())
        if self.merges_dropped:
            parent = self.layout.find("mergeCells")
            changes.append((parent.start, parent.end, self._merge_cells(parent)))  # type: ignore[union-attr]
        changes.extend(self._legacy(rid, drop_legacy))
        return self._splice(changes)

    def finish_skeleton(self, bounds: list[tuple[int, int]], rows_changed: bool, rid: str | None,
                        drop_legacy: bool) -> bytes:
        """A sheet without rows (written apart, see written_sheet) with what to_bytes changes besides the
        rows: <dimension> widened to bounds when rows changed, and the <legacyDrawing> of the notes."""
        self.bounds = list(bounds)
        changes = self._dimension() if rows_changed else []
        return self._splice(changes + self._legacy(rid, drop_legacy))

    def _splice(self, changes: list[tuple[int, int, bytes]]) -> bytes:
        out, pos = [], 0
        for start, end, new in sorted(changes, key=lambda c: (c[0], c[1])):
            out += [self.xml[pos:start], new]
            pos = end
        out.append(self.xml[pos:])
        return b"".join(out)

    def _sheet_data(self) -> bytes:
        """<sheetData> with the changed rows rebuilt, new rows in order, the others as they were."""
        xml, prefix, out = self.xml, self.prefix, []
        pos = self.data.tag_end
        new = sorted(n for n in self.rows if n not in self.spans)
        for number, span in self.spans.items():
            out.append(xml[pos:span.start])
            while new and new[0] < number:
                out.append(self.rows[new.pop(0)].to_bytes(prefix))
            out.append(self.rows[number].to_bytes(prefix) if number in self.rows else xml[span.start:span.end])
            pos = span.end
        out += [self.rows[n].to_bytes(prefix) for n in new]
        qname = self.data.qname
        if self.data.empty:
            return b"<" + qname + self.data.attrs + b">" + b"".join(out) + b"</" + qname + b">"
        return xml[self.data.start:self.data.tag_end] + b"".join(out) + xml[pos:self.data.end]

    def _dimension(self) -> list[tuple[int, int, bytes]]:
        """<dimension ref> widened to the cells written (added after sheetPr when the sheet has none)."""
        span = self.layout.find("dimension")
        old = range_ref((attr(span.attrs, b"ref") or b"").decode()) if span is not None else None
        corners = self.bounds + ([(old[0], old[1]), (old[2], old[3])] if old else [])
        if not corners:
            return []
        r1, c1 = min(r for r, _ in corners), min(c for _, c in corners)
        r2, c2 = max(r for r, _ in corners), max(c for _, c in corners)
        ref = f"{column_letter(c1)}{r1}" + ("" if (r1, c1) == (r2, c2) else f":{column_letter(c2)}{r2}")
        if span is not None:
            return [(span.start, span.tag_end, b"<" + span.qname + with_attr(span.attrs, b"ref", ref.encode())
                     + (b"/>" if span.empty else b">"))]
        before = self.layout.find("sheetPr")
        at = before.end if before is not None else self.layout.root.tag_end
        return [(at, at, b'<%sdimension ref="%s"/>' % (self.prefix, ref.encode()))]

    def _merge_cells(self, parent: Span) -> bytes:
        """<mergeCells> without the ranges dropped (nothing when none is left)."""
        if not self.merges:
            return b""
        body = b"".join(self.xml[s.start:s.end] for _b, s in self.merges)
        attrs = with_attr(parent.attrs, b"count", b"%d" % len(self.merges)) if attr(parent.attrs, b"count") else parent.attrs
        return b"<" + parent.qname + attrs + b">" + body + b"</" + parent.qname + b">"

    def _legacy(self, rid: str | None, drop: bool) -> list[tuple[int, int, bytes]]:
        """The <legacyDrawing> of the notes: kept, pointed at rid, added at its place, or dropped."""
        span = self.layout.find("legacyDrawing")
        if drop:
            return [] if span is None else [(span.start, span.end, b"")]
        if rid is None:
            return []
        prefix = _rel_prefix(self.layout.root.attrs)
        name = (prefix or b"r") + b":id"
        declare = b"" if prefix else b' xmlns:r="' + REL_NS.encode() + b'"'
        if span is not None:
            old_name = next((a for a in _id_names(span.attrs)), None)
            if old_name is not None and attr(span.attrs, old_name) == rid.encode():
                return []
            return [(span.start, span.end, b"<" + span.qname + declare + b" " + name + b'="' + rid.encode() + b'"/>')]
        main = [c for c in self.layout.children if c.qname[:len(self.prefix)] == self.prefix
                and b":" not in c.qname[len(self.prefix):] and c.local in _BEFORE_LEGACY]
        at = main[-1].end if main else self.layout.root.tag_end
        return [(at, at, b"<" + self.prefix + b"legacyDrawing" + declare + b" " + name + b'="' + rid.encode() + b'"/>')]


def _rel_prefix(root_attrs: bytes) -> bytes | None:
    """The prefix the root element declares for the relationships namespace, if any."""
    m = re.search(rb"""xmlns:([\w.-]+)\s*=\s*["']""" + re.escape(REL_NS.encode()) + rb"""["']""", root_attrs)
    return m.group(1) if m else None


def _id_names(attrs: bytes) -> list[bytes]:
    """The prefixed id attributes of a start tag (r:id)."""
    return re.findall(rb"([\w.-]+:id)\s*=", attrs)
