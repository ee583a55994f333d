"""Make one scoring workbook per judge in phieu_cham/, refusing while the registrations have errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain import schema
from ..domain.findings import Finding
from ..domain.sheets.scoresheet_identity import scoring_fingerprint
from ..errors import BlockedError
from ..safe_files import backup_copy
from ..progress import NO_PROGRESS, Progress, tracked
from ..workbooks.xlsx_io import write_fault
from ..workbooks.judge_workbook import JudgeFiles
from .actions import journal_name
from .journal import log_action, refusals_logged
from .validate import source_files, validate


@dataclass(frozen=True)
class JudgesOutcome:
    """The judges' workbooks written and those kept because a judge's file was already there."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """Always 0: a refusal is raised, never returned."""
        return 0

    @property
    def files(self) -> list[Path]:
        """The judges' workbooks written in this run (the kept ones untouched)."""
        return list(self.written)

    def summary(self) -> str:
        """A one-line Vietnamese summary."""
        text = f"Đã tạo {len(self.written)} phiếu chấm"
        if self.kept:
            text += f"; giữ nguyên {len(self.kept)} phiếu đã có (dùng --ghi-de để tạo lại)"
        return text + "."


def make_judge_sheets(book, *, overwrite: bool = False, progress: Progress = NO_PROGRESS) -> JudgesOutcome:
    """Write phieu_cham/<Mã giám khảo>.xlsx for every judge of a contest with no registration errors."""
    checked = validate(book, record=False)  # the log's row for this action says what was made
    refusal = _refusal(book, checked)
    with refusals_logged(book, journal_name("make_judge_sheets"), source_files(book)):
        if refusal:
            raise BlockedError(refusal)
    contest = checked.contest
    folder = book.folder / schema.JUDGES_DIR
    folder.mkdir(exist_ok=True)
    written, kept = [], []
    files = None  # what every judge's file shares, made once, when a first file is to be written
    for judge in tracked(progress, "Tạo phiếu chấm", contest.judges):
        path = folder / f"{judge.code}.xlsx"
        if path.exists() and not overwrite:
            kept.append(path)
            continue
        if path.exists():
            _set_aside(path)
        files = files or JudgeFiles(contest)
        files.write(path, judge, scoring_fingerprint(contest.registrations, judge.conflicts))
        written.append(path)
    outcome = JudgesOutcome(written, kept, checked.findings)
    log_action(book, journal_name("make_judge_sheets"), source_files(book), outcome.summary())
    return outcome


def _refusal(book, checked) -> str | None:
    """Why judges' sheets cannot be made yet, in Vietnamese; None when they can."""
    if not checked.ok or checked.contest is None:
        return (f"Chưa tạo phiếu chấm: sổ {book.label} còn {checked.summary()} "
                f"Hãy sửa các lỗi trong sheet {schema.SHEET_FINDINGS} rồi chạy lại.")
    if not checked.contest.registrations:
        return f"Sheet {schema.SHEET_REGISTRATIONS} chưa có sản phẩm nào. Hãy nhập danh sách đăng ký trước."
    if not checked.contest.judges:
        return f"Sheet {schema.SHEET_JUDGES} chưa có giám khảo nào. Hãy nhập danh sách giám khảo."
    return None


def _set_aside(path: Path) -> None:
    """Move an existing judge's file to sao_luu/ before replacing it: a judge's file is never lost."""
    try:
        backup_copy(path, path.parent.parent / schema.BACKUP_DIR, move=True)
    except OSError as exc:  # a read-only phieu_cham/ or sao_luu/, a full disk: say which file, change nothing
        raise write_fault(path, exc) from exc
