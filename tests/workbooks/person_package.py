"""Adds a person's own parts to a contest workbook's package, as Excel would leave them (zipfile + lxml)."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from openpyxl.utils import get_column_letter

import person_parts as pp
from package_view import CONTENT_TYPES, CT_NS, WORKBOOK, entries, rels_name, sheet_parts
from xl_addin.domain import schema
from xl_addin.domain.models import Registration

PERSON_SHEET = "Theo dõi riêng"
PERSON_NAME = "TongSanPhamCuaToi"  # the person's defined name: the total of their counts
PERSON_STYLED = ("B2", "B3", "B4")  # Đăng ký cells the person formatted (product names the tool never marks)
PERSON_FONT = '<font><b val="1"/><i val="1"/><sz val="12"/><color rgb="FF1F4E79"/><name val="Times New Roman"/></font>'
PERSON_FILL = '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill>'
PERSON_DXF = '<dxf><font><b val="1"/><color rgb="FF9C0006"/></font></dxf>'
SPARKLINE_CELL = "V1"  # beside Đăng ký's header row, outside the tool's columns
CT = "application/vnd.openxmlformats-officedocument."


@dataclass(frozen=True)
class PersonAdditions:
    """Where the builder put the person's parts."""

    sheet: pp.PersonSheet
    sheet_part: str
    validation_sqref: str  # on Đăng ký, the x14 list validation's cells
    validation_source: str
    conditional_sqref: str


def column(header: str) -> str:
    """The letter of a Đăng ký column, by its header."""
    return get_column_letter(schema.REGISTRATION_HEADERS.index(header) + 1)


def person_sheet(registrations: list[Registration]) -> pp.PersonSheet:
    """The person's sheet for these registrations: counts per group, worked out here, and the communes."""
    counts = Counter(r.group for r in registrations)
    groups = tuple(sorted(counts, key=list(counts).index))
    communes = tuple(dict.fromkeys(r.commune for r in registrations if r.commune))
    return pp.PersonSheet(PERSON_SHEET, tuple((g, counts[g]) for g in groups), communes)


def _next_number(names: list[str], pattern: str) -> int:
    taken = [int(m.group(1)) for n in names if (m := re.fullmatch(pattern, n))]
    return max(taken, default=0) + 1


def add_override(types: bytes, part: str, kind: str) -> bytes:
    """[Content_Types].xml with an Override for the part."""
    root = etree.fromstring(types)
    etree.SubElement(root, f"{{{CT_NS}}}Override", PartName="/" + part, ContentType=kind)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_relationship(rels: bytes, kind: str, target: str) -> tuple[bytes, str]:
    """A .rels part with one more relationship (type's last segment, target); and its new Id."""
    root = etree.fromstring(rels)
    ids = [r.get("Id") for r in root]
    rid = "rId" + str(_next_number(ids, r"rId(\d+)"))
    etree.SubElement(root, f"{{{pp.PKG_REL_NS}}}Relationship", Id=rid, Type=f"{pp.REL_NS}/{kind}", Target=target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), rid


def _child(root: etree._Element, tag: str, after: tuple[str, ...]) -> etree._Element:
    """root's child of this tag (main namespace), made and put after the last of `after` present when missing."""
    found = root.find(f"{{{pp.MAIN}}}{tag}")
    if found is not None:
        return found
    made = etree.Element(f"{{{pp.MAIN}}}{tag}")
    anchors = [c for c in root if etree.QName(c).localname in after]
    (anchors[-1].addnext(made) if anchors else root.insert(0, made))
    return made


def add_to_workbook(xml: bytes, sheet_rid: str, cache_rid: str, cache_id: int, sheet: pp.PersonSheet,
                    position: int) -> bytes:
    """xl/workbook.xml with the person's sheet at this tab position, their defined name and the pivot cache."""
    root = etree.fromstring(xml)
    sheets = root.find(f"{{{pp.MAIN}}}sheets")
    sheet_id = max(int(s.get("sheetId")) for s in sheets) + 1
    sheets.insert(position, etree.Element(f"{{{pp.MAIN}}}sheet", {"name": sheet.name, "sheetId": str(sheet_id),
                                                                   f"{{{pp.REL_NS}}}id": sheet_rid}))
    names = _child(root, "definedNames", ("sheets", "functionGroups", "externalReferences"))
    for name in names:  # sheet-local names (print titles, filters) follow their sheet, as Excel renumbers them
        if name.get("localSheetId") is not None and int(name.get("localSheetId")) >= position:
            name.set("localSheetId", str(int(name.get("localSheetId")) + 1))
    etree.SubElement(names, f"{{{pp.MAIN}}}definedName", name=PERSON_NAME).text = \
        f"{sheet.quoted()}!$B${sheet.total_row}"
    caches = _child(root, "pivotCaches", ("sheets", "definedNames", "calcPr", "oleSize", "customWorkbookViews"))
    etree.SubElement(caches, f"{{{pp.MAIN}}}pivotCache", {"cacheId": str(cache_id), f"{{{pp.REL_NS}}}id": cache_rid})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _append(root: etree._Element, tag: str, xml: str) -> int:
    """Append an element (given as XML in the main namespace) to a counted list of styles.xml; its index."""
    holder = root.find(f"{{{pp.MAIN}}}{tag}")
    holder.append(etree.fromstring(f'<w xmlns="{pp.MAIN}">{xml}</w>')[0])
    holder.set("count", str(len(holder)))
    return len(holder) - 1


def add_person_styles(xml: bytes) -> tuple[bytes, int, int]:
    """styles.xml with the person's font, fill, cell format and conditional-format style; (xml, xf, dxf)."""
    root = etree.fromstring(xml)
    font = _append(root, "fonts", PERSON_FONT)
    fill = _append(root, "fills", PERSON_FILL)
    xf = _append(root, "cellXfs", f'<xf numFmtId="0" fontId="{font}" fillId="{fill}" borderId="1" xfId="0" '
                                   'applyFont="1" applyFill="1" applyBorder="1"/>')
    _child(root, "dxfs", ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles"))
    dxf = _append(root, "dxfs", PERSON_DXF)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), xf, dxf


def patch_registrations(xml: bytes, xf: int, dxf: int, additions: PersonAdditions) -> bytes:
    """Đăng ký's XML with the person's formatting, a conditional format and an extLst (x14 validation, sparklines)."""
    root = etree.fromstring(xml)
    for ref in PERSON_STYLED:
        root.find(f".//{{{pp.MAIN}}}c[@r='{ref}']").set("s", str(xf))
    validations = root.find(f"{{{pp.MAIN}}}dataValidations")
    validations.addprevious(etree.fromstring(pp.conditional_formatting(additions.conditional_sqref, dxf)))
    sheet = additions.sheet
    ext = (pp.x14_list_validation(additions.validation_source, additions.validation_sqref)
           + pp.x14_sparklines(f"{sheet.quoted()}!B2:B{sheet.total_row - 1}", SPARKLINE_CELL))
    root.append(etree.fromstring(f'<extLst xmlns="{pp.MAIN}">{ext}</extLst>'))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def person_entries(sheet: pp.PersonSheet, sheet_part: str, n: int = 1) -> dict[str, bytes]:
    """The new parts: the person's sheet, its drawing, chart, pivot table and cache, shared strings, custom XML."""
    sheet_file = sheet_part.rsplit("/", 1)[1]
    reg_col = column(schema.COL_GROUP)
    return {
        sheet_part: pp.person_sheet_xml(sheet, f"'{schema.SHEET_REGISTRATIONS}'!${reg_col}:${reg_col}"),
        f"xl/worksheets/_rels/{sheet_file}.rels": pp.relationships([
            ("rId1", "drawing", f"../drawings/drawing{n}.xml"), ("rId2", "pivotTable", f"../pivotTables/pivotTable{n}.xml")]),
        f"xl/drawings/drawing{n}.xml": pp.drawing_xml(),
        f"xl/drawings/_rels/drawing{n}.xml.rels": pp.relationships([("rId1", "chart", f"../charts/chart{n}.xml")]),
        f"xl/charts/chart{n}.xml": pp.chart_xml(sheet),
        f"xl/pivotTables/pivotTable{n}.xml": pp.pivot_table(sheet, cache_id=n),
        f"xl/pivotTables/_rels/pivotTable{n}.xml.rels": pp.relationships([
            ("rId1", "pivotCacheDefinition", f"../pivotCache/pivotCacheDefinition{n}.xml")]),
        f"xl/pivotCache/pivotCacheDefinition{n}.xml": pp.pivot_cache_definition(sheet),
        f"xl/pivotCache/_rels/pivotCacheDefinition{n}.xml.rels": pp.relationships([
            ("rId1", "pivotCacheRecords", f"pivotCacheRecords{n}.xml")]),
        f"xl/pivotCache/pivotCacheRecords{n}.xml": pp.pivot_cache_records(sheet),
        "xl/sharedStrings.xml": pp.shared_strings(sheet),
        "customXml/item1.xml": pp.custom_xml_item(),
        "customXml/_rels/item1.xml.rels": pp.relationships([("rId1", "customXmlProps", "itemProps1.xml")]),
        "customXml/itemProps1.xml": pp.custom_xml_props(),
    }


def _content_types(types: bytes, new: dict[str, bytes]) -> bytes:
    kinds = {"worksheets/": CT + "spreadsheetml.worksheet+xml", "drawings/drawing": CT + "drawing+xml",
             "charts/": CT + "drawingml.chart+xml", "pivotTables/": CT + "spreadsheetml.pivotTable+xml",
             "pivotCacheDefinition": CT + "spreadsheetml.pivotCacheDefinition+xml",
             "pivotCacheRecords": CT + "spreadsheetml.pivotCacheRecords+xml",
             "sharedStrings": CT + "spreadsheetml.sharedStrings+xml", "itemProps": CT + "customXmlProperties+xml"}
    for part in new:
        kind = next((k for key, k in kinds.items() if key in part and "_rels" not in part), None)
        if kind:
            types = add_override(types, part, kind)
    return types


def add_person_parts(path: Path, registrations: list[Registration]) -> PersonAdditions:
    """Rewrite the contest workbook at path with the person's parts added (original entries first, in order)."""
    pkg = entries(path)
    sheet = person_sheet(registrations)
    n = _next_number(list(pkg), r"xl/worksheets/sheet(\d+)\.xml")
    sheet_part = f"xl/worksheets/sheet{n}.xml"
    new = person_entries(sheet, sheet_part)
    commune = column(schema.COL_COMMUNE)
    additions = PersonAdditions(sheet, sheet_part, f"{commune}2:{commune}5000",
                                f"{sheet.quoted()}!$G$2:$G${len(sheet.communes) + 1}",
                                f"{column(schema.COL_PHOTOS)}2:{column(schema.COL_PHOTOS)}5000")
    wb_rels = pkg[rels_name(WORKBOOK)]
    wb_rels, sheet_rid = add_relationship(wb_rels, "worksheet", sheet_part.removeprefix("xl/"))
    wb_rels, cache_rid = add_relationship(wb_rels, "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml")
    wb_rels, _ = add_relationship(wb_rels, "sharedStrings", "sharedStrings.xml")
    wb_rels, _ = add_relationship(wb_rels, "customXml", "../customXml/item1.xml")
    pkg[rels_name(WORKBOOK)] = wb_rels
    position = list(sheet_parts(pkg)).index(schema.SHEET_REGISTRATIONS) + 1  # the person's tab beside Đăng ký
    pkg[WORKBOOK] = add_to_workbook(pkg[WORKBOOK], sheet_rid, cache_rid, 1, sheet, position)
    pkg["xl/styles.xml"], xf, dxf = add_person_styles(pkg["xl/styles.xml"])
    reg_part = sheet_parts(pkg)[schema.SHEET_REGISTRATIONS]
    pkg[reg_part] = patch_registrations(pkg[reg_part], xf, dxf, additions)
    pkg[CONTENT_TYPES] = _content_types(pkg[CONTENT_TYPES], new)
    pkg.update(new)
    write_package(path, pkg)
    return additions


def write_package(path: Path, pkg: dict[str, bytes]) -> None:
    """Write the entries (deflated, [Content_Types].xml first) as the file at path."""
    order = [CONTENT_TYPES] + [n for n in pkg if n != CONTENT_TYPES]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in order:
            z.writestr(name, pkg[name])

