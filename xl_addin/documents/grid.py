"""Column grids of rendered tables: fitted between the margins after docxtpl repeated columns ({%tc for %}),
and widened where a column is narrower than a word it holds (so "QNa/2024/01" or "Không" never breaks)."""

from __future__ import annotations

from collections.abc import Callable

from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import parse_xml
from docx.oxml.section import CT_SectPr
from docx.section import Section
from lxml import etree

from .measure import word_and_line_points

DEFAULT_MARGIN = 108  # twips: Word's default left (and right) cell margin
MAX_WORD_TWIPS = 2_600  # about 4.6 cm: a longer token (an e-mail address) may wrap rather than widen
# Qualified names built once: fitting a 1,000-row annex looks them up hundreds of thousands of times.
_TC, _TR, _P, _R, _T = qn("w:tc"), qn("w:tr"), qn("w:p"), qn("w:r"), qn("w:t")
_VAL, _W, _TYPE = qn("w:val"), qn("w:w"), qn("w:type")
_GRID_SPAN = (qn("w:tcPr"), qn("w:gridSpan"))
_TC_WIDTH = (qn("w:tcPr"), qn("w:tcW"))
_RUN_SIZE, _RUN_BOLD = (qn("w:rPr"), qn("w:sz")), (qn("w:rPr"), qn("w:b"))
_HEADER_ROW = (qn("w:trPr"), qn("w:tblHeader"))
# Given a row's cells as cell_lines gives them: for a row standing for many, per cell, (widest word, widest
# paragraph) over them all, in twips; else None.
Stamped = Callable[[list], "list[tuple[int, int]] | None"]


def _find(element, path: tuple[str, str]):
    """element.find("a/b") without ElementPath's parsing of the path: the first b of any a child."""
    parent, child = path
    for holder in element.iterchildren(parent):
        found = holder.find(child)
        if found is not None:
            return found
    return None


def _span(tc) -> int:
    span = _find(tc, _GRID_SPAN)
    return int(span.get(_VAL)) if span is not None else 1


def _width(tc) -> int:
    tcw = _find(tc, _TC_WIDTH)
    return int(tcw.get(_W, 0)) if tcw is not None and tcw.get(_TYPE, "dxa") == "dxa" else 0


def _set_width(tc, twips: int) -> None:
    tcw = _find(tc, _TC_WIDTH)
    if tcw is not None:
        tcw.set(_W, str(twips))
        tcw.set(_TYPE, "dxa")


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
    _apply_grid(tbl, [int(w * scale) for w in widths])


def _apply_grid(tbl, widths: list[int]) -> None:
    """Set a table's grid columns and each cell's width (the sum of the columns it spans)."""
    rows = tbl.findall(qn("w:tr"))
    grid = tbl.find(qn("w:tblGrid"))
    for col in list(grid):
        grid.remove(col)
    for w in widths:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(w))
        grid.append(col)
    for row in rows:
        pos = 0
        for tc in row.findall(_TC):
            span = _span(tc)
            _set_width(tc, sum(widths[pos:pos + span]))
            pos += span


def _cell_margins(tbl) -> int:
    """The left plus right cell margin of a table, in twips (Word's default 0.19 cm each)."""
    mar = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    sides = [mar.find(qn(f"w:{side}")) for side in ("left", "right")] if mar is not None else [None, None]
    return sum(int(e.get(qn("w:w"))) if e is not None else DEFAULT_MARGIN for e in sides)


def _run_format(r, body_pt: float) -> tuple[float, bool]:
    """A run's size in points and whether it is bold."""
    sz = _find(r, _RUN_SIZE)
    b = _find(r, _RUN_BOLD)
    bold = b is not None and b.get(_VAL, "true") not in ("0", "false")
    return (int(sz.get(_VAL)) / 2 if sz is not None else body_pt), bold


def cell_lines(tc, body_pt: float) -> list[tuple[str, float, bool]]:
    """Each paragraph of a cell that holds text, as (its text, the largest run size in points, bold)."""
    out = []
    for p in tc.iter(_P):
        runs = [r for r in p.iter(_R) if r.find(_T) is not None]
        if runs:
            text = "".join(t.text or "" for r in runs for t in r.iter(_T))
            out.append((text, *max((_run_format(r, body_pt) for r in runs), key=lambda f: (f[0], f[1]))))
    return out


def text_needs(lines: list[tuple[str, float, bool]]) -> tuple[int, int]:
    """(widest word, widest paragraph) of a cell's paragraphs in twips; the word capped (a long token may wrap)."""
    word = line = 0.0
    for text, size, bold in lines:
        widest, whole = word_and_line_points(text, size, bold)
        word, line = max(word, widest), max(line, whole)
    return min(int(word * 20), MAX_WORD_TWIPS), int(line * 20)


def _column_needs(tbl, count: int, body_pt: float, stamped: Stamped | None) -> tuple[list[int], list[int]]:
    """Per grid column: the widest word of any cell, and the widest line of its data cells (header excluded)."""
    words, lines, margins = [0] * count, [0] * count, _cell_margins(tbl)
    for row in tbl.findall(_TR):
        header = _find(row, _HEADER_ROW) is not None
        tcs = row.findall(_TC)
        cells = [cell_lines(tc, body_pt) for tc in tcs] if stamped is not None else None  # each cell read once
        given = stamped(cells) if stamped is not None else None
        pos = 0
        for index, tc in enumerate(tcs):
            span = _span(tc)
            if span == 1 and pos < count:
                word, line = given[index] if given is not None else \
                    text_needs(cells[index] if cells is not None else cell_lines(tc, body_pt))
                words[pos] = max(words[pos], word + margins)
                lines[pos] = lines[pos] if header else max(lines[pos], line + margins)
            pos += span
    return words, lines


def fit_to_words(tbl, body_pt: float, stamped: Stamped | None = None) -> None:
    """Columns as wide as their content needs: never narrower than a word they hold, no wider than their
    longest line where every line fits; the room goes to the columns whose text wraps (names, addresses)."""
    grid = tbl.find(qn("w:tblGrid"))
    widths = [int(c.get(qn("w:w"), 0)) for c in grid.findall(qn("w:gridCol"))] if grid is not None else []
    if not widths or not all(widths):
        return
    words, lines = _column_needs(tbl, len(widths), body_pt, stamped)
    wrapping = [line > w for line, w in zip(lines, widths)]
    if not any(wrapping):
        return
    margins = _cell_margins(tbl)
    # A column left empty (no notes yet) keeps its width: room to write by hand at the meeting.
    new = [w if wraps or line <= margins else max(word, line)
           for w, word, line, wraps in zip(widths, words, lines, wrapping)]
    room = sum(widths) - sum(new)
    flexible = sum(w for w, wraps in zip(new, wrapping) if wraps)
    new = [w + int(room * w / flexible) if wraps else w for w, wraps in zip(new, wrapping)]
    new = [max(w, word) for w, word in zip(new, words)]
    new[new.index(max(new))] += sum(widths) - sum(new)  # the table keeps its width
    _apply_grid(tbl, new)


def fit_document(doc, stamped: Stamped | None = None) -> None:
    """Fit every top-level table of an open python-docx document (docxtpl's, before it is saved).

    stamped, when given, says for a row that stands for many (table_stamp) the needs of its cells over
    all the rows it stands for; the other rows are measured from their XML."""
    fit_tables(doc.element, normal_pt(doc), stamped)


def normal_pt(doc) -> float:
    """The size of a python-docx document's Normal style in points (11 when it sets none)."""
    size = doc.styles["Normal"].font.size
    return size.pt if size is not None else 11.0


def fit_tables(document, body_pt: float, stamped: Stamped | None = None) -> None:
    """fit_document on a document element (w:document, python-docx's or plain lxml) whose Normal style is
    body_pt points."""
    section = Section(_first_sect_pr(document), None)  # what python-docx's doc.sections[0] is
    max_twips = int((section.page_width - section.left_margin - section.right_margin) / 635)
    for tbl in document.find(qn("w:body")).findall(qn("w:tbl")):
        fit_table(tbl, max_twips)
        fit_to_words(tbl, body_pt, stamped)


def _first_sect_pr(document) -> CT_SectPr:
    """The first w:sectPr of the document as python-docx's sectPr_lst finds it, as python-docx's element."""
    first = etree._Element.xpath(document, "./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr", namespaces=nsmap)[0]
    return first if isinstance(first, CT_SectPr) else parse_xml(etree.tostring(first))
