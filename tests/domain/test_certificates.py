"""Certificate numbers from the pattern, validity, and assignment in rank order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_addin.domain import rules
from xl_addin.domain.certificates import (
    assign_certificates, cert_number, expiry_date, pattern_problem, recognised_rows, stt_of,
)
from xl_addin.domain.models import ContestInfo
from xl_addin.domain.results import ResultRow

INFO = ContestInfo(year=2019, level="tinh", province="Bắc Giang", decision_date=dt.date(2019, 11, 15))


def row(code: str, rank: int | None, council: bool | None, cert_no: str = "", valid_until: str = "") -> ResultRow:
    return ResultRow(code, code, rules.GROUPS[0], "Cơ sở", rank, Decimal(80), council, None, cert_no, valid_until)


def test_expiry_counts_the_year_of_issue_as_the_first():
    assert expiry_date(dt.date(2019, 11, 15), 4) == dt.date(2022, 12, 31)
    assert expiry_date(dt.date(2019, 1, 1), 1) == dt.date(2019, 12, 31)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(1, 10))
def test_expiry_law(issue, years):
    end = expiry_date(issue, years)
    assert (end.month, end.day) == (12, 31) and end.year - issue.year + 1 == years and end >= issue


@pytest.mark.parametrize("pattern, stt, number", [
    ("{stt:03}/GCN-CNNT", 7, "007/GCN-CNNT"),
    ("{stt}/{nam}/GCN", 12, "12/2019/GCN"),
    ("GCN-{nam}-{stt:04}", 3, "GCN-2019-0003"),
])
def test_cert_number(pattern, stt, number):
    assert cert_number(pattern, stt, 2019) == number
    assert stt_of(pattern, number) == stt


@pytest.mark.parametrize("pattern, ok", [
    ("{stt:03}/GCN-CNNT", True), ("{stt}", True), ("GCN", False), ("{stt}/{year}", False),
    ("{stt.__class__}", False), ("{0.__init__}{stt}", False), ("{stt}}", False),
])
def test_pattern_problem(pattern, ok):
    assert (pattern_problem(pattern) is None) == ok


def test_a_pattern_cannot_reach_attributes():
    assert cert_number("{stt.__class__}/{stt}", 1, 2019) == "{stt.__class__}/1"


def test_assign_in_rank_order_keeping_existing_numbers():
    rows = [
        row("C", 3, True), row("A", 1, True), row("B", 2, True, cert_no="004/GCN-CNNT", valid_until="31/12/2021"),
        row("D", 4, False, cert_no="009/GCN-CNNT"), row("E", 5, None), row("F", None, True),
    ]
    assert assign_certificates(rows, INFO, rules.preset()) == {
        "A": ("010/GCN-CNNT", "31/12/2022"),
        "B": ("004/GCN-CNNT", "31/12/2021"),
        "C": ("011/GCN-CNNT", "31/12/2022"),
        "F": ("012/GCN-CNNT", "31/12/2022"),
    }
    assert [r.code for r in recognised_rows(rows)] == ["A", "B", "C", "F"]


def test_assign_uses_the_rules_validity_and_no_date_without_a_decision():
    rows = [row("A", 1, True)]
    three = rules.preset().with_changes(validity_years=3)
    assert assign_certificates(rows, INFO, three) == {"A": ("001/GCN-CNNT", "31/12/2021")}
    undated = ContestInfo(year=2019, level="tinh", province="Bắc Giang")
    assert assign_certificates(rows, undated, three) == {"A": ("001/GCN-CNNT", "")}
