"""What a file handed to the tool really is, and whether it is safe to parse, before openpyxl sees it.

Each unusable kind (missing, a folder, empty, encrypted, .xls or .ods renamed, a Word file, a
foreign or truncated zip, a part bigger than its budget, malformed XML, too many cells) gets its
own Vietnamese message naming the file.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ..domain import file_messages as msg
from ..domain.values import grouped
from ..errors import WorkbookError
from ..ooxml_guard import PackageRefused, PackageStats, inspect_package

# The <c> elements of all sheets together that a full (writable) load may create: openpyxl needs
# some 350 bytes and 13 µs per cell, so this keeps a load under ~200 MB and a few seconds.
MAX_CELLS = 500_000
WORKSHEETS = "xl/worksheets/"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, or an encrypted .xlsx
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def check_archive(path: Path, data: bytes | None = None) -> PackageStats:
    """The package's scan when path (or data, the bytes read from it) is a usable .xlsx within budget;
    WorkbookError saying why not."""
    if data is None:
        check_file(path)
        with open(path, "rb") as fh:
            head = fh.read(8)
    else:
        head = data[:8]
    if head.startswith(_CFB):
        raise WorkbookError((msg.ENCRYPTED if _is_encrypted(path, data) else msg.OLD_XLS).format(name=path.name))
    source = path if data is None else io.BytesIO(data)
    if not zipfile.is_zipfile(source):
        if head.startswith(b"PK"):
            raise WorkbookError(msg.TRUNCATED.format(name=path.name))
        raise WorkbookError(msg.OTHER_FORMAT.format(name=path.name, kind=_kind(head)))
    try:
        with zipfile.ZipFile(source) as zf:
            try:
                stats = inspect_package(zf, cell_parts=WORKSHEETS, keep=_read_later)  # a bomb is refused whatever it holds
            except PackageRefused as exc:
                raise _refusal(zf, path, exc) from exc
            _check_identity(zf, path)
            _check_cells(zf, stats, path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookError(msg.TRUNCATED.format(name=path.name)) from exc
    return stats


def _read_later(part: str) -> bool:
    """The parts calamine_values reads again for its exactness checks: kept from the scan's one inflation."""
    return part.startswith(WORKSHEETS) or part.lower().endswith("sharedstrings.xml")


def _refusal(zf: zipfile.ZipFile, path: Path, exc: PackageRefused) -> WorkbookError:
    """The refusal naming the file, and the sheet when the part is a sheet's."""
    sheet = sheet_names_by_part(zf).get(exc.part) if exc.part.startswith(WORKSHEETS) else None
    detail = f"sheet “{sheet}”, {exc.detail}" if sheet else exc.detail
    template = msg.OVERSIZED if exc.oversized else msg.DAMAGED_PART
    return WorkbookError(template.format(name=path.name, detail=detail))


def check_file(path: Path) -> None:
    """WorkbookError when path is a folder, missing, unreadable or empty."""
    if path.is_dir():
        raise WorkbookError(msg.IS_FOLDER.format(path=path))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise WorkbookError(msg.NOT_FOUND.format(path=path)) from None
    except OSError as exc:
        raise WorkbookError(msg.READ_LOCKED.format(name=path.name)) from exc
    if size == 0:
        raise WorkbookError(msg.EMPTY_FILE.format(name=path.name))


def _is_encrypted(path: Path, data: bytes | None) -> bool:
    """True when a compound file holds the streams of an encrypted Office document."""
    if data is None:
        with open(path, "rb") as fh:
            data = fh.read(8 * 1024 * 1024)  # the directory sits near the start in every real file
    else:
        data = data[: 8 * 1024 * 1024]
    return "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data


def _kind(head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "là tệp PDF"
    if head.lstrip().startswith(b"<"):
        return "là trang web/HTML hoặc XML"
    try:
        head.decode("utf-8")
        return "là văn bản thuần hoặc CSV"
    except UnicodeDecodeError:
        return "định dạng không rõ"


def _check_identity(zf: zipfile.ZipFile, path: Path) -> None:
    names = set(zf.namelist())
    if "mimetype" in names and b"opendocument" in zf.read("mimetype")[:200]:
        raise WorkbookError(msg.OPENDOCUMENT.format(name=path.name))
    if "word/document.xml" in names:
        raise WorkbookError(msg.WORD_FILE.format(name=path.name))
    if "xl/workbook.xml" not in names:
        raise WorkbookError(msg.FOREIGN_ZIP.format(name=path.name))


def _check_cells(zf: zipfile.ZipFile, stats: PackageStats, path: Path) -> None:
    total = sum(stats.cells.values())
    if total <= MAX_CELLS:
        return
    part = max(stats.cells, key=stats.cells.get)
    sheet = sheet_names_by_part(zf).get(part, part)
    raise WorkbookError(msg.TOO_MANY_CELLS.format(
        name=path.name, sheet=sheet, cells=grouped(stats.cells[part]), limit=grouped(MAX_CELLS)))


def sheet_names_by_part(zf: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part name -> sheet name, from xl/workbook.xml and its relationships."""
    try:
        parts = [zf.read("xl/workbook.xml"), zf.read("xl/_rels/workbook.xml.rels")]
        if any(b"<!DOCTYPE" in data or b"<!ENTITY" in data for data in parts):
            return {}  # called on a refused package too: never expand a declaration
        book, rels = (ElementTree.fromstring(data) for data in parts)
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_NS_PKG}Relationship")}
    out: dict[str, str] = {}
    for sheet in book.iter(f"{_NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_NS_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        out[part] = sheet.get("name", "")
    return out
