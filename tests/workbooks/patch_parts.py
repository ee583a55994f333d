"""Test helpers for the sheet patcher: a tiny Restyle over styles.xml and putting parts back in a package.

The package writer (xlsx_package / xlsx_styles) does this for real; these helpers are kept small and
independent of it so the patcher's tests prove the patched XML alone, in real files.
"""

from __future__ import annotations

import copy
import datetime as dt
import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree

from xl_addin.domain.cell_rules import ERROR_FILL_RGB, WARNING_FILL_RGB

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
COMMENTS_TYPE = OFFICE_REL + "/comments"
VML_TYPE = OFFICE_REL + "/vmlDrawing"
_RGB = {"error": ERROR_FILL_RGB, "warning": WARNING_FILL_RGB}


class TinyRestyle:
    """Appends a copy of a cellXfs entry with the tool's fill (or an appended cell's format) to styles.xml."""

    def __init__(self, styles_xml: bytes):
        self.root = etree.fromstring(styles_xml)
        self.xfs = self.root.find(M + "cellXfs")
        self.fills = self.root.find(M + "fills")
        self.calls: list[tuple] = []
        self._cache: dict[tuple, int] = {}

    def _append(self, parent: etree._Element, el: etree._Element) -> int:
        parent.append(el)
        parent.set("count", str(len(parent)))
        return len(parent) - 1

    def _fill(self, severity: str) -> int:
        key = ("fill", severity)
        if key not in self._cache:
            fill = etree.fromstring(f'<fill xmlns="{M[1:-1]}"><patternFill patternType="solid"><fgColor rgb="'
                                    f'{_RGB[severity]}"/><bgColor rgb="{_RGB[severity]}"/></patternFill></fill>')
            self._cache[key] = self._append(self.fills, fill)
        return self._cache[key]

    def with_fill(self, xf: int, severity: str | None) -> int:
        """cellXfs index like xf with the tool's fill (None: no fill)."""
        self.calls.append(("with_fill", xf, severity))
        key = ("xf", xf, severity)
        if key not in self._cache:
            el = copy.deepcopy(self.xfs[xf])
            el.set("fillId", str(self._fill(severity)) if severity else "0")
            el.set("applyFill", "1")
            self._cache[key] = self._append(self.xfs, el)
        return self._cache[key]

    def fill_of(self, xf: int) -> str | None:
        """'error'/'warning' when cellXfs[xf] has the tool's fill colour."""
        fill = self.fills[int(self.xfs[xf].get("fillId", "0"))]
        fg = fill.find(f"{M}patternFill/{M}fgColor")
        rgb = fg.get("rgb") if fg is not None else None
        return next((sev for sev, value in _RGB.items() if value == rgb), None)

    def for_value(self, value: object) -> int:
        """A wrapped, top-aligned format (dd/mm/yyyy for dates)."""
        date = isinstance(value, (dt.date, dt.datetime))
        key = ("value", date)
        if key not in self._cache:
            num = 0
            if date:
                fmts = self.root.find(M + "numFmts")
                if fmts is None:
                    fmts = etree.Element(M + "numFmts")
                    self.root.insert(0, fmts)
                num = 200
                self._append(fmts, etree.fromstring(f'<numFmt xmlns="{M[1:-1]}" numFmtId="200" formatCode="dd/mm/yyyy"/>'))
            el = etree.fromstring(f'<xf xmlns="{M[1:-1]}" numFmtId="{num}" fontId="0" fillId="0" borderId="0" '
                                  f'applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>')
            self._cache[key] = self._append(self.xfs, el)
        return self._cache[key]

    def to_bytes(self) -> bytes:
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


def sheet_part(zf: zipfile.ZipFile, name: str) -> str:
    """The zip entry of the sheet called name."""
    wb = etree.fromstring(zf.read("xl/workbook.xml"))
    rid = next(s.get(f"{{{OFFICE_REL}}}id") for s in wb.iter(M + "sheet") if s.get("name") == name)
    rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target") for r in rels.iter(PKG_REL + "Relationship") if r.get("Id") == rid)
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))


def rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return f"{folder}/_rels/{base}.rels"


def related(zf: zipfile.ZipFile, part: str, rel_type: str) -> tuple[str, str] | None:
    """(rId, entry) of the part's relationship of that type, if any."""
    name = rels_name(part)
    if name not in zf.namelist():
        return None
    for r in etree.fromstring(zf.read(name)).iter(PKG_REL + "Relationship"):
        if r.get("Type") == rel_type:
            target = r.get("Target")
            entry = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(posixpath.dirname(part), target))
            return r.get("Id"), entry
    return None


def wire_notes(zf: zipfile.ZipFile, part: str, parts: dict[str, bytes]) -> tuple[str, str, str]:
    """(vml rId, comments entry, vml entry) for the sheet, adding the rels and content types when new."""
    comments, vml = related(zf, part, COMMENTS_TYPE), related(zf, part, VML_TYPE)
    if comments and vml:
        return vml[0], comments[1], vml[1]
    name = rels_name(part)
    rels = etree.fromstring(parts.get(name) or (zf.read(name) if name in zf.namelist() else
                            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'))
    taken = {r.get("Id") for r in rels}
    ids = [f"rIdNote{i}" for i in range(1, 10) if f"rIdNote{i}" not in taken][:2]
    entries = ("xl/comments77.xml", "xl/drawings/vmlDrawing77.vml")
    for rid, rel_type, entry in zip(ids, (COMMENTS_TYPE, VML_TYPE), entries):
        etree.SubElement(rels, PKG_REL + "Relationship", Id=rid, Type=rel_type, Target="/" + entry)
    parts[name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    types = etree.fromstring(parts.get("[Content_Types].xml") or zf.read("[Content_Types].xml"))
    if not any(d.get("Extension") == "vml" for d in types.iter(CT + "Default")):
        types.insert(0, etree.Element(CT + "Default", Extension="vml",
                                      ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"))
    etree.SubElement(types, CT + "Override", PartName="/" + entries[0],
                     ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml")
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
    return ids[1], entries[0], entries[1]


def rewrite(src: Path, dst: Path, parts: dict[str, bytes]) -> None:
    """A copy of the package with these entries replaced (same order and compression) or added."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = parts.pop(info.filename) if info.filename in parts else zin.read(info.filename)
            zout.writestr(info, data)
        for name, data in parts.items():
            zout.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)


def ext_lst(xml: bytes) -> bytes:
    """The worksheet's own <extLst> … </extLst> bytes (the last one, at the root's level)."""
    m = re.search(rb"<extLst>(?:(?!</extLst>).)*</extLst>(?=\s*</(?:\w+:)?worksheet>)", xml, re.S)
    assert m, "no extLst at the end of the worksheet"
    return m.group(0)
