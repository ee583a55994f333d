"""Marks, unmarks and appended rows put into a sheet of the package, with the notes' parts they need.

sheet_patch edits the worksheet XML and sheet_notes the comments and VML parts; this module finds
those parts through the sheet's relationships, or makes them (part, relationship, content type),
and takes them away when the sheet has no note left.
"""

from __future__ import annotations

import posixpath
import re
from typing import Iterable, Sequence

from lxml import etree

from ..domain.cell_rules import stronger
from ..ports import Mark
from .sheet_notes import patch_notes
from .sheet_patch import Restyle, SheetEdits, note_edits, patch_sheet
from .sheet_xml import REL_NS, column_number
from .written_sheet import WrittenSheet
from .xlsx_package import PKG_RELS, Package, rels_path, resolve

COMMENTS_TYPE = REL_NS + "/comments"
VML_TYPE = REL_NS + "/vmlDrawing"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
VML_CT = "application/vnd.openxmlformats-officedocument.vmlDrawing"
_P = "{%s}" % PKG_RELS
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_LEGACY = re.compile(rb"<(?:\w+:)?legacyDrawing\b[^>]*?:id=\"([^\"]+)\"")


def cell_at(ref: str) -> tuple[int, int] | None:
    """(row, column) of a one-cell address such as 'C5', None for anything else."""
    found = _CELL.fullmatch((ref or "").strip())
    if not found:
        return None
    row, col = int(found.group(2)), column_number(found.group(1))
    return (row, col) if 1 <= row <= 1_048_576 and 1 <= col <= 16_384 else None


def mark_edits(marks: Iterable[Mark]) -> dict[str, SheetEdits]:
    """Marks grouped by sheet; two on one cell combine as they always have (stronger colour, notes line by line)."""
    out: dict[str, SheetEdits] = {}
    for m in marks:
        at = cell_at(m.cell)
        if at is None:
            continue
        edits = out.setdefault(m.sheet, SheetEdits())
        severity = "error" if m.severity == "error" else "warning"
        if at in edits.marks:
            old_severity, old_note = edits.marks[at]
            edits.marks[at] = (stronger(severity, old_severity), old_note + "\n" + m.note)
        else:
            edits.marks[at] = (severity, m.note)
    return out


def unmark_edits(cells: Sequence[tuple[str, str]]) -> dict[str, SheetEdits]:
    """Cells to unmark grouped by sheet."""
    out: dict[str, SheetEdits] = {}
    for sheet, ref in cells:
        at = cell_at(ref)
        if at is not None:
            out.setdefault(sheet, SheetEdits()).unmarks.add(at)
    return out


def patch_cells(pkg: Package, styles: Restyle, sheet: str, edits: SheetEdits) -> None:
    """Apply one sheet's edits to the package (a sheet that is gone is left alone)."""
    part = pkg.sheet_part(sheet)
    xml = pkg.read(part) if part else None
    if xml is None:
        return
    add, remove = note_edits(xml, edits)
    rid, drop = _put_notes(pkg, sheet, part, xml, add, remove)
    pkg.put(part, patch_sheet(xml, edits, styles, legacy_drawing_rid=rid, drop_legacy_drawing=drop))


def patch_written(pkg: Package, styles: Restyle, sheet: str, part: str, written: WrittenSheet,
                  edits: SheetEdits) -> None:
    """patch_cells on a sheet just written (its part not yet put): the same package, its XML made once."""
    add, remove = written.note_edits(edits)
    rid, drop = _put_notes(pkg, sheet, part, written.skeleton(), add, remove)
    pkg.put(part, written.patched(edits, styles, rid, drop))


def _put_notes(pkg: Package, sheet: str, part: str, xml: bytes, add: dict[tuple[int, int], str],
               remove: set[tuple[int, int]]) -> tuple[str | None, bool]:
    """The sheet's notes parts after the notes are added and removed (made, or taken away when no note is
    left); (the notes' VML relationship for <legacyDrawing>, True when <legacyDrawing> goes)."""
    if not add and not remove:
        return None, False
    rels = _rels(pkg, part)
    legacy = _LEGACY.search(xml)
    vml_rel = _rel(rels, Id=legacy.group(1).decode()) if legacy else None
    comments_rel = _rel(rels, Type=COMMENTS_TYPE)
    comments_part = resolve(part, comments_rel.get("Target")) if comments_rel is not None else None
    vml_part = resolve(part, vml_rel.get("Target")) if vml_rel is not None else None
    comments, vml = patch_notes(pkg.read(comments_part) if comments_part else None, add, remove,
                                vml=pkg.read(vml_part) if vml_part else None, drawing_id=pkg.sheet_index(sheet) + 1)
    if comments is None:
        for rel, target in ((comments_rel, comments_part), (vml_rel, vml_part)):
            if rel is not None:
                rels.remove(rel)
                pkg.remove(target)
        _put_rels(pkg, part, rels)
        return None, True
    comments_part = comments_part or _free(pkg, "xl/comments{}.xml")
    vml_part = vml_part or _free(pkg, "xl/drawings/vmlDrawing{}.vml")
    if comments_rel is None:
        _add_rel(rels, COMMENTS_TYPE, posixpath.relpath(comments_part, posixpath.dirname(part)))
        pkg.override(comments_part, COMMENTS_CT)
    if vml_rel is None:
        vml_rel = _add_rel(rels, VML_TYPE, posixpath.relpath(vml_part, posixpath.dirname(part)))
        pkg.default_type("vml", VML_CT)
    pkg.put(comments_part, comments)
    pkg.put(vml_part, vml)
    _put_rels(pkg, part, rels)
    return vml_rel.get("Id"), False


def _rels(pkg: Package, part: str) -> etree._Element:
    data = pkg.read(rels_path(part))
    return etree.fromstring(data) if data else etree.Element(_P + "Relationships", nsmap={None: PKG_RELS})


def _put_rels(pkg: Package, part: str, rels: etree._Element) -> None:
    if len(rels):
        pkg.put(rels_path(part), etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True))
    elif pkg.has(rels_path(part)):
        pkg.remove(rels_path(part))


def _rel(rels: etree._Element, **wanted: str) -> etree._Element | None:
    return next((r for r in rels if all(r.get(k) == v for k, v in wanted.items())), None)


def _add_rel(rels: etree._Element, rel_type: str, target: str) -> etree._Element:
    used = {r.get("Id") for r in rels}
    n = 1
    while f"rId{n}" in used:
        n += 1
    return etree.SubElement(rels, _P + "Relationship", Id=f"rId{n}", Type=rel_type, Target=target)


def _free(pkg: Package, pattern: str) -> str:
    n = 1
    while pkg.has(pattern.format(n)):
        n += 1
    return pattern.format(n)
