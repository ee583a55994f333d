"""The results step's fast reading of judges' sheets (issue 11, session 5) gives what the plain reading gave.

`IssuedProducts` (made once for all the judges' sheets) finds renamed products without building
the names a sheet showed (`_shown`), and `_read_scores` reads a row of plain numbers at once;
these tests hold both to the readings they replaced (`reading_before`) on generated sheets:
codes typed in other forms, blank, unknown and repeated codes, two codes that share a key,
names in NFD, with spaces or not text at all, scores of every kind.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from decimal import Decimal

import builders
import pytest
import reading_before as before
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_addin.domain import schema
from xl_addin.domain.models import product_fingerprint
from xl_addin.domain.sheets import scoresheet
from xl_addin.domain.sheets.scoresheet import score_sheet_from_rows
from xl_addin.domain.sheets.scoresheet_identity import (IssuedProducts, _renamed, renamed_products,
                                                         scoring_fingerprint)

NAMES = st.sampled_from(["Mây tre đan", "MAY TRE DAN", "Nón lá", "Nón  lá", " Nón lá ", "Nón lá\n", "", None, "  ",
                         unicodedata.normalize("NFD", "Mây tre đan"), 5, 2.5, "Sản phẩm SP01", "Cơ sở SP02"])
CODES = st.sampled_from(["SP01", "SP02", "sp02", " SP03", "SP 04", "SP04", "SP09", "", None, 3, "Sp01"])
REGISTERED = st.lists(st.sampled_from(["SP01", "SP02", "sp02", "SP03", "SP04", "", "SP 04"]), min_size=1, max_size=5)


@st.composite
def named_products(draw):
    """A contest whose names may not be what sheets showed, and a judge's two sheets of names."""
    codes = draw(REGISTERED)
    c = builders.contest(tuple(codes))
    regs = tuple(dataclasses.replace(r, name=draw(st.sampled_from(["Mây tre đan", "Nón lá", r.name, " Nón lá",
                                                                  unicodedata.normalize("NFD", "Nón lá")])),
                                     establishment=draw(st.sampled_from([r.establishment, "Cơ sở khác"])))
                 for r in c.registrations)
    c = dataclasses.replace(c, registrations=regs)
    sheets = {}
    if draw(st.booleans()):
        rows = [["STT", "Mã sản phẩm", "Tên sản phẩm"]]
        rows += [[i, draw(CODES), draw(NAMES)][: draw(st.integers(1, 3))] for i in range(draw(st.integers(0, 6)))]
        sheets[schema.SHEET_SCORING] = rows
    if draw(st.booleans()):
        header = draw(st.sampled_from([["Mã sản phẩm", "Tên sản phẩm", "Tên cơ sở"], ["Tên cơ sở", "Mã sản phẩm"]]))
        rows = [header] + [[draw(st.one_of(CODES, NAMES)) for _ in header] for _ in range(draw(st.integers(0, 6)))]
        sheets[draw(st.sampled_from([schema.SHEET_SCORING_SNAPSHOT, schema.SHEET_SCORING_SNAPSHOT.upper()]))] = rows
    return c, sheets


@settings(max_examples=400, deadline=None)
@given(named_products())
def test_renamed_products_found_as_the_names_shown_said(case):
    c, sheets = case
    assert renamed_products(sheets, c) == _renamed(before.shown_products(sheets), c.registrations)


def test_a_renamed_product_is_found_once_whichever_sheet_shows_it_last():
    c = builders.contest(("SP01", "SP02"))
    snapshot = [["Mã sản phẩm", "Tên sản phẩm", "Tên cơ sở"], ["SP01", "Tên cũ", "Cơ sở SP01"],
                ["SP02", "Sản phẩm SP02", "Cơ sở SP02"]]
    visible = [["STT", "Mã sản phẩm", "Tên sản phẩm"], [1, "SP01", "Sản phẩm SP01"], [2, "SP02", "Tên lạ"]]
    found = renamed_products({schema.SHEET_SCORING: visible, schema.SHEET_SCORING_SNAPSHOT: snapshot}, c)
    # the snapshot wins: SP01 was shown as «Tên cũ», SP02 as registered now
    assert [(f.code, f.cell) for f in found] == [("product-renamed", "A2")]
    assert "«Tên cũ»" in found[0].message and "«Sản phẩm SP01»" in found[0].message


def test_issued_products_give_the_fingerprints_of_scoring_fingerprint():
    c = builders.contest(("SP03", "SP01", "SP02"))
    issued = IssuedProducts(c.registrations)
    for conflicts in ((), ("SP02",), ("sp02", " SP01")):
        assert issued.fingerprint(conflicts) == scoring_fingerprint(c.registrations, conflicts)
        assert issued.fingerprint(conflicts) == scoring_fingerprint(reversed(c.registrations), conflicts)


SCORES = st.one_of(st.sampled_from([None, "", " ", 0, 0.0, -0.0, 10, 40, 41, 8.5, 8.25, "8,5", "mười", -1, True,
                                    float("inf"), float("nan"), 1e20, 2025.0, "Tổng cộng"]),
                   st.floats(-5, 50), st.integers(-5, 50), st.decimals(-5, 50, places=2))


@st.composite
def scored_workbooks(draw):
    """A judge's workbook of a 4-product contest, rows of every kind, plain ones mostly."""
    c = builders.contest(("SP01", "SP02", "SP03", "SP04"), conflicts={"GK1": draw(st.sampled_from([(), ("SP02",)]))})
    codes = draw(st.lists(st.sampled_from(["SP01", "SP02", "sp03", " SP03", "SP04", "SP09", ""]), max_size=7))
    wb = builders.scoring_workbook(c, "GK1", {}, codes=codes)
    plain = st.one_of(st.sampled_from([0, 5, 7.5, 10, 2.25]), st.integers(0, 10))
    for row, code in zip(wb[schema.SHEET_SCORING][4:], codes):
        row[1] = code
        row[4:8] = [draw(st.one_of(plain, SCORES) if draw(st.booleans()) else plain) for _ in range(4)]
        row[-1] = draw(st.sampled_from([None, "", " Tốt ", 5]))
        if draw(st.integers(0, 5)) == 0:
            del row[draw(st.integers(2, len(row))):]  # a row shorter than the header
    return c, wb


def _exactly(outcome):
    """A reading's scores (each Decimal with its exponent), comments and findings."""
    sheet, findings = outcome
    scores = sheet and {code: {item: repr(v) for item, v in items.items()} for code, items in sheet.scores.items()}
    return scores, sheet and sheet.comments, findings


@settings(max_examples=400, deadline=None)
@given(scored_workbooks(), st.booleans())
def test_rows_of_plain_scores_read_as_cell_by_cell(workbook, provisional):
    c, wb = workbook
    fingerprint = product_fingerprint(c.registrations)
    now = score_sheet_from_rows("GK1.xlsx", wb, c, fingerprint, provisional=provisional)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scoresheet, "_read_scores", before.read_scores)
        then = score_sheet_from_rows("GK1.xlsx", wb, c, fingerprint, provisional=provisional)
    assert _exactly(now) == _exactly(then)


def test_issued_products_of_another_contest_are_not_used():
    c = builders.contest(("SP01", "SP02"))
    other = IssuedProducts(builders.contest(("SP01", "SP07")).registrations)
    wb = builders.scoring_workbook(c, "GK1", {"SP01": [30, 30, 8, 7], "SP02": [20, 20, 5, 5]})
    sheet, findings = score_sheet_from_rows("GK1.xlsx", wb, c, product_fingerprint(c.registrations), products=other)
    assert findings == [] and sheet is not None
    assert sheet.scores["SP02"] == {"TC1": Decimal(20), "TC2": Decimal(20), "TC3": Decimal(5), "TC4": Decimal(5)}


def test_halves_and_signed_zeros_read_as_typed():
    c = builders.contest(("SP01", "SP02", "SP03"))
    wb = builders.scoring_workbook(c, "GK1", {"SP01": [0.0, 7.5, 2.25, 1e1], "SP02": [-0.0, 7.5, 2, 10.0],
                                              "SP03": [30, 0, 2.25, 5]})
    now = score_sheet_from_rows("GK1.xlsx", wb, c, product_fingerprint(c.registrations))
    assert _exactly(now)[0] == {
        "SP01": {"TC1": "Decimal('0.0')", "TC2": "Decimal('7.5')", "TC3": "Decimal('2.25')", "TC4": "Decimal('10.0')"},
        "SP02": {"TC1": "Decimal('-0.0')", "TC2": "Decimal('7.5')", "TC3": "Decimal('2')", "TC4": "Decimal('10.0')"},
        "SP03": {"TC1": "Decimal('30')", "TC2": "Decimal('0')", "TC3": "Decimal('2.25')", "TC4": "Decimal('5')"}}


def test_judges_totals_in_kết_quả_read_back_as_each_cell_was():
    from xl_addin.domain.sheets import results_readback
    from xl_addin.domain.sheets.results import results_header

    c = builders.contest(("SP01", "SP02", "SP03", "SP04"), ("GK1", "GK2"))
    header = results_header(c.rules, ("GK1", "GK2"))
    totals = [(0.0, -0.0), (-0.0, 0.0), (72.5, 72.5), (80, "Không chấm"), ("75,25", None), (1e300, float("inf"))]
    rows = [["KẾT QUẢ"], header]
    for n, (first, second) in enumerate(totals, 1):
        row = [None] * len(header)
        row[header.index(schema.COL_CODE)] = f"SP0{n}"
        row[-2:] = [first, second]  # the judges' totals: the last two columns
        rows.append(row)
    assert [h for h in header[-2:]] == [f"{schema.RES_JUDGE_TOTAL_PREFIX}GK1", f"{schema.RES_JUDGE_TOTAL_PREFIX}GK2"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(results_readback, "_result", before.product_result)
        then = results_readback.result_set_from_rows(rows, c)
    now = results_readback.result_set_from_rows(rows, c)
    assert repr([r.judge_totals for r in now.results]) == repr([r.judge_totals for r in then.results])
    assert [str(t.total) for t in now.results[0].judge_totals] == ["0.0", "-0.0"]
    assert [str(t.total) for t in now.results[1].judge_totals] == ["-0.0", "0.0"]


def test_a_code_cell_of_any_kind_is_looked_up_as_header_key_does():
    issued = IssuedProducts(builders.contest(("SP01", "sp02")).registrations)
    from xl_addin.domain.tables import header_key
    for raw in ("SP01", " sp01 ", "SP02", ["SP01"], 1.5, None, "", "SP09"):
        key = header_key(raw)
        assert issued.find(raw) == (key, {"sp01": "SP01", "sp02": "sp02"}.get(key))
