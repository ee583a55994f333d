"""Edits a person makes to a contest workbook between two commands, shared by the CLI and robustness tests."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_addin.domain import rules, schema


def regroup_product(path: Path, row: int = 2) -> None:
    """Move the product on a row of Đăng ký to another group: that changes what the judges scored."""
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.SHEET_REGISTRATIONS]
    col = [c.value for c in ws[1]].index(schema.COL_GROUP) + 1
    cell = ws.cell(row=row, column=col)
    cell.value = next(g for g in rules.GROUPS if g != cell.value)
    wb.save(path)


def judged_contest(folder: Path):
    """The sample contest in folder after judges' files, the judges' scores and results, saved as the CLI saves.

    Returns (path of the contest workbook, the results' outcome).
    """
    from xl_addin.usecases.demo import fill_inputs, play_judges
    from xl_addin.usecases.init import init_contest
    from xl_addin.usecases.judges import make_judge_sheets
    from xl_addin.usecases.results import compute
    from xl_addin.workbooks.contest_book import FileContestBook

    path = init_contest(folder, year=2019, level="tinh", province="Bắc Giang").path
    fill_inputs(path)
    book = FileContestBook(path)
    make_judge_sheets(book)
    book.save()
    play_judges(folder)
    book = FileContestBook(path)
    outcome = compute(book)
    book.save()
    return path, outcome
