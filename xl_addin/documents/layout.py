"""python-docx building blocks for the templates: Decree 30 page set-up, motto block, tables."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

FONT = "Times New Roman"
BODY_PT = 14
CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Run:
    """A run of text with its character formatting (a Jinja tag is always one whole run)."""

    text: str
    bold: bool = False
    italic: bool = False
    caps: bool = False
    size: float | None = None
    color: str | None = None  # "RRGGBB"


def new_document(landscape: bool = False, body_pt: float = BODY_PT) -> DocumentObject:
    """An A4 document in Times New Roman with the margins of Decree 30/2020/NĐ-CP."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(body_pt)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
    return doc


def paragraph(container, runs: list[Run] | Run | str, align=CENTER, before: float = 0,
              after: float = 0, indent_cm: float = 0, line: float = 1.0):
    """Add a paragraph of runs to a document or table cell and return it."""
    p = container.add_paragraph()
    if isinstance(runs, (Run, str)):
        runs = [runs]
    for item in runs:
        item = Run(item) if isinstance(item, str) else item
        r = p.add_run(item.text)
        r.bold, r.italic = item.bold or None, item.italic or None
        if item.caps:
            r.font.all_caps = True
        if item.size:
            r.font.size = Pt(item.size)
        if item.color:
            r.font.color.rgb = RGBColor.from_string(item.color)
    fmt = p.paragraph_format
    fmt.alignment, fmt.space_before, fmt.space_after, fmt.line_spacing = align, Pt(before), Pt(after), line
    if indent_cm:
        fmt.first_line_indent = Cm(indent_cm)
    return p


def rule_line(container, inset_cm: float):
    """A short centred horizontal line (Decree 30's line under the agency and the motto)."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.left_indent = fmt.right_indent = Cm(inset_cm)
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
    p_pr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    p_pr.insert_element_before(borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")
    run = p.add_run()
    run.font.size = Pt(4)
    return p


def table(container, rows: int, widths_cm: list[float], grid: bool = True):
    """A table with fixed column widths; borderless unless grid."""
    t = container.add_table(rows=rows, cols=len(widths_cm))
    if grid:
        t.style = "Table Grid"
    t.autofit = False
    rows_unsplit(t)
    for row in t.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)
    for col, width in zip(t.columns, widths_cm):
        col.width = Cm(width)
    return t


def tight_margins(t, twips: int = 57) -> None:
    """Narrow the left and right cell margins of a table (about 1 mm), for tables of figures."""
    tbl_pr = t._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(twips))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tbl_pr.append(margins)


def clear(cell):
    """Empty a cell's first paragraph so content can be added with paragraph()."""
    first = cell.paragraphs[0]._p
    first.getparent().remove(first)
    return cell


def fill(cell, runs, align=CENTER, middle: bool = True, **kwargs):
    """Put one paragraph of runs into an empty cell."""
    if cell.paragraphs and not cell.paragraphs[0].text and len(cell.paragraphs) == 1:
        clear(cell)
    paragraph(cell, runs, align=align, **kwargs)
    if middle:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return cell


def tag_row(t, tag: str):
    """A row holding only a docxtpl row tag ({%tr … %}); docxtpl removes the row when rendering."""
    row = t.add_row()
    fill(row.cells[0], Run(tag), align=LEFT)
    return row


def repeat_header(row) -> None:
    """Mark a table row to repeat at the top of each page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def rows_unsplit(t) -> None:
    """Forbid every row of a table to break across pages (w:cantSplit)."""
    for row in t.rows:
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            tr_pr.insert(0, OxmlElement("w:cantSplit"))


def keep_with_next(row) -> None:
    """Keep a row on the page of the row after it (its paragraphs keep with the next one)."""
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def page_numbers(doc, size: float = 13) -> None:
    """Page numbers at the top centre from page 2 (Decree 30): a PAGE field in the header, none on page 1."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.header_distance = Mm(10)
    p = section.header.paragraphs[0]
    p.paragraph_format.alignment = CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size * 2)))
    r_pr.append(sz)
    text = OxmlElement("w:t")
    text.text = "2"
    run.extend([r_pr, text])
    field.append(run)
    p._p.append(field)
    section.first_page_header.paragraphs[0].text = ""


def line_loop(container, variable: str, run: Run, align=CENTER, **kwargs) -> None:
    """One paragraph per item of a list variable ({%p for line in variable %}), formatted as run."""
    paragraph(container, Run(f"{{%p for line in {variable} %}}"), align=align)
    paragraph(container, Run("{{ line }}", run.bold, run.italic, run.caps, run.size, run.color), align=align,
              **kwargs)
    paragraph(container, Run("{%p endfor %}"), align=align)


def agency_heading(container, superior: str | None, agency: str, size: float = 13) -> None:
    """Decree 30's agency name: the superior body's lines (regular) above the agency's own (bold), capitals."""
    if superior:
        line_loop(container, superior, Run("", caps=True, size=size))
    line_loop(container, agency, Run("", bold=True, caps=True, size=size))


def motto_block(doc, agency: list[Run] | None, below_agency: list[list[Run]], below_motto: list[list[Run]],
                widths_cm: tuple[float, float] = (6.5, 10.0), heading=None):
    """The borderless two-column heading: agency (and Số) left, national motto right.

    The agency is given as runs (one paragraph each) or by heading(cell), e.g. an agency_heading.
    """
    t = table(doc, 1, list(widths_cm), grid=False)
    left, right = (clear(c) for c in t.rows[0].cells)
    if heading is not None:
        heading(left)
    for run in agency or []:
        paragraph(left, run)
    rule_line(left, widths_cm[0] / 2 - 1.2)
    for runs in below_agency:
        paragraph(left, runs, before=6)
    paragraph(right, Run(MOTTO, bold=True, size=12.5))
    paragraph(right, Run(MOTTO_2, bold=True, size=13.5))
    rule_line(right, widths_cm[1] / 2 - 3.0)
    for runs in below_motto:
        paragraph(right, runs, before=6)
    return t


def page_border(doc) -> None:
    """A double line around the page (the certificate's frame)."""
    sect_pr = doc.sections[0]._sectPr
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    borders.set(qn("w:display"), "allPages")  # LibreOffice draws no border without it
    edge = OxmlElement("w:top")
    for key, value in (("w:val", "double"), ("w:sz", "12"), ("w:space", "24"), ("w:color", "1F3864")):
        edge.set(qn(key), value)
    for side in ("top", "left", "bottom", "right"):
        item = copy.deepcopy(edge)
        item.tag = qn(f"w:{side}")
        borders.append(item)
    sect_pr.find(qn("w:pgMar")).addnext(borders)
