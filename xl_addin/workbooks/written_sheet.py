"""A sheet the tool has just written, kept as rows of cell strings until its highlights are known.

A save that rewrites a sheet and then marks cells on it (Kết quả's warnings) used to write the sheet's
XML and then scan and splice it again (sheet_patch) to colour the marked cells. Here the marks are put
on the cells' strings before the rows are joined: the bytes are the ones write-then-patch_sheet gives
(the same cellXfs asked of the styles in the same order, the same <dimension>, rows, cells and
<legacyDrawing>), for the price of the marked cells alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.cell_rules import stronger
from .sheet_patch import Restyle, SheetEdits, SheetSplice, note_targets
from .sheet_scan import scan
from .sheet_xml import column_letter

_DATA = b"<sheetData/>"


@dataclass
class WrittenSheet:
    """A worksheet part as the sheet writer made it: the XML around its rows, each row's start tag and
    its cells by column ('' where the column has no cell)."""

    head: bytes
    tail: bytes
    opens: list[str]
    cells: list[list[str]]
    _splice: SheetSplice | None = field(default=None, repr=False, compare=False)

    def to_bytes(self) -> bytes:
        """The part without marks."""
        data = "".join(o + "".join(c) + "</row>" for o, c in zip(self.opens, self.cells))
        return self.head + b"<sheetData>" + data.encode("utf-8") + b"</sheetData>" + self.tail

    def skeleton(self) -> bytes:
        """The part with an empty <sheetData/> (what is searched for its notes' drawing)."""
        return self.head + _DATA + self.tail

    def _sheet(self) -> SheetSplice:
        if self._splice is None:
            xml = self.skeleton()
            self._splice = SheetSplice(xml, scan(xml))
        return self._splice

    def note_edits(self, edits: SheetEdits) -> tuple[dict[tuple[int, int], str], set[tuple[int, int]]]:
        """sheet_patch.note_edits on this sheet (no rows appended: see contest_book)."""
        return note_targets(self._sheet().target, edits)

    def patched(self, edits: SheetEdits, styles: Restyle, rid: str | None, drop_legacy: bool) -> bytes:
        """The part after sheet_patch.patch_sheet's unmarks and marks (edits.appended must be empty)."""
        if edits.appended:
            raise ValueError("rows appended to a written sheet are patched as any sheet")
        marking = _Marking(self, self._sheet())
        for at in edits.unmarks:
            target = marking.sheet.target(at)
            if target is not None and target[0] <= len(self.cells):
                marking.rows_changed = True
                xf = marking.xf(target)
                if xf is not None and styles.fill_of(xf):
                    marking.set_xf(target, styles.with_fill(xf, None))
        for at, (severity, _note) in edits.marks.items():
            target = marking.sheet.target(at)
            if target is not None:
                xf = marking.xf(target)
                xf = marking.sheet.xf(target) if xf is None else xf
                wanted = stronger("error" if severity == "error" else "warning", styles.fill_of(xf))
                marking.set_xf(target, styles.with_fill(xf, wanted))
        return marking.to_bytes(rid, drop_legacy)


class _Marking:
    """The rows changed by the marks (copies of the written ones, or new below them)."""

    def __init__(self, written: WrittenSheet, sheet: SheetSplice):
        self.written, self.sheet = written, sheet
        self.rows: dict[int, list[str]] = {}
        self.bounds: list[tuple[int, int]] = []
        self.rows_changed = False

    def _row(self, r: int) -> list[str] | None:
        if r in self.rows:
            return self.rows[r]
        return self.written.cells[r - 1] if r <= len(self.written.cells) else None

    def xf(self, at: tuple[int, int]) -> int | None:
        """The cell's own style, None when the sheet has no such cell."""
        row = self._row(at[0])
        text = row[at[1] - 1] if row is not None and at[1] <= len(row) else ""
        if not text:
            return None
        rest = text[text.index('"', 6) + 1:]  # after <c r="A1"
        return int(rest[4:rest.index('"', 4)]) if rest.startswith(' s="') and rest[4:rest.index('"', 4)].isdigit() \
            else 0

    def set_xf(self, at: tuple[int, int], xf: int) -> None:
        """Give the cell this style (a cell the row lacks is added in its column)."""
        r, c = at
        self.rows_changed = True
        if r not in self.rows:
            row = self._row(r)
            self.rows[r] = [] if row is None else list(row)
        row = self.rows[r]
        if len(row) < c:
            row.extend([""] * (c - len(row)))
        ref = f'<c r="{column_letter(c)}{r}"'
        old = row[c - 1]
        if not old:
            row[c - 1] = ref + (f' s="{xf}"' if xf else "") + "/>"
        else:
            rest = old[len(ref):]
            had = rest.startswith(' s="')
            if had:
                rest = rest[rest.index('"', 4) + 1:]
            row[c - 1] = ref + (f' s="{xf}"' if xf or had else "") + rest
        self.bounds.append(at)

    def to_bytes(self, rid: str | None, drop_legacy: bool) -> bytes:
        skeleton = self.sheet.finish_skeleton(self.bounds, self.rows_changed, rid, drop_legacy)
        head, tail = skeleton.split(_DATA, 1)
        written, rows = self.written, self.rows
        data = "".join(o + "".join(rows[r] if r in rows else c) + "</row>"
                       for r, (o, c) in enumerate(zip(written.opens, written.cells), start=1))
        data += "".join(f'<row r="{r}">' + "".join(rows[r]) + "</row>"
                        for r in sorted(rows) if r > len(written.cells))
        return head + b"<sheetData>" + data.encode("utf-8") + b"</sheetData>" + tail
