"""Peak memory and seconds of `binhchon validate` on hostile workbooks (issue 12's targets: each
refused or handled in under 10 s and 300 MB).

    .venv/bin/python bench/robustness.py

Cases: 100,000 junk rows below the data (spaces, then text); formatting that reaches the last row and column; a sheet
of 60 MB of styled empty cells; zip bombs expanding to 0.5 GB and 1 GB. Each command runs in a
process of its own; its peak resident memory comes from wait4().
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import PatternFill

from xl_addin.domain import schema
from xl_addin.usecases.demo import fill_inputs
from xl_addin.usecases.init import init_contest

YELLOW = PatternFill("solid", start_color="FFFFFF00")
MB = 1024 * 1024


def junk_rows(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    ws = wb[schema.SHEET_REGISTRATIONS]
    for r in range(100, 100_100):
        ws.cell(r, 21, " ")
    wb.save(book)


def junk_text(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    ws = wb[schema.SHEET_REGISTRATIONS]
    for r in range(100, 100_100):
        ws.cell(r, 1, "x")
    wb.save(book)


def far_formatting(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    ws = wb[schema.SHEET_REGISTRATIONS]
    for r in range(60, 20_000):  # a formatted row range, as a whole-row fill leaves it
        ws.row_dimensions[r].fill = YELLOW
    for col in ("A", "B", "C"):
        ws.column_dimensions[col].fill = YELLOW
    ws["XFD1048576"].fill = YELLOW  # and one formatted cell in the last column of the last row
    wb.save(book)


def styled_sheet(book: Path) -> None:
    """A sheet part of ~60 MB: styled empty cells, the kind a bloated office workbook carries."""
    row = "".join(f'<c r="{c}{{r}}" s="1"/>' for c in ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J"))
    _add_member(book, "xl/worksheets/sheet3.xml", lambda out: _write_sheet(out, row, 60 * MB))


def _write_sheet(out, row: str, size: int) -> None:
    out.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    written, r = 0, 1
    while written < size:
        chunk = "".join(f'<row r="{i}">' + row.format(r=i) + "</row>" for i in range(r, r + 1000)).encode()
        out.write(chunk)
        written += len(chunk)
        r += 1000
    out.write(b"</sheetData></worksheet>")


def bomb(expanded: int):
    def make(book: Path) -> None:
        def zeros(out) -> None:
            block = b"\0" * MB
            for _ in range(expanded // MB):
                out.write(block)
        _add_member(book, "xl/media/image1.png", zeros)
    return make


def _add_member(book: Path, name: str, write) -> None:
    """Rewrite the zip with `name` replaced (or added), its bytes streamed by write(out)."""
    tmp = book.with_suffix(".tmp")
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info, src.read(info.filename))
        with dst.open(name, "w", force_zip64=True) as out:
            write(out)
    tmp.replace(book)


def _run_measured(folder: Path) -> tuple[int, float, float, float, str]:
    """Exit code, wall and CPU seconds, peak MB (from wait4) of `binhchon validate folder`, its last line."""
    t0 = time.perf_counter()
    pid = os.posix_spawn(sys.executable, [sys.executable, "-m", "xl_addin.cli", "validate", str(folder)],
                         os.environ, file_actions=[(os.POSIX_SPAWN_OPEN, 1, str(folder.parent / "out.txt"),
                                                    os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
                                                   (os.POSIX_SPAWN_DUP2, 1, 2)])
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - t0
    text = (folder.parent / "out.txt").read_text(encoding="utf-8", errors="replace").strip().splitlines()
    cpu = usage.ru_utime + usage.ru_stime
    return os.waitstatus_to_exitcode(status), seconds, cpu, usage.ru_maxrss / 1024, text[-1] if text else ""


CASES = [
    ("100,000 rows of spaces below data", junk_rows),
    ("100,000 rows of pasted text", junk_text),
    ("formatted to the last row/column", far_formatting),
    ("60 MB sheet of styled empty cells", styled_sheet),
    ("zip bomb, 0.5 GB unpacked", bomb(512 * MB)),
    ("zip bomb, 1 GB unpacked", bomb(1024 * MB)),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        master = Path(tmp) / "master"
        init_contest(master, year=2019, level="tinh", province="Bắc Giang")
        fill_inputs(master / schema.CONTEST_FILE)
        print(f"{'case':34} {'file':>9} {'unpacked':>9} {'exit':>5} {'wall s':>7} {'cpu s':>6} {'peak MB':>8}  last line")
        for i, (label, spoil) in enumerate(CASES):
            folder = Path(shutil.copytree(master, Path(tmp) / f"case{i}" / "bg2019"))
            book = folder / schema.CONTEST_FILE
            spoil(book)
            with zipfile.ZipFile(book) as zf:
                expanded = sum(info.file_size for info in zf.infolist())
            code, seconds, cpu, peak, last = _run_measured(folder)
            print(f"{label:34} {book.stat().st_size / MB:8.1f}M {expanded / MB:8.0f}M {code:5} {seconds:7.1f} "
                  f"{cpu:6.1f} {peak:8.0f}  {last[:90]}")
            shutil.rmtree(folder.parent)


if __name__ == "__main__":
    main()
