"""Package parts a person (or Excel) adds to a contest workbook, written by hand as valid OOXML.

Each function returns one part's bytes (or one element of a part), so other tests can reuse them:
a sheet of the person's own with formulas holding cached values, its shared strings, a bar chart
and its drawing, a pivot table with its cache definition and records, a custom XML item and its
properties, and the Excel-2010 (x14) list validation and sparkline group that go in a sheet's extLst.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
EXT_VALIDATIONS = "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"
EXT_SPARKLINES = "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"

PIVOT_ROW_LABEL = "Nhãn Hàng"
PIVOT_DATA_LABEL = "Tổng của Số sản phẩm"
PIVOT_GRAND = "Tổng Cuối"
CHART_TITLE = "Số sản phẩm theo nhóm của tôi"


@dataclass(frozen=True)
class PersonSheet:
    """What the person's sheet holds: product counts per group (formulas) and a list of communes."""

    name: str
    counts: tuple[tuple[str, int], ...]  # (group, number of registrations in it), rows 2..
    communes: tuple[str, ...]  # column G from row 2: the source of the x14 list validation

    @property
    def total_row(self) -> int:
        return len(self.counts) + 2

    def quoted(self) -> str:
        """The sheet's name as formulas write it."""
        return "'" + self.name.replace("'", "''") + "'"

    def strings(self) -> list[str]:
        """Every text of the sheet, in the order of the shared string table."""
        heads = ["Nhóm sản phẩm", "Số sản phẩm", "Tổng", "Xã/phường", PIVOT_ROW_LABEL, PIVOT_DATA_LABEL, PIVOT_GRAND]
        return heads + [g for g, _ in self.counts] + list(self.communes)


def shared_strings(sheet: PersonSheet) -> bytes:
    """xl/sharedStrings.xml holding the person's texts."""
    items = "".join(f"<si><t>{escape(s)}</t></si>" for s in sheet.strings())
    n = len(sheet.strings())
    return (XML_HEAD + f'<sst xmlns="{MAIN}" count="{n}" uniqueCount="{n}">{items}</sst>').encode()


def _s(ref: str, sheet: PersonSheet, text: str, style: int = 0) -> str:
    return f'<c r="{ref}" s="{style}" t="s"><v>{sheet.strings().index(text)}</v></c>'


def _row(r: int, cells: list[str]) -> str:
    return f'<row r="{r}">{"".join(cells)}</row>'


def person_sheet_xml(sheet: PersonSheet, registrations_ref: str) -> bytes:
    """The person's worksheet: COUNTIF formulas over Đăng ký with cached values, a SUM, the pivot's output, the communes."""
    rows: dict[int, list[str]] = {1: [_s("A1", sheet, "Nhóm sản phẩm"), _s("B1", sheet, "Số sản phẩm"),
                                      _s("D1", sheet, PIVOT_ROW_LABEL), _s("E1", sheet, PIVOT_DATA_LABEL),
                                      _s("G1", sheet, "Xã/phường")]}
    for i, (group, count) in enumerate(sheet.counts, 2):
        rows[i] = [_s(f"A{i}", sheet, group),
                   f'<c r="B{i}"><f>COUNTIF({registrations_ref},A{i})</f><v>{count}</v></c>',
                   _s(f"D{i}", sheet, group), f'<c r="E{i}"><v>{count}</v></c>']
    t = sheet.total_row
    total = sum(c for _, c in sheet.counts)
    rows.setdefault(t, []).extend([_s(f"A{t}", sheet, "Tổng"), f'<c r="B{t}"><f>SUM(B2:B{t - 1})</f><v>{total}</v></c>',
                                   _s(f"D{t}", sheet, PIVOT_GRAND), f'<c r="E{t}"><v>{total}</v></c>'])
    for i, commune in enumerate(sheet.communes, 2):
        rows.setdefault(i, []).append(_s(f"G{i}", sheet, commune))
    last = max(t, len(sheet.communes) + 1)
    data = "".join(_row(r, rows[r]) for r in sorted(rows))
    return (XML_HEAD + f'<worksheet xmlns="{MAIN}" xmlns:r="{REL_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<dimension ref="A1:G{last}"/>'
            '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
            '<cols><col min="1" max="1" width="40" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/>'
            '<col min="3" max="3" width="3" customWidth="1"/><col min="4" max="4" width="40" customWidth="1"/>'
            '<col min="5" max="5" width="20" customWidth="1"/><col min="6" max="6" width="3" customWidth="1"/>'
            '<col min="7" max="7" width="16" customWidth="1"/></cols>'
            f'<sheetData>{data}</sheetData>'
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
            '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="1"/><drawing r:id="rId1"/>'
            '</worksheet>').encode()


def relationships(rels: list[tuple[str, str, str]]) -> bytes:
    """A .rels part from (Id, type's last path segment, target)."""
    body = "".join(f'<Relationship Id="{i}" Type="{REL_NS}/{t}" Target={quoteattr(target)}/>' for i, t, target in rels)
    return (XML_HEAD + f'<Relationships xmlns="{PKG_REL_NS}">{body}</Relationships>').encode()


def drawing_xml() -> bytes:
    """xl/drawings/drawingN.xml: one chart anchored under the person's table (rows 10-27, columns A-F)."""
    return (XML_HEAD +
            '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>'
            '<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>9</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>'
            '<xdr:to><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>27</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>'
            '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/>'
            '</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            f'<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="{REL_NS}" r:id="rId1"/>'
            '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>').encode()


def _str_cache(texts: list[str]) -> str:
    pts = "".join(f'<c:pt idx="{i}"><c:v>{escape(t)}</c:v></c:pt>' for i, t in enumerate(texts))
    return f'<c:strCache><c:ptCount val="{len(texts)}"/>{pts}</c:strCache>'


def chart_xml(sheet: PersonSheet) -> bytes:
    """xl/charts/chartN.xml: a column chart of the counts per group, with its cached values and a title."""
    last = sheet.total_row - 1
    nums = "".join(f'<c:pt idx="{i}"><c:v>{c}</c:v></c:pt>' for i, (_, c) in enumerate(sheet.counts))
    series = (f'<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>{escape(sheet.quoted())}!$B$1</c:f>'
              f'{_str_cache(["Số sản phẩm"])}</c:strRef></c:tx><c:invertIfNegative val="0"/>'
              f'<c:cat><c:strRef><c:f>{escape(sheet.quoted())}!$A$2:$A${last}</c:f>{_str_cache([g for g, _ in sheet.counts])}'
              f'</c:strRef></c:cat><c:val><c:numRef><c:f>{escape(sheet.quoted())}!$B$2:$B${last}</c:f><c:numCache>'
              f'<c:formatCode>General</c:formatCode><c:ptCount val="{len(sheet.counts)}"/>{nums}</c:numCache>'
              '</c:numRef></c:val></c:ser>')
    axes = ('<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
            '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>'
            '<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
            '<c:lblOffset val="100"/></c:catAx><c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/>'
            '</c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" '
            'sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/>'
            '<c:crossBetween val="between"/></c:valAx>')
    title = (f'<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>{escape(CHART_TITLE)}</a:t></a:r></a:p></c:rich></c:tx>'
             '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>')
    return (XML_HEAD + '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
            f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="{REL_NS}">'
            f'<c:roundedCorners val="0"/><c:chart>{title}<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/>'
            f'<c:grouping val="clustered"/><c:varyColors val="0"/>{series}<c:gapWidth val="150"/>'
            f'<c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>{axes}</c:plotArea>'
            '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>'
            '<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>').encode()


def pivot_cache_definition(sheet: PersonSheet) -> bytes:
    """xl/pivotCache/pivotCacheDefinitionN.xml over the person's A1:B(last group) (records through rId1)."""
    counts = [c for _, c in sheet.counts]
    groups = "".join(f"<s v={quoteattr(g)}/>" for g, _ in sheet.counts)
    return (XML_HEAD + f'<pivotCacheDefinition xmlns="{MAIN}" xmlns:r="{REL_NS}" r:id="rId1" refreshOnLoad="0" '
            f'createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="{len(counts)}">'
            f'<cacheSource type="worksheet"><worksheetSource ref="A1:B{sheet.total_row - 1}" sheet={quoteattr(sheet.name)}/>'
            f'</cacheSource><cacheFields count="2"><cacheField name="Nhóm sản phẩm" numFmtId="0">'
            f'<sharedItems count="{len(counts)}">{groups}</sharedItems></cacheField>'
            '<cacheField name="Số sản phẩm" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" '
            f'containsNumber="1" containsInteger="1" minValue="{min(counts)}" maxValue="{max(counts)}"/></cacheField>'
            '</cacheFields></pivotCacheDefinition>').encode()


def pivot_cache_records(sheet: PersonSheet) -> bytes:
    """xl/pivotCache/pivotCacheRecordsN.xml: one record per group (its shared item, its count)."""
    recs = "".join(f'<r><x v="{i}"/><n v="{c}"/></r>' for i, (_, c) in enumerate(sheet.counts))
    return (XML_HEAD + f'<pivotCacheRecords xmlns="{MAIN}" xmlns:r="{REL_NS}" count="{len(sheet.counts)}">{recs}'
            '</pivotCacheRecords>').encode()


def pivot_table(sheet: PersonSheet, cache_id: int) -> bytes:
    """xl/pivotTables/pivotTableN.xml: groups as rows, the sum of counts as data, at D1 of the person's sheet."""
    n = len(sheet.counts)
    items = "".join(f'<item x="{i}"/>' for i in range(n)) + '<item t="default"/>'
    row_items = "<i><x/></i>" + "".join(f'<i><x v="{i}"/></i>' for i in range(1, n)) + '<i t="grand"><x/></i>'
    return (XML_HEAD + f'<pivotTableDefinition xmlns="{MAIN}" name="PivotTable1" cacheId="{cache_id}" '
            'applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" '
            'applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Giá trị" updatedVersion="6" '
            'minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" '
            f'outline="1" outlineData="1" multipleFieldFilters="0" rowHeaderCaption={quoteattr(PIVOT_ROW_LABEL)}>'
            f'<location ref="D1:E{n + 2}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>'
            f'<pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="{n + 1}">{items}</items>'
            '</pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/>'
            f'</rowFields><rowItems count="{n + 1}">{row_items}</rowItems><colItems count="1"><i/></colItems>'
            f'<dataFields count="1"><dataField name={quoteattr(PIVOT_DATA_LABEL)} fld="1" baseField="0" baseItem="0"/>'
            '</dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" '
            'showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>').encode()


CUSTOM_XML_ITEM_ID = "{6F0C2D6E-3B1A-4C8E-9F21-7A5D0B4E9C13}"
CUSTOM_XML_NS = "urn:so-cong-thuong:ho-so-binh-chon"


def custom_xml_item() -> bytes:
    """customXml/item1.xml: a record-keeping item of the kind a document-management system adds."""
    return (XML_HEAD + f'<hoSo xmlns="{CUSTOM_XML_NS}"><maHoSo>BG-2019-CNNT-07</maHoSo>'
            '<nguoiLap>Nguyễn Thị Thu Hương</nguoiLap><doMat>Thường</doMat></hoSo>').encode()


def custom_xml_props() -> bytes:
    """customXml/itemProps1.xml: the item's id and schema reference."""
    ds = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
    return (XML_HEAD + f'<ds:datastoreItem ds:itemID="{CUSTOM_XML_ITEM_ID}" xmlns:ds="{ds}"><ds:schemaRefs>'
            f'<ds:schemaRef ds:uri="{CUSTOM_XML_NS}"/></ds:schemaRefs></ds:datastoreItem>').encode()


def x14_list_validation(source: str, sqref: str) -> str:
    """An extLst <ext> with an Excel-2010 list validation on sqref whose items are the range source (another sheet)."""
    return (f'<ext xmlns:x14="{X14}" uri="{EXT_VALIDATIONS}"><x14:dataValidations xmlns:xm="{XM}" count="1">'
            '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">'
            f'<x14:formula1><xm:f>{escape(source)}</xm:f></x14:formula1><xm:sqref>{sqref}</xm:sqref>'
            '</x14:dataValidation></x14:dataValidations></ext>')


def x14_sparklines(source: str, cell: str) -> str:
    """An extLst <ext> with one sparkline group: a column sparkline in cell over the range source."""
    colours = "".join(f'<x14:{k} rgb="{v}"/>' for k, v in (
        ("colorSeries", "FF376092"), ("colorNegative", "FFD00000"), ("colorAxis", "FF000000"),
        ("colorMarkers", "FFD00000"), ("colorFirst", "FFD00000"), ("colorLast", "FFD00000"),
        ("colorHigh", "FFD00000"), ("colorLow", "FFD00000")))
    return (f'<ext xmlns:x14="{X14}" uri="{EXT_SPARKLINES}"><x14:sparklineGroups xmlns:xm="{XM}">'
            f'<x14:sparklineGroup type="column" displayEmptyCellsAs="gap">{colours}<x14:sparklines><x14:sparkline>'
            f'<xm:f>{escape(source)}</xm:f><xm:sqref>{cell}</xm:sqref></x14:sparkline></x14:sparklines>'
            '</x14:sparklineGroup></x14:sparklineGroups></ext>')


def conditional_formatting(sqref: str, dxf_id: int) -> str:
    """A person's conditional format: cells of sqref below 1 in the dxf's style."""
    return (f'<conditionalFormatting xmlns="{MAIN}" sqref="{sqref}"><cfRule type="cellIs" dxfId="{dxf_id}" '
            'priority="1" operator="lessThan"><formula>1</formula></cfRule></conditionalFormatting>')
