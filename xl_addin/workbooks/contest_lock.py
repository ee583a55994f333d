"""One lock per contest folder, so that two commands never interleave their reads and writes.

The lock is an OS lock (flock on POSIX, msvcrt.locking on Windows) on `.binhchon.lock` beside the
contest workbook: the system releases it when the holder exits, even when killed, so a crash
never leaves a stale lock. The holder writes who it is (action, computer, user, start time) into
the file; a second run waits briefly and then says exactly that.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
import sys
import time
from decimal import Decimal
from pathlib import Path

from ..domain import file_messages as msg
from ..domain.values import vn_short
from ..errors import ContestBusyError

LOCK_NAME = ".binhchon.lock"
DEFAULT_WAIT_SECONDS = 20.0  # long enough for another run's save; BINHCHON_LOCK_WAIT overrides it
_POLL = 0.1
_INFO_BYTES = 4096

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # the first byte; the holder's details follow it
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def current_action() -> str:
    """What this process is doing, for the holder's record: the command line's sub-command."""
    words = [a for a in sys.argv[1:] if not a.startswith("-")][:1]
    return "binhchon " + " ".join(words) if words else Path(sys.argv[0] or "binhchon").name


def wait_seconds() -> float:
    """How long a second run waits for the lock (BINHCHON_LOCK_WAIT seconds, default 20)."""
    try:
        return max(0.0, float(os.environ.get("BINHCHON_LOCK_WAIT", DEFAULT_WAIT_SECONDS)))
    except ValueError:
        return DEFAULT_WAIT_SECONDS


class ContestLock:
    """The lock of the contest whose workbook is `workbook`; acquire() waits, then ContestBusyError."""

    def __init__(self, workbook: Path, action: str | None = None):
        self.workbook = Path(workbook)
        self.path = self.workbook.parent / LOCK_NAME
        self.action = action or current_action()
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def acquire(self, wait: float | None = None) -> None:
        """Take the lock, waiting up to `wait` seconds; ContestBusyError naming the holder otherwise."""
        if self._fd is not None:
            return
        wait = wait_seconds() if wait is None else wait
        fd = _open(self.path)
        if fd is None:
            return  # a folder nobody can write to: nothing can interleave, and the save will say why
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                holder = _read_holder(fd)
                os.close(fd)
                raise ContestBusyError(_busy_message(self.workbook.name, holder, wait))
            time.sleep(_POLL)
        self._fd = fd
        try:
            _write_holder(fd, self.action)
        except OSError:
            pass  # a read-only lock file still locks; the waiter then says "không rõ máy nào"

    def release(self) -> None:
        """Give the lock back (the holder record is left: it is only read while the lock is held)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> "ContestLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def __del__(self) -> None:  # an in-process caller that forgot to release must not block the next
        try:
            self.release()
        except Exception:
            pass


def _open(path: Path) -> int | None:
    for flags in (os.O_RDWR | os.O_CREAT, os.O_RDONLY):
        try:
            return os.open(path, flags, 0o666)
        except OSError:
            continue
    return None


def _write_holder(fd: int, action: str) -> None:
    record = {
        "action": action, "host": socket.gethostname(), "user": _user(), "pid": os.getpid(),
        "since": dt.datetime.now().strftime("%H:%M:%S %d/%m/%Y"),
    }
    data = b"\n" + json.dumps(record, ensure_ascii=False).encode("utf-8")  # byte 0: the locked byte
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data[:_INFO_BYTES])
    os.ftruncate(fd, len(data[:_INFO_BYTES]))


def _read_holder(fd: int) -> dict:
    try:
        os.lseek(fd, 1, os.SEEK_SET)  # byte 0 may be locked (Windows locks a byte range)
        return json.loads(os.read(fd, _INFO_BYTES).decode("utf-8").strip() or "{}")
    except (OSError, ValueError):
        return {}


def _busy_message(name: str, holder: dict, waited: float) -> str:
    if not holder.get("host"):
        return msg.CONTEST_BUSY_UNKNOWN.format(name=name, waited=_seconds(waited))
    return msg.CONTEST_BUSY.format(name=name, action=holder.get("action", "?"), host=holder["host"],
                                   user=holder.get("user", "?"), since=holder.get("since", "?"),
                                   waited=_seconds(waited))


def _seconds(value: float) -> str:
    return vn_short(Decimal(f"{value:g}"))


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account): not worth failing for
        return "?"
