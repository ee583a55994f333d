"""A Đăng ký sheet as Excel 2016 writes it, with an Excel-2010 list validation pointing at another
sheet and a sparkline group in its extLst (the markup openpyxl drops), hand-written after Excel's own."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from patch_parts import rewrite, sheet_part

EXT_LST = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" '
    'xr:uid="{5E7A1C2B-0D3F-4B8E-9A61-2C4D5E6F7A81}"><x14:formula1><xm:f>\'Danh sách\'!$A$1:$A$3</xm:f>'
    '</x14:formula1><xm:sqref>C2:C200</xm:sqref></x14:dataValidation></x14:dataValidations></ext>'
    '<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    '<x14:sparklineGroup displayEmptyCellsAs="gap" xr2:uid="{1B2C3D4E-5F60-4718-8293-A4B5C6D7E8F9}">'
    '<x14:colorSeries theme="4" tint="-0.499984740745262"/><x14:colorNegative theme="5"/>'
    '<x14:colorAxis rgb="FF000000"/><x14:colorMarkers theme="4" tint="-0.499984740745262"/>'
    '<x14:colorFirst theme="4" tint="0.39997558519241921"/><x14:colorLast theme="4" tint="0.39997558519241921"/>'
    '<x14:colorHigh theme="4"/><x14:colorLow theme="4"/><x14:sparklines>'
    '<x14:sparkline><xm:f>\'Đăng ký\'!D2:F2</xm:f><xm:sqref>G2</xm:sqref></x14:sparkline>'
    '<x14:sparkline><xm:f>\'Đăng ký\'!D3:F3</xm:f><xm:sqref>G3</xm:sqref></x14:sparkline>'
    '</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>')


def _row(r: int, code: str, name: str, group: str, a: int, b: int, c: int) -> str:
    text = ''.join(f'<c r="{col}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
                   for col, v in (("A", code), ("B", name), ("C", group)))
    nums = ''.join(f'<c r="{col}{r}"><v>{v}</v></c>' for col, v in (("D", a), ("E", b), ("F", c)))
    return f'<row r="{r}" spans="1:7" x14ac:dyDescent="0.25">{text}{nums}</row>'


SHEET = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" '
    'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
    'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
    'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" '
    'xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" '
    'xr:uid="{00000000-0001-0000-0000-000000000000}">'
    '<dimension ref="A1:G3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">'
    '<selection activeCell="B2" sqref="B2"/></sheetView></sheetViews>'
    '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>'
    '<cols><col min="1" max="1" width="12.7109375" customWidth="1"/><col min="2" max="2" width="40.7109375" '
    'customWidth="1"/><col min="3" max="3" width="24.7109375" customWidth="1"/></cols>'
    '<sheetData><row r="1" spans="1:7" x14ac:dyDescent="0.25">'
    + ''.join(f'<c r="{col}1" t="inlineStr"><is><t>{v}</t></is></c>' for col, v in
              zip("ABCDEFG", ("Mã sản phẩm", "Tên sản phẩm", "Nhóm", "Năm 1", "Năm 2", "Năm 3", "Xu hướng")))
    + '</row>' + _row(2, "SP001", "Nón lá Chuông", "Thủ công mỹ nghệ", 3, 5, 4)
    + _row(3, "SP002", "Gốm Bát Tràng &amp; men rạn", "Chế biến nông lâm thủy sản", 7, 6, 9)
    + '</sheetData>'
    '<conditionalFormatting sqref="D2:F200"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan">'
    '<formula>8</formula></cfRule></conditionalFormatting>'
    '<dataValidations count="1"><dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" '
    'showErrorMessage="1" sqref="D2:F200" xr:uid="{2A3B4C5D-6E7F-4801-9234-B5C6D7E8F901}"><formula1>0</formula1>'
    '</dataValidation></dataValidations>'
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    + EXT_LST + '</worksheet>')


def x14_workbook(path: Path) -> Path:
    """A real package (openpyxl's) whose Đăng ký part is the Excel-2016 sheet above, with its list sheet."""
    base = path.with_name("base_" + path.name)
    wb = Workbook()
    ws = wb.active
    ws.title = "Đăng ký"
    ws["A1"] = "placeholder"
    lists = wb.create_sheet("Danh sách")
    for group in ("Thủ công mỹ nghệ", "Chế biến nông lâm thủy sản", "Sản phẩm khác"):
        lists.append([group])
    wb.save(base)
    with zipfile.ZipFile(base) as zf:
        part = sheet_part(zf, "Đăng ký")
        styles = zf.read("xl/styles.xml")
    # the conditional format's dxfId="0" needs one differential format, in its place in the schema's order
    dxfs = b'<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>'
    styles = re.sub(rb"<dxfs[^>]*/>|<dxfs[^>]*>.*?</dxfs>", b"", styles, flags=re.S)
    anchor = next(t for t in (b"<tableStyles", b"<colors", b"<extLst", b"</styleSheet>") if t in styles)
    styles = styles.replace(anchor, dxfs + anchor, 1)
    rewrite(base, path, {part: SHEET.encode(), "xl/styles.xml": styles})
    base.unlink()
    return path
