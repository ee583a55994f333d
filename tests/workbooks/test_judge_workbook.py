"""A judge's scoring workbook, written to disk and read back with openpyxl (SPEC §3)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from xl_addin.domain import rules, schema
from xl_addin.domain.models import Contest, ContestInfo, Judge, Registration
from xl_addin.errors import WorkbookError
from xl_addin.workbooks.judge_workbook import fill_scores, read_judge_workbook, write_judge_workbook

HEADER_ROW = 6
FIRST = HEADER_ROW + 1
ITEMS = (
    "TC1. Đáp ứng thị trường và khả năng phát triển sản xuất (tối đa 40)",
    "TC2. Kinh tế – kỹ thuật – xã hội và môi trường (tối đa 40)",
    "TC3. Tính văn hóa, tính thẩm mỹ (tối đa 10)",
    "TC4. Một số tiêu chí khác (tối đa 10)",
)
HEADERS = ("STT", "Mã sản phẩm", "Tên sản phẩm", "Nhóm sản phẩm", *ITEMS, "Tổng điểm", "Nhận xét")


def contest() -> Contest:
    regs = (
        Registration("SP03", "Mây tre đan Tăng Tiến", rules.GROUPS[0], "HTX Tăng Tiến", "Hợp tác xã"),
        Registration("SP01", "=1+1", rules.GROUPS[1], "Cơ sở A & B", "Hộ kinh doanh"),
        Registration("SP02", "Máy tuốt lúa", rules.GROUPS[2], "Công ty TNHH Cơ khí", "Doanh nghiệp nhỏ và vừa"),
    )
    judge = Judge("GK02", "Trần Thị Bình", "Phó Giám đốc", "Sở Công Thương", frozenset({"SP02"}))
    info = ContestInfo(year=2019, level="tinh", province="Bắc Giang", contest_id="abc")
    return Contest(info=info, rules=rules.preset(), registrations=regs, judges=(judge,))


@pytest.fixture()
def book(tmp_path) -> tuple[Path, openpyxl.Workbook]:
    c = contest()
    path = tmp_path / "GK02.xlsx"
    write_judge_workbook(path, c, c.judges[0], "f1ng3rpr1nt")
    return path, openpyxl.load_workbook(path)


def sheet(book):
    return book[1][schema.SHEET_SCORING]


def test_header_block_and_header_row(book):
    ws = sheet(book)
    block = [ws.cell(row=r, column=1).value for r in range(1, HEADER_ROW)]
    assert block[0] == "HỘI ĐỒNG BÌNH CHỌN SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU CẤP TỈNH BẮC GIANG"
    assert block[1:4] == ["PHIẾU CHẤM ĐIỂM", "Năm 2019", "Giám khảo: Trần Thị Bình — Phó Giám đốc, Sở Công Thương"]
    assert block[4].startswith("Hướng dẫn")
    assert tuple(c.value for c in ws[HEADER_ROW]) == HEADERS


def test_one_row_per_product_sorted_by_code(book):
    ws = sheet(book)
    # the product rows only: Tổng cộng and the signature block follow them (issue 9, item 9)
    rows = [r[:4] for r in ws.iter_rows(min_row=FIRST, max_row=FIRST + 2, values_only=True)]
    assert rows == [
        (1, "SP01", "=1+1", rules.GROUPS[1]),
        (2, "SP02", "Máy tuốt lúa", rules.GROUPS[2]),
        (3, "SP03", "Mây tre đan Tăng Tiến", rules.GROUPS[0]),
    ]
    assert ws.cell(row=FIRST, column=3).data_type == "s"  # the name "=1+1" is text, not a formula


def test_only_score_and_comment_cells_unlocked(book):
    ws = sheet(book)
    assert ws.protection.sheet is True
    unlocked = {c.coordinate for row in ws.iter_rows() for c in row if not c.protection.locked}
    expected = {f"{col}{row}" for row in (FIRST, FIRST + 2) for col in "EFGHJ"}
    assert unlocked == expected


def test_conflicted_row_greyed_locked_and_explained(book):
    ws = sheet(book)
    row = FIRST + 1  # SP02
    assert ws.cell(row=row, column=2).value == "SP02"
    assert ws.cell(row=row, column=10).value == "Không chấm (xung đột lợi ích)"
    for col in range(1, len(HEADERS) + 1):
        cell = ws.cell(row=row, column=col)
        assert cell.protection.locked
        assert cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb.endswith("D9D9D9")
    assert ws.cell(row=FIRST, column=5).fill.fgColor.rgb != ws.cell(row=row, column=5).fill.fgColor.rgb


def test_score_validations_per_criterion(book):
    ws = sheet(book)
    found = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.showErrorMessage and dv.errorStyle in (None, "stop")
        assert dv.errorTitle and "từ 0 đến" in dv.error
        found[str(dv.sqref)] = (dv.type, dv.operator, dv.formula1, dv.formula2)
    assert found == {
        f"E{FIRST}:E{FIRST + 2}": ("decimal", "between", "0", "40"),
        f"F{FIRST}:F{FIRST + 2}": ("decimal", "between", "0", "40"),
        f"G{FIRST}:G{FIRST + 2}": ("decimal", "between", "0", "10"),
        f"H{FIRST}:H{FIRST + 2}": ("decimal", "between", "0", "10"),
    }


def test_total_is_a_formula_per_row(book):
    ws = sheet(book)
    total_col = HEADERS.index("Tổng điểm") + 1
    for row in range(FIRST, FIRST + 3):
        assert ws.cell(row=row, column=total_col).value == f'=IF(COUNT(E{row}:H{row})=0,"",SUM(E{row}:H{row}))'


def test_frozen_pane_and_print_setup(book):
    ws = sheet(book)
    assert ws.freeze_panes == f"A{FIRST}"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and int(ws.page_setup.fitToWidth) == 1


def test_meta_sheet_is_very_hidden_with_identity(book):
    path, wb = book
    meta = wb[schema.SHEET_SCORING_META]
    assert meta.sheet_state == "veryHidden"
    assert {r[0]: r[1] for r in meta.iter_rows(values_only=True)} == {
        schema.META_CONTEST_ID: "abc",
        schema.META_YEAR: 2019,
        schema.META_LEVEL: "tinh",
        schema.META_PROVINCE: "Bắc Giang",
        schema.META_JUDGE_CODE: "GK02",
        schema.META_FINGERPRINT: "f1ng3rpr1nt",
        schema.META_FORMAT: schema.SCORING_FORMAT_VERSION,
    }
    assert wb.properties.title and "GK02" in wb.properties.title


def test_read_judge_workbook_returns_both_sheets_without_writing(book):
    path, _ = book
    before = path.read_bytes()
    sheets = read_judge_workbook(path)
    assert set(sheets) == {schema.SHEET_SCORING, schema.SHEET_SCORING_META}
    assert sheets[schema.SHEET_SCORING][HEADER_ROW - 1][:4] == list(HEADERS[:4])
    assert [schema.META_JUDGE_CODE, "GK02"] in sheets[schema.SHEET_SCORING_META]
    assert path.read_bytes() == before


def test_fill_scores_writes_values_and_comments(book):
    path, _ = book
    fill_scores(path, {"SP01": {"TC1": Decimal("35.5"), "TC3": "8,5"}, "SP03": {"TC4": 9}}, {"SP03": "=tốt"})
    ws = openpyxl.load_workbook(path)[schema.SHEET_SCORING]
    assert ws["E7"].value == 35.5 and ws["G7"].value == "8,5" and ws["H9"].value == 9
    assert ws["J9"].value == "=tốt" and ws["J9"].data_type == "s"
    assert ws.protection.sheet is True and ws["E7"].protection.locked is False


def test_fill_scores_refuses_unknown_product_or_criterion(book):
    path, _ = book
    with pytest.raises(WorkbookError):
        fill_scores(path, {"SP99": {"TC1": 1}})
    with pytest.raises(WorkbookError):
        fill_scores(path, {"SP01": {"TC9": 1}})


def test_sub_items_become_the_score_columns(tmp_path):
    c = contest()
    sub = rules.Criterion("TC1.1", "Thị trường", Decimal("8.5"), parent="TC1")
    c = Contest(c.info, c.rules.with_changes(criteria=c.rules.criteria + (sub,)), c.registrations, c.judges)
    path = tmp_path / "GK02.xlsx"
    write_judge_workbook(path, c, c.judges[0], "x")
    ws = openpyxl.load_workbook(path)[schema.SHEET_SCORING]
    headers = [cell.value for cell in ws[HEADER_ROW]]
    assert headers[4:8] == [*ITEMS[1:], "TC1.1. Thị trường (tối đa 8.5)"]
    letter = get_column_letter(8)
    limits = {str(dv.sqref): dv.formula2 for dv in ws.data_validations.dataValidation}
    assert limits[f"{letter}{FIRST}:{letter}{FIRST + 2}"] == "8.5"
    fill_scores(path, {"SP01": {"TC1.1": 8}})
    assert openpyxl.load_workbook(path)[schema.SHEET_SCORING][f"{letter}{FIRST}"].value == 8
