"""Opening .xlsx files safely, reading sheets as plain rows, and saving atomically after a backup."""

from __future__ import annotations

import errno
import functools
import io
import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import file_messages as msg
from ..domain import schema
from ..domain.tables import Rows
from .. import safe_files
from ..errors import SaveError, WorkbookLockedError
from .sheet_source import MAX_ROWS, SheetSource, bounded, load_openpyxl, openpyxl_rows  # noqa: F401 (MAX_ROWS)
from .xlsx_guard import check_archive

if TYPE_CHECKING:  # openpyxl is imported only where a workbook is loaded with it (not to read values)
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["check_archive", "open_workbook", "read_sheets", "rows_of", "save_atomically", "write_atomically"]

MAX_BACKUPS = 30  # copies of the contest workbook kept in sao_luu/ (judges' files there are never pruned)
_STALE_TEMP_SECONDS = 60


def open_workbook(path: Path | str, *, read_only: bool = False, data_only: bool = True) -> Workbook:
    """The workbook at path, checked first; WorkbookError with a Vietnamese message otherwise."""
    path = Path(path)
    check_archive(path)
    return _load(path, read_only=read_only, data_only=data_only)


def rows_of(ws: Worksheet) -> Rows:
    """All rows of an openpyxl sheet as lists of values from A1, bounded by the cells that hold a value."""
    from .openpyxl_rows import rows_of as read

    return read(ws)


def _load(path: Path, *, read_only: bool, data_only: bool = True) -> Workbook:
    return load_openpyxl(path, path, read_only=read_only, data_only=data_only)


def read_sheets(path: Path | str, names: tuple[str, ...] | None = None) -> dict[str, Rows]:
    """The values of the named sheets (all when None) of a closed workbook, read-only.

    Read with python-calamine; a sheet it cannot read exactly (calamine_values says which), or a
    file it cannot open, is read with openpyxl as before, whose errors give the messages.
    """
    with SheetSource(Path(path)) as source:
        return source.read(names)


def _read_openpyxl(path: Path, names: tuple[str, ...] | None) -> dict[str, Rows]:
    """read_sheets with openpyxl's reader alone (as before calamine): the reference the tests compare with."""
    wb = _load(path, read_only=True)
    try:
        wanted = wb.sheetnames if names is None else [n for n in wb.sheetnames if n in names]
        return {name: bounded(openpyxl_rows(wb, name, path), name, path) for name in wanted}
    finally:
        wb.close()


def ensure_writable(path: Path) -> None:
    """Raise WorkbookLockedError when Excel holds the file (its ~$ lock file) or it is read-only."""
    lock = path.with_name("~$" + path.name)
    if lock.exists():
        raise WorkbookLockedError(msg.OPEN_IN_EXCEL.format(name=path.name, lock=lock.name))
    if path.exists() and not os.access(path, os.W_OK):
        if _read_only_disk(path.parent):
            raise SaveError(msg.WRITE_READ_ONLY_DISK.format(name=path.name, folder=str(path.parent)))
        raise WorkbookLockedError(msg.READ_ONLY_FILE.format(name=path.name))
    try:
        with open(path, "r+b"):
            pass
    except FileNotFoundError:
        return
    except PermissionError as exc:
        raise WorkbookLockedError(msg.WRITE_LOCKED.format(name=path.name)) from exc
    except OSError as exc:  # a read-only disk (EROFS), a vanished USB stick (EIO)
        raise write_fault(path, exc) from exc


def _read_only_disk(folder: Path) -> bool:
    """True when the folder's file system is mounted read-only (a locked USB stick, a CD)."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # no statvfs on Windows: the write itself will say
        return False


def backup(path: Path) -> Path | None:
    """Copy the workbook into sao_luu/ with a timestamp; the copy's path (None if nothing to back up)."""
    if not path.exists():
        return None
    return safe_files.backup_copy(path, path.parent / schema.BACKUP_DIR)  # no half copy left on a full disk


def prune_backups(path: Path, keep: int = MAX_BACKUPS) -> list[Path]:
    """Delete the oldest timestamped copies of this workbook in sao_luu/ beyond `keep`; those deleted."""
    pattern = re.compile(re.escape(path.stem) + r"-\d{8}-\d{6}-\d{6}" + re.escape(path.suffix) + "$")
    folder = path.parent / schema.BACKUP_DIR
    if not folder.is_dir():
        return []
    copies = sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))  # the stamp sorts by time
    doomed = copies[:-keep] if keep > 0 else copies
    for old in doomed:
        try:
            old.unlink(missing_ok=True)
        except OSError:
            pass  # a copy made read-only by a sync tool: keeping it is better than failing a done save
    return doomed


_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def write_fault(path: Path, exc: OSError) -> SaveError:
    """The Vietnamese message for an OSError met while writing path (permissions, full or gone disk)."""
    names = dict(name=path.name, folder=str(path.parent), backups=str(path.parent / schema.BACKUP_DIR))
    if exc.errno in _DISK_FULL:
        return SaveError(msg.WRITE_DISK_FULL.format(**names))
    if exc.errno == errno.EROFS:
        return SaveError(msg.WRITE_READ_ONLY_DISK.format(**names))
    if exc.errno == errno.ENOENT or not path.parent.is_dir():
        return SaveError(msg.WRITE_VANISHED.format(**names))
    if isinstance(exc, PermissionError):
        return SaveError(msg.WRITE_DENIED.format(**names))
    return SaveError(msg.WRITE_FAILED.format(**names, detail=exc.strerror or type(exc).__name__))


def _named_faults(func):
    """Turn an OSError of a writer into a SaveError naming the file being written."""
    @functools.wraps(func)
    def wrapper(wb: Workbook, path: Path, *args, **kwargs):
        try:
            return func(wb, path, *args, **kwargs)
        except OSError as exc:
            raise write_fault(Path(path), exc) from exc
    return wrapper


def _save_to(wb: Workbook | bytes, target: str) -> None:
    """Serialise in memory, then write the file whole (fsynced, through a temporary file beside it): a
    failing disk raises once, here, and nothing else (no half-closed zip left for the garbage collector).
    Bytes are a whole package already made."""
    if isinstance(wb, (bytes, bytearray)):
        data = memoryview(wb)
    else:
        buffer = io.BytesIO()
        wb.save(buffer)
        data = buffer.getbuffer()
    safe_files.write_atomically(Path(target), data, suffix=".xlsx")


@_named_faults
def write_atomically(wb: Workbook | bytes, path: Path) -> None:
    """Save to a temporary file beside path, then replace it: a failed save leaves no half file.

    The temporary file is created as any file the user makes (the umask decides its mode, not
    mkstemp's 0600), and a file being replaced keeps its own mode, so colleagues on a shared
    folder can still open it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        _save_to(wb, str(path))
    except PermissionError as exc:
        raise WorkbookLockedError(msg.WRITE_LOCKED.format(name=path.name)) from exc


def save_atomically(wb: Workbook | bytes, path: Path) -> Path | None:
    """Back the file up, write to a temporary file beside it and replace it; the backup's path.

    wb is an openpyxl workbook, or the bytes of a whole .xlsx package already made."""
    ensure_writable(path)
    try:
        saved = backup(path)
    except OSError as exc:
        raise write_fault(path, exc) from exc
    write_atomically(wb, path)
    prune_backups(path)
    remove_stale_temps(path.parent)
    return saved


def remove_stale_temps(folder: Path) -> None:
    """Delete temporary files a killed run left beside the workbook (older than a minute)."""
    cutoff = time.time() - _STALE_TEMP_SECONDS
    for tmp in folder.glob(".binhchon-*.xlsx"):
        try:
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
        except OSError:
            pass  # another run's, or already gone
