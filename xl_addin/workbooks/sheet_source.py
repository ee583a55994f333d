"""A workbook file's sheets read on demand, each once, from one checked snapshot of its bytes.

The file is read into memory once and checked (xlsx_guard); each sheet asked for is then read with
python-calamine, or with openpyxl when calamine_values says it must be, from those same bytes: the
sheets read at different moments come from one version of the file, and no handle on the file stays
open (Windows could not replace it on save while one did).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import file_messages as msg
from ..domain.tables import Rows
from ..domain.values import grouped
from ..errors import WorkbookError, WorkbookLockedError
from .calamine_values import CalamineBook
from .sheet_values import row_beyond
from .xlsx_guard import check_archive, check_file

if TYPE_CHECKING:  # openpyxl is imported only when a sheet must be read with it
    from openpyxl.workbook.workbook import Workbook

MAX_ROWS = 20_000  # rows holding values in one sheet; a nation-scale contest has some 3,000 products


def read_bytes(path: Path) -> bytes:
    """The file's bytes; WorkbookError (a Vietnamese message) when it is missing, a folder, empty or locked."""
    check_file(path)
    try:
        return path.read_bytes()
    except PermissionError as exc:
        raise WorkbookLockedError(msg.READ_LOCKED.format(name=path.name)) from exc
    except OSError as exc:
        raise WorkbookError(msg.READ_LOCKED.format(name=path.name)) from exc


class SheetSource:
    """One snapshot of a workbook file, checked, whose sheets are read when asked for."""

    def __init__(self, path: Path, data: bytes | None = None):
        self.path = Path(path)
        self.data = read_bytes(self.path) if data is None else data
        stats = check_archive(self.path, self.data)
        self._fallback: Workbook | None = None
        try:
            self._book: CalamineBook | None = CalamineBook(self.data, stats)
        except Exception:  # CalamineError, OSError: openpyxl reads it, or says what is wrong
            self._book = None
        self._names: list[str] | None = None

    def __enter__(self) -> SheetSource:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the readers (the snapshot's bytes stay, for sheets asked for later)."""
        if self._book is not None:
            self._book.close()
            self._book = None
        if self._fallback is not None:
            self._fallback.close()
            self._fallback = None

    def sheet_names(self) -> list[str]:
        """The names of the sheets a read gives, in workbook order (openpyxl's view: a sheet whose part
        is missing is left out)."""
        if self._names is None:
            if self._book is None:
                self._names = list(self._openpyxl().sheetnames)
            else:
                present = self._book.has_part
                self._names = [n for n in self._book.sheet_names if present(n) or n in self._openpyxl().sheetnames]
        return list(self._names)

    def rows(self, name: str) -> Rows:
        """The sheet's plain rows; KeyError when there is no such sheet."""
        if name not in self.sheet_names():
            raise KeyError(name)
        rows = self._book.rows(name) if self._book is not None else None
        if rows is None:
            rows = openpyxl_rows(self._openpyxl(), name, self.path)
        return bounded(rows, name, self.path)

    def read(self, names: tuple[str, ...] | None = None) -> dict[str, Rows]:
        """The values of the named sheets that exist (all when None), in workbook order."""
        wanted = self.sheet_names() if names is None else [n for n in self.sheet_names() if n in names]
        return {name: self.rows(name) for name in wanted}

    def _openpyxl(self) -> Workbook:
        if self._fallback is None:
            self._fallback = load_openpyxl(self.path, io.BytesIO(self.data), read_only=True)
        return self._fallback


def load_openpyxl(path: Path, source, *, read_only: bool, data_only: bool = True) -> Workbook:
    """openpyxl's workbook of source (path's bytes or path itself); WorkbookError naming path otherwise."""
    import openpyxl

    try:
        return openpyxl.load_workbook(source, read_only=read_only, data_only=data_only)
    except PermissionError as exc:
        raise WorkbookLockedError(msg.READ_LOCKED.format(name=path.name)) from exc
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise WorkbookError(msg.UNREADABLE.format(name=path.name, detail=type(exc).__name__)) from exc


def openpyxl_rows(wb: Workbook, name: str, path: Path) -> Rows:
    """A sheet's plain rows read by openpyxl; WorkbookError naming the file and sheet when it cannot."""
    from .openpyxl_rows import rows_of

    try:
        return rows_of(wb[name])
    except Exception as exc:  # the sheet's XML is parsed here, lazily: name the file and the sheet
        detail = f"sheet “{name}”: {type(exc).__name__}"
        raise WorkbookError(msg.UNREADABLE.format(name=path.name, detail=detail)) from exc


def bounded(rows: Rows, name: str, path: Path) -> Rows:
    """The rows, or WorkbookError when more than MAX_ROWS of them hold values."""
    beyond = row_beyond(rows, MAX_ROWS)
    if beyond is not None:  # checking pasted junk row by row would only swell memory and Kiểm tra
        raise WorkbookError(msg.TOO_MANY_ROWS.format(name=path.name, sheet=name, limit=grouped(MAX_ROWS),
                                                     row=grouped(beyond)))
    return rows
