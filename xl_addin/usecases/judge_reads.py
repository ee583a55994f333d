"""The judges' workbooks read by threads from the start of the results step, taken in order."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Iterator

from ..domain.tables import Rows
from ..errors import WorkbookError
from ..workbooks.judge_workbook import read_judge_workbook

READ_AHEAD = 2  # files read at once: calamine and zlib let go of the GIL, so a second core reads too
WINDOW = 4  # files read and not yet taken, at most (each file's rows held in memory until taken)


class JudgeReads:
    """Each judge's workbook read (read_judge_workbook, snapshot included) while the step does the rest.

    Reading starts when the object is made, two files at a time and at most WINDOW ahead of the
    files taken, so the first files are read while the contest workbook is read and checked;
    `close` drops what was not read yet (a blocked step).
    """

    def __init__(self, files: list[Path]):
        self.files = list(files)
        self._pool = ThreadPoolExecutor(max_workers=READ_AHEAD) if len(self.files) > 1 else None
        self._futures: list[Future | None] = []
        for path in self.files[:WINDOW] if self._pool else ():
            self._futures.append(self._pool.submit(read_or_why, path))

    def __enter__(self) -> JudgeReads:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self.files)

    def __iter__(self) -> Iterator[tuple[Path, dict[str, Rows] | WorkbookError]]:
        """(file, its sheets' rows or the WorkbookError saying why it cannot be read), in the files' order (once)."""
        if self._pool is None:
            yield from ((path, read_or_why(path)) for path in self.files)
            return
        for i, path in enumerate(self.files):
            if i + WINDOW < len(self.files):
                self._futures.append(self._pool.submit(read_or_why, self.files[i + WINDOW]))
            future, self._futures[i] = self._futures[i], None  # its rows are the caller's once taken
            assert future is not None, "JudgeReads is iterated once"
            yield path, future.result()  # an unexpected error is raised here, as reading it here would

    def close(self) -> None:
        """Wait for the files being read, and read no more."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def read_or_why(path: Path) -> dict[str, Rows] | WorkbookError:
    """The judge's workbook's rows (read_judge_workbook), or the WorkbookError saying why not."""
    try:
        return read_judge_workbook(path, snapshot=True)
    except WorkbookError as exc:
        return exc
