"""The one table of the user's actions: key, Vietnamese label, Nhật ký name, use case, CLI and Excel entry points.

The command line, the desktop macros (RunPython), the xlwings Server scripts, the task pane, the
ribbons and the log all read their names from here; tests/excel/test_macros.py checks that
macros/BinhChon.bas, customUI.xml and manifest.xml name exactly these entry points.
No Office library is imported here: the use case is named as "module:function" and loaded on use.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Action:
    """One action a user can run, with every name it goes by."""

    key: str  # stable key; also the RunPython entry point and the xlwings Server script's function name
    label: str  # the button's Vietnamese label (ribbon, task pane, script name)
    journal: str  # the action's name in Nhật ký
    usecase: str  # "module:function" under xl_addin.usecases
    command: str  # the `binhchon` sub-command (and its option) that runs the same use case

    @property
    def entry_point(self) -> str:
        """The function in xl_addin.excel.actions a macro calls and scripts.py serves."""
        return self.key

    def load(self) -> Callable:
        """The use case callable, imported on first use (documents/report pull in their libraries)."""
        module, _, name = self.usecase.partition(":")
        return getattr(importlib.import_module(f"xl_addin.usecases.{module}"), name)


ACTIONS: tuple[Action, ...] = (
    Action("check_registrations", "Kiểm tra hồ sơ", "Kiểm tra hồ sơ đăng ký", "validate:validate", "validate"),
    Action("make_judge_sheets", "Tạo phiếu chấm", "Tạo phiếu chấm", "judges:make_judge_sheets", "judges"),
    Action("compute_results", "Tính kết quả", "Tính kết quả", "results:compute", "results"),
    Action("compute_provisional", "Tính tạm (còn thiếu điểm)", "Tính kết quả tạm tính", "results:compute",
           "results --tam-tinh"),
    Action("make_documents", "In văn bản", "In văn bản", "documents:make_documents_for", "documents"),
    Action("make_report", "Báo cáo tổng kết", "Báo cáo tổng kết", "report:report_for_contest", "report"),
)
"""In the order of the ribbon and the task pane."""

BY_KEY: dict[str, Action] = {a.key: a for a in ACTIONS}
LABELS: dict[str, str] = {a.key: a.label for a in ACTIONS}


def journal_name(key: str) -> str:
    """The Nhật ký name of the action with this key."""
    return BY_KEY[key].journal
