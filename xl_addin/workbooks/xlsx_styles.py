"""A workbook's styles.xml with the tool's fonts, fills, number formats and cell formats appended.

The person's entries are never renumbered or changed: a cell keeps pointing at the same cellXfs
index. The tool's look is added at the end of each list, once (an identical entry already in the
file, the person's or one appended before, is reused).
"""

from __future__ import annotations

import copy
import datetime as dt

from lxml import etree

from ..domain.cell_rules import ERROR_FILL_RGB, HEADER_FILL_RGB, WARNING_FILL_RGB

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_Q = "{%s}" % MAIN
DATE_FORMAT = "dd/mm/yyyy"
SEVERITY_RGB = {"error": ERROR_FILL_RGB, "warning": WARNING_FILL_RGB}
# Alignments as (horizontal, vertical, wrap): the ones contest_book gave cells through openpyxl.
WRAP_TOP = (None, "top", True)
TOP = (None, "top", False)
CENTER_TOP = ("center", "top", False)
CENTER_WRAP_TOP = ("center", "top", True)
# The formats Excel knows by number (ECMA-376 18.8.30): never written to numFmts.
BUILTIN_FORMATS = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10,
                   "0.00E+00": 11, "h:mm": 20, "h:mm:ss": 21, "@": 49}
# Children of styleSheet in schema order, for the lists that may be missing.
_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs")


def _key(el: etree._Element) -> tuple:
    """What makes two entries equal: names, attributes, text and children (where namespaces are declared aside)."""
    return (etree.QName(el).localname, tuple(sorted(el.attrib.items())), (el.text or "").strip(),
            tuple(_key(child) for child in el if isinstance(child.tag, str)))


class StyleBook:
    """The styles of one workbook: the original list entries kept, the tool's appended and reused."""

    def __init__(self, xml: bytes | None):
        self.root = etree.fromstring(xml) if xml else etree.fromstring(f'<styleSheet xmlns="{MAIN}"/>'.encode())
        self.changed = xml is None
        self._lists = {name: self._list(name) for name in ("numFmts", "fonts", "fills", "borders", "cellXfs")}
        self._index: dict[str, dict[tuple, int]] = {}
        self._made: dict[tuple, int] = {}
        self._severity: dict[int, str | None] = {}
        if not len(self._lists["fonts"]):
            self._add("fonts", etree.fromstring(f'<font xmlns="{MAIN}"><sz val="11"/><name val="Calibri"/></font>'))
        if not len(self._lists["fills"]):
            self._add("fills", etree.fromstring(f'<fill xmlns="{MAIN}"><patternFill patternType="none"/></fill>'))
        if not len(self._lists["borders"]):
            self._add("borders", etree.fromstring(f'<border xmlns="{MAIN}"><left/><right/><top/><bottom/>'
                                                  '<diagonal/></border>'))
        if not len(self._lists["cellXfs"]):
            self._add("cellXfs", etree.fromstring(f'<xf xmlns="{MAIN}" numFmtId="0" fontId="0" fillId="0" '
                                                  'borderId="0" xfId="0"/>'))

    def _list(self, name: str) -> etree._Element:
        found = self.root.find(_Q + name)
        if found is not None:
            return found
        el = etree.Element(_Q + name)
        later = set(_ORDER[_ORDER.index(name) + 1:])
        at = next((i for i, child in enumerate(self.root) if etree.QName(child).localname in later), len(self.root))
        self.root.insert(at, el)
        return el

    def _add(self, name: str, el: etree._Element) -> int:
        """Index of an entry equal to el in the list, appending it when there is none."""
        index = self._index.setdefault(name, {_key(e): i for i, e in enumerate(self._lists[name])})
        key = _key(el)
        if key not in index:
            self._lists[name].append(el)
            self._lists[name].set("count", str(len(self._lists[name])))
            index[key] = len(self._lists[name]) - 1
            self.changed = True
        return index[key]

    def to_bytes(self) -> bytes:
        """The styles part as it is now."""
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def number_format(self, code: str | None) -> int:
        """The numFmtId of a format code, appended to numFmts when the file has none for it."""
        if not code or code in BUILTIN_FORMATS:
            return BUILTIN_FORMATS.get(code or "General", 0)
        fmts = self._lists["numFmts"]
        for el in fmts:
            if el.get("formatCode") == code:
                return int(el.get("numFmtId"))
        new_id = max([163] + [int(el.get("numFmtId")) for el in fmts]) + 1
        el = etree.SubElement(fmts, _Q + "numFmt", numFmtId=str(new_id), formatCode=code)
        fmts.set("count", str(len(fmts)))
        self.changed = True
        return new_id

    def _bold_font(self) -> int:
        font = copy.deepcopy(self._lists["fonts"][0])  # the workbook's body font, bold
        for b in font.findall(_Q + "b"):
            font.remove(b)
        font.insert(0, etree.Element(_Q + "b"))
        return self._add("fonts", font)

    def _fill(self, rgb: str | None) -> int:
        if rgb is None:
            return self._add("fills", etree.fromstring(f'<fill xmlns="{MAIN}"><patternFill patternType="none"/></fill>'))
        return self._add("fills", etree.fromstring(
            f'<fill xmlns="{MAIN}"><patternFill patternType="solid"><fgColor rgb="{rgb}"/>'
            f'<bgColor rgb="{rgb}"/></patternFill></fill>'))

    def cell_xf(self, *, bold: bool = False, fill: str | None = None,
                align: tuple[str | None, str | None, bool] | None = None, number_format: str | None = None) -> int:
        """The cellXfs index of the tool's look: bold body font, a solid fill, an alignment, a format."""
        wanted = (bold, fill, align, number_format)
        if wanted not in self._made:
            xf = etree.Element(_Q + "xf", numFmtId=str(self.number_format(number_format)),
                               fontId=str(self._bold_font() if bold else 0),
                               fillId=str(self._fill(fill) if fill else 0), borderId="0", xfId="0")
            for attr, on in (("applyNumberFormat", number_format), ("applyFont", bold), ("applyFill", fill),
                             ("applyAlignment", align)):
                if on:
                    xf.set(attr, "1")
            if align:
                horizontal, vertical, wrap = align
                al = etree.SubElement(xf, _Q + "alignment")
                for attr, value in (("horizontal", horizontal), ("vertical", vertical), ("wrapText", "1" if wrap else None)):
                    if value:
                        al.set(attr, value)
            self._made[wanted] = self._add("cellXfs", xf)
        return self._made[wanted]

    def with_fill(self, xf: int, severity: str | None) -> int:
        """cellXfs index equal to xf but with the tool's error/warning fill (severity None: no fill)."""
        wanted = ("fill", xf, severity)
        if wanted not in self._made:
            xfs = self._lists["cellXfs"]
            el = copy.deepcopy(xfs[xf] if 0 <= xf < len(xfs) else xfs[0])
            el.set("fillId", str(self._fill(SEVERITY_RGB[severity] if severity else None)))
            el.set("applyFill", "1")
            self._made[wanted] = self._add("cellXfs", el)
        return self._made[wanted]

    def fill_of(self, xf: int) -> str | None:
        """'error' / 'warning' when cellXfs[xf] carries the tool's fill, else None."""
        if xf not in self._severity:
            self._severity[xf] = self._fill_severity(xf)
        return self._severity[xf]

    def _fill_severity(self, xf: int) -> str | None:
        xfs, fills = self._lists["cellXfs"], self._lists["fills"]
        if not 0 <= xf < len(xfs):
            return None
        fill_id = int(xfs[xf].get("fillId", "0"))
        if not 0 <= fill_id < len(fills):
            return None
        pattern = fills[fill_id].find(_Q + "patternFill")
        fg = pattern.find(_Q + "fgColor") if pattern is not None else None
        if pattern is None or pattern.get("patternType") != "solid" or fg is None:
            return None
        rgb = (fg.get("rgb") or "").upper()
        return next((sev for sev, ours in SEVERITY_RGB.items() if rgb == ours), None)

    def for_value(self, value: object) -> int:
        """cellXfs index for an appended cell holding value (dates dd/mm/yyyy; text wrapped, top)."""
        if value is None:
            return 0
        is_date = isinstance(value, (dt.date, dt.datetime))
        return self.cell_xf(align=WRAP_TOP, number_format=DATE_FORMAT if is_date else None)

    def header_xf(self, *, wrap: bool, number_format: str | None = None) -> int:
        """The header cells' look: bold, the header fill, centred and wrapped when asked."""
        return self.cell_xf(bold=True, fill=HEADER_FILL_RGB, align=CENTER_WRAP_TOP if wrap else None,
                            number_format=number_format)
