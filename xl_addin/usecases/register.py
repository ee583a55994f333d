"""Filling the register: `register add` (finished contests), with import and template in register_import."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import register_messages as msg
from ..domain import rules as rules_mod
from ..domain import schema
from ..domain.findings import Finding, error, has_errors, warning
from ..domain.register_entry import ContestEntry, contest_entry, finished_problem
from ..domain.sheets.results import result_rows_from_rows
from ..errors import BinhchonError
from ..register import Register
from ..register.writing import store_contest
from ..workbooks.contest_book import FileContestBook
from ..safe_files import sha256_of
from .register_import import ImportOutcome, import_outcomes, write_register_template
from .results import judge_files, read_score_sheets
from .validate import read_and_check

__all__ = ["AddOutcome", "ImportOutcome", "add_contests", "import_outcomes", "read_finished_contest",
           "write_register_template"]


@dataclass
class AddOutcome:
    """The contests added (one line each) and the folders refused, as findings."""

    where: str
    added: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def refused(self) -> int:
        """How many folders were refused."""
        return sum(1 for f in self.findings if f.is_error)

    @property
    def exit_code(self) -> int:
        """0 every contest added, 1 a folder refused (then nothing was written)."""
        return 1 if has_errors(self.findings) else 0

    def summary(self) -> str:
        """A one-line Vietnamese summary."""
        return msg.add_summary(0 if self.refused else len(self.added), self.refused, self.where)


class NotFinishedError(BinhchonError):
    """A folder that holds no finished contest (errors, no Kết quả, provisional results)."""

    exit_code = 1


def not_a_contest(folder: Path) -> Finding:
    """The refusal of a folder that holds no contest workbook."""
    return error("contest-not-finished", "", "", msg.REFUSED.format(folder=folder, reason=msg.NOT_A_CONTEST), str(folder))


def read_finished_contest(folder: Path) -> ContestEntry:
    """The register entry of a finished contest folder; NotFinishedError saying what to do otherwise."""
    path = folder if folder.suffix.lower() == ".xlsx" else folder / schema.CONTEST_FILE
    if not path.is_file():
        raise NotFinishedError(msg.NOT_A_CONTEST)
    book = FileContestBook(path)
    try:
        checked = read_and_check(book)
    except BinhchonError as exc:
        raise NotFinishedError(exc.message) from exc
    if not checked.ok or checked.contest is None:
        raise NotFinishedError(msg.CONTEST_HAS_ERRORS.format(summary=checked.summary()))
    contest = checked.contest
    sheets = book.read([schema.SHEET_RESULTS, schema.SHEET_REGISTRATIONS])
    result_rows = result_rows_from_rows(sheets.get(schema.SHEET_RESULTS, []))
    problem = finished_problem(contest, result_rows, sheets.get(schema.SHEET_RESULTS))
    if problem:
        raise NotFinishedError(problem)
    score_sheets, found = read_score_sheets(contest, judge_files(path.parent), provisional=False)
    if has_errors(found):
        raise NotFinishedError(msg.SCORES_HAVE_ERRORS.format(count=sum(1 for f in found if f.is_error)))
    entry = contest_entry(contest, result_rows, score_sheets, checked.findings, sheets[schema.SHEET_REGISTRATIONS])
    return dataclasses.replace(entry, source_file=str(path.resolve()), source_sha256=sha256_of(path))


def add_contests(register: Register, folders: list[Path]) -> AddOutcome:
    """Add finished contests in one transaction; a refused folder leaves the register as it was."""
    outcome = AddOutcome(register.where, notes=list(register.notes))
    now = dt.datetime.now().replace(microsecond=0)
    with register.writing() as writer:
        for folder in folders:
            folder = Path(folder)
            label = str(folder)
            try:
                entry = read_finished_contest(folder)
            except NotFinishedError as exc:
                reason = msg.REFUSED.format(folder=label, reason=exc.message)
                outcome.findings.append(error("contest-not-finished", "", "", reason, label))
                continue
            stored = store_contest(writer.conn, entry, now)
            level = rules_mod.LEVELS.get(entry.info.level, entry.info.level).lower()
            outcome.added.append(msg.added(label, level, entry.info.year, entry.area, stored.products,
                                           stored.recognised, stored.replaced))
            outcome.findings += [warning("rounded-points", schema.SHEET_SCORING, "", n, label) for n in stored.notes]
        if outcome.refused:
            writer.cancel()
            outcome.added.clear()
    return outcome
