"""The notes of a person's sheet: the comments part and the VML drawing Excel shows them with.

The tool's notes carry the author "binhchon". A note a person wrote stays theirs: the tool's lines
("[code] message", as the desktop Excel adapter writes them) are added to it as runs of their own and
taken off again, everything else in it kept. VML shapes of the notes kept (their size, position, shown
or hidden) and any other shape in the drawing (form controls) are kept; new notes get a new shape.
"""

from __future__ import annotations

import bisect
import re

from lxml import etree

from .sheet_scan import MAIN_NS, SheetXmlError, cell_ref
from .sheet_xml import column_letter

NOTE_AUTHOR = "binhchon"
_OUR_LINE = re.compile(r"^\[[a-z0-9-]+\] ")
_M = "{%s}" % MAIN_NS
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
V, O, X = "urn:schemas-microsoft-com:vml", "urn:schemas-microsoft-com:office:office", "urn:schemas-microsoft-com:office:excel"
_PARSER = etree.XMLParser(resolve_entities=False)
_VML_PARSER = etree.XMLParser(resolve_entities=False, recover=True)  # Excel's VML is not always well-formed
NOTE_SIZE_PT = (240, 90)  # today's notes: 320 × 120 px
_EMPTY = b'<comments xmlns="%s"><authors/><commentList/></comments>' % MAIN_NS.encode()


def patch_notes(comments_xml: bytes | None, add: dict[tuple[int, int], str], remove: set[tuple[int, int]],
                author: str = NOTE_AUTHOR, *, vml: bytes | None = None, drawing_id: int = 1
                ) -> tuple[bytes | None, bytes | None]:
    """(comments part, VML drawing part) after the tool's notes are removed, then added; (None, None)
    when no note is left. vml: the sheet's present drawing, whose other shapes (form controls) are kept
    (then the drawing stays even without notes); drawing_id: the o:idmap block of a new drawing."""
    if comments_xml is None and vml is None and author == NOTE_AUTHOR and all(map(_plain_note, add.values())):
        return _fresh_notes(add, drawing_id)
    try:
        root = etree.fromstring(comments_xml or _EMPTY, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise SheetXmlError(f"the sheet's notes part is not well-formed: {exc}") from exc
    notes = _Notes(root, author)
    for at in remove:
        notes.remove(at)
    order = sorted(at for at in notes.by_cell if at is not None)
    for at, note in add.items():
        notes.add(at, note, order)
    drawing = _drawing(vml, set(notes.by_cell), drawing_id)
    if not notes.by_cell:
        return None, drawing
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), drawing


# What lxml would write unchanged in a note's text, apart from &, < and > (a carriage return, a control
# character or a lone surrogate goes the long way: lxml escapes or refuses them).
_PLAIN_NOTE = re.compile("[^\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]*")
_DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


def _plain_note(note: str) -> bool:
    return note.isprintable() or _PLAIN_NOTE.fullmatch(note) is not None  # printable: no control character


def _fresh_notes(add: dict[tuple[int, int], str], drawing_id: int) -> tuple[bytes | None, bytes | None]:
    """patch_notes on a sheet without notes, written as text: the same bytes lxml gives, without a tree."""
    if not add:
        return None, None
    cells = sorted(add)
    comments = "".join(_comment_xml(r, c, add[r, c]) for r, c in cells)
    head = (f'<comments xmlns="{MAIN_NS}"><authors><author>{NOTE_AUTHOR}</author></authors><commentList>')
    first = drawing_id * 1024 + 1
    shapes = "".join(_shape_xml(first + i, r, c) for i, (r, c) in enumerate(cells))
    drawing = _DRAWING_HEAD.format(id=drawing_id) + shapes + "</xml>"
    return (_DECLARATION + (head + comments + "</commentList></comments>").encode(),
            _DECLARATION + drawing.encode())


def _comment_xml(r: int, c: int, note: str) -> str:
    """One tool's note as _new_comment and lxml write it."""
    space = ' xml:space="preserve"' if note != note.strip() or "\n" in note else ""
    return (f'<comment ref="{column_letter(c)}{r}" authorId="0" shapeId="0"><text><t{space}>{_escape(note)}</t>'
            '</text></comment>')


def _shape_xml(shape_id: int, r: int, c: int) -> str:
    """_SHAPE for a note on (r, c), as an f-string (no template parsed per note)."""
    width, height = NOTE_SIZE_PT
    return (f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;'
            f'margin-top:1.5pt;width:{width}pt;height:{height}pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" '
            'o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>'
            '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/>'
            '</v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
            f'<x:Anchor>{c}, 15, {max(r - 2, 0)}, 10, {c + 3}, 15, {r + 3}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>'
            f'<x:Row>{r - 1}</x:Row><x:Column>{c - 1}</x:Column></x:ClientData></v:shape>')


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Notes:
    """The comments part's notes by cell, and which authors are the tool."""

    def __init__(self, root: etree._Element, author: str):
        self.author = author
        self.authors = _child(root, "authors", 0)
        self.names = [a.text or "" for a in self.authors.findall(_M + "author")]
        self.listing = _child(root, "commentList", 1)
        self.by_cell = {cell_ref(c.get("ref", "")): c for c in self.listing.findall(_M + "comment")}
        self.ours = {i for i, name in enumerate(self.names) if name == author}

    def _author_of(self, comment: etree._Element) -> int:
        return int(comment.get("authorId", "-1"))

    def remove(self, at: tuple[int, int]) -> None:
        """Take the tool's note off the cell (only the tool's lines of a person's note)."""
        comment = self.by_cell.get(at)
        if comment is not None and _remove_ours(comment, self.ours):
            self.listing.remove(comment)
            del self.by_cell[at]

    def add(self, at: tuple[int, int], note: str, order: list[tuple[int, int]]) -> None:
        """The tool's note on the cell: new, appended to the tool's earlier note, or a person's note's new lines."""
        comment = self.by_cell.get(at)
        if comment is None:
            self.by_cell[at] = _new_comment(self.listing, at, _author_id(self.authors, self.names, self.author), note,
                                            order, self.by_cell)
        elif self._author_of(comment) in self.ours:
            _set_text(comment, _plain_text(comment) + "\n" + note)
        elif not self._threaded(comment):
            _append_run(comment, note)

    def _threaded(self, comment: etree._Element) -> bool:
        """True for the stand-in of an Excel 365 threaded comment (its text lives in another part)."""
        i = self._author_of(comment)
        return 0 <= i < len(self.names) and self.names[i].startswith("tc=")


def _child(root: etree._Element, name: str, index: int) -> etree._Element:
    found = root.find(_M + name)
    if found is None:
        found = etree.Element(_M + name)
        root.insert(index, found)
    return found


def _author_id(authors: etree._Element, names: list[str], author: str) -> int:
    if author not in names:
        etree.SubElement(authors, _M + "author").text = author
        names.append(author)
    return names.index(author)


def _new_comment(listing: etree._Element, at: tuple[int, int], author_id: int, note: str,
                 order: list[tuple[int, int]], placed: dict) -> etree._Element:
    """A tool's note on the cell, placed in row-then-column order among the others (order: their cells, sorted)."""
    comment = etree.Element(_M + "comment", ref=f"{column_letter(at[1])}{at[0]}", authorId=str(author_id),
                            shapeId="0")
    etree.SubElement(comment, _M + "text")
    _set_text(comment, note)
    i = bisect.bisect(order, at)
    if i < len(order):
        placed[order[i]].addprevious(comment)
    elif order:
        placed[order[-1]].addnext(comment)
    else:
        listing.append(comment)
    order.insert(i, at)
    return comment


def _plain_text(comment: etree._Element) -> str:
    """A note's text as openpyxl reads it (every run's text, in order)."""
    text = comment.find(_M + "text")
    return "".join(t.text or "" for t in text.iter(_M + "t") if t.getparent().tag != _M + "rPh") if text is not None else ""


def _set_text(comment: etree._Element, value: str) -> None:
    text = comment.find(_M + "text")
    for child in list(text):
        text.remove(child)
    t = etree.SubElement(text, _M + "t")
    t.text = value
    if value != value.strip() or "\n" in value:
        t.set(_XML_SPACE, "preserve")


def _append_run(comment: etree._Element, note: str) -> None:
    """The tool's lines added to a person's note as a run of their own (their runs untouched)."""
    text = comment.find(_M + "text")
    bare = text.find(_M + "t")
    if bare is not None:  # a note of one plain text: the same text as the first run
        run = etree.Element(_M + "r")
        bare.addprevious(run)
        run.append(bare)
    run = etree.Element(_M + "r")
    last = text.findall(_M + "r")
    (last[-1].addnext(run) if last else text.insert(0, run))
    t = etree.SubElement(run, _M + "t")
    t.text = "\n" + note
    t.set(_XML_SPACE, "preserve")


def _remove_ours(comment: etree._Element, ours: set[int]) -> bool:
    """Take the tool's note or lines off; True when the whole note goes. A run (or plain text) holding
    only the tool's lines goes; one where a program merged them with a person's text loses those lines."""
    if int(comment.get("authorId", "-1")) in ours:
        return True
    text = comment.find(_M + "text")
    for t in list(text.iter(_M + "t")) if text is not None else []:
        parent = t.getparent()
        if parent.tag == _M + "rPh":
            continue
        lines = (t.text or "").split("\n")
        kept = [line for line in lines if not _OUR_LINE.match(line)]
        if kept == lines:
            continue
        if any(line.strip() for line in kept):
            t.text = "\n".join(kept).rstrip("\n")
        elif parent.tag == _M + "r":
            text.remove(parent)
        else:
            t.text = ""
    return not _plain_text(comment).strip()


def _drawing(vml: bytes | None, cells: set[tuple[int, int]], drawing_id: int) -> bytes | None:
    """The VML drawing: shapes of the notes kept, new shapes for new notes, other shapes untouched;
    None when no shape is left."""
    root = etree.fromstring(vml, _VML_PARSER) if vml else _new_drawing(drawing_id)
    ids = [int(m) for m in re.findall(r"_x0000_s(\d+)", etree.tostring(root).decode())]
    idmap = root.find(f"{{{O}}}shapelayout/{{{O}}}idmap")
    block = int((idmap.get("data") or str(drawing_id)).split(",")[0]) if idmap is not None else drawing_id
    next_id = max(ids + [block * 1024]) + 1
    if root.find(f"{{{V}}}shapetype[@id='_x0000_t202']") is None:
        root.append(_shapetype())
    shown = set()
    for shape in root.findall(f"{{{V}}}shape"):
        data = shape.find(f"{{{X}}}ClientData")
        if data is None or data.get("ObjectType") != "Note":
            continue
        at = (int(data.findtext(f"{{{X}}}Row", "-1")) + 1, int(data.findtext(f"{{{X}}}Column", "-1")) + 1)
        if at in cells and at not in shown:
            shown.add(at)
        else:
            root.remove(shape)
    for shape in _note_shapes(sorted(cells - shown), next_id):
        root.append(shape)
    if root.find(f"{{{V}}}shape") is None:
        return None
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _new_drawing(drawing_id: int) -> etree._Element:
    root = etree.Element("xml", nsmap={"v": V, "o": O, "x": X})
    layout = etree.SubElement(root, f"{{{O}}}shapelayout", {f"{{{V}}}ext": "edit"})
    etree.SubElement(layout, f"{{{O}}}idmap", {f"{{{V}}}ext": "edit", "data": str(drawing_id)})
    return root


def _shapetype() -> etree._Element:
    shapetype = etree.Element(f"{{{V}}}shapetype", {"id": "_x0000_t202", "coordsize": "21600,21600",
                                                      f"{{{O}}}spt": "202", "path": "m,l,21600r21600,l21600,xe"})
    etree.SubElement(shapetype, f"{{{V}}}stroke", joinstyle="miter")
    etree.SubElement(shapetype, f"{{{V}}}path", {"gradientshapeok": "t", f"{{{O}}}connecttype": "rect"})
    return shapetype


_SHAPE = (
    '<v:shape id="_x0000_s{id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;'
    'width:{width}pt;height:{height}pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">'
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox>'
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{anchor}</x:Anchor>'
    '<x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>')


_DRAWING_HEAD = (
    f'<xml xmlns:v="{V}" xmlns:o="{O}" xmlns:x="{X}"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" '
    'data="{id}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
    'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" '
    'o:connecttype="rect"/></v:shapetype>')


def _note_shapes(cells: list[tuple[int, int]], first_id: int) -> list[etree._Element]:
    """Hidden note boxes beside the cells, as Excel draws new notes (made as text, parsed at once)."""
    if not cells:
        return []
    width, height = NOTE_SIZE_PT
    shapes = "".join(_SHAPE.format(id=first_id + i, width=width, height=height, row=r - 1, col=c - 1,
                                   anchor=f"{c}, 15, {max(r - 2, 0)}, 10, {c + 3}, 15, {r + 3}, 4")
                     for i, (r, c) in enumerate(cells))
    holder = etree.fromstring(f'<xml xmlns:v="{V}" xmlns:o="{O}" xmlns:x="{X}">{shapes}</xml>'.encode(), _PARSER)
    return list(holder)
