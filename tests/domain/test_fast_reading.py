"""The fast reading of sheets (issue 11) gives exactly what the cell-by-cell reading gave.

`reading_before` holds the reading as it was; these tests compare the two on generated cells and
sheets (values, findings, messages and cell addresses), and pin the table lookups they rely on.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import builders
import pytest
import reading_before as before
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_addin.domain import rules, schema
from xl_addin.domain.checks.file_names import file_stem
from xl_addin.domain.models import product_fingerprint
from xl_addin.domain.sheets import results_readback, scoresheet, scoresheet_identity
from xl_addin.domain.sheets.results import results_header
from xl_addin.domain.sheets.scoresheet import score_sheet_from_rows
from xl_addin.domain.sheets.registrations import product_codes_from_rows, registrations_from_rows
from xl_addin.domain.tables import Record, RowCells, find_table, header_key
from xl_addin.domain.values import ValueProblem, fold, is_blank, loose_key, number, text

VIETNAMESE = "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĂÂĐÊÔƠƯÁÀẠỆỮ"
COMBINING = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u0344\u0308"
SPACES = " \t\n\u00a0\u2002\u3000\u200b\x1c"
letters = st.text(alphabet=st.sampled_from("aAbBoOdD0189.,-_/;()@+xX" + VIETNAMESE + COMBINING + SPACES), max_size=14)
typed_text = st.one_of(letters, letters.map(lambda s: unicodedata.normalize("NFD", s)), st.text(max_size=8))
cell_values = st.one_of(
    st.none(), typed_text, st.integers(-5, 10**11), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)),
)


@given(cell_values)
def test_text_blank_fold_and_loose_key_are_as_before(value):
    assert text(value) == before.text(value)
    assert is_blank(value) == before.is_blank(value)
    assert fold(value) == before.fold(value)
    assert loose_key(value) == before.loose_key(value)


def test_fold_removes_diacritics_of_composed_decomposed_and_stray_marks_alike():
    assert fold("  Đồ gỗ MỸ NGHỆ ") == fold(unicodedata.normalize("NFD", "đồ gỗ mỹ nghệ")) == "do go my nghe"
    assert fold("a\u0344b") == "ab"  # a mark that decomposes into two marks
    assert fold("Ǆ ǅ") == before.fold("Ǆ ǅ") == "\u01c6 \u01c6"  # case-folded; no canonical decomposition


def _variant(header: str, how: int) -> str:
    """A header as people retype it: as is, another case, without diacritics, wrapped."""
    return (header, header.upper(), before.fold(header), header.replace(" ", "\n", 1))[how]


# Few distinct codes, names and establishments, so that repeats and collisions occur.
CODES = st.sampled_from(["SP01", "sp01", "SP02", " SP03 ", "SP04", unicodedata.normalize("NFD", "SPĐ5"), "", None, 7])
NAMES = st.sampled_from(["Mây tre đan", "MAY TRE DAN", "Nón lá", "Nón  lá!", "", None, "  "])
CHOICE_VALUES = st.sampled_from([
    *rules.GROUPS, *rules.ESTABLISHMENT_TYPES, "thu cong my nghe", unicodedata.normalize("NFD", rules.GROUPS[1]),
    "ho kinh doanh", "?", "", None, " ", 3,
])
YES_NO = st.sampled_from(["Có", "Không", "co", "KHÔNG ", unicodedata.normalize("NFD", "Có"), "x", "yes", "?",
                          True, False, "", None, 1, "\u00a0"])
CONTACTS = st.sampled_from(["0101234567", "0101234567-001", "12", "0912 345 678", "0912.345.678/024 3826 1234",
                            "+84 912 345 678", "(024) 3826", "htx@phuvinh.vn", "a@b", "a@b.vn; c@d.com", "", None, 912345678])
PHOTOS = st.sampled_from([None, "", 0, 2, 3, 5, 3.0, 2.5, -1, "4", "nhiều", "1.000", True])
BY_HEADER = {
    schema.COL_CODE: CODES, schema.COL_NAME: NAMES, schema.COL_ESTABLISHMENT: NAMES,
    schema.COL_GROUP: CHOICE_VALUES, schema.COL_EST_TYPE: CHOICE_VALUES,
    schema.COL_TAX_CODE: CONTACTS, schema.COL_PHONE: CONTACTS, schema.COL_EMAIL: CONTACTS, schema.COL_PHOTOS: PHOTOS,
    **{h: YES_NO for h in schema.DOSSIER_YES_NO_COLUMNS},
}
ALL_HEADERS = list(schema.REGISTRATION_HEADERS + schema.REGISTRATION_TOOL_HEADERS)


@st.composite
def registration_sheets(draw):
    """A Đăng ký sheet: some headers (retyped, in any order, some missing), rows short or long, messy values."""
    headers = draw(st.lists(st.sampled_from(ALL_HEADERS), min_size=1, unique=True))
    if schema.COL_CODE not in headers and draw(st.booleans()):
        headers.insert(0, schema.COL_CODE)
    header_row = [_variant(h, draw(st.integers(0, 3))) for h in headers]
    title = [["Danh sách đăng ký"]] * draw(st.integers(0, 2))
    rows = []
    for _ in range(draw(st.integers(0, 8))):
        row = [draw(BY_HEADER.get(h, cell_values)) for h in headers]
        rows.append(row[: draw(st.integers(0, len(row)))] if draw(st.booleans()) else row)
    return title + [header_row] + rows


@settings(max_examples=300, deadline=None)
@given(registration_sheets())
def test_registrations_read_as_before(rows):
    assert registrations_from_rows(rows) == before.registrations_from_rows(rows)
    table = find_table(schema.SHEET_REGISTRATIONS, rows, schema.COL_CODE)
    typed = {before.text(r.raw(schema.COL_CODE)) for r in table.records()} - {""} if table else set()
    assert product_codes_from_rows(rows) == typed


def test_a_table_finds_a_header_however_it_is_retyped_and_addresses_absent_columns_in_column_a():
    rows = [["MÃ SẢN PHẨM", "ten san pham"], ["SP01", "Gốm"], ["SP02"]]
    table = find_table("Đăng ký", rows, schema.COL_CODE)
    first, second = list(table.records())
    assert (first.raw(schema.COL_NAME), second.raw(schema.COL_NAME)) == ("Gốm", None)  # a short row
    assert (first.cell(schema.COL_NAME), first.cell(schema.COL_PROVINCE), second.cell(schema.COL_CODE)) == (
        "B2", "A2", "A3")
    assert table.column(" Tên  sản phẩm ") == 1 and table.column(1) is None and not table.has(schema.COL_PROVINCE)
    assert header_key(True) == "true" and table.column(True) is None  # True == 1 is no header
    cells = RowCells(first, (schema.COL_CODE, schema.COL_NAME, schema.COL_PROVINCE))
    assert cells.raws == {schema.COL_CODE: "SP01", schema.COL_NAME: "Gốm", schema.COL_PROVINCE: None}
    assert cells.texts == {schema.COL_CODE: "SP01", schema.COL_NAME: "Gốm", schema.COL_PROVINCE: ""}


@given(st.lists(cell_values, max_size=6))
def test_row_cells_hold_the_records_raw_values_and_texts(row):
    headers = ["Mã sản phẩm", "A", "B", "C"]
    table = find_table("s", [headers, row or ["x"]], schema.COL_CODE)
    (record,) = list(table.records()) or [Record(table, 1)]
    cells = RowCells(record, tuple(headers))
    assert cells.raws == {h: record.raw(h) for h in headers}
    assert cells.texts == {h: before.text(record.raw(h)) for h in headers}


def test_an_edit_through_the_tables_rows_shows_in_its_records():
    rows = [["Mã sản phẩm", "Số GCN"], ["SP01"]]
    table = find_table("Kết quả", rows, schema.COL_CODE)
    (record,) = table.records()
    rows[1].append("12/2025")
    assert record.raw("Số GCN") == "12/2025"


@given(st.one_of(typed_text, st.text(alphabet="abcXYZ019_-", max_size=120)))
def test_file_stems_are_as_before(code):
    assert file_stem(code) == before.file_stem(code)


SCORES = st.one_of(st.sampled_from([None, "", " ", 0, 10, 40, 41, 8.5, "8,5", "1.000", "mười", -1, True, "\u00a0",
                                    "Tổng cộng"]), st.floats(-5, 50), st.decimals(-5, 50, places=2))
SCORED_CODES = st.sampled_from(["SP01", "SP02", "sp03", " SP03", "SP04", "SP09", "", None, "Tổng cộng"])


@st.composite
def judge_workbooks(draw):
    """A judge's workbook of a 4-product contest: rows for known, unknown, repeated or blank codes, a footer."""
    c = builders.contest(("SP01", "SP02", "SP03", "SP04"), conflicts={"GK1": draw(st.sampled_from([(), ("SP02",)]))})
    codes = draw(st.lists(SCORED_CODES, max_size=7))
    wb = builders.scoring_workbook(c, "GK1", {}, codes=[str(code) for code in codes])
    for row, code in zip(wb[schema.SHEET_SCORING][4:], codes):
        row[1] = code
        row[4:8] = [draw(SCORES) for _ in range(4)]
        row[-1] = draw(st.sampled_from([None, "", " Tốt ", 5]))
        if draw(st.booleans()):
            del row[draw(st.integers(2, len(row))):]  # a row shorter than the header
    if draw(st.booleans()):
        wb[schema.SHEET_SCORING].append(["Tổng cộng", draw(st.sampled_from([None, "Tổng cộng", "SP01"])), None])
        wb[schema.SHEET_SCORING].append([None, "SP04", None, None, 1, 1, 1, 1])
    return c, wb


@settings(max_examples=300, deadline=None)
@given(judge_workbooks(), st.booleans())
def test_judges_scores_read_as_before(workbook, provisional):
    c, wb = workbook
    fingerprint = product_fingerprint(c.registrations)
    now = score_sheet_from_rows("GK1.xlsx", wb, c, fingerprint, provisional=provisional)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scoresheet, "_read_scores", before.read_scores)
        patch.setattr(scoresheet_identity, "_shown", before.shown_products)
        then = score_sheet_from_rows("GK1.xlsx", wb, c, fingerprint, provisional=provisional)
    assert (now[0] and (now[0].scores, now[0].comments), now[1]) == (then[0] and (then[0].scores, then[0].comments),
                                                                    then[1])


@given(st.lists(st.tuples(SCORED_CODES, NAMES, NAMES), max_size=6))
def test_the_names_a_judges_sheet_showed_read_as_before(products):
    snapshot = [["Mã sản phẩm", "Tên sản phẩm", "Tên cơ sở"], *[list(p) for p in products]]
    sheet = [["STT", "Mã sản phẩm", "Tên sản phẩm"], *[[1, code, name] for code, name, _ in products]]
    sheets = {schema.SHEET_SCORING: sheet, schema.SHEET_SCORING_SNAPSHOT: snapshot}
    assert scoresheet_identity._shown(sheets) == before.shown_products(sheets)


RESULT_VALUES = st.one_of(st.sampled_from([None, "", "Có", "Không", "co", "x", "Không chấm", "KHONG CHAM", "75,25",
                                           "1.000", "abc", "Cần xem lại; Lệch nhiều", 3, True]),
                          st.floats(allow_nan=True, allow_infinity=True), st.decimals(-5, 100, places=2),
                          st.integers(-3, 3000))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_kết_quả_reads_back_as_before(data):
    c = builders.contest(("SP01", "SP02", "SP03"), ("GK1", "GK2"))
    header = results_header(c.rules, ("GK1", "GK2", "GK7"))
    rows = [[schema.RES_PROVISIONAL_MARK], header]
    for _ in range(data.draw(st.integers(0, 5))):
        row = [data.draw(RESULT_VALUES) for _ in header]
        row[header.index(schema.COL_CODE)] = data.draw(SCORED_CODES)
        rows.append(row[: data.draw(st.integers(0, len(row)))] if data.draw(st.booleans()) else row)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(results_readback, "_result", before.product_result)
        then = results_readback.result_set_from_rows(rows, c)
    assert results_readback.result_set_from_rows(rows, c) == then


@given(st.one_of(st.floats(), st.integers()))
def test_a_number_cell_is_its_exact_decimal(value):
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        with pytest.raises(ValueProblem):
            number(value)
    else:
        assert number(value) == Decimal(repr(value)) and str(number(value)) == str(Decimal(repr(value)))


def test_a_row_under_kết_quả_s_header_read_as_its_second_row_does_not_break_the_read_back():
    c = builders.contest(("SP01", "SP02"), ("GK1", "GK2"))
    header = results_header(c.rules, ("GK1", "GK2"))
    under = [None] * len(header)
    under[header.index(schema.RES_FLAGS)] = schema.RES_JUDGE_CONFLICT  # a contract header: the row joins the header
    product = [None] * len(header)
    product[header.index(schema.COL_CODE)] = "SP02"
    product[header.index(schema.RES_JUDGE_TOTAL.format(code="GK1"))] = 81.5
    rs = results_readback.result_set_from_rows([header, under[: len(header) - 6], product], c)  # short of the judges
    assert [(r.code, [(t.judge_code, t.total) for t in r.judge_totals]) for r in rs.results] == [
        ("SP02", [("GK1", Decimal("81.5")), ("GK2", None)])]
