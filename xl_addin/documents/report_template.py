"""The summary report's Word template (document_templates/report.docx): the Decree 30 frame around the parts.

Staff may edit the frame in Word (agency, headings, recipients, signature); the parts I–III and
the annex, built from the register's figures, take the place of the paragraphs {{ part_1 }} … {{ appendix }}.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .layout import CENTER, JUSTIFY, LEFT, Run, fill, motto_block, new_document, paragraph, rule_line, table

REPORT = "report.docx"
REPORT_FIELDS: dict = dict.fromkeys((
    "authority", "agency", "report_no", "date_line", "title", "intro", "part_1", "part_2", "part_3",
    "appendix", "appendix_title", "signer_title", "signer", "province", "period",
))
BODY_PT = 14
HEADING = dict(align=JUSTIFY, before=12, after=0, indent_cm=1.0)
BLANK = "…………………………………………………………………………………………………"


def _page_numbers(doc) -> None:
    """Page numbers top centre from page 2 (Decree 30): an empty first-page header, a PAGE field after."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "28")
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    p._p.append(field)


def _signature(doc) -> None:
    """Recipients on the left, the signer's title and room to sign on the right."""
    t = table(doc, 1, [7.5, 9.0], grid=False)
    left, right = t.rows[0].cells
    fill(left, Run("Nơi nhận:", bold=True, italic=True, size=12), align=LEFT, middle=False)
    for line in ("- Bộ Công Thương (Cục Công Thương địa phương);", "- UBND tỉnh;", "- Trung tâm Khuyến công;",
                 "- Lưu: VT."):
        paragraph(left, Run(line, size=11), align=LEFT)
    fill(right, Run("{{ signer_title }}", bold=True, caps=True), middle=False)
    for _ in range(4):
        paragraph(right, "")
    paragraph(right, Run("{{ signer }}", bold=True))


def _heading(doc, text: str):
    """A bold heading kept on the page of what follows it."""
    p = paragraph(doc, Run(text, bold=True), **HEADING)
    p.paragraph_format.keep_with_next = True
    return p


def build_report(path: Path) -> None:
    """Write the report template: motto block, title, parts I–IV, signature, then the annex on a new page."""
    from .build_templates import _save  # the same fixed metadata as the other templates

    doc = new_document(body_pt=BODY_PT)
    _page_numbers(doc)
    motto_block(doc, [Run("{{ authority }}", caps=True, size=13), Run("{{ agency }}", bold=True, caps=True, size=13)],
                [[Run("Số: ", size=13), Run("{{ report_no }}", size=13)]],
                [[Run("{{ date_line }}", italic=True)]], widths_cm=(6.8, 9.7))
    paragraph(doc, Run("BÁO CÁO", bold=True), before=18)
    paragraph(doc, Run("{{ title }}", bold=True))
    rule_line(doc, 6.5)
    paragraph(doc, Run("{{ intro }}"), align=JUSTIFY, before=12, indent_cm=1.0, line=1.15)
    for heading, part in (("I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "part_1"), ("II. KẾT QUẢ", "part_2"),
                          ("III. TỒN TẠI, HẠN CHẾ", "part_3")):
        _heading(doc, heading)
        paragraph(doc, Run(f"{{{{ {part} }}}}"), align=LEFT)
    _heading(doc, "IV. PHƯƠNG HƯỚNG, KIẾN NGHỊ")
    for sub in ("1. Phương hướng, nhiệm vụ thời gian tới", "2. Kiến nghị, đề xuất"):
        _heading(doc, sub)
        paragraph(doc, BLANK, align=JUSTIFY, before=6, indent_cm=1.0, line=1.15)
    paragraph(doc, "", after=6)
    _signature(doc)
    p = paragraph(doc, "")
    p.runs[0].add_break(WD_BREAK.PAGE) if p.runs else p.add_run().add_break(WD_BREAK.PAGE)
    paragraph(doc, Run("PHỤ LỤC", bold=True))
    paragraph(doc, Run("{{ appendix_title }}", bold=True))
    paragraph(doc, [Run("(Kèm theo Báo cáo số ", italic=True), Run("{{ report_no }}", italic=True),
                    Run(" của ", italic=True), Run("{{ agency }}", italic=True), Run(")", italic=True)], after=6)
    paragraph(doc, Run("{{ appendix }}"), align=LEFT)
    doc.styles["Normal"].paragraph_format.space_after = Pt(0)
    _save(doc, path)
