"""Small pieces of worksheet XML shared by the sheet writer: names, element order, columns, the cells' split."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
Q = "{%s}" % MAIN
# CT_Worksheet's children in the order the schema requires (ECMA-376 18.3.1.99).
ORDER = ("sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
         "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
         "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks",
         "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
         "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF",
         "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst")
_RANK = {name: i for i, name in enumerate(ORDER)}
_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData\b[^>]*?(/?)>")  # its start tag; the end tag is found by find()


@lru_cache(maxsize=4096)
def column_letter(col: int) -> str:
    """'A' for 1, 'AB' for 28."""
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_number(letters: str) -> int:
    """1 for 'A', 28 for 'AB'."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def new_worksheet() -> etree._Element:
    """An empty worksheet element (its cells go where the <sheetData/> placeholder is)."""
    return etree.fromstring(f'<worksheet xmlns="{MAIN}" xmlns:r="{REL_NS}"><sheetFormatPr defaultRowHeight="15"/>'
                            '<sheetData/></worksheet>'.encode())


def empty_sheet() -> bytes:
    """The part of a new sheet with no cells."""
    return etree.tostring(new_worksheet(), xml_declaration=True, encoding="UTF-8", standalone=True)


def split_sheet_data(xml: bytes) -> tuple[etree._Element, bytes]:
    """The worksheet without its cells (an empty <sheetData/> in their place) and the cells' XML."""
    found = _SHEET_DATA.search(xml)
    close = -1 if found is None or found.group(2) else xml.find(b"</" + (found.group(1) or b"") + b"sheetData>",
                                                                   found.end())
    if found is None or (close < 0 and not found.group(2)):
        root = etree.fromstring(xml)
        insert_child(root, etree.Element(Q + "sheetData"))
        return root, b""
    end = found.end() if found.group(2) else close + len(found.group(1) or b"") + len(b"</sheetData>")
    root = etree.fromstring(xml[:found.start()] + b"<sheetData/>" + xml[end:])
    # a prefixed sheet (x:sheetData) comes back in the main namespace either way
    return root, xml[found.start():end]


def insert_child(root: etree._Element, el: etree._Element) -> etree._Element:
    """Put el among root's children where the schema wants it, replacing one of the same name."""
    name = etree.QName(el).localname
    for old in root.findall(Q + name):
        root.remove(old)
    rank = _RANK.get(name, len(ORDER))
    at = next((i for i, child in enumerate(root)
               if isinstance(child.tag, str) and _RANK.get(etree.QName(child).localname, len(ORDER)) > rank), len(root))
    root.insert(at, el)
    return el


@dataclass
class Cols:
    """A sheet's <col> ranges: (first, last, attributes), splittable column by column."""

    ranges: list[tuple[int, int, dict[str, str]]] = field(default_factory=list)

    def set(self, col: int, *, width: float | None = None, hidden: bool = False) -> None:
        """Give one column a width or hide it, keeping what else its range said."""
        attrs: dict[str, str] = {}
        kept = []
        for first, last, a in self.ranges:
            if first <= col <= last:
                attrs = dict(a)
                if first < col:
                    kept.append((first, col - 1, a))
                if col < last:
                    kept.append((col + 1, last, a))
            else:
                kept.append((first, last, a))
        if width is not None:
            attrs["width"], attrs["customWidth"] = f"{width:g}", "1"
        if hidden:
            attrs["hidden"] = "1"
        kept.append((col, col, attrs))
        self.ranges = sorted(kept, key=lambda r: r[0])

    def width(self, col: int) -> float | None:
        """The width of a column in characters, None when none is set."""
        for first, last, a in self.ranges:
            if first <= col <= last and a.get("width"):
                return float(a["width"])
        return None


def parse_cols(root: etree._Element) -> Cols:
    """The sheet's column ranges."""
    holder = root.find(Q + "cols")
    out = Cols()
    for el in holder.findall(Q + "col") if holder is not None else ():
        attrs = {k: v for k, v in el.attrib.items() if k not in ("min", "max")}
        out.ranges.append((int(el.get("min")), int(el.get("max")), attrs))
    return out


def put_cols(root: etree._Element, cols: Cols) -> None:
    """Write the column ranges back (none: no <cols>)."""
    for old in root.findall(Q + "cols"):
        root.remove(old)
    if not cols.ranges:
        return
    holder = etree.Element(Q + "cols")
    for first, last, attrs in cols.ranges:
        etree.SubElement(holder, Q + "col", min=str(first), max=str(last), **attrs)
    insert_child(root, holder)
