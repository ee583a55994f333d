"""Files written whole or not at all, their SHA-256, and timestamped copies: one place for every adapter.

A file is written to a temporary file beside it, flushed to the disk (unless the caller can make it
again, as the generated documents), and moved over the old one in one step (os.replace), so a failed
or killed run leaves either the old file or the new one, never half of one. Standard library only: the workbooks, documents and Excel adapters all use it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
import shutil
import stat
from pathlib import Path
from typing import BinaryIO, Callable

Writer = Callable[[BinaryIO], None]
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"  # sorts by time; prune_backups matches it in copies' names
_BLOCK = 1 << 20


def write_atomically(path: Path, data: bytes | bytearray | memoryview | Writer, *,
                     prefix: str = ".binhchon-", suffix: str = ".tmp", durable: bool = True) -> None:
    """Write bytes (or what a writer callback writes into an open binary file) to path, all or nothing.

    The temporary file is created as any file the user makes (the umask decides its mode), and a
    file being replaced keeps its own mode, so colleagues on a shared folder can still open it.
    On any failure the temporary file is removed and path is left as it was. durable=False skips the
    fsync (a file made again from the workbook, e.g. each of a thousand certificates): still never half.
    Bytes are written with the bare system calls (create, write, close, replace: a thousand
    certificates spent more in Python's file object and a random name than in writing them).
    """
    path = os.fspath(path)  # plain strings below: pathlib's work per call was a tenth of a certificate's
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)  # the mode to keep
    except FileNotFoundError:
        mode = None
    fd, tmp = _create_beside(path, prefix, suffix)
    try:
        if mode is not None and mode == stat.S_IMODE(os.fstat(fd).st_mode):
            mode = None  # the new file has it already
        if callable(data):
            with os.fdopen(fd, "wb") as fh:
                data(fh)
                fh.flush()
                if durable:
                    os.fsync(fh.fileno())
        else:
            try:
                _write_all(fd, data)
                if durable:
                    os.fsync(fd)
            finally:
                os.close(fd)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


_TOKEN = os.urandom(6).hex()  # random once per process; a counter tells its temporary files apart
_COUNTER = itertools.count()
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)  # not inherited (PEP 446)


def _create_beside(path: str, prefix: str, suffix: str) -> tuple[int, str]:
    """A new temporary file beside path, created exclusively (never another's), as (descriptor, path)."""
    folder = os.path.dirname(path)
    while True:
        tmp = os.path.join(folder, f"{prefix}{_TOKEN}{os.getpid():x}-{next(_COUNTER):x}{suffix}")
        try:
            return os.open(tmp, _CREATE, 0o666), tmp
        except FileExistsError:
            continue  # left by a run whose process had the same id and token: take the next name


def _write_all(fd: int, data: bytes | bytearray | memoryview) -> None:
    """Write every byte (os.write may write less than asked, e.g. over 2 GB on Windows)."""
    view = memoryview(data).cast("B")
    while view:
        view = view[os.write(fd, view):]


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex, read a block at a time."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_BLOCK), b""):
            h.update(block)
    return h.hexdigest()


def stamped_name(path: Path, now: dt.datetime | None = None) -> str:
    """The file's name with a timestamp before its suffix: 'binhchon-20250102-030405-000006.xlsx'."""
    stamp = (now or dt.datetime.now()).strftime(STAMP_FORMAT)
    return f"{path.stem}-{stamp}{path.suffix}"


def backup_copy(path: Path, folder: Path, *, move: bool = False) -> Path:
    """Copy (or move) the file into folder under a timestamped name; the copy's path.

    The folder is made when missing; a copy cut short (a full disk) is removed, never left half.
    """
    folder.mkdir(exist_ok=True)
    target = folder / stamped_name(path)
    if move:
        shutil.move(str(path), target)
        return target
    try:
        shutil.copy2(path, target)
    except OSError:
        target.unlink(missing_ok=True)
        raise
    return target
