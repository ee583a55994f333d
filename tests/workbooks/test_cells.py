"""safe_value: user text survives a round trip through a file as the same text, never a formula."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_addin.workbooks.cells import safe_value


def round_trip(values: list, tmp_path) -> list:
    wb = openpyxl.Workbook()
    wb.active.append([safe_value(v) for v in values])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    ws = openpyxl.load_workbook(path).active
    return [(c.value, c.data_type) for c in ws[1]]


@pytest.mark.parametrize("text", ["=1+1", "+84 912 345 678", "-5", "@SUM(A1)", "#N/A", "=HYPERLINK(\"x\")"])
def test_formula_like_text_stays_text(tmp_path, text):
    assert round_trip([text], tmp_path) == [(text, "s")]


def test_plain_values_pass_through(tmp_path):
    values = [12, Decimal("8.5"), 3.25, True, dt.date(2019, 11, 15), "Công ty TNHH A & B", "0123456789"]
    got = [v for v, _ in round_trip(values, tmp_path)]
    assert got == [12, 8.5, 3.25, True, dt.datetime(2019, 11, 15), "Công ty TNHH A & B", "0123456789"]


def test_control_characters_removed_and_empty_is_blank():
    assert safe_value("Nón\x07 lá") == "Nón lá"
    assert safe_value("") is None and safe_value(None) is None


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_any_text_reads_back_the_same(tmp_path_factory, text):
    got = round_trip([text], tmp_path_factory.mktemp("h"))
    assert got == [(text, "s")]
