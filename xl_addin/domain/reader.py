"""The contest workbook's input sheets read and checked in one pass: a Contest and every finding."""

from __future__ import annotations

from typing import Iterable, Mapping

from . import file_messages as file_msg
from . import messages as msg
from . import schema
from .checks import in_sheet_order
from .checks.file_names import check_file_names
from .sheets.judges import judges_from_rows
from .sheets.registrations import product_codes_from_rows, registrations_from_rows
from .findings import Finding, a1, error, warning
from .sheets.info import info_from_rows
from .models import Contest
from .sheets.rules import rules_from_rows
from .tables import Rows
from .values import Uncomputed, text

# Findings that mean the file is not a usable contest workbook at all (the CLI exits 2).
FATAL_CODES = frozenset({"missing-sheet"})


def is_fatal(findings: Iterable[Finding]) -> bool:
    """True when a finding makes the workbook unusable (e.g. an input sheet is missing)."""
    return any(f.code in FATAL_CODES for f in findings)


def sheet_key(name: str) -> str:
    """The comparison form of a sheet name: NFC, trimmed, case-folded."""
    return text(name).casefold()


def find_sheets(sheets: Mapping[str, Rows], wanted: Iterable[str]) -> tuple[dict[str, Rows], list[Finding]]:
    """The wanted sheets by their contract name, and a missing-sheet error for each absent one."""
    by_key = {sheet_key(name): rows for name, rows in sheets.items()}
    found: dict[str, Rows] = {}
    findings: list[Finding] = []
    for name in wanted:
        rows = by_key.get(sheet_key(name))
        if rows is None:
            findings.append(error("missing-sheet", name, "A1", msg.MISSING_SHEET.format(sheet=name)))
        else:
            found[name] = rows
    return found, findings


def read_contest(sheets: Mapping[str, Rows]) -> tuple[Contest | None, list[Finding]]:
    """The contest from its input sheets and all findings, in sheet then row order.

    With an input sheet missing only the missing-sheet errors are returned (nothing else can be
    checked reliably). Otherwise the Contest is returned when its facts and rules are usable; its
    registrations and judges are those rows that are usable.
    """
    found, missing = find_sheets(sheets, schema.INPUT_SHEETS)
    if missing:
        return None, missing
    info, info_findings = info_from_rows(found[schema.SHEET_INFO])
    rules, rules_findings = rules_from_rows(found[schema.SHEET_RULES])
    registration_rows = found[schema.SHEET_REGISTRATIONS]
    registrations, registration_findings = registrations_from_rows(registration_rows)
    # Every code typed in Đăng ký counts, so that a row with an error elsewhere does not make
    # the judges' "Không chấm" look wrong too.
    codes = product_codes_from_rows(registration_rows)
    judge_rows = found[schema.SHEET_JUDGES]
    judges, judge_findings = judges_from_rows(judge_rows, codes)
    name_findings = check_file_names(registration_rows, judge_rows)
    registration_findings = in_sheet_order(registration_findings + _of(name_findings, schema.SHEET_REGISTRATIONS))
    judge_findings = in_sheet_order(judge_findings + _of(name_findings, schema.SHEET_JUDGES))
    findings = info_findings + rules_findings + registration_findings + judge_findings
    findings = capped(findings + uncomputed_formulas(found))
    if info is None or rules is None:
        return None, findings
    return Contest(info, rules, tuple(registrations), tuple(judges)), findings


MAX_FINDINGS = 2_000  # beyond this, rows of pasted junk would only swell Kiểm tra and the notes


def capped(findings: list[Finding], limit: int = MAX_FINDINGS) -> list[Finding]:
    """The first `limit` findings and one too-many-findings summing up the rest (an error if any is)."""
    if len(findings) <= limit:
        return findings
    rest = findings[limit:]
    errors = sum(1 for f in rest if f.is_error)
    first = rest[0]
    text = file_msg.TOO_MANY_FINDINGS.format(errors=errors, warnings=len(rest) - errors, sheet=first.sheet,
                                             cell=first.cell or "A1", limit=limit)
    summary = error if errors else warning
    return findings[:limit] + [summary("too-many-findings", first.sheet, first.cell, text)]


def uncomputed_formulas(sheets: Mapping[str, Rows]) -> list[Finding]:
    """An error at every input cell holding a formula saved without its value (read as blank otherwise)."""
    found = []
    for sheet, rows in sheets.items():
        for i, row in enumerate(rows):
            if Uncomputed not in set(map(type, row)):  # nearly every row: one pass in C
                continue
            for j, value in enumerate(row):
                if isinstance(value, Uncomputed):
                    cell = a1(i, j)
                    found.append(error("uncomputed-formula", sheet, cell, file_msg.UNCOMPUTED_FORMULA.format(
                        cell=cell, formula=value.formula[:80])))
    return found


def _of(findings: list[Finding], sheet: str) -> list[Finding]:
    return [f for f in findings if f.sheet == sheet]
