"""XlwingsContestBook through xlwings' remote engine: one call per sheet or block, colours and notes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import xlwings as xw

from payload import actions, address
from xl_addin.errors import BinhchonError
from xl_addin.excel.book import FOLDER_ENV, XlwingsContestBook
from xl_addin.excel.notes import ERROR_FILL, WARNING_FILL
from xl_addin.ports import Mark, SheetLayout


def small_payload(notes: list[dict] | None = None) -> dict:
    """A two-sheet book as the Office.js client sends it."""
    sheet = {"visibility": "Visible", "print_area": None, "pictures": [], "shapes": [], "charts": [], "tables": []}
    return {
        "client": "Office.js", "version": xw.__version__,
        "book": {"name": "binhchon.xlsx", "active_sheet_index": 0, "selection": "A1"}, "names": [],
        "sheets": [
            {**sheet, "name": "Đăng ký", "notes": notes or [], "used_range_address": "$A$1:$C$4",
             "values": [["Mã sản phẩm", "Số ảnh", "Ngày"], ["BG-001", 3, "2019-11-15T00:00:00.000Z"],
                        ["BG-002", "", ""], ["", "", ""]]},
            {**sheet, "name": "Nhật ký", "notes": [], "used_range_address": "$A$1:$B$2",
             "values": [["Thời gian", "Thao tác"], ["2019-11-15", "Tạo"]]},
        ],
    }


@pytest.fixture
def book(open_book) -> xw.Book:
    return open_book(small_payload())


def test_read_gives_rows_from_a1_with_blanks_as_none_and_trailing_blank_rows_dropped(book):
    rows = XlwingsContestBook(book, "/tmp").read(["Đăng ký", "Không có"])
    assert rows == {"Đăng ký": [["Mã sản phẩm", "Số ảnh", "Ngày"], ["BG-001", 3, dt.datetime(2019, 11, 15)],
                                ["BG-002", None, None]]}


def test_write_sheet_clears_then_writes_one_block_and_styles_the_header(book):
    contest = XlwingsContestBook(book, "/tmp")
    rows = [["Tiêu đề"], [], ["Hạng", "Mã", "Điểm", "Ẩn"], [1, "BG-001", Decimal("85.50"), "x"], [2, "=1+1", Decimal(70), None]]
    contest.write_sheet("Kết quả", rows, SheetLayout(header_row=3, hidden_columns=[4], widths={2: 20}))
    funcs = [a["func"] for a in actions(book)]
    assert funcs == ["addSheet", "sheetClearContents", "setValues", "setFontProperty", "setRangeColor",
                     "setColumnWidth", "setColumnHidden"]
    (write,) = actions(book, "setValues")
    assert (address(write), write["row_count"], write["column_count"]) == ("A1", 5, 4)
    assert write["values"][3] == [1, "BG-001", 85.5, "x"]
    assert write["values"][4] == [2, "'=1+1", 70, ""]  # text that looks like a formula stays text
    bold = actions(book, "setFontProperty")[0]
    assert (address(bold), bold["column_count"], bold["args"]) == ("A3", 4, ["bold", True])
    assert address(actions(book, "setColumnHidden")[0]) == "D1"
    assert contest.read(["Kết quả"])["Kết quả"] == rows  # this run's writes are read back


def test_append_rows_writes_one_block_below_the_last_used_row(book):
    contest = XlwingsContestBook(book, "/tmp")
    contest.append_rows("Nhật ký", [["2019-11-16", "Kiểm tra", "x.xlsx", "0 lỗi"], ["2019-11-17", "Tính"]])
    contest.append_rows("Nhật ký", [["2019-11-18", "In"]])
    writes = actions(book, "setValues")
    assert [(address(w), w["row_count"], w["column_count"]) for w in writes] == [("A3", 2, 4), ("A5", 1, 2)]
    assert writes[0]["values"][1] == ["2019-11-17", "Tính", "", ""]


def test_mark_colours_each_cell_once_error_winning_and_adds_one_note_per_cell(book):
    XlwingsContestBook(book, "/tmp").mark([
        Mark("Đăng ký", "B2", "warning", "[incomplete-dossier] ít ảnh"),
        Mark("Đăng ký", "B2", "error", "[invalid-number] không phải số"),
        Mark("Đăng ký", "A3", "warning", "[duplicate-product] trùng"),
        Mark("Không có", "A1", "error", "[x] bỏ qua"),
    ])
    colours = {address(a): a["args"][0] for a in actions(book, "setRangeColor")}
    assert colours == {"B2": ERROR_FILL, "A3": WARNING_FILL}
    notes = {a["args"][0]: a["args"][1] for a in actions(book, "addNote")}
    assert notes == {"$B$2": "[incomplete-dossier] ít ảnh\n[invalid-number] không phải số",
                     "$A$3": "[duplicate-product] trùng"}


def test_mark_leaves_a_note_a_person_wrote_alone(open_book):
    book = open_book(small_payload(notes=[{"address": "$B$2"}]))
    XlwingsContestBook(book, "/tmp").mark([Mark("Đăng ký", "B2", "error", "[invalid-number] không phải số")])
    assert [a["func"] for a in actions(book)] == ["setRangeColor"]


def test_unmark_clears_the_colour_and_deletes_the_note_where_there_is_one(open_book):
    book = open_book(small_payload(notes=[{"address": "$B$2"}]))
    XlwingsContestBook(book, "/tmp").unmark([("Đăng ký", "B2"), ("Đăng ký", "A3"), ("Đăng ký", "$B$2"), ("Khác", "A1")])
    assert [(a["func"], address(a), a["args"]) for a in actions(book)] == [
        ("setRangeColor", "B2", [None]), ("deleteNote", "B2", ["$B$2"]), ("setRangeColor", "A3", [None])]


def test_notes_are_skipped_where_the_client_has_none(open_book):
    payload = small_payload()
    payload["client"] = "Microsoft Office Scripts"
    book = open_book(payload)
    XlwingsContestBook(book, "/tmp").mark([Mark("Đăng ký", "B2", "error", "[x] a"), Mark("Đăng ký", "A2", "error", "[x] b")])
    assert [a["func"] for a in actions(book)] == ["setRangeColor", "setRangeColor"]


def test_folder_is_the_argument_else_binhchon_folder_else_a_clear_refusal(book, monkeypatch, tmp_path):
    assert XlwingsContestBook(book, tmp_path).folder == tmp_path
    monkeypatch.setenv(FOLDER_ENV, str(tmp_path / "env"))
    assert XlwingsContestBook(book).folder == tmp_path / "env"
    monkeypatch.delenv(FOLDER_ENV)
    with pytest.raises(BinhchonError, match="binhchon serve --folder"):
        XlwingsContestBook(book).folder


def test_label_sheet_names_and_save(book):
    contest = XlwingsContestBook(book, "/tmp")
    assert (contest.label, contest.sheet_names(), contest.save()) == ("binhchon.xlsx", ["Đăng ký", "Nhật ký"], None)
    assert book.json()["actions"] == []
