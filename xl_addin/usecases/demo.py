"""`binhchon demo`: the whole workflow on the bundled sample programme, printing where outputs are."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Callable

from ..domain import schema
from ..domain.info_notes import with_info_notes
from .sheet_layouts import INFO_LAYOUT
from ..domain.info_sheet import info_from_rows, rows_from_info
from ..domain.input_rows import rows_from_judges, rows_from_registrations
from ..domain.rules import preset
from ..domain.rules_sheet import rows_from_rules
from ..domain.sample.programme import sample_programme
from ..errors import BinhchonError
from ..progress import NO_PROGRESS, Progress
from ..workbooks.contest_book import FileContestBook
from ..workbooks.judge_workbook import fill_scores
from .init import init_contest
from .judges import make_judge_sheets
from .results import compute
from .validate import validate

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


def run_demo(folder: Path, print_fn: Callable[[str], None] = print, progress: Progress = NO_PROGRESS) -> int:
    """Run init, validate, judges, the judges' scoring, results and documents on the sample; exit code."""
    from ..cli_format import findings_table, results_table

    prepare_folder(folder)
    path = init_contest(folder, year=2019, level="tinh", province="Bắc Giang").path
    print_fn(f"1. Tạo sổ bình chọn: {path}")
    fill_inputs(path)
    book = FileContestBook(path)
    checked = validate(book)
    book.save()
    print_fn(f"2. Kiểm tra hồ sơ: {len(checked.contest.registrations) if checked.contest else 0} sản phẩm; {checked.summary()}")
    print_fn(findings_table(checked.findings))
    book = FileContestBook(path)
    made = make_judge_sheets(book, progress=progress)
    book.save()
    print_fn(f"3. Tạo phiếu chấm: {len(made.written)} tệp trong {folder / schema.JUDGES_DIR}")
    play_judges(folder)
    print_fn("4. Giám khảo chấm điểm (dữ liệu mẫu) và nộp lại phiếu.")
    book = FileContestBook(path)
    outcome = compute(book, progress=progress)
    book.save()
    if outcome.result_set is None:
        print_fn(findings_table(outcome.findings))
        return 1
    print_fn(f"5. {outcome.summary()}")
    print_fn(results_table(outcome.result_set))
    print_fn(outcome.result_set.tie_break_text)
    print_fn(findings_table(outcome.findings))  # what the summary counted: this step's own findings
    print_fn(_documents_step(folder, progress))
    history_lines = _history_step(folder)
    print_fn(f"\nKết quả nằm trong {folder}: mở {path.name} (sheet Kiểm tra, Kết quả, Nhật ký), "
             f"{schema.JUDGES_DIR}/ (phiếu chấm), {schema.DOCUMENTS_DIR}/ (văn bản).")
    for line in history_lines:
        print_fn(line)
    return 0


def _history_step(folder: Path) -> list[str]:
    """The ten-year history (earlier contests, the register, the summary report); lines saying where they are."""
    from .demo_history import make_history

    made = make_history(folder)
    lines = ["", f"7. Lịch sử 10 năm: {len(made.folders)} cuộc bình chọn trước trong {folder / 'lich_su'}, "
                 f"chạy bằng chính công cụ này."]
    lines += [f"8. {text}" if i == 0 else text for i, text in enumerate(made.lines)]
    lines.append(f"Sổ theo dõi nhiều năm: {made.register}; báo cáo tổng kết: "
                 + ", ".join(str(p) for p in made.report_files) + ".")
    return lines


def _documents_step(folder: Path, progress: Progress) -> str:
    """Make the documents when that use case is present; a line saying what was made."""
    from .documents import make_documents_for

    book = FileContestBook(folder / schema.CONTEST_FILE)
    # PDFs are asked for always: without LibreOffice the summary says so and how to get it.
    outcome = make_documents_for(book, pdf=True, only_new=False, progress=progress)
    book.save()
    return f"6. {outcome.summary()}"
