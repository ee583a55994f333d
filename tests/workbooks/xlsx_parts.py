"""A workbook built from hand-written package parts: every kind of cell a reader can meet in one sheet."""

from __future__ import annotations

import zipfile
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""

ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""

BOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG}">
<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/>
<Relationship Id="rId4" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""

# cellXfs index -> numFmtId: 1 d/m/y builtin, 2-6 and 9 custom dates/times, 7-8 numbers, 10 text, 11-13 builtins
FORMATS = {164: "dd/mm/yyyy", 165: "[h]:mm:ss", 166: "hh:mm", 167: "dd/mm/yyyy hh:mm:ss", 168: '"Ngày "dd"/"mm',
           169: "0.00", 170: "#,##0", 171: "[$-42A]dd/mm/yyyy", 172: "@"}
XF_FORMATS = [0, 14, 164, 165, 166, 167, 168, 169, 170, 171, 172, 22, 47, 46]


def _styles() -> str:
    fmts = "".join(f'<numFmt numFmtId="{i}" formatCode="{code.replace(chr(34), "&quot;")}"/>'
                   for i, code in FORMATS.items())
    xfs = "".join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0"'
                  f'{" applyNumberFormat=" + chr(34) + "1" + chr(34) if n else ""}/>' for n in XF_FORMATS)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{MAIN}">'
            f'<numFmts count="{len(FORMATS)}">{fmts}</numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(XF_FORMATS)}">{xfs}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _shared(escaped: bool) -> str:
    items = ["<si><t>Văn bản</t></si>",
             '<si><r><rPr><b/></rPr><t>Đậm</t></r><r><t xml:space="preserve"> thường</t></r></si>',
             "<si><t/></si>",
             '<si><t xml:space="preserve">  cách  </t></si>',
             "<si><t>0912345678</t></si>",
             "<si><t>A &amp; B &lt;C&gt;</t></si>",
             "<si><t>Dòng 1_x000D_\nDòng 2</t></si>" if escaped else "<si><t>Dòng 1\nDòng 2</t></si>"]
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<sst xmlns="{MAIN}" count="{len(items)}" uniqueCount="{len(items)}">{"".join(items)}</sst>')


ROWS = [
    '<c r="A1"><v>1</v></c><c r="B1"><v>2.5</v></c><c r="C1"><v>2025.0</v></c><c r="D1"><v>1E+20</v></c>'
    '<c r="E1"><v>-0.5</v></c><c r="F1"><v>12345678901234567890</v></c><c r="G1"><v>-7</v></c>',
    '<c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c>'
    '<c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c><c r="F2" t="s"><v>5</v></c><c r="G2" t="s"><v>6</v></c>',
    '<c r="A3" t="inlineStr"><is><t>Nội tuyến</t></is></c><c r="B3" t="inlineStr"><is><t/></is></c>'
    '<c r="C3" t="inlineStr"></c><c r="D3" t="inlineStr"><is><r><t xml:space="preserve">ghép </t></r><r><t>hai</t></r></is></c>',
    '<c r="A4" t="b"><v>1</v></c><c r="B4" t="b"><v>0</v></c><c r="C4" t="e"><v>#DIV/0!</v></c>'
    '<c r="D4" t="e"><f>NA()</f><v>#N/A</v></c><c r="E4" t="b"><f>A1=1</f><v>1</v></c><c r="F4" t="e"/>'
    '<c r="G4" t="n"><v>5</v></c>',
    '<c r="A5"><f>A1*2</f><v>2</v></c><c r="B5"><f>SUM(A1:A2)</f></c>'
    '<c r="C5" t="str"><f>IF(A1&gt;5,"x","")</f><v></v></c><c r="D5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
    '<c r="E5"><f t="shared" ref="E5:F5" si="0">A1+1</f></c><c r="F5"><f t="shared" si="0"/></c>'
    '<c r="G5" t="str"><f>"x"</f><v/></c>',
    '<c r="A6" s="1"><v>43784</v></c><c r="B6" s="2"><v>43784</v></c><c r="C6" s="4"><v>0.5625</v></c>'
    '<c r="D6" s="5"><v>43784.5</v></c><c r="E6" s="3"><v>1.25</v></c><c r="F6" s="6"><v>43784</v></c>'
    '<c r="G6" s="9"><v>43784</v></c><c r="H6" s="11"><v>43784.75</v></c><c r="I6" s="12"><v>0.5</v></c>'
    '<c r="J6" s="13"><v>1.5</v></c><c r="K6" s="1"><v>1</v></c><c r="L6" s="1"><v>61</v></c>',
    '<c r="A7" s="7"><v>3.14159</v></c><c r="B7" s="8"><v>1234567</v></c><c r="C7" s="10"><v>42</v></c>'
    '<c r="D7" s="10" t="s"><v>4</v></c>',
    '<c r="A8" t="s"><v>0</v></c><c r="B8" s="7"/>',
    '<c r="A10" t="inlineStr"><is><t xml:space="preserve">  </t></is></c><c r="C10"><v>0</v></c>',
    '<c r="A12" t="inlineStr"><is><t xml:space="preserve"> </t></is></c><c r="Z30" s="7"/>',
]


def _sheet(rows: list[str], merges: str = "") -> str:
    data = "".join(f'<row r="{_row_number(r)}">{r}</row>' for r in rows)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
            f'<dimension ref="A1:Z30"/><sheetData>{data}</sheetData>{merges}</worksheet>')


def _row_number(row: str) -> int:
    coordinate = row.split('r="', 1)[1].split('"', 1)[0]
    return int("".join(ch for ch in coordinate if ch.isdigit()))


def handmade_workbook(path: Path, *, date1904: bool = False, escaped: bool = False) -> Path:
    """Write the package to path: sheet Kiểu (every kind of cell, merges) and a hidden sheet Ẩn."""
    path.parent.mkdir(parents=True, exist_ok=True)
    book = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            f'<workbookPr{" date1904=" + chr(34) + "1" + chr(34) if date1904 else ""}/><sheets>'
            '<sheet name="Kiểu" sheetId="1" r:id="rId1"/><sheet name="Ẩn" sheetId="2" state="hidden" r:id="rId2"/>'
            "</sheets></workbook>")
    merges = '<mergeCells count="2"><mergeCell ref="A8:C9"/><mergeCell ref="D7:E8"/></mergeCells>'
    hidden = ['<c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c>', '<c r="C3"><f>B1*3</f><v>21</v></c>']
    if escaped:  # spaces kept by openpyxl though not marked xml:space="preserve" (calamine trims them)
        hidden.append('<c r="A4" t="inlineStr"><is><r><t>ghép </t></r><r><t>hai</t></r></is></c>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", book)
        zf.writestr("xl/_rels/workbook.xml.rels", BOOK_RELS)
        zf.writestr("xl/styles.xml", _styles())
        zf.writestr("xl/sharedStrings.xml", _shared(escaped))
        zf.writestr("xl/worksheets/sheet1.xml", _sheet(ROWS, merges))
        zf.writestr("xl/worksheets/sheet2.xml", _sheet(hidden))
    return path
