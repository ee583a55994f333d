"""The fixed parts of a judge's workbook package, written as XML text (no openpyxl): styles, theme,
content types, relationships, workbook, properties, the very hidden sheets, and the zip itself.

The parts are those openpyxl wrote for the same workbook, so that Excel, LibreOffice and openpyxl
see the same file; `scoring_sheet.py` writes the Phiếu chấm sheet, `judge_workbook.py` puts them together.
"""

from __future__ import annotations

import datetime as dt
import time
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from ..domain.tables import Rows
from ..zip_copy import ZipCopy
from .cell_values import clean_value
from .sheet_writer import cell_xml
from .sheet_xml import MAIN, REL_NS, column_letter

DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument."
_SHEET_CT = _CT + "spreadsheetml.worksheet+xml"
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                         "\t": "&#9;"})
_FINAL_BLOCK = b"\x03\x00"  # an empty last block (fixed Huffman): the end of a deflate stream
_TEXT_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})

# The cellXfs of the Phiếu chấm sheet, in the order of STYLES below.
TITLE_13, TITLE_16, LINE, INSTRUCTIONS, HEADER, NUMBER, TEXT, SCORE, BOLD, GREY_NUMBER, GREY_TEXT, GREY_BOLD, \
    SIGN_ITALIC, SIGN_BOLD = range(1, 15)
_FONT = '<font><name val="Times New Roman"/>{b}{i}{color}<sz val="{size}"/></font>'
_FONTS = [(True, False, None, 13), (True, False, None, 16), (False, False, None, 12), (False, True, None, 11),
          (True, False, None, 12), (False, True, "FF595959", 12), (True, True, "FF595959", 12), (False, True, None, 12)]
_ALIGN = {"c": '<alignment horizontal="center" vertical="top" wrapText="1"/>',
          "l": '<alignment horizontal="left" vertical="top" wrapText="1"/>',
          "h": '<alignment horizontal="center" vertical="center" wrapText="1"/>',
          "t": '<alignment vertical="top" wrapText="1"/>'}
# (font, fill, border, alignment, unlocked) of each cellXfs entry after the default one.
_XFS = [(1, 0, 0, "c", False), (2, 0, 0, "c", False), (3, 0, 0, "c", False), (4, 0, 0, "l", False),
        (5, 2, 1, "h", False), (3, 0, 1, "c", False), (3, 0, 1, "t", False), (3, 0, 1, "t", True),
        (5, 0, 1, "c", False), (6, 3, 1, "c", False), (6, 3, 1, "t", False), (7, 3, 1, "c", False),
        (8, 0, 0, "c", False), (5, 0, 0, "c", False)]
_UNLOCKED = '<protection locked="0" hidden="0"/>'
_SIDE = '<{side} style="thin"><color rgb="FF808080"/></{side}>'
_FILL = '<fill><patternFill patternType="solid"><fgColor rgb="{rgb}"/><bgColor rgb="{rgb}"/></patternFill></fill>'
_SHEET_PROTECTION = ('<sheetProtection selectLockedCells="0" selectUnlockedCells="0" sheet="1" objects="0" '
                     'insertRows="1" insertHyperlinks="1" autoFilter="1" scenarios="0" formatColumns="{cols}" '
                     'deleteColumns="1" insertColumns="1" pivotTables="1" deleteRows="1" formatCells="1" '
                     'formatRows="{rows}" sort="1"/>')
SHEET_PR = '<sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr{fit}/></sheetPr>'
SHEET_FORMAT = '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'


def attr(value: object) -> str:
    """A value escaped for an XML attribute."""
    return str(value).translate(_ESCAPE)


def text(value: object) -> str:
    """A value escaped for XML element text."""
    return str(value).translate(_TEXT_ESCAPE)


def value_cell(ref: str, value: object, xf: int = 0) -> str:
    """One cell holding a value as the tool stores user text (sheet_writer.cell_xml, quicker for plain text)."""
    value = clean_value(value)  # an inline string is never read as a formula: no guard needed
    if type(value) is not str:
        return cell_xml(ref, value, xf)
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    style = f' s="{xf}"' if xf else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'


def sheet_protection(*, format_rows_and_columns: bool) -> str:
    """<sheetProtection> as openpyxl wrote it (no password); judges may widen columns and rows when asked."""
    allowed = "0" if format_rows_and_columns else "1"  # "0" = not protected = allowed
    return _SHEET_PROTECTION.format(cols=allowed, rows=allowed)


@lru_cache(maxsize=1)
def styles_xml() -> bytes:
    """styles.xml: the body font, the header fill, the grey of conflicted rows, thin grey borders."""
    fonts = ['<font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/>'
             '</font>'] + [_FONT.format(b='<b val="1"/>' if b else "", i='<i val="1"/>' if i else "",
                                        color=f'<color rgb="{c}"/>' if c else "", size=s) for b, i, c, s in _FONTS]
    fills = ['<fill><patternFill/></fill>', '<fill><patternFill patternType="gray125"/></fill>',
             _FILL.format(rgb="FFDDEBF7"), _FILL.format(rgb="FFD9D9D9")]
    thin = "".join(_SIDE.format(side=s) for s in ("left", "right", "top", "bottom"))
    borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>", f"<border>{thin}</border>"]
    xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/>']
    for font, fill, border, align, unlocked in _XFS:
        protect, lock = (' applyProtection="1"', _UNLOCKED) if unlocked else ("", "")
        xfs.append(f'<xf numFmtId="0" fontId="{font}" fillId="{fill}" borderId="{border}" applyAlignment="1"'
                   f'{protect} pivotButton="0" quotePrefix="0" xfId="0">{_ALIGN[align]}{lock}</xf>')
    return (f'{DECLARATION}<styleSheet xmlns="{MAIN}"><numFmts count="0"/>'
            f'<fonts count="{len(fonts)}">{"".join(fonts)}</fonts><fills count="{len(fills)}">{"".join(fills)}</fills>'
            f'<borders count="{len(borders)}">{"".join(borders)}</borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles>'
            '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>'
            '</styleSheet>').encode()


@lru_cache(maxsize=1)
def theme_xml() -> bytes:
    """The Office theme the body font's colour refers to."""
    return (Path(__file__).with_name("office_theme.xml")).read_bytes()


def content_types(sheets: int) -> bytes:
    """[Content_Types].xml of a package with `sheets` worksheets."""
    overrides = [("/xl/workbook.xml", _CT + "spreadsheetml.sheet.main+xml"),
                 ("/xl/styles.xml", _CT + "spreadsheetml.styles+xml"), ("/xl/theme/theme1.xml", _CT + "theme+xml"),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                 ("/docProps/app.xml", _CT + "extended-properties+xml")]
    overrides += [(f"/xl/worksheets/sheet{i}.xml", _SHEET_CT) for i in range(1, sheets + 1)]
    body = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return (f'{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{body}</Types>').encode()


def _relationships(rels: Iterable[tuple[str, str]]) -> bytes:
    body = "".join(f'<Relationship Type="{t}" Target="{target}" Id="rId{i}"/>'
                   for i, (t, target) in enumerate(rels, start=1))
    return f'{DECLARATION}<Relationships xmlns="{_PKG_RELS}">{body}</Relationships>'.encode()


def package_rels() -> bytes:
    """_rels/.rels: the workbook and the two property parts."""
    return _relationships([(_DOC_RELS + "/officeDocument", "xl/workbook.xml"),
                           (_PKG_RELS + "/metadata/core-properties", "docProps/core.xml"),
                           (_DOC_RELS + "/extended-properties", "docProps/app.xml")])


def workbook_rels(sheets: int) -> bytes:
    """xl/_rels/workbook.xml.rels: the worksheets (rId1…), then styles and theme."""
    rels = [(_DOC_RELS + "/worksheet", f"/xl/worksheets/sheet{i}.xml") for i in range(1, sheets + 1)]
    return _relationships(rels + [(_DOC_RELS + "/styles", "styles.xml"), (_DOC_RELS + "/theme", "theme/theme1.xml")])


def workbook_xml(sheets: Sequence[tuple[str, str]], names: Sequence[tuple[str, str]]) -> bytes:
    """xl/workbook.xml: (name, state) sheets, the first one's defined names, structure locked, full recalc."""
    tabs = "".join(f'<sheet name="{attr(name)}" sheetId="{i}" state="{state}" r:id="rId{i}"/>'
                   for i, (name, state) in enumerate(sheets, start=1))
    defined = "".join(f'<definedName name="{n}" localSheetId="0">{text(v)}</definedName>' for n, v in names)
    return (f'{DECLARATION}<workbook xmlns="{MAIN}" xmlns:r="{REL_NS}"><workbookPr/>'
            '<workbookProtection lockStructure="1"/><bookViews><workbookView visibility="visible" minimized="0" '
            'showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" '
            f'activeTab="0" autoFilterDateGrouping="1"/></bookViews><sheets>{tabs}</sheets>'
            f'<definedNames>{defined}</definedNames><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>').encode()


def app_xml() -> bytes:
    """docProps/app.xml."""
    return (f'{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
            'properties"><Application>Microsoft Excel Compatible / binhchon</Application>'
            '<AppVersion>3.1</AppVersion></Properties>').encode()


def core_xml(title: str, subject: str | None = None, identifier: str | None = None) -> bytes:
    """docProps/core.xml: made by binhchon now, with a title (and subject and identifier when given)."""
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    dc = ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
    terms = ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    parts = [f"<dc:creator{dc}>binhchon</dc:creator>", f"<dc:title{dc}>{text(title)}</dc:title>"]
    parts += [f"<dc:{tag}{dc}>{text(v)}</dc:{tag}>" for tag, v in (("subject", subject), ("identifier", identifier))
              if v]
    parts += [f'<dcterms:{tag}{terms} xsi:type="dcterms:W3CDTF">{now}</dcterms:{tag}>'
              for tag in ("created", "modified")]
    return (f'{DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            f'core-properties">{"".join(parts)}</cp:coreProperties>').encode()


def hidden_sheet(rows: Rows) -> bytes:
    """A protected worksheet of plain rows (the tool's own, for a very hidden sheet)."""
    out, width = [], max((len(row) for row in rows), default=1)
    letters = [column_letter(c) for c in range(1, width + 1)]
    for r, row in enumerate(rows, start=1):
        cells = "".join(value_cell(f"{letters[c]}{r}", v) for c, v in enumerate(row) if v is not None)
        out.append(f'<row r="{r}">{cells}</row>')
    return (f'{DECLARATION}<worksheet xmlns="{MAIN}">{SHEET_PR.format(fit="")}'
            f'<dimension ref="A1:{column_letter(width)}{max(len(rows), 1)}"/>'
            '<sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView>'
            f'</sheetViews>{SHEET_FORMAT}<sheetData>{"".join(out)}</sheetData>'
            f'{sheet_protection(format_rows_and_columns=False)}'
            '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>'
            ).encode()


class Deflater:
    """Raw deflate streams of parts made of chunks; a chunk with a key is compressed once and reused.

    Each chunk ends with a full flush (byte-aligned, no back-reference across it), so compressed
    chunks can follow one another in any part, as pigz joins its blocks."""

    def __init__(self, level: int = 6):
        self.level = level
        self._done: dict[object, bytes] = {}

    def _deflate(self, data: bytes) -> bytes:
        z = zlib.compressobj(self.level, zlib.DEFLATED, -15)
        return z.compress(data) + z.flush(zlib.Z_FULL_FLUSH)

    def part(self, name: str, chunks: Iterable[tuple[object, bytes]]) -> Entry:
        """The zip entry of a part whose bytes are the chunks' in order ((key or None, bytes) each)."""
        crc, size, out = 0, 0, []
        for key, data in chunks:
            crc, size = zlib.crc32(data, crc), size + len(data)
            if key is None:
                out.append(self._deflate(data))
            else:
                if key not in self._done:
                    self._done[key] = self._deflate(data)
                out.append(self._done[key])
        out.append(_FINAL_BLOCK)
        return Entry(name, crc, size, b"".join(out))


@dataclass(frozen=True)
class Entry:
    """One deflated member of a zip: its name, CRC-32, size and compressed bytes."""

    name: str
    crc: int
    size: int
    data: bytes


def zip_package(entries: Sequence[Entry]) -> bytes:
    """The .xlsx (zip) bytes of deflated entries, in the order given, dated now."""
    now = time.localtime(time.time())[:6]
    package = ZipCopy(b"")
    for e in entries:
        package.deflated(zipfile.ZipInfo(e.name, now), e.crc, e.data, e.size)
    return package.to_bytes()
