"""`binhchon demo`: the whole workflow on the bundled sample programme, printed as the command line prints it."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .cli_format import findings_table, results_table
from .domain import schema
from .progress import NO_PROGRESS, Progress
from .usecases.demo import fill_inputs, play_judges, prepare_folder
from .usecases.init import init_contest
from .usecases.judges import make_judge_sheets
from .usecases.results import compute
from .usecases.validate import validate
from .workbooks.contest_book import FileContestBook


def run_demo(folder: Path, print_fn: Callable[[str], None] = print, progress: Progress = NO_PROGRESS) -> int:
    """Run init, validate, judges, the judges' scoring, results and documents on the sample; exit code."""
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
    from .usecases.demo_history import make_history

    made = make_history(folder)
    lines = ["", f"7. Lịch sử 10 năm: {len(made.folders)} cuộc bình chọn trước trong {folder / 'lich_su'}, "
                 f"chạy bằng chính công cụ này."]
    lines += [f"8. {text}" if i == 0 else text for i, text in enumerate(made.lines)]
    lines.append(f"Sổ theo dõi nhiều năm: {made.register}; báo cáo tổng kết: "
                 + ", ".join(str(p) for p in made.report_files) + ".")
    return lines


def _documents_step(folder: Path, progress: Progress) -> str:
    """Make the documents when that use case is present; a line saying what was made."""
    from .usecases.documents import make_documents_for

    book = FileContestBook(folder / schema.CONTEST_FILE)
    # PDFs are asked for always: without LibreOffice the summary says so and how to get it.
    outcome = make_documents_for(book, pdf=True, only_new=False, progress=progress)
    book.save()
    return f"6. {outcome.summary()}"
