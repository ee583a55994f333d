"""The Giám khảo sheet: judges and findings, cell by cell."""

import functools

from builders import table_rows, where
from xl_addin.domain.sheets.judges import judges_from_rows

SHEET = "Giám khảo"
HEADERS = ["Mã giám khảo", "Họ và tên", "Chức vụ/Học hàm", "Đơn vị", "Không chấm"]  # A … E
PRODUCTS = {"SP01", "SP02", "SP03"}


def judge(code, name="Trần Thị Bình", conflicts=None, **extra):
    row = {"Mã giám khảo": code, "Họ và tên": name, "Chức vụ/Học hàm": "Phó Giám đốc",
           "Đơn vị": "Sở Công Thương", "Không chấm": conflicts}
    row.update(extra)
    return row


sheet = functools.partial(table_rows, headers=HEADERS)




def test_a_clean_panel_gives_judges_with_their_conflicts():
    rows = sheet(judge("GK01", conflicts="sp01, SP03"), judge("GK02"), judge("GK-03_b", "Lê Văn Cường"))
    judges, findings = judges_from_rows(rows, PRODUCTS)
    assert findings == []
    assert [(j.code, j.row) for j in judges] == [("GK01", 2), ("GK02", 3), ("GK-03_b", 4)]
    assert judges[0].conflicts == frozenset({"SP01", "SP03"})
    assert (judges[0].title, judges[0].unit) == ("Phó Giám đốc", "Sở Công Thương")


def test_required_values_duplicates_and_unknown_conflicts_in_one_pass():
    rows = sheet(
        judge("GK01"),
        judge("GK02", name=None),
        judge("gk01"),
        judge("GK04", conflicts="SP02; SP99"),
        judge(None, name="Không mã"),
    )
    judges, findings = judges_from_rows(rows, PRODUCTS)
    assert where(findings) == [
        ("missing-value", SHEET, "B3"),
        ("duplicate-judge", SHEET, "A4"),
        ("invalid-choice", SHEET, "E5"),
        ("missing-value", SHEET, "A6"),
    ]
    assert "dòng 2" in findings[1].message
    assert "“SP99”" in findings[2].message
    assert [j.code for j in judges] == ["GK01", "GK04"]
    assert judges[1].conflicts == frozenset({"SP02"})


def test_judge_code_must_be_usable_as_a_file_name():
    rows = sheet(judge("GK 01"), judge("GK/02"), judge("GKđ3"), judge("GK04"), judge("GK05"), judge("GK06"))
    judges, findings = judges_from_rows(rows, PRODUCTS)
    assert where(findings) == [("invalid-choice", SHEET, "A2"), ("invalid-choice", SHEET, "A3"),
                               ("invalid-choice", SHEET, "A4")]
    assert "dấu cách" in findings[0].message and "“/”" in findings[1].message
    assert "chữ số" in findings[0].message and "(_)" in findings[0].message
    assert [j.code for j in judges] == ["GK04", "GK05", "GK06"]


def test_fewer_than_three_judges_is_a_warning_where_the_next_would_go():
    judges, findings = judges_from_rows(sheet(judge("GK01"), judge("GK02")), PRODUCTS)
    assert where(findings) == [("few-judges", SHEET, "A4")]
    assert findings[0].severity == "warning" and "2 giám khảo" in findings[0].message
    assert len(judges) == 2


def test_missing_column_and_missing_header_row():
    headers = HEADERS[:4]
    _, findings = judges_from_rows(sheet(judge("GK01"), judge("GK02"), judge("GK03"), headers=headers), PRODUCTS)
    assert where(findings) == [("missing-column", SHEET, "E1")]
    judges, findings = judges_from_rows([["Ban giám khảo"]], PRODUCTS)
    assert judges == [] and where(findings) == [("missing-column", SHEET, "A1")] * 5


def test_reordered_columns_and_a_title_row():
    headers = ["Không chấm", "Đơn vị", "Họ và tên", "Chức vụ/Học hàm", "Mã giám khảo"]
    rows = sheet(judge("GK01", conflicts="SP07"), judge("GK02", name=""), judge("GK03"),
                 headers=headers, title="DANH SÁCH BAN GIÁM KHẢO")
    judges, findings = judges_from_rows(rows, PRODUCTS)
    assert where(findings) == [("invalid-choice", SHEET, "A3"), ("missing-value", SHEET, "C4")]
    assert [(j.code, j.row) for j in judges] == [("GK01", 3), ("GK03", 5)]
