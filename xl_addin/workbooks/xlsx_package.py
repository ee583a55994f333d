"""An .xlsx package edited part by part: the parts the tool changes are replaced, every other
entry is written back with the same name, bytes, compression and order (its compressed bytes
copied, never inflated; a part is inflated only when read)."""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from .sheet_xml import MAIN, REL_NS
from ..zip_copy import ZipCopy, deflate_in_threads

PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
WORKSHEET_TYPE = REL_NS + "/worksheet"
STYLES_TYPE = REL_NS + "/styles"
WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
_M, _R, _P, _C = "{%s}" % MAIN, "{%s}" % REL_NS, "{%s}" % PKG_RELS, "{%s}" % CT_NS
# CT_Workbook's children that may follow <definedNames> / <calcPr> (for inserting them in order).
_AFTER_NAMES = ("calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes",
                "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst")


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rels_path(part: str) -> str:
    """The relationships part of a part: xl/worksheets/sheet1.xml -> xl/worksheets/_rels/sheet1.xml.rels."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve(source: str, target: str) -> str:
    """The part name a relationship's target points at, seen from the source part."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


class Package:
    """The entries of one .xlsx, with the workbook's sheets found through workbook.xml and its rels."""

    def __init__(self, data: bytes):
        self._source = data
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self._infos = self._zip.infolist()
        self._data = _Entries(self._zip)
        self._changed: dict[str, bytes] = {}
        self._removed: set[str] = set()
        self.workbook_part = self._office_document()
        self.workbook = etree.fromstring(self._data[self.workbook_part])
        self.rels = etree.fromstring(self._data[rels_path(self.workbook_part)])
        self.types = etree.fromstring(self._data["[Content_Types].xml"])
        self._sheets = {s.get("name"): s for s in self.workbook.iter(_M + "sheet")}

    @classmethod
    def open(cls, path: Path) -> "Package":
        """The package of the file at path."""
        return cls(Path(path).read_bytes())

    def _office_document(self) -> str:
        root = etree.fromstring(self._data["_rels/.rels"])
        for rel in root.iter(_P + "Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return resolve("", rel.get("Target"))
        return "xl/workbook.xml"

    def has(self, part: str) -> bool:
        """True when the package holds that part (as changed so far)."""
        return part in self._changed or (part in self._data and part not in self._removed)

    def read(self, part: str) -> bytes | None:
        """A part's bytes as changed so far, None when absent."""
        if part in self._changed:
            return self._changed[part]
        return None if part in self._removed else self._data.get(part)

    def put(self, part: str, data: bytes) -> None:
        """Replace or add a part."""
        self._changed[part] = data
        self._removed.discard(part)

    def remove(self, part: str) -> None:
        """Drop a part and its content-type override."""
        self._changed.pop(part, None)
        self._removed.add(part)
        for el in self.types.findall(_C + "Override"):
            if el.get("PartName") == "/" + part:
                self.types.remove(el)

    def _rel_target(self, rid: str) -> str | None:
        for rel in self.rels.iter(_P + "Relationship"):
            if rel.get("Id") == rid:
                return resolve(self.workbook_part, rel.get("Target"))
        return None

    def sheet_names(self) -> list[str]:
        """The sheets' names in workbook order."""
        return list(self._sheets)

    def sheet_part(self, name: str) -> str | None:
        """The worksheet part of a sheet, None when there is no such sheet."""
        sheet = self._sheets.get(name)
        return self._rel_target(sheet.get(_R + "id")) if sheet is not None else None

    def sheet_index(self, name: str) -> int:
        """The sheet's 0-based position (localSheetId of its defined names)."""
        return list(self._sheets).index(name)

    def add_sheet(self, name: str) -> str:
        """A new, empty worksheet named `name` at the end; its part name."""
        n = 1
        while self.has(f"xl/worksheets/sheet{n}.xml"):
            n += 1
        part = f"xl/worksheets/sheet{n}.xml"
        rid = self._add_rel(self.rels, WORKSHEET_TYPE, posixpath.relpath(part, posixpath.dirname(self.workbook_part)))
        holder = self.workbook.find(_M + "sheets")
        ids = [int(s.get("sheetId", "0")) for s in holder]
        sheet = etree.SubElement(holder, _M + "sheet", name=name, sheetId=str(max(ids, default=0) + 1))
        sheet.set(_R + "id", rid)
        self._sheets[name] = sheet
        self.override(part, WORKSHEET_CT)
        return part

    def _add_rel(self, rels: etree._Element, rel_type: str, target: str) -> str:
        used = {rel.get("Id") for rel in rels}
        n = len(used) + 1
        while f"rId{n}" in used:
            n += 1
        etree.SubElement(rels, _P + "Relationship", Id=f"rId{n}", Type=rel_type, Target=target)
        return f"rId{n}"

    def override(self, part: str, content_type: str) -> None:
        """Declare a part's content type (replacing an earlier declaration)."""
        for el in self.types.findall(_C + "Override"):
            if el.get("PartName") == "/" + part:
                self.types.remove(el)
        etree.SubElement(self.types, _C + "Override", PartName="/" + part, ContentType=content_type)

    def default_type(self, extension: str, content_type: str) -> None:
        """Declare the content type of every part with that extension, unless one is declared already."""
        if any(el.get("Extension", "").lower() == extension for el in self.types.findall(_C + "Default")):
            return
        self.types.insert(0, etree.Element(_C + "Default", Extension=extension, ContentType=content_type))

    def styles_part(self) -> str:
        """The styles part, declared (and its relationship added) when the workbook has none."""
        for rel in self.rels.iter(_P + "Relationship"):
            if rel.get("Type") == STYLES_TYPE:
                return resolve(self.workbook_part, rel.get("Target"))
        self._add_rel(self.rels, STYLES_TYPE, "styles.xml")
        part = posixpath.join(posixpath.dirname(self.workbook_part), "styles.xml")
        self.override(part, STYLES_CT)
        return part

    def drop_sheet_rels(self, part: str, kinds: tuple[str, ...]) -> None:
        """Remove a sheet's relationships whose type ends with one of kinds, and the parts they point at."""
        path = rels_path(part)
        data = self.read(path)
        if data is None:
            return
        rels = etree.fromstring(data)
        for rel in list(rels):
            if rel.get("Type", "").rsplit("/", 1)[-1] in kinds and rel.get("TargetMode") != "External":
                rels.remove(rel)
                self.remove(resolve(part, rel.get("Target")))
        if len(rels):
            self.put(path, _xml(rels))
        else:
            self.remove(path)

    def set_sheet_names(self, sheet: str, names: dict[str, str | None]) -> None:
        """Replace the sheet's built-in defined names (e.g. _xlnm.Print_Titles) with formulas on it."""
        local = str(self.sheet_index(sheet))
        holder = self.workbook.find(_M + "definedNames")
        quoted = "'" + sheet.replace("'", "''") + "'!"
        for name, ref in names.items():
            if ref is None:
                continue
            if holder is None:
                holder = self._insert_before(etree.Element(_M + "definedNames"), _AFTER_NAMES)
            for el in holder.findall(_M + "definedName"):
                if el.get("name") == name and el.get("localSheetId") == local:
                    holder.remove(el)
            el = etree.SubElement(holder, _M + "definedName", name=name, localSheetId=local)
            el.text = ",".join(quoted + part for part in ref.split(","))

    def recalc_on_load(self) -> None:
        """Ask Excel and LibreOffice to compute the formulas again when the file is next opened."""
        calc = self.workbook.find(_M + "calcPr")
        if calc is None:
            calc = self._insert_before(etree.Element(_M + "calcPr"), _AFTER_NAMES[1:])
        calc.set("fullCalcOnLoad", "1")

    def _insert_before(self, el: etree._Element, later: tuple[str, ...]) -> etree._Element:
        at = next((i for i, child in enumerate(self.workbook) if etree.QName(child).localname in later),
                  len(self.workbook))
        self.workbook.insert(at, el)
        return el

    def to_bytes(self) -> bytes:
        """The package: the original entries in their order (changed ones replaced; a part written again
        with its own bytes is copied as it was), then new ones."""
        self.put(self.workbook_part, _xml(self.workbook))
        self.put(rels_path(self.workbook_part), _xml(self.rels))
        self.put("[Content_Types].xml", _xml(self.types))
        out = ZipCopy(self._source)
        written = [info for info in self._infos if info.filename not in self._removed
                   and info.filename in self._changed and self._changed[info.filename] != self._data[info.filename]]
        added = [name for name in self._changed if name not in self._data]
        packed = deflate_in_threads([self._changed[i.filename] for i in written if i.compress_type != zipfile.ZIP_STORED]
                                    + [self._changed[name] for name in added])
        for info in self._infos:
            if info.filename in self._removed:
                continue
            if info in written:
                out.write(info, self._changed[info.filename], packed.get(id(self._changed[info.filename])))
            else:
                out.copy(info)
        for name in added:
            out.add(name, self._changed[name], packed.get(id(self._changed[name])))
        return out.to_bytes()


class _Entries:
    """The zip's entries by name, each inflated the first time it is read."""

    def __init__(self, zf: zipfile.ZipFile):
        self._zip = zf
        self._names = set(zf.NameToInfo)
        self._read: dict[str, bytes] = {}

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __getitem__(self, name: str) -> bytes:
        if name not in self._read:
            if name not in self._names:
                raise KeyError(name)
            self._read[name] = self._zip.read(name)
        return self._read[name]

    def get(self, name: str, default: bytes | None = None) -> bytes | None:
        """The entry's bytes, default when there is none."""
        return self[name] if name in self._names else default
