"""Reading a written summary report back with python-docx: its paragraphs, its tables by caption, its pictures."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn


def _cells(row) -> list[str]:
    seen = []
    for cell in row.cells:  # a merged cell is repeated once per grid column it spans
        if all(cell._tc is not s._tc for s in seen):
            seen.append(cell)
    return [c.text for c in seen]


def body_paragraphs(path: Path) -> list[str]:
    """The text of every non-empty body paragraph (not in tables), in order."""
    return [p.text for p in Document(path).paragraphs if p.text.strip()]


def tables_by_caption(path: Path) -> dict[str, list[list[str]]]:
    """Each table after a 'Bảng N. …' caption: caption text without the number -> rows of cell texts."""
    found: dict[str, list[list[str]]] = {}
    caption = None
    for block in Document(path).iter_inner_content():
        if hasattr(block, "rows"):
            if caption:
                found[caption] = [_cells(r) for r in block.rows]
            caption = None
        elif block.text.startswith("Bảng "):
            caption = block.text.split(". ", 1)[1]
        elif block.text.strip():
            caption = None
    return found


def picture_count(path: Path) -> int:
    """How many pictures the body holds (inline shapes with an embedded image)."""
    doc = Document(path)
    return sum(1 for s in doc.inline_shapes if s._inline.graphic.graphicData.pic is not None)


def image_parts(path: Path) -> list[bytes]:
    """The bytes of each embedded image the body refers to."""
    doc = Document(path)
    blips = doc.element.body.findall(f".//{qn('a:blip')}")
    return [doc.part.related_parts[b.get(qn('r:embed'))].blob for b in blips]
