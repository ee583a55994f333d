"""Where the register is (a SQLite file or a PostgreSQL URL), and an engine to it that fails in Vietnamese."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, IntegrityError, OperationalError

from ..domain import register_messages as msg
from ..domain import register_schema as rs
from .errors import RegisterError, RegisterLockedError, RegisterUnavailableError

SQLITE_TIMEOUT = 5.0  # seconds to wait for another program's lock on the SQLite file
CONNECT_TIMEOUT = 5  # seconds to wait for a PostgreSQL server
SQLITE_MAGIC = b"SQLite format 3\x00"
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ceph", "glusterfs", "davfs", "ncpfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "fuse.smbnetfs",
})


@dataclass(frozen=True)
class Location:
    """A resolved register: its URL, what messages call it, and its file when it is SQLite."""

    url: URL
    where: str
    sqlite_path: Path | None = None


def resolve(location: str | None, base_folder: Path) -> Location:
    """--register, else $BINHCHON_REGISTER, else base_folder/so_theo_doi.sqlite."""
    raw = (location or os.environ.get(rs.REGISTER_ENV) or "").strip()
    if not raw:
        return _sqlite(Path(base_folder) / rs.REGISTER_FILE)
    if "://" not in raw:
        path = Path(raw).expanduser()
        return _sqlite(path / rs.REGISTER_FILE if path.is_dir() else path)
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise RegisterError(msg.BAD_URL.format(where=raw)) from exc
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise RegisterError(msg.BAD_URL.format(where=raw))
        return _sqlite(Path(url.database))
    if backend in ("postgresql", "postgres"):
        # Plain postgresql:// would mean psycopg2; the tool ships with psycopg 3.
        url = url.set(drivername="postgresql+psycopg")
        return Location(url, url.render_as_string(hide_password=True))
    raise RegisterError(msg.BAD_URL.format(where=raw))


def _sqlite(path: Path) -> Location:
    """The register file; messages name it as the user gave it (relative stays relative)."""
    full = path.absolute()
    return Location(URL.create("sqlite", database=str(full)), str(path), full)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that exists, is not empty and is no SQLite database (a workbook, a text file…)."""
    if not path.parent.is_dir():
        raise RegisterError(msg.UNREADABLE.format(where=path, reason=f"không có thư mục {path.parent}"))
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise RegisterError(msg.UNREADABLE.format(where=path, reason=exc.strerror or exc)) from exc
    if head != SQLITE_MAGIC:
        raise RegisterError(msg.NOT_A_REGISTER.format(where=path))


def make_engine(loc: Location) -> Engine:
    """An engine to the register: SQLite with real transactions and foreign keys, or PostgreSQL."""
    if loc.sqlite_path is None:
        try:
            return create_engine(loc.url, connect_args={"connect_timeout": CONNECT_TIMEOUT}, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise RegisterError(msg.NO_DRIVER) from exc
    check_sqlite_file(loc.sqlite_path)
    engine = create_engine(loc.url, connect_args={"timeout": SQLITE_TIMEOUT})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # pysqlite's own transaction handling would commit DDL early: let SQLAlchemy emit BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN")

    return engine


@contextmanager
def database_errors(loc: Location) -> Iterator[None]:
    """Turn the driver's errors into the register's failures, each with a Vietnamese message."""
    try:
        yield
    except OperationalError as exc:
        raise _operational(loc, exc) from exc
    except IntegrityError as exc:  # another office wrote the same rows meanwhile (a shared server)
        raise RegisterError(msg.WRITE_CONFLICT.format(where=loc.where)) from exc
    except DatabaseError as exc:
        if loc.sqlite_path is not None:
            raise RegisterError(msg.NOT_A_REGISTER.format(where=loc.where)) from exc
        raise
    except DBAPIError as exc:  # pragma: no cover - other driver failures
        raise RegisterError(msg.UNREADABLE.format(where=loc.where, reason=_reason(exc))) from exc


def _operational(loc: Location, exc: OperationalError) -> RegisterError:
    reason = _reason(exc)
    if loc.sqlite_path is None:
        return RegisterUnavailableError(msg.SERVER_DOWN.format(where=loc.where, reason=reason))
    lowered = reason.lower()
    if "locked" in lowered or "busy" in lowered:
        return RegisterLockedError(msg.LOCKED.format(where=loc.where))
    if "not a database" in lowered or "malformed" in lowered:
        return RegisterError(msg.NOT_A_REGISTER.format(where=loc.where))
    return RegisterError(msg.UNREADABLE.format(where=loc.where, reason=reason))


def _reason(exc: DBAPIError) -> str:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    return " ".join(text.split())[:300]


def network_path(path: Path) -> bool:
    """True when the file lies on a network share (UNC path, mapped network drive, NFS/SMB mount)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if os.name == "nt":
        return _windows_remote_drive(path)
    return _mount_type(path) in NETWORK_FILESYSTEMS


def _windows_remote_drive(path: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = os.path.splitdrive(str(path.absolute()))[0]
    return bool(drive) and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE


def _mount_type(path: Path, mounts_file: str = "/proc/mounts") -> str:
    """The filesystem type of the mount holding path ('' when unknown)."""
    if not sys.platform.startswith("linux"):
        return ""
    try:
        with open(mounts_file, encoding="utf-8", errors="replace") as fh:
            mounts = [line.split() for line in fh]
    except OSError:
        return ""
    target = str(path.absolute().parent.resolve())
    best, kind = "", ""
    for fields in mounts:
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, fields[2]
    return kind
