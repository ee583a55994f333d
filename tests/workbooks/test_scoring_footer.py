"""The judge's Phiếu chấm ends as the official form does (Phụ lục 4, Circular 26/2014)."""

from __future__ import annotations

import openpyxl

from test_judge_workbook import FIRST, HEADERS, contest
from xl_addin.domain import schema
from xl_addin.domain.models import product_fingerprint
from xl_addin.domain.sheets.scoresheet import score_sheet_from_rows
from xl_addin.workbooks.judge_workbook import fill_scores, read_judge_workbook, write_judge_workbook


def written(tmp_path):
    c = contest()
    path = tmp_path / "GK02.xlsx"
    write_judge_workbook(path, c, c.judges[0], product_fingerprint(c.registrations))
    return c, path, openpyxl.load_workbook(path)[schema.SHEET_SCORING]


def test_tong_cong_row_place_date_and_signature_with_the_judge_s_name(tmp_path):
    _, _, ws = written(tmp_path)
    total_row = FIRST + 3  # three products
    assert ws.cell(row=total_row, column=1).value == "Tổng cộng"
    maxima = [ws.cell(row=total_row, column=c).value for c in range(5, 10)]
    assert maxima == [40, 40, 10, 10, 100]  # TC1..TC4 and the Tổng điểm column
    below = [[v for v in r if v is not None] for r in ws.iter_rows(min_row=total_row + 1, values_only=True)]
    lines = [line[0] for line in below if line]
    assert lines == ["Bắc Giang, ngày …… tháng …… năm 2019", "THÀNH VIÊN BAN GIÁM KHẢO",
                     "(Ký và ghi rõ họ tên)", "Trần Thị Bình"]
    assert all(c.protection.locked for r in ws.iter_rows(min_row=total_row) for c in r)
    last = len(HEADERS)
    assert ws.print_area and ws.print_area.endswith(f"${ws.max_row}")
    assert ws.cell(row=1, column=1).value.startswith("HỘI ĐỒNG BÌNH CHỌN") and last == 10


def test_the_footer_is_not_read_as_a_product_row(tmp_path):
    c, path, _ = written(tmp_path)
    fill_scores(path, {"SP01": {"TC1": 30, "TC2": 30, "TC3": 8, "TC4": 7},
                       "SP03": {"TC1": 31, "TC2": 30, "TC3": 8, "TC4": 7}})
    sheet, findings = score_sheet_from_rows("GK02.xlsx", read_judge_workbook(path), c, product_fingerprint(c.registrations))
    assert findings == [] and set(sheet.scores) == {"SP01", "SP03"}
