"""The demo's ten-year history: earlier contests run through the tool, the register filled, the report written."""

from __future__ import annotations

import dataclasses
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..domain import register_schema as rs
from ..domain import schema
from ..register import open_register
from ..domain.sheets.info import info_from_rows, rows_from_info
from ..domain.sheets.judges import rows_from_judges
from ..domain.sheets.registrations import rows_from_registrations
from ..domain.rules import preset
from ..domain.sheets.rules import rows_from_rules
from ..domain.sample import history
from ..domain.sample.history import PastContest
from ..workbooks.contest_book import FileContestBook
from ..workbooks.judge_workbook import fill_scores
from ..workbooks.register_fill import append_sheet_rows
from .documents import make_documents_for
from .init import init_contest
from .judges import make_judge_sheets
from .report import make_report
from .register import add_contests
from .register_import import import_outcomes, write_register_template
from .results import compute
from .validate import validate

HISTORY_DIR = "lich_su"
REGISTER_FILE = rs.REGISTER_FILE
PERIOD = (2010, 2019)


@dataclass(frozen=True)
class HistoryOutcome:
    """What the history step made: the earlier contest folders, the register and the report's files."""

    folders: list[Path]
    register: Path
    lines: list[str]  # what each sub-step said
    report_files: list[Path]


def run_past_contest(folder: Path, past: PastContest) -> list[tuple[str, object]]:
    """Run one earlier contest through the tool (no PDF); its forwarded (code, registration), best first."""
    path = init_contest(folder, year=past.info.year, level="tinh", province=past.info.province).path
    book = FileContestBook(path)
    created, _ = info_from_rows(book.read([schema.SHEET_INFO])[schema.SHEET_INFO])
    info = past.info if created is None else dataclasses.replace(past.info, contest_id=created.contest_id)
    book.write_sheet(schema.SHEET_INFO, rows_from_info(info))
    book.write_sheet(schema.SHEET_RULES, rows_from_rules(preset().with_changes(forward_count=history.FORWARD)))
    book.append_rows(schema.SHEET_REGISTRATIONS, rows_from_registrations(past.registrations, header=False))
    book.append_rows(schema.SHEET_JUDGES, rows_from_judges(past.judges, header=False))
    validate(book)
    book.save()
    book = FileContestBook(path)
    make_judge_sheets(book)
    book.save()
    for judge in past.judges:
        fill_scores(folder / schema.JUDGES_DIR / f"{judge.code}.xlsx", past.scores[judge.code])
    book = FileContestBook(path)
    outcome = compute(book)
    book.save()
    book = FileContestBook(path)
    make_documents_for(book, pdf=False)
    book.save()
    by_code = {r.code: r for r in past.registrations}
    ranked = sorted(outcome.result_set.results, key=lambda r: r.rank) if outcome.result_set else []
    return [(r.code, by_code[r.code]) for r in ranked if r.forward_proposal]


def make_history(folder: Path) -> HistoryOutcome:
    """Earlier contests in lich_su/, the register beside them filled from all contests and the staff's workbook, the report."""
    folders, forwarded = [], {}
    for past in history.past_contests():
        target = folder / HISTORY_DIR / f"bg{past.info.year}"
        forwarded[past.info.year] = run_past_contest(target, past)
        folders.append(target)
    register_path = folder / REGISTER_FILE
    lines = []
    with open_register(str(register_path), folder) as register:
        lines.append(add_contests(register, folders + [folder]).summary())
        template = write_register_template(folder)
        append_sheet_rows(template, {rs.SHEET_UPPER: history.upper_rows(forwarded),
                                     rs.SHEET_ACTIVITIES: history.activity_rows(), rs.SHEET_REFERENCE: history.reference_rows()})
        lines.append(import_outcomes(register, [template]).summary())
        report = make_report(register, *PERIOD, folder / "bao_cao", pdf=shutil.which("soffice") is not None)
        lines.append(report.summary())
    return HistoryOutcome(folders, register_path, lines, report.files)
