"""The judge's sheet fingerprint covers codes, groups and conflicts; names are warnings, not staleness."""

from __future__ import annotations

import dataclasses

from builders import contest, meta_cell, scoring_workbook
from xl_addin.domain import rules as rules_mod
from xl_addin.domain import schema
from xl_addin.domain.models import product_fingerprint
from xl_addin.domain.sheets.scoresheet import score_sheet_from_rows
from xl_addin.domain.sheets.scoresheet_identity import scoring_fingerprint

FULL = [30, 30, 8, 7]
SCORES = {"SP01": FULL, "SP02": FULL, "SP03": FULL}


def read(c, wb):
    return score_sheet_from_rows("GK1.xlsx", wb, c, product_fingerprint(c.registrations))


def triples(findings):
    return [(f.code, f.sheet, f.cell) for f in findings]


def renamed(c, code, **changes):
    regs = tuple(dataclasses.replace(r, **changes) if r.code == code else r for r in c.registrations)
    return dataclasses.replace(c, registrations=regs)


def test_names_are_not_in_the_fingerprint_but_codes_groups_and_conflicts_are():
    c = contest()
    base = scoring_fingerprint(c.registrations, ())
    assert scoring_fingerprint(renamed(c, "SP01", name="Tên khác", establishment="Cơ sở khác").registrations) == base
    assert scoring_fingerprint(renamed(c, "SP01", group=rules_mod.GROUPS[1]).registrations) != base
    assert scoring_fingerprint(c.registrations, ("SP02",)) != base


def test_a_sheet_made_before_a_name_was_corrected_stays_valid_with_a_warning():
    c = contest()
    wb = scoring_workbook(c, "GK1", SCORES, fingerprint=scoring_fingerprint(c.registrations, ()))
    now = renamed(c, "SP02", name="Sản phẩm SP02 (đã sửa)")  # SP02 sits on row 3 of Đăng ký
    sheet, findings = read(now, wb)
    assert sheet is not None and set(sheet.scores) == {"SP01", "SP02", "SP03"}
    assert triples(findings) == [("product-renamed", schema.SHEET_REGISTRATIONS, "A3")]
    assert "«Sản phẩm SP02»" in findings[0].message and "«Sản phẩm SP02 (đã sửa)»" in findings[0].message


def test_a_conflict_declared_after_the_sheet_was_made_makes_it_stale():
    c = contest()
    wb = scoring_workbook(c, "GK1", SCORES, fingerprint=scoring_fingerprint(c.registrations, ()))
    later = contest(conflicts={"GK1": ["SP03"]})
    sheet, findings = read(later, wb)
    assert sheet is None
    assert ("stale-product-list", schema.SHEET_SCORING_META, meta_cell(schema.META_FINGERPRINT)) in triples(findings)
