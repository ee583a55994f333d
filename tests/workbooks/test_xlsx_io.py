"""Safe opening (zip bombs, non-workbooks, locks) and atomic saving with a backup."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_addin.domain import schema
from xl_addin.errors import WorkbookError, WorkbookLockedError
from xl_addin.workbooks.contest_book import FileContestBook
from xl_addin.workbooks.xlsx_io import open_workbook, read_sheets, save_atomically


def make_book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    ws.append(["a", "=1+1"])
    wb.save(path)
    return path


def test_a_zip_bomb_is_refused(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (600 * 1024 * 1024))
    with pytest.raises(WorkbookError, match="quá lớn"):
        open_workbook(bomb)


def test_missing_and_non_workbook_files_have_vietnamese_messages(tmp_path):
    with pytest.raises(WorkbookError, match="Không tìm thấy"):
        open_workbook(tmp_path / "none.xlsx")
    text = tmp_path / "t.xlsx"
    text.write_text("not a workbook")
    with pytest.raises(WorkbookError, match="không phải là sổ Excel"):
        open_workbook(text)


def test_save_is_atomic_after_a_timestamped_backup(tmp_path):
    path = make_book(tmp_path / "binhchon.xlsx")
    before = path.read_bytes()
    wb = openpyxl.load_workbook(path)
    wb.active["A2"] = "mới"
    backup = save_atomically(wb, path)
    assert backup is not None and backup.parent.name == schema.BACKUP_DIR
    assert backup.read_bytes() == before
    assert read_sheets(path)["Dữ liệu"][1][0] == "mới"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".binhchon-")]


def test_a_read_only_or_open_file_is_refused_and_untouched(tmp_path):
    path = make_book(tmp_path / "binhchon.xlsx")
    before = path.read_bytes()
    (tmp_path / "~$binhchon.xlsx").write_bytes(b"x")
    wb = openpyxl.load_workbook(path)
    with pytest.raises(WorkbookLockedError, match="đang mở trong Excel"):
        save_atomically(wb, path)
    (tmp_path / "~$binhchon.xlsx").unlink()
    if os.geteuid() != 0:  # root ignores permission bits
        path.chmod(0o444)
        with pytest.raises(WorkbookLockedError):
            save_atomically(wb, path)
    assert path.read_bytes() == before


def test_file_book_keeps_formulas_and_escapes_formula_like_text(tmp_path):
    path = make_book(tmp_path / "binhchon.xlsx")
    book = FileContestBook(path)
    book.write_sheet("Mới", [["Tên"], ["=HYPERLINK(\"http://x\")"], ["+84 912"]])
    book.save()
    wb = openpyxl.load_workbook(path)
    assert wb["Dữ liệu"]["B1"].value == "=1+1"  # the person's formula survives
    assert wb["Mới"]["A2"].data_type == "s" and wb["Mới"]["A2"].value.endswith('"http://x")')
    assert wb["Mới"]["A3"].data_type == "s"


def test_saving_asks_excel_to_recompute_a_persons_formulas(tmp_path):
    path = make_book(tmp_path / "binhchon.xlsx")
    book = FileContestBook(path)
    book.append_rows("Dữ liệu", [["dòng mới"]])
    book.save()
    wb = openpyxl.load_workbook(path)
    assert wb.calculation.fullCalcOnLoad is True
    assert wb["Dữ liệu"]["B1"].value == "=1+1" and wb["Dữ liệu"]["A2"].value == "dòng mới"


def test_a_file_changed_after_it_was_read_is_checked_again_before_the_save(tmp_path):
    path = make_book(tmp_path / "binhchon.xlsx")
    book = FileContestBook(path)
    assert book.read(["Dữ liệu"])["Dữ liệu"][0][0] == "a"
    book.append_rows("Dữ liệu", [["b"]])
    damaged = path.read_bytes()[:200]  # someone else's program left half a file
    path.write_bytes(damaged)
    with pytest.raises(WorkbookError, match="bị hỏng hoặc bị cắt cụt"):
        book.save()
    assert path.read_bytes() == damaged


def test_a_book_saved_twice_keeps_what_each_save_wrote(tmp_path):
    path = make_book(tmp_path / "binhchon.xlsx")
    book = FileContestBook(path)
    book.read(["Dữ liệu"])
    book.append_rows("Dữ liệu", [["b"]])
    book.save()
    assert [r[0] for r in read_sheets(path)["Dữ liệu"]] == ["a", "b"]
    book.append_rows("Dữ liệu", [["c"]])  # the same book saved again: the file it wrote is checked as any
    book.save()
    assert [r[0] for r in read_sheets(path)["Dữ liệu"]] == ["a", "b", "c"]


def test_unmarks_then_marks_of_one_save_move_the_highlights_and_notes(tmp_path):
    from xl_addin.domain.cell_rules import ERROR_FILL_RGB, WARNING_FILL_RGB
    from xl_addin.ports import Mark

    path = make_book(tmp_path / "binhchon.xlsx")
    book = FileContestBook(path)
    book.mark([Mark("Dữ liệu", "B1", "error", "[x-1] cũ"), Mark("Dữ liệu", "A1", "warning", "[x-2] giữ")])
    book.save()
    book = FileContestBook(path)  # a new run: last run's cells cleared, a sheet written, this run's marked
    book.unmark([("Dữ liệu", "B1"), ("Dữ liệu", "A1")])
    book.write_sheet("Kiểm tra", [["Mã"], ["x-3"]])
    book.mark([Mark("Dữ liệu", "A2", "error", "[x-3] mới"), Mark("Dữ liệu", "A1", "warning", "[x-2] giữ")])
    book.save()
    ws = openpyxl.load_workbook(path)["Dữ liệu"]
    assert ws["B1"].comment is None and ws["B1"].fill.fgColor.rgb != ERROR_FILL_RGB
    assert ws["A1"].comment.text == "[x-2] giữ" and ws["A1"].fill.fgColor.rgb == WARNING_FILL_RGB
    assert ws["A2"].comment.text == "[x-3] mới" and ws["A2"].fill.fgColor.rgb == ERROR_FILL_RGB
    assert ws["B1"].value == "=1+1" and ws["A1"].value == "a"
