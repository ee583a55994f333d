"""The two certificate layouts staff choose between in Thông tin: ceremonial landscape, and pre-printed blanks."""

from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.shared import Cm, Mm

from .layout import (
    CENTER, JUSTIFY, LEFT, Run, agency_heading, clear, fill, line_loop, motto_block, new_document, page_border,
    paragraph, rows_unsplit, table,
)

RED, BLUE = "C00000", "1F3864"


def _issuer_heading(cell) -> None:
    agency_heading(cell, "superior_lines", "issuer_lines")


def signature(cell, date_line: bool = True, room: int = 4) -> None:
    """The signer's block in a cell: place-and-date line, one paragraph per title line, room, name."""
    if date_line:
        paragraph(cell, Run("{{ date_line }}", italic=True))
    line_loop(cell, "signer_lines", Run("", bold=True, caps=True), before=0)
    for _ in range(room):
        paragraph(cell, "")
    paragraph(cell, Run("{{ signer }}", bold=True))


def _landscape(doc, margins_mm: tuple[int, int, int, int]) -> None:
    top, right, bottom, left = margins_mm
    s = doc.sections[0]
    s.top_margin, s.right_margin, s.bottom_margin, s.left_margin = Mm(top), Mm(right), Mm(bottom), Mm(left)
    s.header_distance = s.footer_distance = Mm(8)


def build_certificate(doc=None):
    """The ceremonial certificate: A4 landscape in a frame, one page, one recognised product."""
    doc = doc or new_document(landscape=True, body_pt=14)
    _landscape(doc, (15, 22, 12, 22))
    page_border(doc)
    motto_block(doc, None, [[Run("Số: ", size=13), Run("{{ cert_no }}", size=13)]], [],
                widths_cm=(9.5, 15.0), heading=_issuer_heading)
    # The rest sits in one borderless cell at least as tall as the page leaves, centred in it, so
    # that a short name and a long one both stand balanced on the page.
    frame = table(doc, 1, [25.3], grid=False)
    frame.rows[0].height, frame.rows[0].height_rule = Cm(BODY_HEIGHT_CM), WD_ROW_HEIGHT_RULE.AT_LEAST
    cell = clear(frame.rows[0].cells[0])
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _certificate_body(cell)
    paragraph(doc, Run("", size=2))
    return doc


BODY_HEIGHT_CM = 13.4


def _certificate_body(cell) -> None:
    """Title, product, establishment, recognition, and the signature block, in the frame's cell."""
    paragraph(cell, Run("GIẤY CHỨNG NHẬN", bold=True, size=30, color=RED))
    paragraph(cell, Run("{{ title }}", bold=True, size=17, color=BLUE), before=2)
    paragraph(cell, [Run("CẤP ", bold=True, size=15, color=BLUE), Run("{{ level_name }}", bold=True, caps=True,
                                                                        size=15, color=BLUE),
                     Run(" NĂM ", bold=True, size=15, color=BLUE), Run("{{ year }}", bold=True, size=15, color=BLUE)],
              after=8)
    paragraph(cell, Run("Chứng nhận sản phẩm:", italic=True), after=2)
    paragraph(cell, Run("{{ product_name }}", bold=True, size=17, color=BLUE), after=6)
    body = dict(align=JUSTIFY, after=2, line=1.05)
    paragraph(cell, [Run("Thuộc nhóm sản phẩm: "), Run("{{ group }}")], **body)
    paragraph(cell, [Run("Của cơ sở: "), Run("{{ establishment }}", bold=True)], **body)
    paragraph(cell, [Run("Địa chỉ: "), Run("{{ address }}")], **body)
    paragraph(cell, [Run("{{ recognition }}"), Run(" theo Quyết định số "), Run("{{ decision_no }}"),
                     Run(" ngày "), Run("{{ decision_date }}"), Run(" của "), Run("{{ issuer }}"), Run(".")], **body)
    t = table(cell, 1, [11.3, 11.6], grid=False)
    left, right = (clear(c) for c in t.rows[0].cells)
    paragraph(left, [Run("Giấy chứng nhận có giá trị đến hết ngày ", italic=True, size=13),
                     Run("{{ valid_until }}", italic=True, size=13), Run(".", italic=True, size=13)],
              align=LEFT, before=40)
    paragraph(right, "", before=2)
    signature(right, room=3)


# The pre-printed blank: each value in a row of fixed height, so that it lands where the blank leaves
# room for it. Staff move a value by changing its row's height (Table Properties › Row › Exactly)
# or its paragraph's indent in Word. (height cm, runs, alignment, left indent cm)
PREPRINTED_ROWS = [
    (3.8, [], CENTER, 0),
    (1.0, [Run("{{ cert_no }}", size=13)], LEFT, 2.5),
    (2.4, [Run("{{ product_name }}", bold=True, size=17)], CENTER, 0),
    (1.0, [Run("{{ group }}")], LEFT, 5.5),
    (1.6, [Run("{{ establishment }}", bold=True)], LEFT, 5.5),
    (1.6, [Run("{{ address }}")], LEFT, 5.5),
    (1.0, [Run("{{ decision_no }}"), Run(" ngày "), Run("{{ decision_date }}")], LEFT, 9.0),
    (1.0, [Run("{{ valid_until }}")], LEFT, 12.0),
]


def build_preprinted(doc=None):
    """Certificates printed on bought blanks: only the variable text, each at an adjustable place."""
    doc = doc or new_document(landscape=True, body_pt=14)
    _landscape(doc, (10, 15, 10, 15))
    t = table(doc, len(PREPRINTED_ROWS) + 1, [26.7], grid=False)
    for row, (height, runs, align, indent) in zip(t.rows, PREPRINTED_ROWS):
        row.height, row.height_rule = Cm(height), WD_ROW_HEIGHT_RULE.EXACTLY
        fill(row.cells[0], runs or "", align=align, middle=False, indent_cm=0)
        row.cells[0].paragraphs[0].paragraph_format.left_indent = Cm(indent)
    last = t.rows[-1]
    last.height, last.height_rule = Cm(4.4), WD_ROW_HEIGHT_RULE.EXACTLY
    sign = clear(last.cells[0])
    signature(sign, room=3)
    for p in sign.paragraphs:
        p.paragraph_format.left_indent = Cm(14.5)
    rows_unsplit(t)
    paragraph(doc, Run("", size=2))
    return doc
