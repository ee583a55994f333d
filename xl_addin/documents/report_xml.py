"""The report's annex as WordprocessingML text, spliced into the saved document without building a tree.

A national register's annex lists tens of thousands of products: as python-docx (lxml) objects
those rows took hundreds of megabytes, as text they are streamed into the package piece by piece.
The tables look like the others (grid, header row repeated on each page, rows never split).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Iterable, Iterator
from xml.sax.saxutils import escape

DOCUMENT_XML = "word/document.xml"
CELL_HALF_POINTS = 24  # 12 pt
TWIPS_PER_CM = 567
FAST = 1  # deflate level of the annex's document.xml: half the time of the default, a quarter larger
BATCH = 500  # pieces (table rows) encoded and compressed together
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPECIAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff&<>]")  # most texts need neither change
_BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
_TABLE_PROPS = (
    '<w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
    + "".join(_BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
    '<w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>'
)


def text_xml(text: str) -> str:
    """Text as the content of a w:t element: escaped, without the control characters XML cannot hold."""
    return escape(_CONTROL.sub("", text)) if _SPECIAL.search(text) else text


def run_xml(text: str, bold: bool = False, half_points: int | None = None) -> str:
    """One run of text."""
    props = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
                                          if half_points else "")
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{text_xml(text)}</w:t></w:r>'


def heading_xml(text: str) -> str:
    """A bold sub-heading kept with the table under it (as report_blocks.heading)."""
    return ('<w:p><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="0" w:line="240" w:lineRule="auto"/>'
            f'<w:ind w:firstLine="{TWIPS_PER_CM}"/><w:jc w:val="both"/></w:pPr>{run_xml(text, bold=True)}</w:p>')


def paragraph_xml(text: str) -> str:
    """A body paragraph (justified, first line indented)."""
    return ('<w:p><w:pPr><w:spacing w:before="120" w:after="0" w:line="276" w:lineRule="auto"/>'
            f'<w:ind w:firstLine="{TWIPS_PER_CM}"/><w:jc w:val="both"/></w:pPr>{run_xml(text)}</w:p>')


def _cell(text: str, width: int, align: str, bold: bool) -> str:
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr><w:jc w:val="{align}"/></w:pPr>{run_xml(text, bold, CELL_HALF_POINTS)}</w:p></w:tc>')


def table_xml(headers: list[str], rows: Iterable[list[object] | str], widths_cm: list[float],
              left: tuple[int, ...]) -> Iterator[bytes]:
    """A table as pieces of UTF-8 XML: properties and header row first, then one piece per row.

    A row given as a string is a bold row across the whole table (a group's name), kept with the row
    after it: Word and LibreOffice then never leave it alone at the bottom of a page. Rows are made
    as bytes from fixed, pre-encoded cell frames and their encoded texts: an annex of 90,000 rows
    is some 100 MB of XML, and as str its rows took three times as long.
    """
    widths = [round(w * TWIPS_PER_CM) for w in widths_cm]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    header = "".join(_cell(h, w, "center", True) for h, w in zip(headers, widths))
    yield (f"<w:tbl>{_TABLE_PROPS}<w:tblGrid>{grid}</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
           f"{header}</w:tr>").encode("utf-8")
    count = len(widths)
    openings = [_cell_opening(w, "left" if i in left else "center") for i, w in enumerate(widths)]
    pieces: list = [None] * (2 * count + 1)  # frame, text, frame, text, …, frame
    pieces[0::2] = [(b + o).encode("utf-8") for b, o in zip([_ROW_START] + [_CELL_END] * (count - 1), openings)] \
        + [(_CELL_END + _ROW_END).encode("utf-8")]
    for values in rows:
        if isinstance(values, str):
            yield (f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{sum(widths)}" w:type="dxa"/>'
                   f'<w:gridSpan w:val="{count}"/></w:tcPr><w:p><w:pPr><w:keepNext/><w:jc w:val="left"/></w:pPr>'
                   f'{run_xml(values, True, CELL_HALF_POINTS)}</w:p></w:tc></w:tr>').encode("utf-8")
            continue
        texts = ["" if v is None else v if type(v) is str else str(v) for v in values]
        if len(texts) != count:  # a cell for each column, however many values came
            texts = (texts + [""] * count)[:count]
        if _SPECIAL.search("".join(texts)):  # seldom: most names need no escaping
            texts = [text_xml(t) for t in texts]
        pieces[1::2] = [t.encode("utf-8") for t in texts]
        yield b"".join(pieces)
    yield b"</w:tbl>"


# A body row's cell is its fixed opening (width, alignment, run properties), its text, and a fixed end.
_CELL_END = "</w:t></w:r></w:p></w:tc>"
_ROW_START, _ROW_END = "<w:tr><w:trPr><w:cantSplit/></w:trPr>", "</w:tr>"


def _cell_opening(width: int, align: str) -> str:
    cell = _cell("", width, align, False)
    return cell[:-len(_CELL_END)]


def splice(docx: bytes, marker: str, pieces: Iterable[str | bytes]) -> bytes:
    """The package with the marker's paragraph replaced by the pieces (str or UTF-8), streamed into document.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED,
                                                                  compresslevel=FAST) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != DOCUMENT_XML:
                dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
                continue
            head, tail = _around(data.decode("utf-8"), marker)
            with dst.open(info.filename, "w", force_zip64=True) as part:  # at the archive's level, FAST
                part.write(head.encode("utf-8"))
                batch: list[bytes] = []
                for piece in pieces:  # written some hundred pieces at a time: one compressor call each
                    batch.append(piece.encode("utf-8") if isinstance(piece, str) else piece)
                    if len(batch) == BATCH:
                        part.write(b"".join(batch))
                        batch.clear()
                part.write(b"".join(batch))
                part.write(tail.encode("utf-8"))
    return out.getvalue()


def _around(xml: str, marker: str) -> tuple[str, str]:
    """The document's XML before and after the paragraph holding the marker (at the end when absent)."""
    at = xml.find(marker)
    if at < 0:
        end = xml.rfind("<w:sectPr")
        return xml[:end], xml[end:]
    start = max(xml.rfind("<w:p>", 0, at), xml.rfind("<w:p ", 0, at))
    stop = xml.find("</w:p>", at) + len("</w:p>")
    return xml[:start], xml[stop:]
