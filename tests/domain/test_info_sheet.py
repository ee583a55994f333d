"""The Thông tin sheet: contest facts written as label/value rows and read back with findings."""

import datetime as dt
import unicodedata

import pytest

from builders import where
from xl_addin.domain.sheets.info import info_from_rows, rows_from_info
from xl_addin.domain.models import ContestInfo

SHEET = "Thông tin"


def info_rows(drop=(), title=None, **values):
    """Label/value rows in the template's order; B2 is Năm … B12 Mã cuộc bình chọn (no title)."""
    base = {
        "Năm": 2025, "Cấp bình chọn": "Tỉnh", "Tỉnh": "Bắc Ninh", "Khu vực": None,
        "Cơ quan tổ chức": "Sở Công Thương tỉnh Bắc Ninh", "Số quyết định công nhận": "123/QĐ-UBND",
        "Ngày quyết định": "15/11/2025", "Người ký": "Nguyễn Văn A", "Chức vụ người ký": "Chủ tịch",
        "Mẫu số giấy chứng nhận": "{stt:03}/GCN-SCT", "Mã cuộc bình chọn": "BN-2025-TINH",
    }
    base.update(values)
    rows = [[title]] if title else []
    rows.append(["Mục", "Giá trị"])
    rows += [[label, value] for label, value in base.items() if label not in drop]
    return rows




def test_reads_every_fact():
    info, findings = info_from_rows(info_rows())
    assert findings == []
    assert info == ContestInfo(
        year=2025, level="tinh", province="Bắc Ninh", region="", organiser="Sở Công Thương tỉnh Bắc Ninh",
        decision_no="123/QĐ-UBND", decision_date=dt.date(2025, 11, 15), signer="Nguyễn Văn A",
        signer_title="Chủ tịch", cert_pattern="{stt:03}/GCN-SCT", contest_id="BN-2025-TINH",
    )


def test_write_then_read_gives_the_same_info():
    info = ContestInfo(year=2027, level="khu-vuc", province="Bắc Ninh", region="Phía Bắc", organiser="Bộ Công Thương",
                       decision_date=dt.date(2027, 12, 1), signer="Trần B", contest_id="X1")
    rows = rows_from_info(info)
    assert rows[0] == ["Mục", "Giá trị"]
    assert rows[1:3] == [["Năm", 2027], ["Cấp bình chọn", "Khu vực"]]
    assert rows[7] == ["Ngày quyết định", dt.date(2027, 12, 1)]
    assert info_from_rows(rows) == (info, [])


@pytest.mark.parametrize("typed, key", [
    ("tinh", "tinh"), ("TỈNH", "tinh"), ("Cấp tỉnh", "tinh"), (unicodedata.normalize("NFD", "Tỉnh"), "tinh"),
    ("khu vuc", "khu-vuc"), ("quoc-gia", "quoc-gia"), (" Xã ", "xa"), ("huyen", "huyen"),
])
def test_level_accepts_labels_keys_and_unaccented_spellings(typed, key):
    region = "Phía Nam" if key == "khu-vuc" else None
    info, findings = info_from_rows(info_rows(**{"Cấp bình chọn": typed, "Khu vực": region}))
    assert findings == [] and info.level == key


def test_year_must_be_a_whole_number_in_range():
    for typed in ("hai nghìn", 1999, 2025.5, 2101):
        info, findings = info_from_rows(info_rows(Năm=typed))
        assert info is None
        assert where(findings) == [("invalid-number", SHEET, "B2")], typed
    info, findings = info_from_rows(info_rows(Năm="2026"))
    assert findings == [] and info.year == 2026
    info, _ = info_from_rows(info_rows(Năm=2024.0))
    assert info.year == 2024


def test_unknown_level_is_an_invalid_choice_and_the_info_unusable():
    info, findings = info_from_rows(info_rows(**{"Cấp bình chọn": "Thành phố"}))
    assert info is None
    assert where(findings) == [("invalid-choice", SHEET, "B3")]
    assert "“Tỉnh”" in findings[0].message and "“Thành phố”" in findings[0].message


def test_required_facts_left_blank():
    info, findings = info_from_rows(info_rows(Năm=None, Tỉnh=" ", **{"Cơ quan tổ chức": None}))
    assert info is None
    assert where(findings) == [
        ("missing-value", SHEET, "B2"), ("missing-value", SHEET, "B4"), ("missing-value", SHEET, "B6")]


def test_blank_province_still_gives_usable_info():
    info, findings = info_from_rows(info_rows(Tỉnh=None))
    assert where(findings) == [("missing-value", SHEET, "B4")]
    assert info is not None and info.province == ""


def test_absent_label_rows_point_at_the_first_empty_row():
    rows = info_rows(drop=("Cơ quan tổ chức", "Năm"))  # 9 label rows under the header: A11 is free
    info, findings = info_from_rows(rows)
    assert info is None
    assert where(findings) == [("missing-value", SHEET, "A11"), ("missing-value", SHEET, "A11")]
    assert "“Năm”" in findings[0].message and "“Cơ quan tổ chức”" in findings[1].message


def test_region_is_required_for_a_regional_contest_and_must_be_known():
    _, findings = info_from_rows(info_rows(**{"Cấp bình chọn": "Khu vực"}))
    assert where(findings) == [("missing-value", SHEET, "B5")]
    info, findings = info_from_rows(info_rows(**{"Cấp bình chọn": "Khu vực", "Khu vực": "mien trung - tay nguyen"}))
    assert findings == [] and info.region == "Miền Trung – Tây Nguyên"
    _, findings = info_from_rows(info_rows(**{"Khu vực": "Tây Bắc"}))
    assert where(findings) == [("invalid-choice", SHEET, "B5")]
    _, findings = info_from_rows(info_rows(**{"Cấp bình chọn": "Khu vực"}, drop=("Khu vực",)))
    assert where(findings) == [("missing-value", SHEET, "A12")]


def test_decision_date_is_optional_and_must_be_a_date():
    info, findings = info_from_rows(info_rows(**{"Ngày quyết định": None}))
    assert findings == [] and info.decision_date is None
    info, _ = info_from_rows(info_rows(**{"Ngày quyết định": dt.datetime(2025, 11, 20, 0, 0)}))
    assert info.decision_date == dt.date(2025, 11, 20)
    info, findings = info_from_rows(info_rows(**{"Ngày quyết định": "32/13/2025"}))
    assert where(findings) == [("invalid-number", SHEET, "B8")]
    assert info is not None and info.decision_date is None


def test_blank_certificate_pattern_means_the_default():
    info, _ = info_from_rows(info_rows(**{"Mẫu số giấy chứng nhận": None}))
    assert info.cert_pattern == ContestInfo(2025, "tinh", "X").cert_pattern


def test_a_title_row_and_several_problems_in_one_pass():
    rows = info_rows(title="THÔNG TIN CUỘC BÌNH CHỌN", Năm="năm nay", **{"Cấp bình chọn": "Làng",
                     "Ngày quyết định": "mai"})
    info, findings = info_from_rows(rows)
    assert info is None
    assert where(findings) == [
        ("invalid-number", SHEET, "B3"), ("invalid-choice", SHEET, "B4"), ("invalid-number", SHEET, "B9")]
