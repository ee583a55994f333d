"""A .docx package as raw zip entries, rewritten with some parts replaced and the rest copied as is.

Copying the other members' compressed bytes (styles, theme, fonts…) instead of inflating and
deflating them again is what makes writing a thousand certificates cheap.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .safety import write_file

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_UTF8_FLAG = 0x800
_OFFSET = struct.Struct("<I")
LEVEL = 1  # a thousand certificates' document.xml deflated: level 6 cost more than stamping them


@dataclass(frozen=True)
class Entry:
    """One member of a zip file with its compressed bytes."""

    name: str
    method: int
    crc: int
    size: int
    packed: bytes
    dostime: int
    dosdate: int

    @cached_property
    def local(self) -> bytes:
        """The member as it stands in the zip: local header, name, compressed bytes (worked out once)."""
        name = self.name.encode("utf-8")
        head = _LOCAL.pack(0x04034B50, 20, self._flags, self.method, self.dostime, self.dosdate, self.crc,
                           len(self.packed), self.size, len(name), 0)
        return head + name + self.packed

    @cached_property
    def central(self) -> tuple[bytes, bytes]:
        """The member's central directory record, split where its offset goes (worked out once)."""
        name = self.name.encode("utf-8")
        head = _CENTRAL.pack(0x02014B50, 20, 20, self._flags, self.method, self.dostime, self.dosdate,
                             self.crc, len(self.packed), self.size, len(name), 0, 0, 0, 0, 0, 0)
        return head[:-4], name

    @property
    def _flags(self) -> int:
        return 0 if self.name.isascii() else _UTF8_FLAG


def _dos(info: zipfile.ZipInfo) -> tuple[int, int]:
    y, mo, d, h, mi, s = info.date_time
    return (h << 11) | (mi << 5) | (s // 2), ((y - 1980) << 9) | (mo << 5) | d


def read_entries(data: bytes) -> list[Entry]:
    """The members of a zip file held in memory, in order, without decompressing them."""
    entries = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            offset = info.header_offset
            name_len, extra_len = struct.unpack_from("<HH", data, offset + 26)
            start = offset + _LOCAL.size + name_len + extra_len
            packed = data[start:start + info.compress_size]
            dostime, dosdate = _dos(info)
            entries.append(Entry(info.filename, info.compress_type, info.CRC, info.file_size, packed, dostime, dosdate))
    return entries


def unpack(entry: Entry) -> bytes:
    """The uncompressed bytes of an entry."""
    if entry.method == zipfile.ZIP_STORED:
        return entry.packed
    return zlib.decompress(entry.packed, -15)


def pack(entry: Entry, data: bytes) -> Entry:
    """The entry with new content, deflated (level 1: a tenth larger than level 6, a quarter of the time)."""
    comp = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    packed = comp.compress(data) + comp.flush()
    return Entry(entry.name, zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data), packed, entry.dostime, entry.dosdate)


def build(entries: list[Entry], replace: dict[str, bytes] | None = None) -> bytes:
    """The bytes of a zip file of the entries, some parts replaced by new content."""
    replace = replace or {}
    chunks, central, offset = [], [], 0
    for entry in entries:
        if entry.name in replace:
            entry = pack(entry, replace[entry.name])
        head, name = entry.central
        central += [head, _OFFSET.pack(offset), name]
        chunks.append(entry.local)
        offset += len(entry.local)
    directory = b"".join(central)
    end = _END.pack(0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(chunks) + directory + end


def write(path: Path, entries: list[Entry], replace: dict[str, bytes] | None = None) -> None:
    """Write a zip file of the entries, some parts replaced by new content."""
    write_file(path, build(entries, replace))
