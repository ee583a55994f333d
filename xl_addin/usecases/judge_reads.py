"""The judges' workbooks read by threads from the start of the results step, taken in order."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterator

from ..domain.tables import Rows
from ..errors import WorkbookError
from ..workbooks.judge_reading import read_judge_workbook

READ_AHEAD = 2  # files read at once: calamine and zlib let go of the GIL, so a second core reads too
WINDOW = 4  # files read and not yet taken, at most (each file's rows held in memory until taken)
Read = dict[str, Rows] | WorkbookError


class JudgeReads:
    """Each judge's workbook read (read_judge_workbook, snapshot included) while the step does the rest.

    Reading starts when the object is made, READ_AHEAD files at a time and at most WINDOW ahead of
    the files taken, so the first files are read while the contest workbook is read and checked;
    `close` waits for the files being read and reads no more (a blocked step). Plain threads, not
    concurrent.futures: the step does not pay for importing it (and logging) at province scale.
    """

    def __init__(self, files: list[Path]):
        self.files = list(files)
        self._reads: list[Read | _Raised | None] = [None] * len(self.files)
        self._done = [threading.Event() for _ in self.files]
        self._turn = threading.Condition()
        self._next = self._taken = 0  # the next file to read; the files the caller has taken
        self._stopped = False
        count = min(READ_AHEAD, len(self.files)) if len(self.files) > 1 else 0
        self._threads = [threading.Thread(target=self._read_files, daemon=True) for _ in range(count)]
        for thread in self._threads:
            thread.start()

    def __enter__(self) -> JudgeReads:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self.files)

    def __iter__(self) -> Iterator[tuple[Path, Read]]:
        """(file, its sheets' rows or the WorkbookError saying why it cannot be read), in the files' order (once)."""
        for i, path in enumerate(self.files):
            if not self._threads:
                yield path, read_or_why(path)
                continue
            self._done[i].wait()
            read, self._reads[i] = self._reads[i], None  # its rows are the caller's once taken
            with self._turn:
                self._taken = i + 1
                self._turn.notify_all()
            if isinstance(read, _Raised):
                raise read.error  # an unexpected error, raised here as reading the file here would
            assert read is not None, "JudgeReads is iterated once"
            yield path, read

    def close(self) -> None:
        """Wait for the files being read, and read no more."""
        with self._turn:
            self._stopped = True
            self._turn.notify_all()
        for thread in self._threads:
            thread.join()

    def _read_files(self) -> None:
        """A reading thread: the next file not yet read, while the window and the step allow."""
        while True:
            with self._turn:
                while not self._stopped and self._next < len(self.files) and self._next >= self._taken + WINDOW:
                    self._turn.wait()
                if self._stopped or self._next >= len(self.files):
                    return
                i, self._next = self._next, self._next + 1
            try:
                self._reads[i] = read_or_why(self.files[i])
            except BaseException as error:  # noqa: BLE001 (handed to the step's thread, which raises it)
                self._reads[i] = _Raised(error)
            self._done[i].set()


class _Raised:
    """An unexpected error met by a reading thread, for the step's thread to raise."""

    def __init__(self, error: BaseException):
        self.error = error


def read_or_why(path: Path) -> Read:
    """The judge's workbook's rows (read_judge_workbook), or the WorkbookError saying why not."""
    try:
        return read_judge_workbook(path, snapshot=True)
    except WorkbookError as exc:
        return exc
