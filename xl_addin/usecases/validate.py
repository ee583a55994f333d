"""Validate the contest workbook's input sheets: findings to Kiểm tra, highlights, log."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain import schema
from ..domain.findings import Finding, count, has_errors
from ..domain.models import Contest
from ..domain.reader import is_fatal, read_contest
from .findings_sheet import show_findings
from .actions import journal_name
from .journal import log_action
from ..ports import ContestBook


@dataclass(frozen=True)
class ValidateOutcome:
    """What validation found, and the contest as read (None when unusable)."""

    contest: Contest | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return self.contest is not None and not has_errors(self.findings)

    @property
    def exit_code(self) -> int:
        """0 no error, 1 errors in the data, 2 the workbook cannot be used at all."""
        if is_fatal(self.findings):
            return 2
        return 1 if has_errors(self.findings) else 0

    @property
    def files(self) -> list[Path]:
        """No file besides the contest workbook (whose sheets the caller saves)."""
        return []

    def summary(self) -> str:
        """A one-line Vietnamese summary."""
        errors, warnings = count(self.findings)
        if not self.findings:
            return "Không phát hiện lỗi nào."
        return f"{errors} lỗi, {warnings} cảnh báo."


def read_and_check(book: ContestBook) -> ValidateOutcome:
    """Read the input sheets and check them, writing nothing."""
    contest, findings = read_contest(book.read(schema.INPUT_SHEETS))
    return ValidateOutcome(contest, findings)


def validate(book: ContestBook, *, record: bool = True) -> ValidateOutcome:
    """Check the workbook, show findings in it (Kiểm tra, highlights) and log the action."""
    outcome = read_and_check(book)
    if is_fatal(outcome.findings):
        return outcome  # not a contest workbook: leave it exactly as it is
    show_findings(book, outcome.findings)
    if record:
        log_action(book, journal_name("check_registrations"), source_files(book), outcome.summary())
    return outcome


def source_files(book: ContestBook) -> list:
    """The contest workbook's own file, when it exists on disk (for the log's SHA-256)."""
    path = book.folder / book.label
    return [path] if path.exists() else []
