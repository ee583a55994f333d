"""One print file from many rendered documents: their bodies in a row, a page break between each."""

from __future__ import annotations

import itertools
import re

PAGE_BREAK = b'<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
_BODY_OPEN = re.compile(rb"<w:body(?:\s[^>]*)?>")
_DOC_PR_ID = re.compile(rb'(<wp:docPr\b[^>]*?\bid=")\d+(")')
# Ids that must be unique in a document: drawing ids are renumbered; paragraph ids and bookmarks
# (Word's own, e.g. _GoBack) are dropped from the copies, as Word recreates them.
_DROP = re.compile(rb' w14:(?:paraId|textId)="[0-9A-Fa-f]+"|<w:bookmark(?:Start|End)\b[^>]*/>')


def split_document(xml: bytes) -> tuple[bytes, bytes, bytes]:
    """A document.xml as (everything through <w:body>, the body's content, the section and the end)."""
    opening = _BODY_OPEN.search(xml)
    if opening is None:
        raise ValueError("word/document.xml has no <w:body>")
    close = xml.rindex(b"</w:body>")
    sect = xml.rfind(b"<w:sectPr", opening.end(), close)
    # The body's own section properties are its last child; one inside a paragraph ends with </w:p>.
    if sect == -1 or b"</w:p>" in xml[sect:close]:
        sect = close
    return xml[:opening.end()], xml[opening.end():sect], xml[sect:]


def merge_bodies(head: bytes, bodies: list[bytes], tail: bytes) -> bytes:
    """A document.xml holding the bodies one after another, a page break between each, none after."""
    xml = head + PAGE_BREAK.join(bodies) + tail
    if len(bodies) > 1:
        xml = _DROP.sub(b"", xml)
        counter = itertools.count(1)
        xml = _DOC_PR_ID.sub(lambda m: m.group(1) + str(next(counter)).encode() + m.group(2), xml)
    return xml


class BodyMerger:
    """merge_bodies done a body at a time, as each document is made (the ids dropped and renumbered then,
    not in one pass over the whole print file at the end): merged() gives the same bytes."""

    def __init__(self, head: bytes, tail: bytes):
        self._counter = itertools.count(1)
        self._raw_head, self._raw_tail, self._first = head, tail, None
        self._head = self._clean(head)  # the numbering runs through the head, the bodies, then the tail
        self._bodies: list[bytes] = []
        self._tail: bytes | None = None

    def _clean(self, xml: bytes) -> bytes:
        if b" w14:" not in xml and b"<w:bookmark" not in xml and b"<wp:docPr" not in xml:
            return xml  # what every match holds is missing: three substring searches, not the regexes' scan
        xml = _DROP.sub(b"", xml)
        return _DOC_PR_ID.sub(lambda m: m.group(1) + str(next(self._counter)).encode() + m.group(2), xml)

    def add(self, body: bytes) -> None:
        """One more document's body."""
        if self._first is None:
            self._first = body
        self._bodies.append(self._clean(body))

    def merged(self) -> bytes:
        """The document.xml holding every body added, as merge_bodies(head, bodies, tail) makes it."""
        if len(self._bodies) <= 1:
            return self._raw_head + (self._first or b"") + self._raw_tail
        if self._tail is None:
            self._tail = self._clean(self._raw_tail)  # once: the numbering goes on from the last body
        return self._head + PAGE_BREAK.join(self._bodies) + self._tail
