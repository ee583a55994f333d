"""The summary report use case: the register's figures for a period, written as a Word report (and PDF).

It reads only the register (Register.report_facts); it never opens a contest workbook.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..documents.report import REPORT_DIR, write_report
from ..domain import report_messages as msg
from ..domain import register_schema as rs
from ..domain import schema
from ..domain.sheets.info import info_from_rows
from ..domain.findings import Finding, error, has_errors
from ..domain.register_records import ReportData
from ..domain.report_figures import ReportFigures, report_figures
from ..ports import ContestBook

REGISTER_FILE, REGISTER_ENV = rs.REGISTER_FILE, rs.REGISTER_ENV
FIRST_YEAR, LAST_YEAR = 1900, 2200  # "every year" when asking the register which years it holds


class ReportSource(Protocol):
    """What the report needs of a register."""

    def report_facts(self, year_from: int, year_to: int) -> ReportData:
        """The register's records of a period, as much of them as the report reads."""


@dataclass
class ReportOutcome:
    """What make_report found and wrote."""

    year_from: int
    year_to: int
    findings: list[Finding] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    figures: ReportFigures | None = None
    tables: int = 0
    charts: int = 0
    pdf_message: str | None = None
    notes: list[str] = field(default_factory=list)  # the register's own warnings (network path, migration)

    @property
    def exit_code(self) -> int:
        """0 written, 1 refused (no contest in the period, a wrong period)."""
        return 1 if has_errors(self.findings) else 0

    def summary(self) -> str:
        """Vietnamese lines: what was written and where, or why not."""
        if self.figures is None:
            return "\n".join([f.message for f in self.findings] + self.notes)
        f = self.figures
        lines = [msg.done(f.period_text, len(f.contests), f.establishments, f.products, f.recognised.get("tinh", 0)),
                 msg.written(self.tables, self.charts)]
        lines += [f"  {p}" for p in self.files]
        if self.pdf_message:
            lines.append(msg.NO_PDF.format(reason=self.pdf_message))
        return "\n".join(lines + self.notes)


def default_out_dir(base: Path) -> Path:
    """Where reports go by default: bao_cao/ in the given folder."""
    return base / REPORT_DIR


def make_report(register: ReportSource, year_from: int, year_to: int, out_dir: Path, pdf: bool = False,
                location: str = "") -> ReportOutcome:
    """Write the summary report of year_from…year_to from the register into out_dir."""
    outcome = ReportOutcome(year_from, year_to)
    if year_from > year_to:
        outcome.findings.append(error(msg.BAD_PERIOD_CODE, "", "", msg.bad_period(year_from, year_to)))
        return outcome
    data = register.report_facts(year_from, year_to)
    if not any(year_from <= c.year <= year_to for c in data.contests):
        every = register.report_facts(FIRST_YEAR, LAST_YEAR)
        years = sorted({c.year for c in every.contests})
        outcome.findings.append(error(msg.NO_CONTEST_CODE, "", "", msg.no_contest(year_from, year_to, years, location)))
        return outcome
    return write_outcome(outcome, data, out_dir, pdf)


def write_outcome(outcome: ReportOutcome, data: ReportData, out_dir: Path, pdf: bool) -> ReportOutcome:
    """The figures of data's period written as the report (and PDF) into out_dir, recorded in the outcome."""
    outcome.figures = report_figures(data)
    files = write_report(outcome.figures, out_dir, pdf=pdf, issue_year=data.today.year)
    outcome.files = [files.docx] + ([files.pdf] if files.pdf else [])
    outcome.tables, outcome.charts, outcome.pdf_message = files.tables, files.charts, files.pdf_message
    return outcome


def register_beside(folder: Path) -> tuple[str | None, Path]:
    """The register of a contest folder as (location, folder holding it).

    $BINHCHON_REGISTER when set; else so_theo_doi.sqlite in the folder holding the contest folders,
    or in the contest folder itself when it is only there (as the demo's is).
    """
    if os.environ.get(REGISTER_ENV, "").strip():
        return None, folder.parent
    own = folder / REGISTER_FILE
    if not (folder.parent / REGISTER_FILE).exists() and own.exists():
        return str(own), folder
    return None, folder.parent


def report_for_contest(book: ContestBook, pdf: bool = False) -> ReportOutcome:
    """The report from the register beside the open contest: from its first year to this contest's year, into bao_cao/."""
    info, _ = info_from_rows(book.read([schema.SHEET_INFO]).get(schema.SHEET_INFO, []))
    location, base = register_beside(book.folder)
    if location is None and not os.environ.get(REGISTER_ENV, "").strip() and not (base / REGISTER_FILE).exists():
        outcome = ReportOutcome(0, 0)
        outcome.findings.append(error(msg.NO_REGISTER_CODE, "", "", msg.no_register(base / REGISTER_FILE)))
        return outcome
    from ..register import open_register

    with open_register(location, base) as register:
        # One query up to this contest's year; the period starts at the register's first contest.
        last = info.year if info is not None and info.year else LAST_YEAR
        data = register.report_facts(FIRST_YEAR, last)
        years = sorted({c.year for c in data.contests})
        if info is None or not info.year:
            last = years[-1] if years else dt.date.today().year
        first = years[0] if years else last
        if not years:
            outcome = ReportOutcome(first, last)
            outcome.findings.append(error(msg.NO_CONTEST_CODE, "", "", msg.no_contest(first, last, [], register.where)))
        else:
            outcome = write_outcome(ReportOutcome(first, last), dataclasses.replace(data, year_from=first, year_to=last),
                                    default_out_dir(base), pdf)
        outcome.notes = list(register.notes)
        return outcome
