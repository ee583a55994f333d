"""The sample programme typed in, as the staff and the judges would: the steps `binhchon demo` runs (xl_addin/cli_demo.py)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from ..domain import schema
from ..domain.sheets.info import INFO_LAYOUT, info_from_rows, rows_from_info, with_info_notes
from ..domain.sheets.judges import rows_from_judges
from ..domain.sheets.registrations import rows_from_registrations
from ..domain.rules import preset
from ..domain.sheets.rules import rows_from_rules
from ..domain.sample.programme import sample_programme
from ..errors import BinhchonError
from ..workbooks.contest_book import FileContestBook
from ..workbooks.judge_workbook import fill_scores

MARKER = ".binhchon-demo"


def prepare_folder(folder: Path) -> None:
    """Start from an empty demo folder; refuse to clear a folder the demo did not make."""
    if folder.exists() and any(folder.iterdir()):
        if not (folder / MARKER).exists():
            raise BinhchonError(f"Thư mục {folder} đã có dữ liệu không phải của bản chạy thử; hãy chọn thư mục khác.")
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("Thư mục do `binhchon demo` tạo; chạy lại demo sẽ xóa và tạo lại.\n", encoding="utf-8")


def fill_inputs(path: Path) -> None:
    """Type the sample programme's facts, registrations and judges into the new contest workbook."""
    sample = sample_programme()
    book = FileContestBook(path)
    info_rows = book.read([schema.SHEET_INFO])[schema.SHEET_INFO]
    created, _ = info_from_rows(info_rows)
    info = dataclasses.replace(sample.info, contest_id=created.contest_id if created else sample.info.contest_id)
    book.write_sheet(schema.SHEET_INFO, with_info_notes(rows_from_info(info)), INFO_LAYOUT)
    # The council caps recognition at 29 products (so the tie at 70.00 is settled by the
    # tie-break) and forwards its top 10 to the regional selection.
    book.write_sheet(schema.SHEET_RULES, rows_from_rules(preset().with_changes(quota=29, forward_count=10)))
    book.append_rows(schema.SHEET_REGISTRATIONS, rows_from_registrations(sample.registrations, header=False))
    book.append_rows(schema.SHEET_JUDGES, rows_from_judges(sample.judges, header=False))
    book.save()


def play_judges(folder: Path) -> list[Path]:
    """Fill each judge's workbook with the sample scores, as the judges would."""
    sample = sample_programme()
    filled = []
    for judge in sample.judges:
        path = folder / schema.JUDGES_DIR / f"{judge.code}.xlsx"
        fill_scores(path, sample.scores.get(judge.code, {}), sample.comments.get(judge.code, {}))
        filled.append(path)
    return filled
