"""The validate use case on an in-memory book: findings to Kiểm tra, cells marked, one log row; no file."""

from __future__ import annotations

import dataclasses

from xl_addin.domain import schema
from xl_addin.domain.sheets.info import rows_from_info
from xl_addin.domain.sheets.judges import rows_from_judges
from xl_addin.domain.sheets.registrations import rows_from_registrations
from xl_addin.domain.rules import preset
from xl_addin.domain.sheets.rules import rows_from_rules
from xl_addin.domain.sample.programme import sample_programme
from xl_addin.memory_book import MemoryContestBook
from xl_addin.usecases.validate import validate


def sample_book(tmp_path, **registration_changes) -> MemoryContestBook:
    """The sample programme typed into a memory book; changes apply to its first registration."""
    sample = sample_programme()
    regs = list(sample.registrations)
    regs[0] = dataclasses.replace(regs[0], **registration_changes)
    return MemoryContestBook({
        schema.SHEET_INFO: rows_from_info(sample.info),
        schema.SHEET_RULES: rows_from_rules(preset()),
        schema.SHEET_REGISTRATIONS: rows_from_registrations(regs),
        schema.SHEET_JUDGES: rows_from_judges(sample.judges),
        schema.SHEET_LOG: [["Thời gian"]],
    }, tmp_path)


def test_a_bad_tax_code_is_found_at_its_cell_marked_and_logged(tmp_path):
    book = sample_book(tmp_path, tax_code="12345")
    outcome = validate(book)
    header = book.sheets[schema.SHEET_REGISTRATIONS][0]
    cell = f"{chr(ord('A') + header.index(schema.COL_TAX_CODE))}2"
    assert ("invalid-tax-code", schema.SHEET_REGISTRATIONS, cell) in {(f.code, f.sheet, f.cell) for f in outcome.findings}
    assert outcome.exit_code == 1
    severity, note = book.marks[(schema.SHEET_REGISTRATIONS, cell)]
    assert severity == "error" and "12345" in note
    listed = [row for row in book.sheets[schema.SHEET_FINDINGS] if "invalid-tax-code" in row]
    assert len(listed) == 1
    assert len(book.sheets[schema.SHEET_LOG]) == 2  # the header and this action's row


def test_a_clean_book_has_no_error_and_a_second_check_unmarks_the_first(tmp_path):
    book = sample_book(tmp_path, tax_code="12345")
    validate(book)
    book.sheets[schema.SHEET_REGISTRATIONS][1][book.sheets[schema.SHEET_REGISTRATIONS][0].index(schema.COL_TAX_CODE)] = "0101234567"
    outcome = validate(book)
    assert not [f for f in outcome.findings if f.is_error]
    assert all(sev != "error" for sev, _ in book.marks.values())
