"""Reading an .xlsx as a package: its entries, relationships, content types and sheets' parts."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from person_parts import MAIN, PKG_REL_NS, REL_NS

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
WORKBOOK = "xl/workbook.xml"
CONTENT_TYPES = "[Content_Types].xml"
# Types of a sheet's relationships that belong to the sheet itself (its notes), not to a person's parts.
NOTE_TYPES = (f"{REL_NS}/comments", f"{REL_NS}/vmlDrawing")


def entries(path: Path) -> dict[str, bytes]:
    """Every zip entry of the file, by name, in the zip's order."""
    with zipfile.ZipFile(path) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def rels_name(part: str) -> str:
    """The name of a part's relationships entry (xl/workbook.xml -> xl/_rels/workbook.xml.rels)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def relationships(pkg: dict[str, bytes], part: str) -> list[tuple[str, str, str]]:
    """A part's relationships as (Id, Type, target part name, resolved against the part's folder)."""
    data = pkg.get(rels_name(part))
    if data is None:
        return []
    out = []
    for rel in etree.fromstring(data).iter(f"{{{PKG_REL_NS}}}Relationship"):
        target = rel.get("Target")
        if rel.get("TargetMode") != "External":
            base = posixpath.dirname(part)
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out.append((rel.get("Id"), rel.get("Type"), target))
    return out


def sheet_parts(pkg: dict[str, bytes]) -> dict[str, str]:
    """Sheet name -> its worksheet part, as xl/workbook.xml and its relationships say."""
    targets = {rid: target for rid, _, target in relationships(pkg, WORKBOOK)}
    root = etree.fromstring(pkg[WORKBOOK])
    return {s.get("name"): targets[s.get(f"{{{REL_NS}}}id")] for s in root.iter(f"{{{MAIN}}}sheet")}


def defined_names(pkg: dict[str, bytes]) -> dict[str, str]:
    """Workbook-level defined names (no localSheetId) -> what they refer to."""
    root = etree.fromstring(pkg[WORKBOOK])
    return {d.get("name"): d.text for d in root.iter(f"{{{MAIN}}}definedName") if d.get("localSheetId") is None}


def local_names(pkg: dict[str, bytes]) -> list[tuple[str, str, str]]:
    """Sheet-local defined names as (name, the sheet their localSheetId means, what they refer to)."""
    root = etree.fromstring(pkg[WORKBOOK])
    tabs = [s.get("name") for s in root.iter(f"{{{MAIN}}}sheet")]
    return [(d.get("name"), tabs[int(d.get("localSheetId"))], d.text)
            for d in root.iter(f"{{{MAIN}}}definedName") if d.get("localSheetId") is not None]


def content_type(pkg: dict[str, bytes], part: str) -> str | None:
    """A part's content type: its Override, else the Default of its extension."""
    root = etree.fromstring(pkg[CONTENT_TYPES])
    for o in root.iter(f"{{{CT_NS}}}Override"):
        if o.get("PartName").lstrip("/") == part:
            return o.get("ContentType")
    ext = part.rsplit(".", 1)[-1].lower()
    return next((d.get("ContentType") for d in root.iter(f"{{{CT_NS}}}Default") if d.get("Extension").lower() == ext),
                None)


def owned_parts(pkg: dict[str, bytes], tool_sheets: tuple[str, ...]) -> set[str]:
    """The entries the tool may rewrite: its sheets, their rels and notes, and the shared parts that list them."""
    owned = {CONTENT_TYPES, WORKBOOK, rels_name(WORKBOOK), "xl/styles.xml", "docProps/app.xml"}
    for name, part in sheet_parts(pkg).items():
        if name in tool_sheets:
            owned |= {part, rels_name(part)}
            owned |= {target for _, kind, target in relationships(pkg, part) if kind in NOTE_TYPES}
    return owned


def worksheet(pkg: dict[str, bytes], sheet: str) -> etree._Element:
    """The parsed worksheet XML of a sheet, by name."""
    return etree.fromstring(pkg[sheet_parts(pkg)[sheet]])


def ext_list(pkg: dict[str, bytes], sheet: str) -> bytes | None:
    """A sheet's extLst element in exclusive canonical XML (namespaces where used), or None when it has none."""
    return element(pkg, sheet, "extLst")


def element(pkg: dict[str, bytes], sheet: str, tag: str) -> bytes | None:
    """A sheet's first child element of this tag (main namespace) in exclusive C14N, or None."""
    found = worksheet(pkg, sheet).find(f"{{{MAIN}}}{tag}")
    return None if found is None else etree.tostring(found, method="c14n", exclusive=True)
