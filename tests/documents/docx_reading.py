"""Reading generated .docx files back with python-docx (an independent reader) for assertions."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn


def paragraphs(path: Path) -> list[str]:
    """Every non-empty paragraph text of a document, body and table cells (nested tables too), in order."""
    return [t for t in _texts(Document(path)) if t]


def _texts(container) -> list[str]:
    out = []
    for block in container.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                for cell in _unique_cells(row):
                    out += _texts(cell)
        else:
            out.append(block.text)
    return out


def _unique_cells(row):
    seen = []
    for cell in row.cells:  # a merged cell is repeated once per grid column it spans
        if all(cell._tc is not s._tc for s in seen):
            seen.append(cell)
    return seen


def table_rows(path: Path, index: int) -> list[list[str]]:
    """The text of each row of the index-th table, one entry per (merged) cell."""
    table = Document(path).tables[index]
    return [[c.text for c in _unique_cells(row)] for row in table.rows]


def page_breaks(path: Path) -> int:
    """The number of page breaks: w:br type=page plus paragraphs with pageBreakBefore."""
    body = Document(path).element.body
    breaks = [br for br in body.iter(qn("w:br")) if br.get(qn("w:type")) == "page"]
    return len(breaks) + len(list(body.iter(qn("w:pageBreakBefore"))))


def document_xml(path: Path) -> bytes:
    """The bytes of word/document.xml."""
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml")


def edited_templates(source: Path, target: Path, name: str, old: str, new: str) -> Path:
    """A copy of the templates folder with one tag of one template changed (by python-docx)."""
    shutil.copytree(source, target)
    doc = Document(target / name)
    runs = [r for p in _all_paragraphs(doc) for r in p.runs if old in r.text]
    assert runs, f"{old} not found in {name}"
    runs[0].text = runs[0].text.replace(old, new)
    doc.save(target / name)
    return target


def _all_paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
