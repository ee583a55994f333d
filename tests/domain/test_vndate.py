"""Vietnamese dates per Decree 30: leading zeros for days < 10 and months < 3."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_addin.domain.vndate import dmy, vn_date, vn_date_line


@pytest.mark.parametrize("d, text", [
    (dt.date(2019, 11, 15), "ngày 15 tháng 11 năm 2019"),
    (dt.date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
    (dt.date(2020, 2, 29), "ngày 29 tháng 02 năm 2020"),
    (dt.date(2020, 3, 9), "ngày 09 tháng 3 năm 2020"),
    (dt.date(2021, 12, 10), "ngày 10 tháng 12 năm 2021"),
])
def test_vn_date(d, text):
    assert vn_date(d) == text


def test_date_line_and_dmy():
    assert vn_date_line(" Bắc Giang ", dt.date(2019, 11, 15)) == "Bắc Giang, ngày 15 tháng 11 năm 2019"
    assert dmy(dt.date(2020, 1, 5)) == "05/01/2020"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_vn_date_reads_back(d):
    m = re.fullmatch(r"ngày (\d\d) tháng (\d\d?) năm (\d{4})", vn_date(d))
    assert m and dt.date(int(m[3]), int(m[2]), int(m[1])) == d
    assert (len(m[2]) == 2) == (d.month < 3 or d.month >= 10)
