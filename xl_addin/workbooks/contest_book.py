"""The contest workbook on disk, as a use-case ContestBook: reads are streamed, writes are queued.

A save rewrites only the parts of the .xlsx the tool owns (its own sheets, styles appended,
the workbook's sheet list and print names) and copies every other entry of the package byte for
byte, so a person's sheets, charts, pivot tables and custom parts come back as they were.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from lxml import etree

from ..domain import file_messages as msg
from ..domain.tables import Rows
from ..errors import WorkbookError, WorkbookLockedError
from ..ports import Mark, SheetLayout
from .contest_lock import ContestLock
from .package_cells import mark_edits, patch_cells, patch_written, unmark_edits
from .sheet_notes import NOTE_AUTHOR  # noqa: F401 (the author of the tool's notes)
from .sheet_patch import SheetEdits
from .sheet_writer import write_sheet_rows
from .sheet_xml import empty_sheet
from .written_sheet import WrittenSheet
from .xlsx_guard import check_archive
from .sheet_source import SheetSource
from .xlsx_io import save_atomically
from .xlsx_package import Package
from .xlsx_styles import StyleBook

_NOTE_RELS = ("comments", "vmlDrawing")  # a rewritten sheet's notes go with its cells


@dataclass
class _Edit:
    kind: str  # write, append, mark, unmark
    sheet: str = ""
    rows: Rows = field(default_factory=list)
    layout: SheetLayout = field(default_factory=SheetLayout)
    marks: list = field(default_factory=list)


class FileContestBook:
    """A closed contest workbook: values read once, changes applied to its package and saved."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._values: dict[str, Rows] | None = None
        self._names: list[str] | None = None
        self._edits: list[_Edit] = []
        self._checked: tuple | None = None  # the file's stat when it was read and checked, unchanged since
        self._lock = ContestLock(self.path)  # held from the first read until the save

    @property
    def label(self) -> str:
        """The file name."""
        return self.path.name

    @property
    def folder(self) -> Path:
        """The contest folder."""
        return self.path.parent

    def _load(self) -> dict[str, Rows]:
        """The sheets' values, each read from the file's snapshot when first asked for."""
        if self._values is None:
            self._lock.acquire()
            try:
                before = _stat(self.path)
                source = SheetSource(self.path)
                self._checked = before if before is not None and _stat(self.path) == before else None
                self._names = source.sheet_names()
            except BaseException:
                self._lock.release()
                raise
            self._values = _Sheets(source, self._names, self._lock)
        return self._values

    def sheet_names(self) -> list[str]:
        """The names of the sheets, in order."""
        self._load()
        return list(self._names or [])

    def read(self, names: Sequence[str]) -> dict[str, Rows]:
        """The values of the named sheets that exist (as last saved, plus this run's writes)."""
        values = self._load()
        return {n: values[n] for n in names if n in values}

    def write_sheet(self, sheet: str, rows: Rows, layout: SheetLayout = SheetLayout()) -> None:
        """Queue replacing a sheet's contents."""
        self._load()[sheet] = [list(r) for r in rows]
        if sheet not in (self._names or []):
            (self._names or []).append(sheet)
        self._edits.append(_Edit("write", sheet, [list(r) for r in rows], layout))

    def append_rows(self, sheet: str, rows: Rows) -> None:
        """Queue adding rows at the bottom of a sheet."""
        self._load().setdefault(sheet, []).extend(list(r) for r in rows)
        self._edits.append(_Edit("append", sheet, [list(r) for r in rows]))

    def mark(self, marks: Sequence[Mark]) -> None:
        """Queue highlighting cells with a note."""
        if marks:
            self._edits.append(_Edit("mark", marks=list(marks)))

    def unmark(self, cells: Sequence[tuple[str, str]]) -> None:
        """Queue removing earlier highlights and the tool's notes."""
        if cells:
            self._edits.append(_Edit("unmark", marks=list(cells)))

    def save(self) -> Path | None:
        """Apply the queued changes to the file (other parts kept byte for byte), atomically after a backup."""
        try:
            if not self._edits:
                return None
            self._lock.acquire()  # again, for a book saved a second time
            edits, self._edits = self._edits, []
            data = self._package(edits)
            self._checked = None  # the file is about to change: a later save checks it again
            return save_atomically(data, self.path)
        finally:
            self._lock.release()

    def _package(self, edits: list[_Edit]) -> bytes:
        pkg = _open_package(self.path, checked=self._checked)
        styles_part = pkg.styles_part()
        book = StyleBook(pkg.read(styles_part))
        pending: dict[str, SheetEdits] = {}  # a sheet's unmarks, then marks: patched in one pass
        written: dict[str, tuple[str, WrittenSheet]] = {}  # sheets written, their XML made when their marks are known

        def flush(sheet: str) -> None:
            cells = pending.pop(sheet, None)
            part, sheet_rows = written.pop(sheet, (None, None))
            if sheet_rows is not None:
                if cells is not None and not cells.appended:
                    patch_written(pkg, book, sheet, part, sheet_rows, cells)
                    return
                pkg.put(part, sheet_rows.to_bytes())
            if cells is not None:
                patch_cells(pkg, book, sheet, cells)

        for edit in edits:
            if edit.kind in ("write", "append"):
                flush(edit.sheet)
            if edit.kind == "write":
                written[edit.sheet] = _write(pkg, book, edit)
            elif edit.kind == "append":
                if pkg.sheet_part(edit.sheet) is None:
                    pkg.put(pkg.add_sheet(edit.sheet), empty_sheet())
                patch_cells(pkg, book, edit.sheet, SheetEdits(appended=edit.rows))
            else:
                _queue_marks(edit, pending, flush)
        for sheet in [*pending, *written]:
            flush(sheet)
        if book.changed:
            pkg.put(styles_part, book.to_bytes())
        # The person's formulas keep their cached values (their sheets are copied as they are), but
        # some may read the tool's sheets just rewritten: let Excel or LibreOffice compute them again.
        pkg.recalc_on_load()
        return pkg.to_bytes()


class _Sheets(dict):
    """Sheet name -> rows, a sheet read from the snapshot when first asked for (`in`: the sheet exists).

    It holds the book's list of names and its lock, not the book: a book dropped unsaved is freed at
    once, and its lock with it (no reference cycle left for the garbage collector)."""

    def __init__(self, source: SheetSource, names: list[str], lock: ContestLock):
        super().__init__()
        self._source, self._names, self._lock = source, names, lock

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, name) or name in self._names

    def __missing__(self, name: str) -> Rows:
        if name not in self._names:
            raise KeyError(name)
        try:
            rows = self[name] = self._source.rows(name)
        except BaseException:
            self._lock.release()  # as a failed first read: the run stops here
            raise
        return rows

    def setdefault(self, name: str, default: Rows) -> Rows:  # append_rows: a sheet's rows, then the new ones
        return self[name] if name in self else dict.setdefault(self, name, default)


def _queue_marks(edit: _Edit, pending: dict[str, SheetEdits], flush) -> None:
    """Add a mark or unmark edit to each sheet's pending edits: unmarks then marks go in one patch
    (patch_sheet applies them in that order); anything else on a pending sheet patches it first."""
    grouped = mark_edits(edit.marks) if edit.kind == "mark" else unmark_edits(edit.marks)
    for sheet, cells in grouped.items():
        queued = pending.get(sheet)
        if queued is not None and (queued.marks or queued.appended):
            flush(sheet)
            queued = None
        if queued is None:
            pending[sheet] = cells
        else:  # unmarks pending, marks come: one pass does both
            queued.marks = cells.marks
            queued.unmarks |= cells.unmarks


def _write(pkg: Package, book: StyleBook, edit: _Edit) -> tuple[str, WrittenSheet]:
    """A sheet replaced whole by the sheet writer (its notes go with its cells), or created: its part and
    rows, put into the package by flush (an empty part holds its place until then)."""
    part = pkg.sheet_part(edit.sheet)
    old = pkg.read(part) if part else None
    part = part or pkg.add_sheet(edit.sheet)
    sheet_rows, names = write_sheet_rows(edit.rows, edit.layout, book, old)
    pkg.drop_sheet_rels(part, _NOTE_RELS)
    pkg.set_sheet_names(edit.sheet, {"_xlnm.Print_Titles": names.titles, "_xlnm.Print_Area": names.area})
    pkg.put(part, b"")
    return part, sheet_rows


def _stat(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def _open_package(path: Path, *, checked: tuple | None = None) -> Package:
    """The file's package, checked first (unless it is still the file checked when read, `checked` its
    stat); WorkbookError with a Vietnamese message otherwise."""
    unchanged = checked is not None and _stat(path) == checked
    if not unchanged:
        check_archive(path)
    try:
        data = path.read_bytes()
        if unchanged and _stat(path) != checked:  # changed while it was read: checked as any file
            check_archive(path)
            data = path.read_bytes()
        return Package(data)
    except PermissionError as exc:
        raise WorkbookLockedError(msg.READ_LOCKED.format(name=path.name)) from exc
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise WorkbookError(msg.UNREADABLE.format(name=path.name, detail=type(exc).__name__)) from exc
