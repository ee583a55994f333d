"""One print file from many rendered documents: their bodies in a row, a page break between each."""

from __future__ import annotations

import itertools
import re
import zipfile
import zlib

from . import zippkg

PAGE_BREAK = b'<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
_BATCH = 1024 * 1024  # bytes of bodies handed to zlib at once by DeflatingMerger
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
        self._raw_head, self._raw_tail, self._first, self._first_clean = head, tail, None, b""
        self._head = self._clean(head)  # the numbering runs through the head, the bodies, then the tail
        self._count = 0
        self._pieces: list[bytes] = []
        self._tail: bytes | None = None

    def _clean(self, xml: bytes) -> bytes:
        if b" w14:" not in xml and b"<w:bookmark" not in xml and b"<wp:docPr" not in xml:
            return xml  # what every match holds is missing: three substring searches, not the regexes' scan
        xml = _DROP.sub(b"", xml)
        return _DOC_PR_ID.sub(lambda m: m.group(1) + str(next(self._counter)).encode() + m.group(2), xml)

    def add(self, body: bytes) -> None:
        """One more document's body."""
        cleaned, self._count = self._clean(body), self._count + 1
        if self._count == 1:  # kept aside: a print file of one document is that document as it is
            self._first, self._first_clean = body, cleaned
            return
        if self._count == 2:
            self._emit(self._head)
            self._emit(self._first_clean)
        self._emit(PAGE_BREAK)
        self._emit(cleaned)

    def _emit(self, piece: bytes) -> None:
        self._pieces.append(piece)

    def _cleaned_tail(self) -> bytes:
        if self._tail is None:
            self._tail = self._clean(self._raw_tail)  # once: the numbering goes on from the last body
        return self._tail

    def merged(self) -> bytes:
        """The document.xml holding every body added, as merge_bodies(head, bodies, tail) makes it."""
        if self._count <= 1:
            return self._raw_head + (self._first or b"") + self._raw_tail
        return b"".join(self._pieces) + self._cleaned_tail()


class DeflatingMerger(BodyMerger):
    """A BodyMerger deflating the print file's document.xml as the bodies come, for its zip entry: a
    nation's print file is never held whole (30 MB), nor deflated in one go once the last body is in."""

    def __init__(self, head: bytes, tail: bytes):
        self._deflate = zlib.compressobj(zippkg.LEVEL, zlib.DEFLATED, -15)
        self._packed: list[bytes] = []
        self._crc = self._size = 0
        self._pending: list[bytes] = []
        self._pending_size = 0
        super().__init__(head, tail)

    def _emit(self, piece: bytes) -> None:
        # Gathered to a megabyte before zlib sees them: each zlib call lets go of the GIL, and taking it
        # back from the writer threads cost more than the deflating (5,782 small calls at nation scale).
        self._pending.append(piece)
        self._pending_size += len(piece)
        if self._pending_size >= _BATCH:
            self._deflate_pending()

    def _deflate_pending(self) -> None:
        if self._pending:
            data = b"".join(self._pending)
            self._packed.append(self._deflate.compress(data))
            self._crc, self._size = zlib.crc32(data, self._crc), self._size + len(data)
            self._pending, self._pending_size = [], 0

    def entry(self, like: zippkg.Entry) -> zippkg.Entry:
        """The merged document.xml as a zip entry, named and dated as like (more bodies may follow)."""
        if self._count <= 1:
            return zippkg.pack(like, self.merged())
        self._deflate_pending()
        tail, rest = self._cleaned_tail(), self._deflate.copy()
        packed = b"".join([*self._packed, rest.compress(tail), rest.flush()])
        return zippkg.Entry(like.name, zipfile.ZIP_DEFLATED, zlib.crc32(tail, self._crc), self._size + len(tail),
                            packed, like.dostime, like.dosdate)

    def merged(self) -> bytes:
        """merged() as BodyMerger gives it (inflated from the entry: for tests, not for the print file)."""
        if self._count <= 1:
            return super().merged()
        return zlib.decompress(self.entry(zippkg.Entry("d", 8, 0, 0, b"", 0, 0)).packed, -15)
