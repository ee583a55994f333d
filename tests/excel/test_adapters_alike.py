"""One suite, three ContestBooks (memory, file, Excel's remote engine): they read, write, mark and unmark alike.

Each adapter gets the same workbook and the same calls; what a person would then see — the
sheets' values, and which cells carry the tool's colour and note — is observed the adapter's own
way (the in-memory state; the saved file read back with openpyxl; the actions xlwings sends to
Excel replayed on the request's values) and must be the same for all three.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import xlwings as xw
from openpyxl.utils import get_column_letter

from payload import payload_from_xlsx
from xl_addin.excel.book import XlwingsContestBook
from xl_addin.excel.notes import ERROR_FILL, WARNING_FILL
from xl_addin.memory_book import MemoryContestBook
from xl_addin.ports import Mark, SheetLayout
from xl_addin.workbooks import styles
from xl_addin.workbooks.contest_book import NOTE_AUTHOR, FileContestBook

REGISTRATIONS = [
    ["Mã sản phẩm", "Tên sản phẩm", "Số ảnh", "Ngày nộp"],
    ["BG-001", "Rượu mơ làng Vân", 3, dt.datetime(2019, 11, 15)],
    ["BG-002", "Công ty TNHH A & B", None, None],
]
LOG = [["Thời gian", "Thao tác"], ["15/11/2019 08:00", "Tạo sổ"]]
RESULTS = [["KẾT QUẢ"], [None], ["Hạng", "Mã sản phẩm", "Tổng điểm"], [1, "BG-001", 85.5], [2, "=1+1", 70]]
APPENDED = [["16/11/2019 09:00", "Kiểm tra"]]
NAMES = ["Đăng ký", "Nhật ký", "Kết quả"]


def _clean(rows) -> list[list]:
    """Rows as a person sees them: trailing blank cells and rows dropped."""
    out = []
    for row in rows:
        row = list(row)
        while row and row[-1] in (None, ""):
            row.pop()
        out.append(row)
    while out and not out[-1]:
        out.pop()
    return out


def _write_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Đăng ký"
    for row in REGISTRATIONS:
        wb["Đăng ký"].append(row)
    log = wb.create_sheet("Nhật ký")
    for row in LOG:
        log.append(row)
    wb.save(path)
    return path


class MemoryDriver:
    def __init__(self, tmp_path: Path):
        self.book = MemoryContestBook({"Đăng ký": REGISTRATIONS, "Nhật ký": LOG}, tmp_path)

    def observe(self) -> tuple[dict, dict]:
        return ({n: _clean(r) for n, r in self.book.read(NAMES).items()}, dict(self.book.marks))


class FileDriver:
    def __init__(self, tmp_path: Path):
        self.path = _write_xlsx(tmp_path / "binhchon.xlsx")
        self.book = FileContestBook(self.path)

    def observe(self) -> tuple[dict, dict]:
        self.book.save()
        values = {n: _clean(r) for n, r in FileContestBook(self.path).read(NAMES).items()}
        fills = {styles.ERROR_FILL_RGB: "error", styles.WARNING_FILL_RGB: "warning"}
        marks = {}
        for ws in openpyxl.load_workbook(self.path).worksheets:
            for row in ws.iter_rows():
                for c in row:
                    severity = fills.get(str(c.fill.fgColor.rgb)) if c.fill.fill_type == "solid" else None
                    if severity or (c.comment is not None and c.comment.author == NOTE_AUTHOR):
                        marks[(ws.title, c.coordinate)] = (severity, c.comment.text if c.comment else None)
        return values, marks


class RemoteDriver:
    def __init__(self, tmp_path: Path):
        payload = payload_from_xlsx(_write_xlsx(tmp_path / "binhchon.xlsx"))
        self.names = [s["name"] for s in payload["sheets"]]
        self.xw_book = xw.Book(json=copy.deepcopy(payload))  # the engine grows its payload as it adds sheets
        self.book = XlwingsContestBook(self.xw_book, tmp_path)
        first = xw.Book(json=payload)
        self.before = XlwingsContestBook(first, tmp_path).read(self.names)
        first.close()

    def observe(self) -> tuple[dict, dict]:
        """Replay the actions Excel would apply on the values the request carried."""
        sheets = [[name, [list(r) for r in self.before[name]]] for name in self.names]
        colours, notes = {}, {}
        for a in self.xw_book.json()["actions"]:
            if a["func"] == "addSheet":
                sheets.insert(a["args"][0], [a["args"][1], []])
                continue
            name, rows = sheets[a["sheet_position"]]
            if a["func"] == "sheetClearContents":
                rows.clear()
            elif a["func"] == "setValues":
                _paste(rows, a["start_row"], a["start_column"], a["values"])
            elif a["func"] == "setRangeColor" and a["row_count"] == 1 and a["column_count"] == 1:
                colours[(name, f"{get_column_letter(a['start_column'] + 1)}{a['start_row'] + 1}")] = a["args"][0]
            elif a["func"] == "addNote":
                notes[(name, a["args"][0].replace("$", ""))] = a["args"][1]
            elif a["func"] == "deleteNote":
                notes.pop((name, a["args"][0].replace("$", "")), None)
        severity = {ERROR_FILL: "error", WARNING_FILL: "warning"}
        marks = {k: (severity.get(colours.get(k)), notes.get(k)) for k in {*colours, *notes}
                 if severity.get(colours.get(k)) or notes.get(k)}
        values = {name: _clean([[_as_excel_shows(v) for v in r] for r in rows]) for name, rows in sheets if name in NAMES}
        return values, marks


def _as_excel_shows(value: object) -> object:
    """A value sent to Excel as Excel then holds it: '' is empty, a leading apostrophe marks text."""
    if value == "":
        return None
    return value[1:] if isinstance(value, str) and value.startswith("'") else value


def _paste(rows: list, top: int, left: int, block: list) -> None:
    for i, values in enumerate(block):
        while len(rows) <= top + i:
            rows.append([])
        row = rows[top + i]
        row.extend([None] * (left + len(values) - len(row)))
        row[left:left + len(values)] = values


@pytest.fixture(params=[MemoryDriver, FileDriver, RemoteDriver], ids=["memory", "file", "excel-remote"])
def driver(request, tmp_path):
    d = request.param(tmp_path)
    yield d
    if isinstance(d, RemoteDriver):
        d.xw_book.close()


def test_every_book_reads_the_same_rows(driver):
    assert driver.book.sheet_names()[:2] == ["Đăng ký", "Nhật ký"]
    assert driver.book.read(["Đăng ký", "Không có"]) == {"Đăng ký": REGISTRATIONS}


def test_every_book_writes_appends_and_reads_its_own_writes(driver):
    driver.book.write_sheet("Kết quả", RESULTS, SheetLayout(header_row=3, widths={2: 20}))
    driver.book.append_rows("Nhật ký", APPENDED)
    assert driver.book.read(["Kết quả"])["Kết quả"] == RESULTS
    assert driver.book.read(["Nhật ký"])["Nhật ký"] == LOG + APPENDED
    values, _ = driver.observe()
    assert values["Kết quả"] == [["KẾT QUẢ"], [], ["Hạng", "Mã sản phẩm", "Tổng điểm"], [1, "BG-001", 85.5], [2, "=1+1", 70]]
    assert values["Nhật ký"] == LOG + APPENDED
    assert values["Đăng ký"] == _clean(REGISTRATIONS)


def test_every_book_marks_with_the_error_colour_winning_and_the_notes_joined(driver):
    driver.book.mark([
        Mark("Đăng ký", "C3", "warning", "[incomplete-dossier] Thiếu ảnh"),
        Mark("Đăng ký", "C3", "error", "[missing-value] Thiếu số ảnh"),
        Mark("Đăng ký", "B2", "warning", "[invalid-choice] Xem lại"),
        Mark("Đăng ký", "D2", "error", "[invalid-date] Ngày sai"),
        Mark("Đăng ký", "D2", "warning", "[late] Nộp muộn"),
        Mark("Không có", "A1", "error", "bỏ qua: không có sheet"),
    ])
    _, marks = driver.observe()
    assert marks == {
        ("Đăng ký", "C3"): ("error", "[incomplete-dossier] Thiếu ảnh\n[missing-value] Thiếu số ảnh"),
        ("Đăng ký", "B2"): ("warning", "[invalid-choice] Xem lại"),
        ("Đăng ký", "D2"): ("error", "[invalid-date] Ngày sai\n[late] Nộp muộn"),
    }


def test_every_book_unmarks_what_it_marked(driver):
    driver.book.mark([Mark("Đăng ký", "C3", "error", "[missing-value] Thiếu số ảnh"),
                      Mark("Đăng ký", "B2", "warning", "[invalid-choice] Xem lại")])
    driver.book.unmark([("Đăng ký", "C3")])
    _, marks = driver.observe()
    assert marks == {("Đăng ký", "B2"): ("warning", "[invalid-choice] Xem lại")}
