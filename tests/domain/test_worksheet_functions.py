"""The worksheet functions' logic on raw cell values (BC_HIEU_LUC, BC_DAT, BC_SAO)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_addin.domain import worksheet_functions as wf


@pytest.mark.parametrize("issued", [dt.date(2019, 11, 15), dt.datetime(2019, 11, 15, 8, 30), "15/11/2019",
                                    "2019-11-15", 43784, 43784.0])
def test_certificate_issued_15_11_2019_is_valid_through_31_12_2022(issued):
    assert wf.certificate_expiry(issued) == dt.date(2022, 12, 31)


def test_the_number_of_years_counts_the_year_of_issue_as_the_first():
    assert wf.certificate_expiry("01/01/2024", 1) == dt.date(2024, 12, 31)
    assert wf.certificate_expiry("31/12/2024", 3.0) == dt.date(2026, 12, 31)
    assert wf.certificate_expiry("31/12/2024", None) == dt.date(2027, 12, 31)  # blank: the preset's 4 years


@given(st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(9000, 1, 1)), st.integers(1, 20))
def test_expiry_is_a_31_december_years_minus_one_after_issue(issued, years):
    expiry = wf.certificate_expiry(issued, years)
    assert (expiry.month, expiry.day, expiry.year - issued.year) == (12, 31, years - 1)


@pytest.mark.parametrize("points, level, expected", [
    (70, "tinh", "Có"), (Decimal("69.99"), "tinh", "Không"), ("70,00", "Tỉnh", "Có"), (85.5, "khu vuc", "Có"),
    (100, "QUỐC GIA", "Có"), (0, "xa", "Không"), (70, None, "Có"),
])
def test_bc_dat_compares_with_the_levels_pass_mark(points, level, expected):
    assert wf.reaches_pass_mark(points, level) == expected


@pytest.mark.parametrize("points, stars", [(0, 1), (29.99, 1), (30, 2), (49.99, 2), (50, 3), (69, 3), (70, 4),
                                           (89.99, 4), (90, 5), (100, 5)])
def test_bc_sao_gives_the_ocop_star_band(points, stars):
    assert wf.star_band(points) == stars


@pytest.mark.parametrize("fn, args, words", [
    (wf.certificate_expiry, ("ngày mai",), "không phải là ngày"),
    (wf.certificate_expiry, (None,), "thiếu ngày cấp"),
    (wf.certificate_expiry, ("15/11/2019", 0), "số năm hiệu lực “0”"),
    (wf.certificate_expiry, ("15/11/2019", 2.5), "số năm hiệu lực “2.5”"),
    (wf.reaches_pass_mark, (101,), "điểm “101” phải là số từ 0 đến 100"),
    (wf.reaches_pass_mark, (80, "phường"), "cấp “phường” không có"),
    (wf.star_band, ("", ), "thiếu điểm"),
    (wf.star_band, (True,), "phải là số"),
])
def test_bad_input_gives_a_vietnamese_error_text_in_the_cell(fn, args, words):
    shown = wf.guarded(fn, *args)
    assert isinstance(shown, str) and shown.startswith(wf.ERROR_PREFIX + ": ") and words in shown
