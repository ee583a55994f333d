"""python-docx blocks of the summary report's parts: body paragraphs, numbered tables, charts.

Each block goes into a docxtpl sub-document (or any python-docx container). Table rows never
split across pages and the header row repeats on each page; a table's title stays with it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from xml.sax.saxutils import escape

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm

from .layout import CENTER, JUSTIFY, LEFT, Run, fill, paragraph, repeat_header, table, tight_margins

TEXT_WIDTH_CM = 16.5  # A4 less Decree 30's margins (30 mm left, 15 mm right)
CELL_PT = 12
CHART_WIDTH_CM = 15.5
TWIPS_PER_CM = 567
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Numbering:
    """Running numbers of the tables and charts of one document."""

    tables: int = 0
    charts: int = 0
    images: list[str] = field(default_factory=list)  # chart captions, in order


def body(container, text: str):
    """An ordinary justified paragraph of the report, first line indented: staff edit it in Word."""
    return paragraph(container, text, align=JUSTIFY, before=6, indent_cm=1.0, line=1.15)


def heading(container, text: str):
    """A bold sub-heading (1., 2., …) of a part."""
    p = paragraph(container, Run(text, bold=True), align=JUSTIFY, before=10, indent_cm=1.0)
    p.paragraph_format.keep_with_next = True
    return p


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def data_table(container, numbering: Numbering, caption: str | None, headers: list[str], rows: list[list[object]],
               widths_cm: list[float], *, left: tuple[int, ...] = (1,), total: list[object] | None = None):
    """A numbered table ('Bảng 3. …', no title when caption is None): header row repeated on each page, rows kept whole, optional total row."""
    numbering.tables += 1
    if caption:
        title = paragraph(container, [Run(f"Bảng {numbering.tables}. ", bold=True), Run(caption, bold=True)],
                          align=CENTER, before=10, after=4)
        title.paragraph_format.keep_with_next = True
    scale = min(1.0, TEXT_WIDTH_CM / sum(widths_cm))
    t = table(container, 1, [w * scale for w in widths_cm])
    tight_margins(t)
    for cell, text in zip(t.rows[0].cells, headers):
        fill(cell, Run(text, bold=True, size=CELL_PT))
    repeat_header(t.rows[0])
    _cant_split(t.rows[0])
    _append_rows(t, rows, [round(w * scale * TWIPS_PER_CM) for w in widths_cm], left)
    if total:
        _total_row(t, total)
    return t


def _cell_xml(text: str, width: int, align: str) -> str:
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr><w:jc w:val="{align}"/></w:pPr><w:r><w:rPr><w:sz w:val="{CELL_PT * 2}"/>'
            f'<w:szCs w:val="{CELL_PT * 2}"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>')


def _append_rows(t, rows: list[list[object]], widths: list[int], left: tuple[int, ...]) -> None:
    """Append data rows as one parsed block of WordprocessingML: python-docx's add_row is quadratic in rows.

    Rows carry no keep-with-next: LibreOffice turns that into keeping the whole table with what
    follows, which chained tables and charts onto one page and left pages half empty.
    """
    if not rows:
        return
    aligns = ["left" if i in left else "center" for i in range(len(widths))]
    body = "".join(
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + "".join(_cell_xml(_clean("" if v is None else str(v)), w, a) for v, w, a in zip(values, widths, aligns))
        + "</w:tr>" for values in rows)
    block = parse_xml(f'<w:tbl {nsdecls("w")}>{body}</w:tbl>')
    for tr in list(block):
        t._tbl.append(tr)


def _clean(text: str) -> str:
    """Text without the control characters XML cannot hold."""
    return _CONTROL.sub("", text)


def _total_row(t, values: list[object]) -> None:
    """The bold total row, its label spread over the empty cells before it."""
    row = t.add_row()
    _cant_split(row)
    lead = next(i for i, v in enumerate(values) if v not in ("", None))
    label = row.cells[0].merge(row.cells[lead]) if lead else row.cells[0]
    fill(label, Run(str(values[lead]), bold=True, size=CELL_PT), align=LEFT)
    for cell, value in zip(row.cells[lead + 1:], values[lead + 1:]):
        fill(cell, Run("" if value is None else str(value), bold=True, size=CELL_PT))


def chart(container, numbering: Numbering, caption: str, png: bytes):
    """A numbered chart ('Biểu đồ 1. …') under its table, at the text width."""
    numbering.charts += 1
    numbering.images.append(caption)
    p = container.add_paragraph()
    p.alignment = CENTER
    p.paragraph_format.space_before = Cm(0.2)
    p.paragraph_format.keep_with_next = True
    p.add_run().add_picture(io.BytesIO(png), width=Cm(CHART_WIDTH_CM))
    return paragraph(container, [Run(f"Biểu đồ {numbering.charts}. ", bold=True, italic=True, size=CELL_PT),
                                 Run(caption, italic=True, size=CELL_PT)], align=CENTER, after=6)


def note(container, text: str):
    """A small italic note under a table (what a figure counts)."""
    return paragraph(container, Run(text, italic=True, size=CELL_PT), align=LEFT, before=2)
