"""A zip written again from another: unchanged entries copied as their compressed bytes (no inflate,
no deflate), changed and new ones deflated, in the order given.

zipfile can only write an entry from its uncompressed bytes, which makes a save of the contest
workbook inflate and deflate again every part it did not touch. Here the copied entries keep their
compressed data, CRC, sizes, method, date, attributes and extra fields (less a zip64 field, which
the small parts of an .xlsx never need: ZipTooLarge otherwise). Standard library only, like
ooxml_guard: the contest workbook's save and the judges' workbooks use it (documents/zippkg does the same for generated .docx
files, without keeping a person's entry attributes).
"""

from __future__ import annotations

import struct
import time
import zipfile
import zlib

_LOCAL = struct.Struct("<4s2B4HL2L2H")  # zipfile.structFileHeader
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # zipfile.structCentralDir
_END = struct.Struct("<4s4H2LH")  # zipfile.structEndArchive
_DESCRIPTOR_FLAG = 0x08
_UTF8_FLAG = 0x800
_LIMIT = 0xFFFF_FFFF


class ZipTooLarge(ValueError):
    """The package needs zip64 (a part or the whole zip over 4 GB, or over 65,535 entries)."""


class ZipCopy:
    """A zip being written into memory from entries of a source zip (raw) and new bytes (deflated)."""

    def __init__(self, source: bytes):
        self.source = memoryview(source)
        self.out: list[bytes] = []
        self.central: list[bytes] = []
        self.offset = 0

    def copy(self, info: zipfile.ZipInfo) -> None:
        """The source's entry as it is: its compressed bytes copied, not inflated."""
        at = info.header_offset
        head = _LOCAL.unpack_from(self.source, at)
        start = at + _LOCAL.size + head[10] + head[11]  # past the local name and extra field
        raw = self.source[start:start + info.compress_size]
        self._entry(info, info.compress_type, info.CRC, bytes(raw), info.file_size)

    def write(self, info: zipfile.ZipInfo, data: bytes, packed: tuple[int, bytes] | None = None) -> None:
        """The entry named by info (its date and attributes kept) with new bytes, deflated unless stored
        (packed: their CRC-32 and deflate stream, made already by deflate_in_threads)."""
        method = zipfile.ZIP_STORED if info.compress_type == zipfile.ZIP_STORED else zipfile.ZIP_DEFLATED
        if method == zipfile.ZIP_STORED:
            self._entry(info, method, zlib.crc32(data), data, len(data))
            return
        crc, stream = packed if packed is not None else (zlib.crc32(data), _deflate(data))
        self._entry(info, method, crc, stream, len(data))

    def deflated(self, info: zipfile.ZipInfo, crc: int, packed: bytes, size: int) -> None:
        """An entry whose raw deflate stream is made already (CRC-32 and size of its uncompressed bytes)."""
        self._entry(info, zipfile.ZIP_DEFLATED, crc, packed, size)

    def add(self, name: str, data: bytes, packed: tuple[int, bytes] | None = None) -> None:
        """A new entry, deflated, dated now (as zipfile.writestr dates it)."""
        info = zipfile.ZipInfo(name, time.localtime(time.time())[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        self.write(info, data, packed)

    def _entry(self, info: zipfile.ZipInfo, method: int, crc: int, packed: bytes, size: int) -> None:
        if len(packed) > _LIMIT or size > _LIMIT or self.offset > _LIMIT or len(self.central) >= 0xFFFF:
            raise ZipTooLarge(info.filename)
        name, flags = _name(info)
        flags &= ~_DESCRIPTOR_FLAG  # sizes and CRC are known: in the header, no data descriptor after
        extra = _without_zip64(info.extra)
        version = max(info.extract_version, 20 if method == zipfile.ZIP_DEFLATED else 10)
        dostime, dosdate = _dos(info.date_time)
        local = _LOCAL.pack(b"PK\x03\x04", version, info.reserved, flags, method, dostime, dosdate, crc,
                            len(packed), size, len(name), len(extra))
        self.central.append(_CENTRAL.pack(
            b"PK\x01\x02", max(info.create_version, version), info.create_system, version, info.reserved, flags,
            method, dostime, dosdate, crc, len(packed), size, len(name), len(extra), len(info.comment), 0,
            info.internal_attr, info.external_attr, self.offset) + name + extra + info.comment)
        self.out += [local, name, extra, packed]
        self.offset += len(local) + len(name) + len(extra) + len(packed)

    def to_bytes(self) -> bytes:
        """The whole zip: entries, central directory, end record."""
        directory = b"".join(self.central)
        if self.offset + len(directory) > _LIMIT:
            raise ZipTooLarge("central directory")
        end = _END.pack(b"PK\x05\x06", 0, 0, len(self.central), len(self.central), len(directory), self.offset, 0)
        return b"".join(self.out) + directory + end


def deflate_in_threads(parts: list[bytes], *, least: int = 1 << 18) -> dict[int, tuple[int, bytes]]:
    """CRC-32 and deflate stream of each part of `least` bytes or more, by id(part): two at a time when
    there are two or more (zlib lets go of the GIL while it works), else none (write deflates them)."""
    big = [part for part in parts if len(part) >= least]
    if len(big) < 2:
        return {}
    from concurrent.futures import ThreadPoolExecutor  # only for a save with large parts

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(map(id, big), pool.map(_crc_and_deflate, big)))


def _crc_and_deflate(data: bytes) -> tuple[int, bytes]:
    return zlib.crc32(data), _deflate(data)


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)  # zipfile's default
    return packer.compress(data) + packer.flush()


def _name(info: zipfile.ZipInfo) -> tuple[bytes, int]:
    try:
        return info.filename.encode("ascii"), info.flag_bits & ~_UTF8_FLAG
    except UnicodeEncodeError:
        return info.filename.encode("utf-8"), info.flag_bits | _UTF8_FLAG


def _dos(date_time: tuple[int, ...]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


def _without_zip64(extra: bytes) -> bytes:
    """The extra field less its zip64 record (header id 1)."""
    out, pos = [], 0
    while pos + 4 <= len(extra):
        kind, size = struct.unpack_from("<HH", extra, pos)
        if kind != 1:
            out.append(extra[pos:pos + 4 + size])
        pos += 4 + size
    return b"".join(out) + extra[pos:]
