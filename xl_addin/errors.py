"""The one hierarchy of failures: each message says what, where and how to fix it (in Vietnamese)."""

from __future__ import annotations


class BinhchonError(Exception):
    """Base of every failure the tool reports to the user instead of a traceback."""

    exit_code = 2
    code = "not-done"  # the finding code `--json` callers get (domain/finding_codes.py)

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class WorkbookError(BinhchonError):
    """A workbook cannot be opened or used: missing, not .xlsx, damaged, oversized, wrong sheets."""

    code = "unreadable-file"


class WorkbookLockedError(WorkbookError):
    """A workbook cannot be written because Excel (or another program) holds it, or it is read-only."""

    code = "workbook-locked"


class TemplateError(BinhchonError):
    """A document template is missing, damaged or uses a variable the tool does not provide."""

    code = "template-problem"


class BlockedError(BinhchonError):
    """A step refused because an earlier step's data has errors (e.g. judges' sheets with errors)."""

    exit_code = 1
    code = "blocked"


class ExcelUnavailableError(BinhchonError):
    """An action needs desktop Excel (or its add-in) and it is not there."""

    code = "excel-unavailable"

class ContestBusyError(WorkbookLockedError):
    """Another run (on this or another computer) holds the contest's lock; the message names it."""


class SaveError(BinhchonError):
    """A file could not be written (read-only folder, full or vanished disk); the old file is intact."""

    code = "save-failed"
