"""Writing a results sheet back to Excel through xlwings' remote engine: actions sent and time taken.

Run: .venv/bin/python bench/excel_writeback.py [--rows 3000]
The Kết quả sheet of N products (20 columns) is written with XlwingsContestBook.write_sheet, as
the "Tính kết quả" button does, then 1% of its cells are marked as findings. Target: the number of
actions does not grow with the rows (one per block, not one per cell); the answer to Excel is a
single JSON document whose size and encoding time are printed too.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import xlwings as xw  # noqa: E402

from xl_addin.excel.book import XlwingsContestBook  # noqa: E402
from xl_addin.ports import Mark, SheetLayout  # noqa: E402

HEADER = ["Hạng", "Mã sản phẩm", "Tên sản phẩm", "Nhóm sản phẩm", "Tên cơ sở", "TC1", "TC2", "TC3", "TC4",
          "Tổng điểm", "Số giám khảo", "Độ lệch", "Đạt điểm sàn", "Hội đồng đề xuất", "Đề xuất cấp trên",
          "Số giấy chứng nhận", "Hiệu lực đến", "Cảnh báo", "Công cụ đã điền: Hội đồng đề xuất", "Công cụ đã điền: Số"]


def payload() -> dict:
    """A book with an empty Kết quả sheet, as the Office.js client sends it."""
    sheet = {"name": "Kết quả", "visibility": "Visible", "print_area": None, "notes": [], "values": [[""]],
             "used_range_address": None, "pictures": [], "shapes": [], "charts": [], "tables": []}
    return {"client": "Office.js", "version": xw.__version__, "names": [], "sheets": [sheet],
            "book": {"name": "binhchon.xlsx", "active_sheet_index": 0, "selection": "A1"}}


def result_rows(n: int) -> list[list[object]]:
    """Title block, header and n result rows shaped like the real Kết quả sheet."""
    rows: list[list[object]] = [["KẾT QUẢ BÌNH CHỌN"], ["Điểm sàn 70"], [], HEADER]
    for i in range(n):
        total = Decimal(100) - Decimal(i) / Decimal(40)
        rows.append([i + 1, f"SP-{i:05d}", f"Sản phẩm thủ công số {i}", "Thủ công mỹ nghệ", f"Cơ sở {i % 700}",
                     Decimal("35.5"), Decimal("30.25"), Decimal("8.5"), Decimal("9"), total, 7, Decimal("4.5"),
                     "Có", "Có" if i < 1000 else "Không", "Không", f"{i + 1:03d}/GCN-CNNT", "31/12/2027", "",
                     "Có", f"{i + 1:03d}/GCN-CNNT"])
    return rows


def run(n: int) -> dict:
    """Write n rows and mark 1% of them; counts and timings."""
    book = xw.Book(json=payload())
    contest = XlwingsContestBook(book, Path("."))
    rows = result_rows(n)
    start = time.perf_counter()
    contest.write_sheet("Kết quả", rows, SheetLayout(header_row=4, hidden_columns=(19, 20), widths={3: 40, 5: 36}))
    written = time.perf_counter()
    write_actions = len(book.json()["actions"])
    contest.mark([Mark("Kết quả", f"J{5 + i}", "warning", "[judge-spread] lệch") for i in range(0, n, 100)])
    marked = time.perf_counter()
    body = json.dumps(book.json(), ensure_ascii=False, default=str)
    encoded = time.perf_counter()
    kinds: dict[str, int] = {}
    for action in book.json()["actions"]:
        kinds[action["func"]] = kinds.get(action["func"], 0) + 1
    book.close()
    return {"rows": n, "cells": n * len(HEADER), "actions": sum(kinds.values()), "kinds": kinds,
            "write_actions": write_actions,
            "write_s": written - start, "mark_s": marked - written, "json_s": encoded - marked, "json_mb": len(body.encode()) / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3000)
    n = parser.parse_args().rows
    small, big = run(max(n // 10, 1)), run(n)
    for r in (small, big):
        print(f"{r['rows']:>6} rows ({r['cells']} cells): {r['actions']} actions "
              f"(write {r['write_s'] * 1000:.0f} ms, mark {-(-r['rows'] // 100)} cells {r['mark_s'] * 1000:.0f} ms, "
              f"JSON {r['json_mb']:.2f} MB in {r['json_s'] * 1000:.0f} ms)")
    print("actions by kind at", n, "rows:", big["kinds"])
    writes_small, writes_big = small["write_actions"], big["write_actions"]
    verdict = "OK" if writes_small == writes_big and big["kinds"].get("setValues") == 1 else "NOT BOUNDED"
    print(f"write actions: {writes_small} at {small['rows']} rows, {writes_big} at {n} rows -> {verdict} "
          "(one per block; marks add a colour and a note per marked cell)")


if __name__ == "__main__":
    main()
