"""Numbers typed as text: one reading is read, two readings are refused, never guessed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_addin.domain.values import AmbiguousNumber, ValueProblem, number, vn_number

READ = [
    ("8,5", "8.5"), ("8.5", "8.5"), ("12", "12"), ("-2,25", "-2.25"), (",5", "0.5"), ("8.", "8"),
    ("0.500", "0.5"), ("1.000.000", "1000000"), ("1,000,000", "1000000"), ("1.234,5", "1234.5"),
    ("1,234.5", "1234.5"), ("1 000", "1000"), ("1\u00a0000,5", "1000.5"), ("12.50", "12.5"),
    ("1234.567", "1234.567"), ("1.0000", "1"),
]
AMBIGUOUS = [("1.000", "1000", "1"), ("12,500", "12500", "12.5"), ("-100.000", "-100000", "-100"),
             ("8.500", "8500", "8.5")]
INVALID = ["1.2.3", "1,2.3", "abc", "1e5", "-", ".", "1.00.000", "12,34,567"]


@pytest.mark.parametrize("typed, expected", READ)
def test_one_reading_is_read(typed, expected):
    assert number(typed) == Decimal(expected)


@pytest.mark.parametrize("typed, thousands, decimal", AMBIGUOUS)
def test_two_readings_are_refused_with_both(typed, thousands, decimal):
    with pytest.raises(AmbiguousNumber) as caught:
        number(typed)
    assert caught.value.thousands == Decimal(thousands) and caught.value.decimal == Decimal(decimal)


@pytest.mark.parametrize("typed", INVALID)
def test_no_reading_is_a_value_problem(typed):
    with pytest.raises(ValueProblem):
        number(typed)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False))
def test_the_tool_s_own_number_text_reads_back(value):
    assert number(vn_number(value)) == value


@given(st.integers(min_value=1_000_000, max_value=10**12))
def test_grouped_thousands_read_back(value):
    assert number(f"{value:,}".replace(",", ".")) == value
    assert number(f"{value:,}") == value
