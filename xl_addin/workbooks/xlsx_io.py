"""Opening .xlsx files safely, reading sheets as plain rows, and saving atomically after a backup."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import uuid
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..domain import schema
from ..domain.tables import Rows
from ..errors import WorkbookError, WorkbookLockedError

# Refuse archives that would inflate far beyond any real contest (zip bombs).
MAX_UNCOMPRESSED = 500 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 10_000


def check_archive(path: Path) -> None:
    """Raise WorkbookError when the file is missing, not a zip-based Office file, or a zip bomb."""
    if not path.exists():
        raise WorkbookError(f"Không tìm thấy tệp {path}. Hãy kiểm tra lại đường dẫn.")
    if not zipfile.is_zipfile(path):
        raise WorkbookError(
            f"Tệp {path.name} không phải là sổ Excel .xlsx (hoặc đã hỏng). "
            "Hãy mở bằng Excel và lưu lại dưới dạng Excel Workbook (.xlsx)."
        )
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if len(infos) > MAX_MEMBERS or total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO * 10:
            raise WorkbookError(
                f"Tệp {path.name} bung ra quá lớn ({total // (1024 * 1024)} MB) so với kích thước "
                "của nó, có thể là tệp độc hại; công cụ từ chối mở. Hãy dùng tệp gốc."
            )
        for info in infos:
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO * 10 and info.file_size > 50 * 1024 * 1024:
                raise WorkbookError(f"Tệp {path.name} chứa phần nén bất thường ({info.filename}); công cụ từ chối mở.")


def open_workbook(path: Path | str, *, read_only: bool = False, data_only: bool = True) -> Workbook:
    """The workbook at path, checked first; WorkbookError with a Vietnamese message otherwise."""
    path = Path(path)
    check_archive(path)
    try:
        return openpyxl.load_workbook(path, read_only=read_only, data_only=data_only)
    except PermissionError as exc:
        raise WorkbookLockedError(
            f"Không đọc được {path.name}: tệp đang bị khóa. Hãy đóng tệp trong Excel rồi chạy lại."
        ) from exc
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise WorkbookError(
            f"Không đọc được {path.name} ({type(exc).__name__}). Hãy mở tệp bằng Excel, lưu lại "
            "dưới dạng .xlsx rồi chạy lại."
        ) from exc


def rows_of(ws: Worksheet) -> Rows:
    """All rows of a sheet as lists of values, trailing empty rows dropped."""
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return rows


def read_sheets(path: Path | str, names: tuple[str, ...] | None = None) -> dict[str, Rows]:
    """The values of the named sheets (all when None) of a closed workbook, read-only."""
    wb = open_workbook(path, read_only=True)
    try:
        wanted = wb.sheetnames if names is None else [n for n in wb.sheetnames if n in names]
        return {name: rows_of(wb[name]) for name in wanted}
    finally:
        wb.close()


def ensure_writable(path: Path) -> None:
    """Raise WorkbookLockedError when Excel holds the file (its ~$ lock file) or it is read-only."""
    lock = path.with_name("~$" + path.name)
    if lock.exists():
        raise WorkbookLockedError(
            f"{path.name} đang mở trong Excel. Hãy lưu và đóng tệp trong Excel rồi chạy lại."
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise WorkbookLockedError(
            f"{path.name} đang ở chế độ chỉ đọc. Hãy bỏ thuộc tính chỉ đọc (hoặc đóng tệp) rồi chạy lại."
        )
    try:
        with open(path, "r+b"):
            pass
    except FileNotFoundError:
        return
    except PermissionError as exc:
        raise WorkbookLockedError(
            f"Không ghi được {path.name}: tệp đang bị khóa. Hãy đóng tệp trong Excel rồi chạy lại."
        ) from exc


def backup(path: Path) -> Path | None:
    """Copy the workbook into sao_luu/ with a timestamp; the copy's path (None if nothing to back up)."""
    if not path.exists():
        return None
    folder = path.parent / schema.BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}{path.suffix}"
    shutil.copy2(path, target)
    return target


def write_atomically(wb: Workbook, path: Path) -> None:
    """Save to a temporary file beside path, then replace it: a failed save leaves no half file.

    The temporary file is created as any file the user makes (the umask decides its mode, not
    mkstemp's 0600), and a file being replaced keeps its own mode, so colleagues on a shared
    folder can still open it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = str(path.with_name(f".binhchon-{uuid.uuid4().hex}.xlsx"))
    try:
        wb.save(tmp)
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        os.replace(tmp, path)
    except PermissionError as exc:
        raise WorkbookLockedError(
            f"Không ghi được {path.name}: tệp đang bị khóa. Hãy đóng tệp trong Excel rồi chạy lại."
        ) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def save_atomically(wb: Workbook, path: Path) -> Path | None:
    """Back the file up, write to a temporary file beside it and replace it; the backup's path."""
    ensure_writable(path)
    saved = backup(path)
    write_atomically(wb, path)
    return saved
