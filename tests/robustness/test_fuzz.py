"""Generated workbooks fed to validate, results and import: random cell types, strings, sizes, merged
ranges and sheet names. Every run must end in a report or a clean error (exit 0, 1 or 2), never an
unhandled exception (exit 3) or a traceback.

A bounded run is part of `make test`; a longer one:
    BINHCHON_FUZZ_EXAMPLES=500 .venv/bin/python -m pytest tests/robustness/test_fuzz.py
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import shutil
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_addin.cli import main
from xl_addin.domain import schema

EXAMPLES = int(os.environ.get("BINHCHON_FUZZ_EXAMPLES", "5"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

SHEETS = (*schema.INPUT_SHEETS, schema.SHEET_RESULTS, schema.SHEET_SCORING, schema.SHEET_SCORING_META)
texts = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["1.000", "8,5", "=1+1", "+84 912", "#N/A", "CON", "Có", "không", "x", "", " ",
                     "15/11/2019", "31/02/2019", "BG-001", "GK01", "Mã sản phẩm", "TC1", "1,234.5", "-0"]),
    st.text(alphabet="0123456789.,- ", min_size=1, max_size=12),
    st.just("A" * 400),
)
values = st.one_of(
    st.none(), texts, st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
)
edits = st.lists(st.tuples(st.sampled_from(SHEETS), st.integers(1, 60), st.integers(1, 26), values), max_size=40)
merges = st.lists(st.tuples(st.sampled_from(SHEETS), st.integers(1, 40), st.integers(1, 24),
                            st.integers(0, 3), st.integers(0, 3)), max_size=4)
renames = st.lists(st.tuples(st.sampled_from(SHEETS), st.text(min_size=1, max_size=31)), max_size=2)


def _storable(value):
    """What a person could type: a workbook cannot hold control characters."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _apply(path: Path, cell_edits, merge_list, rename_list) -> None:
    wb = openpyxl.load_workbook(path)
    for sheet, row, col, value in cell_edits:
        if sheet in wb.sheetnames:
            cell = wb[sheet].cell(row, col)
            if not isinstance(cell, MergedCell):
                cell.value = _storable(value)
    for sheet, row, col, down, right in merge_list:
        if sheet in wb.sheetnames and (down or right):
            with contextlib.suppress(ValueError):
                wb[sheet].merge_cells(start_row=row, start_column=col, end_row=row + down, end_column=col + right)
    for sheet, name in rename_list:
        clean = "".join(ch for ch in _storable(name) if ch not in "[]:*?/\\").strip("'") or "S"
        if sheet in wb.sheetnames and clean not in wb.sheetnames:
            wb[sheet].title = clean
    with contextlib.suppress(IndexError):
        wb.save(path)


def _run(*argv) -> int:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    printed = out.getvalue() + err.getvalue()
    assert code in (0, 1, 2), printed
    assert "Traceback" not in printed and "Lỗi không mong đợi" not in printed, printed
    return code


@contextlib.contextmanager
def _copy(master: Path):
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(shutil.copytree(master, Path(tmp) / "bg2019"))


def test_fuzzed_contest_workbooks_are_validated_cleanly(_contest_master):
    @FUZZ
    @given(edits, merges, renames)
    def check(cell_edits, merge_list, rename_list):
        with _copy(_contest_master) as folder:
            _apply(folder / schema.CONTEST_FILE, cell_edits, merge_list, rename_list)
            _run("validate", folder, "--json")
    check()


def test_fuzzed_judges_workbooks_end_in_findings(_scored_master):
    @FUZZ
    @given(edits, merges, st.sampled_from(["GK01", "GK02", "GK03"]))
    def check(cell_edits, merge_list, judge):
        with _copy(_scored_master) as folder:
            _apply(folder / schema.JUDGES_DIR / f"{judge}.xlsx", cell_edits, merge_list, [])
            _run("results", folder, "--json")
    check()


def test_fuzzed_files_to_import_end_in_findings(_contest_master):
    @FUZZ
    @given(edits, merges, renames)
    def check(cell_edits, merge_list, rename_list):
        with _copy(_contest_master) as folder, tempfile.TemporaryDirectory() as tmp:
            incoming = Path(tmp) / "luc_ngan.xlsx"
            shutil.copy(folder / schema.CONTEST_FILE, incoming)
            _apply(incoming, cell_edits, merge_list, rename_list)
            _run("import", folder, incoming, "--json")
    check()
