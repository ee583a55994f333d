"""The table of actions on a real contest folder: each row's use case runs, its outcome answers findings,
summary(), exit_code and the files it wrote, and Nhật ký names it as the table does."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_addin.domain import schema
from xl_addin.domain.sample.programme import sample_programme
from xl_addin.usecases import documents, judges, report, results, validate
from xl_addin.usecases.actions import ACTIONS, BY_KEY
from xl_addin.usecases.demo import fill_inputs, play_judges
from xl_addin.usecases.init import init_contest
from xl_addin.workbooks.contest_book import FileContestBook


def test_every_key_loads_the_use_case_the_cli_and_excel_run():
    assert [a.key for a in ACTIONS] == ["check_registrations", "make_judge_sheets", "compute_results",
                                        "compute_provisional", "make_documents", "make_report"]
    assert BY_KEY["check_registrations"].load() is validate.validate
    assert BY_KEY["make_judge_sheets"].load() is judges.make_judge_sheets
    assert BY_KEY["compute_results"].load() is BY_KEY["compute_provisional"].load() is results.compute
    assert BY_KEY["make_documents"].load() is documents.make_documents_for
    assert BY_KEY["make_report"].load() is report.report_for_contest
    assert len({a.label for a in ACTIONS}) == len({a.journal for a in ACTIONS}) == len(ACTIONS)


def _run(path: Path, key: str, **kwargs):
    book = FileContestBook(path)
    outcome = BY_KEY[key].load()(book, **kwargs)
    book.save()
    return outcome


def _logged(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return [row[1] for row in wb[schema.SHEET_LOG].iter_rows(min_row=2, values_only=True)]
    finally:
        wb.close()


def test_each_outcome_answers_findings_summary_exit_code_and_the_files_it_wrote(tmp_path):
    folder = tmp_path / "bg2019"
    path = init_contest(folder, year=2019, level="tinh", province="Bắc Giang").path
    fill_inputs(path)
    checked = _run(path, "check_registrations")
    made = _run(path, "make_judge_sheets")
    play_judges(folder)
    computed = _run(path, "compute_results")
    printed = _run(path, "make_documents", pdf=False)
    outcomes = [checked, made, computed, printed]
    for o in outcomes:
        assert isinstance(o.findings, list) and isinstance(o.summary(), str) and o.summary()
        assert o.exit_code == 0
    assert checked.files == [] and computed.files == []  # only the contest workbook's sheets change
    judge_files = sorted((folder / schema.JUDGES_DIR).glob("*.xlsx"))
    assert len(judge_files) == len(sample_programme().judges) and sorted(made.files) == judge_files
    written = sorted((folder / schema.DOCUMENTS_DIR).rglob("*.docx"))
    assert written and sorted(printed.files) == written and not any(p.suffix == ".pdf" for p in printed.files)
    assert _logged(path)[-4:] == ["Kiểm tra hồ sơ đăng ký", "Tạo phiếu chấm", "Tính kết quả", "In văn bản"]
    assert _logged(path)[-4:] == [BY_KEY[k].journal for k in ("check_registrations", "make_judge_sheets",
                                                               "compute_results", "make_documents")]
