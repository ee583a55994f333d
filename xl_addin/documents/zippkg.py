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
from pathlib import Path

from .safety import write_file

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_UTF8_FLAG = 0x800


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
    """The entry with new content, deflated."""
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = comp.compress(data) + comp.flush()
    return Entry(entry.name, zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data), packed, entry.dostime, entry.dosdate)


def build(entries: list[Entry], replace: dict[str, bytes] | None = None) -> bytes:
    """The bytes of a zip file of the entries, some parts replaced by new content."""
    replace = replace or {}
    chunks, central, offset = [], [], 0
    for entry in entries:
        if entry.name in replace:
            entry = pack(entry, replace[entry.name])
        name = entry.name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8_FLAG
        head = _LOCAL.pack(0x04034B50, 20, flags, entry.method, entry.dostime, entry.dosdate, entry.crc,
                           len(entry.packed), entry.size, len(name), 0)
        chunks += [head, name, entry.packed]
        central.append(_CENTRAL.pack(0x02014B50, 20, 20, flags, entry.method, entry.dostime, entry.dosdate,
                                     entry.crc, len(entry.packed), entry.size, len(name), 0, 0, 0, 0, 0, offset)
                       + name)
        offset += len(head) + len(name) + len(entry.packed)
    directory = b"".join(central)
    end = _END.pack(0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(chunks) + directory + end


def write(path: Path, entries: list[Entry], replace: dict[str, bytes] | None = None) -> None:
    """Write a zip file of the entries, some parts replaced by new content."""
    write_file(path, build(entries, replace))
