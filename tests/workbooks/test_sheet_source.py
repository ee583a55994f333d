"""The contest workbook's sheets are read when asked for, each once, all from one snapshot of the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from xl_addin.errors import WorkbookError
from xl_addin.workbooks import calamine_values
from xl_addin.workbooks.contest_book import FileContestBook
from xl_addin.workbooks.contest_lock import ContestLock
from xl_addin.workbooks.sheet_source import MAX_ROWS, SheetSource
from xl_addin.workbooks.xlsx_io import _read_openpyxl

from calamine_spy import spy_on_calamine


def _book(path: Path, *, first: str = "một", rows_in_big: int = 3) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Nhỏ"
    wb.active.append(["Mã", first])
    big = wb.create_sheet("Lớn")
    for i in range(rows_in_big):
        big.append([f"SP-{i:05d}", i])
    wb.create_sheet("Nhật ký").append(["Lúc", "Việc"])
    wb.save(path)
    return path


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    """The sheets calamine is asked for, in order."""
    return spy_on_calamine(monkeypatch)


def test_only_the_sheets_asked_for_are_read_each_once(tmp_path, asked):
    book = FileContestBook(_book(tmp_path / "binhchon.xlsx"))
    assert book.sheet_names() == ["Nhỏ", "Lớn", "Nhật ký"] and asked == []  # names without reading a sheet
    assert book.read(["Nhỏ", "Không có"]) == {"Nhỏ": [["Mã", "một"]]}
    assert book.read(["Nhỏ"]) == {"Nhỏ": [["Mã", "một"]]}
    assert asked == ["Nhỏ"]
    assert book.read(["Lớn", "Nhỏ"])["Lớn"][2] == ["SP-00002", 2]
    assert asked == ["Nhỏ", "Lớn"]


def test_rows_appended_to_a_sheet_not_read_yet_follow_its_own_rows(tmp_path, asked):
    book = FileContestBook(_book(tmp_path / "binhchon.xlsx"))
    book.append_rows("Nhật ký", [["hôm nay", "kiểm tra"]])
    book.append_rows("Mới", [["a"]])  # a sheet the file lacks: made by the save
    assert book.read(["Nhật ký", "Mới"]) == {"Nhật ký": [["Lúc", "Việc"], ["hôm nay", "kiểm tra"]], "Mới": [["a"]]}
    book.write_sheet("Nhỏ", [["thay"]])
    assert book.read(["Nhỏ"]) == {"Nhỏ": [["thay"]]} and "Nhỏ" not in asked  # written, never read
    book.save()
    assert _read_openpyxl(book.path, None)["Nhật ký"] == [["Lúc", "Việc"], ["hôm nay", "kiểm tra"]]


def test_sheets_read_later_come_from_the_file_as_it_was_first_read(tmp_path):
    path = _book(tmp_path / "binhchon.xlsx")
    other = _book(tmp_path / "other.xlsx", first="hai", rows_in_big=1)
    book = FileContestBook(path)
    assert book.read(["Lớn"])["Lớn"][0] == ["SP-00000", 0]
    shutil.copy(other, path)  # replaced behind the tool's back (another program ignoring the lock)
    assert book.read(["Nhỏ"]) == {"Nhỏ": [["Mã", "một"]]}  # one version of the file, not a mix


def test_a_sheet_that_cannot_be_read_releases_the_lock(tmp_path):
    path = _book(tmp_path / "binhchon.xlsx", rows_in_big=MAX_ROWS + 1)
    book = FileContestBook(path)
    assert book.read(["Nhỏ"]) == {"Nhỏ": [["Mã", "một"]]}
    with pytest.raises(WorkbookError, match="Lớn"):
        book.read(["Lớn"])
    other = ContestLock(path)
    other.acquire(wait=0)  # another run can take the contest at once (ContestBusyError otherwise)
    assert other.held
    other.release()


def test_the_source_reads_what_openpyxl_reads_and_holds_no_file_open(tmp_path):
    path = _book(tmp_path / "binhchon.xlsx")
    expected = _read_openpyxl(path, None)
    with SheetSource(path) as source:
        assert source.read(("Lớn",)) == {"Lớn": expected["Lớn"]}
        path.rename(tmp_path / "moved.xlsx")  # nothing is read from the file any more
        assert source.read() == expected and list(source.read()) == ["Nhỏ", "Lớn", "Nhật ký"]


def test_a_book_dropped_unsaved_frees_its_lock_at_once(tmp_path):
    import gc

    path = _book(tmp_path / "binhchon.xlsx")
    gc.disable()  # no collector to break a reference cycle: the book must go with its last reference
    try:
        book = FileContestBook(path)
        assert book.read(["Nhỏ"]) == {"Nhỏ": [["Mã", "một"]]}
        del book
        other = ContestLock(path)
        other.acquire(wait=0)
        assert other.held
        other.release()
    finally:
        gc.enable()
