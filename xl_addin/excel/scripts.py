"""The actions as xlwings Server scripts: each runs the same entry point as the ribbon on the request's book.

One script per row of the table of actions (usecases/actions.py), named by its label.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import xlwings as xw
from xlwings.server import script

from . import actions
from ..usecases.actions import ACTIONS
from ..usecases.actions import LABELS as ACTION_LABELS


@dataclass(frozen=True)
class ContestFolder:
    """The contest folder the server was started for; injected into every script by the app."""

    path: Path


@script(name=ACTION_LABELS["check_registrations"])
def check_registrations(book: xw.Book, folder: ContestFolder) -> None:
    """Kiểm tra hồ sơ."""
    actions.check_registrations(book, folder.path)


@script(name=ACTION_LABELS["make_judge_sheets"])
def make_judge_sheets(book: xw.Book, folder: ContestFolder) -> None:
    """Tạo phiếu chấm."""
    actions.make_judge_sheets(book, folder.path)


@script(name=ACTION_LABELS["compute_results"])
def compute_results(book: xw.Book, folder: ContestFolder) -> None:
    """Tính kết quả."""
    actions.compute_results(book, folder.path)


@script(name=ACTION_LABELS["compute_provisional"])
def compute_provisional(book: xw.Book, folder: ContestFolder) -> None:
    """Tính tạm."""
    actions.compute_provisional(book, folder.path)


@script(name=ACTION_LABELS["make_documents"])
def make_documents(book: xw.Book, folder: ContestFolder) -> None:
    """In văn bản."""
    actions.make_documents(book, folder.path)


@script(name=ACTION_LABELS["make_report"])
def make_report(book: xw.Book, folder: ContestFolder) -> None:
    """Báo cáo tổng kết (from the register beside the contest folders)."""
    actions.make_report(book, folder.path)


def script_names() -> list[str]:
    """The function names of the scripts, in the task pane's order."""
    return [a.entry_point for a in ACTIONS if hasattr(globals().get(a.entry_point), "__xlscript__")]
