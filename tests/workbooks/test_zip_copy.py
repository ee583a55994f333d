"""The zip written again with its unchanged entries copied compressed: readable by zipfile, same bytes."""

from __future__ import annotations

import io
import struct
import zipfile

from xl_addin.zip_copy import ZipCopy


class _Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek back in: it writes data descriptors after each entry."""

    def __init__(self):
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.data += b
        return len(b)


def _source() -> bytes:
    sink = _Unseekable()
    with zipfile.ZipFile(sink, "w") as zf:
        zf.writestr("xl/workbook.xml", b"<workbook/>" * 50, compress_type=zipfile.ZIP_DEFLATED)
        stored = zipfile.ZipInfo("xl/media/ảnh một.png", (2024, 5, 6, 7, 8, 10))
        stored.extra = struct.pack("<HH4s", 0xCAFE, 4, b"abcd")
        stored.external_attr = 0o644 << 16
        zf.writestr(stored, b"\x89PNG raw bytes", compress_type=zipfile.ZIP_STORED)
        zf.writestr("xl/styles.xml", b"<styleSheet/>" * 20, compress_type=zipfile.ZIP_DEFLATED)
    return bytes(sink.data)


def _raw(data: bytes, info: zipfile.ZipInfo) -> bytes:
    head = struct.unpack_from("<4s2B4HL2L2H", data, info.header_offset)
    start = info.header_offset + 30 + head[10] + head[11]
    return data[start:start + info.compress_size]


def test_copied_entries_keep_their_compressed_bytes_and_attributes_changed_ones_are_new():
    source = _source()
    src = zipfile.ZipFile(io.BytesIO(source))
    infos = src.infolist()
    assert infos[0].flag_bits & 0x08  # the source has data descriptors: the copy must not keep the flag
    out = ZipCopy(source)
    out.copy(infos[0])
    out.copy(infos[1])
    out.write(infos[2], b"<styleSheet changed='1'/>")
    out.add("customXml/item1.xml", b"<x/>")
    data = out.to_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        assert zf.namelist() == ["xl/workbook.xml", "xl/media/ảnh một.png", "xl/styles.xml", "customXml/item1.xml"]
        assert zf.read("xl/workbook.xml") == b"<workbook/>" * 50
        assert zf.read("xl/media/ảnh một.png") == b"\x89PNG raw bytes"
        assert zf.read("xl/styles.xml") == b"<styleSheet changed='1'/>"
        assert zf.read("customXml/item1.xml") == b"<x/>"
        got = zf.infolist()
        for old, new in zip(infos[:2], got[:2]):
            assert _raw(data, new) == _raw(source, old)
            assert (new.CRC, new.compress_type, new.date_time, new.external_attr) == \
                   (old.CRC, old.compress_type, old.date_time, old.external_attr)
        assert got[1].extra == infos[1].extra
        assert got[2].compress_type == zipfile.ZIP_DEFLATED and got[2].date_time == infos[2].date_time


def test_large_parts_deflated_in_threads_give_the_same_zip():
    """Parts deflated two at a time (deflate_in_threads) are the bytes write would deflate itself."""
    import random

    from xl_addin.zip_copy import deflate_in_threads

    rnd = random.Random(11)
    parts = [("".join(rnd.choice("abc <>&đặ\n") for _ in range(n)).encode(), n) for n in (300_000, 400_000, 10)]
    source = _source()
    infos = zipfile.ZipFile(io.BytesIO(source)).infolist()
    packed = deflate_in_threads([data for data, _n in parts], least=1000)
    assert len(packed) == 2 and deflate_in_threads([parts[0][0]], least=1000) == {}
    names = [infos[0]] + [zipfile.ZipInfo(f"xl/{n}.xml", (2024, 5, 6, 7, 8, 10)) for n in ("a", "b")]
    for info in names[1:]:
        info.compress_type = zipfile.ZIP_DEFLATED
    zips = []
    for given in ({}, packed):
        out = ZipCopy(source)
        for info, (data, _n) in zip(names, parts):
            out.write(info, data, given.get(id(data)))
        zips.append(out.to_bytes())
    assert zips[0] == zips[1]
    with zipfile.ZipFile(io.BytesIO(zips[1])) as zf:
        assert zf.testzip() is None and zf.read("xl/a.xml") == parts[1][0]
        assert zf.read(infos[0].filename) == parts[0][0]
