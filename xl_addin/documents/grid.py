"""Column grids of rendered tables whose columns were repeated by docxtpl ({%tc for %})."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def _span(tc) -> int:
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"))) if span is not None else 1


def _width(tc) -> int:
    tcw = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    return int(tcw.get(qn("w:w"), 0)) if tcw is not None and tcw.get(qn("w:type"), "dxa") == "dxa" else 0


def _set_width(tc, twips: int) -> None:
    tcw = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if tcw is not None:
        tcw.set(qn("w:w"), str(twips))
        tcw.set(qn("w:type"), "dxa")


def fit_table(tbl, max_twips: int) -> None:
    """Rebuild a table's grid from its cells' widths, scaled down to fit max_twips."""
    rows = tbl.findall(qn("w:tr"))
    plain = [r for r in rows if all(_span(tc) == 1 for tc in r.findall(qn("w:tc")))]
    if not plain:
        return
    widest = max(plain, key=lambda r: len(r.findall(qn("w:tc"))))
    widths = [_width(tc) for tc in widest.findall(qn("w:tc"))]
    if not all(widths):
        return
    scale = min(1.0, max_twips / sum(widths))
    widths = [int(w * scale) for w in widths]
    grid = tbl.find(qn("w:tblGrid"))
    for col in list(grid):
        grid.remove(col)
    for w in widths:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(w))
        grid.append(col)
    for row in rows:
        pos = 0
        for tc in row.findall(qn("w:tc")):
            _set_width(tc, sum(widths[pos:pos + _span(tc)]))
            pos += _span(tc)


def fit_tables(docx: bytes) -> bytes:
    """The document with every top-level table's grid fitted between the page margins."""
    doc = Document(io.BytesIO(docx))
    section = doc.sections[0]
    max_twips = int((section.page_width - section.left_margin - section.right_margin) / 635)
    for tbl in doc.element.body.findall(qn("w:tbl")):
        fit_table(tbl, max_twips)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
