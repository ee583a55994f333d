"""The Excel entry points: one per button, each running the same use case as the CLI on the calling book.

Desktop Excel calls them through RunPython (macros/BinhChon.bas) with no argument, so the book
is `xw.Book.caller()`; xlwings Server's scripts pass the request's book and the contest folder.
Every outcome, refusal or failure ends in one message box; the user never sees a traceback.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Callable

import xlwings as xw

from ..domain import schema
from ..errors import BinhchonError
from ..usecases.actions import ACTIONS, BY_KEY
from . import messages as msg
from . import status
from .book import XlwingsContestBook

Action = Callable[[XlwingsContestBook], str]


def run_action(book: xw.Book | None, folder: Path | str | None, action: Action) -> str:
    """Run one action on the calling book and show its message box; the message shown."""
    book = book if book is not None else xw.Book.caller()
    try:
        with status.shown(book, msg.RUNNING):
            text = action(XlwingsContestBook(book, folder))
    except BinhchonError as exc:
        text = exc.message
    except Exception as exc:  # the user never sees a traceback; developers can ask for it
        if os.environ.get("BINHCHON_DEBUG"):
            traceback.print_exc()
        _discard_pending(book)
        text = msg.UNEXPECTED.format(kind=type(exc).__name__)
    book.app.alert(text, title=msg.TITLE)
    return text


def _discard_pending(book: xw.Book) -> None:
    """Drop the half-done changes queued for Office.js so the workbook is left as it was."""
    if book.app.engine.name == "remote":
        book.json()["actions"].clear()


def _activate(contest: XlwingsContestBook, sheet: str) -> None:
    """Bring the sheet where the answer was written to the front."""
    if sheet in contest.sheet_names():
        contest.book.sheets[sheet].activate()


def _check(contest: XlwingsContestBook) -> str:
    outcome = BY_KEY["check_registrations"].load()(contest)
    if outcome.exit_code == 2:
        return msg.CHECK_DONE.format(summary=outcome.summary()) + "\n" + msg.CHECK_UNUSABLE
    text = msg.CHECK_DONE.format(summary=outcome.summary())
    if outcome.findings:
        _activate(contest, schema.SHEET_FINDINGS)
        text += "\n" + msg.CHECK_SEE_SHEET.format(sheet=schema.SHEET_FINDINGS)
    return text


def _judges(contest: XlwingsContestBook) -> str:
    outcome = BY_KEY["make_judge_sheets"].load()(contest, overwrite=False, progress=status.StatusBarProgress(contest.book))
    return outcome.summary() + "\n" + msg.JUDGES_WHERE.format(folder=contest.folder / schema.JUDGES_DIR)


def _results(provisional: bool) -> Action:
    compute = BY_KEY["compute_provisional" if provisional else "compute_results"].load

    def action(contest: XlwingsContestBook) -> str:
        outcome = compute()(contest, provisional=provisional, progress=status.StatusBarProgress(contest.book))
        if outcome.result_set is None:
            _activate(contest, schema.SHEET_FINDINGS)
            return outcome.summary() + "\n" + msg.RESULTS_BLOCKED.format(sheet=schema.SHEET_FINDINGS)
        _activate(contest, schema.SHEET_RESULTS)
        return outcome.summary() + "\n" + msg.RESULTS_WHERE.format(sheet=schema.SHEET_RESULTS)

    return action


def _documents(contest: XlwingsContestBook) -> str:
    make_documents_for = BY_KEY["make_documents"].load()
    # PDFs are asked for always: without LibreOffice the message says so and how to get it.
    outcome = make_documents_for(contest, pdf=True, only_new=False, progress=status.StatusBarProgress(contest.book))
    return outcome.summary()


def _report(contest: XlwingsContestBook) -> str:
    import shutil

    report_for_contest = BY_KEY["make_report"].load()
    return report_for_contest(contest, pdf=shutil.which("soffice") is not None).summary()


def check_registrations(book: xw.Book | None = None, folder: Path | str | None = None) -> str:
    """Kiểm tra hồ sơ: validate the registrations, write Kiểm tra, colour and annotate the cells."""
    return run_action(book, folder, _check)


def make_judge_sheets(book: xw.Book | None = None, folder: Path | str | None = None) -> str:
    """Tạo phiếu chấm: one scoring workbook per judge in phieu_cham/ (existing ones kept)."""
    return run_action(book, folder, _judges)


def compute_results(book: xw.Book | None = None, folder: Path | str | None = None) -> str:
    """Tính kết quả: read the judges' workbooks, compute, rank and write Kết quả."""
    return run_action(book, folder, _results(provisional=False))


def compute_provisional(book: xw.Book | None = None, folder: Path | str | None = None) -> str:
    """Tính tạm: results while some scores are still missing, marked TẠM TÍNH."""
    return run_action(book, folder, _results(provisional=True))


def make_documents(book: xw.Book | None = None, folder: Path | str | None = None) -> str:
    """In văn bản: certificates, decision annex and score summary into van_ban/."""
    return run_action(book, folder, _documents)


def make_report(book: xw.Book | None = None, folder: Path | str | None = None) -> str:
    """Báo cáo tổng kết: the summary report from the register beside the contest folders, into bao_cao/ there."""
    return run_action(book, folder, _report)


ENTRY_POINTS = {a.entry_point: globals()[a.entry_point] for a in ACTIONS}
"""The RunPython entry points (macros/BinhChon.bas), one per row of the table of actions."""
