"""Benchmark: patching a 3,000-row Đăng ký in place (500 marks, 100 unmarks, 20 rows appended) against
openpyxl loading and saving the same workbook to do the same (today's save).

Run: .venv/bin/python bench/sheet_patch.py [ROWS] [MARKS]
Prints seconds (best of 5) for patch_sheet, note_edits + patch_notes, and openpyxl's load + mark + save.
The Restyle here hands out style ids from a dict (the package writer's styles.xml work is not in it).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import sys
import time
import zipfile

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from xl_addin.domain import schema
from xl_addin.domain.cell_rules import ERROR_FILL_RGB, WARNING_FILL_RGB
from xl_addin.resources import resource_dir
from xl_addin.workbooks.sheet_notes import patch_notes
from xl_addin.workbooks.sheet_patch import SheetEdits, note_edits, patch_sheet

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
MARKS = int(sys.argv[2]) if len(sys.argv) > 2 else 500


class DictStyles:
    """Restyle handing out new ids for (xf, severity) pairs."""

    def __init__(self) -> None:
        self.ids: dict[tuple[int, str | None], int] = {}
        self.fills: dict[int, str] = {}

    def with_fill(self, xf: int, severity: str | None) -> int:
        key = (xf, severity)
        if key not in self.ids:
            self.ids[key] = 1000 + len(self.ids)
            if severity:
                self.fills[self.ids[key]] = severity
        return self.ids[key]

    def fill_of(self, xf: int) -> str | None:
        return self.fills.get(xf)

    def for_value(self, value: object) -> int:
        return 5


def workbook(rows: int) -> bytes:
    """The contest template with `rows` registrations typed in, saved by openpyxl (as today's saves)."""
    wb = openpyxl.load_workbook(resource_dir("workbook_templates") / "binhchon.xlsx")
    ws = wb[schema.SHEET_REGISTRATIONS]
    width = len(schema.REGISTRATION_HEADERS)
    for i in range(rows):
        ws.append([f"SP{i + 1:04d}", f"Sản phẩm truyền thống làng nghề số {i + 1}", "Thủ công mỹ nghệ",
                   f"Hợp tác xã sản xuất và kinh doanh số {i % 97}", "Hợp tác xã", f"Thôn {i % 37}", "Xã Vân Hà",
                   "Huyện Việt Yên", "0912 345 678", dt.date(2024, 1 + i % 12, 1 + i % 28)]
                  + ["Có"] * (width - 10))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def edits(rows: int, marks: int, rng: random.Random) -> SheetEdits:
    width = len(schema.REGISTRATION_HEADERS)
    cells = [(rng.randint(2, rows + 1), rng.randint(1, width)) for _ in range(marks)]
    return SheetEdits(marks={c: (rng.choice(["error", "warning"]), f"[code-{i % 40}] lỗi ở ô này") for i, c in enumerate(cells)},
                      unmarks={(rng.randint(2, rows + 1), rng.randint(1, width)) for _ in range(100)},
                      appended=[[f"SP9{i:03d}", "Sản phẩm thêm", dt.date(2024, 5, 1), 3] for i in range(20)])


def best(fn, times: int = 5) -> float:
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        spent.append(time.perf_counter() - start)
    return min(spent)


def openpyxl_save(data: bytes, e: SheetEdits) -> None:
    """Today's way: load the whole workbook, fill and note the same cells, save it whole."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[schema.SHEET_REGISTRATIONS]
    fills = {s: PatternFill("solid", start_color=rgb, end_color=rgb) for s, rgb in
             (("error", ERROR_FILL_RGB), ("warning", WARNING_FILL_RGB))}
    for (r, c), (severity, note) in e.marks.items():
        cell = ws.cell(r, c)
        cell.fill = fills[severity]
        cell.comment = Comment(note, "binhchon")
    for row in e.appended:
        ws.append(row)
    wb.save(io.BytesIO())


def main() -> None:
    rng = random.Random(11)
    data = workbook(ROWS)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("xl/worksheets/sheet3.xml")
    e = edits(ROWS, MARKS, rng)
    out = patch_sheet(xml, e, DictStyles())
    assert out != xml and out.count(b"<row ") == xml.count(b"<row ") + len(e.appended)
    t_patch = best(lambda: patch_sheet(xml, e, DictStyles(), legacy_drawing_rid="rId9"))

    def notes() -> None:
        add, remove = note_edits(xml, e)
        patch_notes(None, add, remove)

    t_notes = best(notes)
    t_openpyxl = best(lambda: openpyxl_save(data, e), times=2)
    print(f"Đăng ký: {ROWS} rows, sheet XML {len(xml) / 1e6:.1f} MB; {len(e.marks)} marks, {len(e.unmarks)} unmarks, "
          f"{len(e.appended)} rows appended")
    print(f"  patch_sheet                 {t_patch:7.3f} s")
    print(f"  note_edits + patch_notes    {t_notes:7.3f} s")
    print(f"  openpyxl load+mark+save     {t_openpyxl:7.3f} s  ({t_openpyxl / (t_patch + t_notes):.0f}x the patch)")
    print(f"  load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
