"""The Đăng ký sheet: registrations and findings, cell by cell."""

import unicodedata

import functools

from builders import table_rows, where
from xl_addin.domain import schema
from xl_addin.domain.sheets.registrations import product_codes_from_rows, registrations_from_rows

SHEET = "Đăng ký"
HEADERS = [
    "Mã sản phẩm", "Tên sản phẩm", "Nhóm sản phẩm", "Tên cơ sở", "Loại hình cơ sở", "Người đại diện",
    "Địa chỉ", "Xã/phường", "Huyện/thị xã/thành phố", "Tỉnh", "Mã số ĐKKD/MST", "Điện thoại", "Email",
    "Phiếu đăng ký", "Giấy đăng ký kinh doanh", "Bản thuyết minh", "Số ảnh", "Giấy chứng nhận chất lượng",
    "Giấy chứng nhận ATTP", "Ghi chú",
]
# Column letters of the headers above, in that order: A … T.
CRAFT = "Thủ công mỹ nghệ"
FOOD = "Chế biến nông, lâm, thủy sản và thực phẩm"


def product(**changes):
    """A complete, valid registration row as a dict (header -> value)."""
    row = {
        "Mã sản phẩm": "SP01", "Tên sản phẩm": "Mây tre đan", "Nhóm sản phẩm": CRAFT,
        "Tên cơ sở": "HTX Mây tre Phú Vinh", "Loại hình cơ sở": "Hợp tác xã", "Người đại diện": "Nguyễn Văn An",
        "Địa chỉ": "Thôn Phú Vinh", "Xã/phường": "Phú Nghĩa", "Huyện/thị xã/thành phố": None, "Tỉnh": "Hà Nội",
        "Mã số ĐKKD/MST": "0101234567", "Điện thoại": "0912 345 678", "Email": "htx@phuvinh.vn",
        "Phiếu đăng ký": "Có", "Giấy đăng ký kinh doanh": "Có", "Bản thuyết minh": "Có", "Số ảnh": 5,
        "Giấy chứng nhận chất lượng": "Không", "Giấy chứng nhận ATTP": None, "Ghi chú": None,
    }
    row.update(changes)
    return row


sheet = functools.partial(table_rows, headers=HEADERS)




def test_a_clean_row_gives_a_registration_and_no_finding():
    regs, findings = registrations_from_rows(sheet(product()))
    assert findings == []
    assert len(regs) == 1
    r = regs[0]
    assert (r.code, r.name, r.group, r.establishment, r.establishment_type) == (
        "SP01", "Mây tre đan", CRAFT, "HTX Mây tre Phú Vinh", "Hợp tác xã")
    assert (r.has_form, r.has_business_reg, r.has_description, r.photos) == (True, True, True, 5)
    assert (r.has_quality_cert, r.has_food_safety, r.row, r.source) == (False, None, 2, "")


def test_decomposed_and_unaccented_choices_match_the_canonical_options():
    nfd_group = unicodedata.normalize("NFD", CRAFT)
    assert nfd_group != CRAFT
    rows = sheet(
        product(**{"Nhóm sản phẩm": nfd_group, "Loại hình cơ sở": "ho kinh doanh", "Phiếu đăng ký": "co"}),
        product(**{"Mã sản phẩm": "SP02", "Tên sản phẩm": "Nón lá", "Nhóm sản phẩm": "thu cong my nghe",
                   "Loại hình cơ sở": unicodedata.normalize("NFD", "Tổ hợp tác"), "Bản thuyết minh": "KHÔNG "}),
    )
    regs, findings = registrations_from_rows(rows)
    assert where(findings) == [("incomplete-dossier", SHEET, "P3")]
    assert [r.group for r in regs] == [CRAFT, CRAFT]
    assert [r.establishment_type for r in regs] == ["Hộ kinh doanh", "Tổ hợp tác"]
    assert regs[0].has_form is True and regs[1].has_description is False


def test_missing_required_values_point_at_their_cells():
    rows = sheet(product(**{"Tên sản phẩm": "  ", "Tỉnh": None, "Người đại diện": None}))
    _, findings = registrations_from_rows(rows)
    assert where(findings) == [
        ("missing-value", SHEET, "B2"), ("missing-value", SHEET, "F2"), ("missing-value", SHEET, "J2")]
    assert all(f.severity == "error" for f in findings)


def test_invalid_choices_for_group_type_and_yes_no():
    rows = sheet(product(**{"Nhóm sản phẩm": "Đồ gỗ", "Loại hình cơ sở": "Công ty cổ phần lớn",
                            "Giấy đăng ký kinh doanh": "Chưa có", "Giấy chứng nhận chất lượng": "ISO"}))
    _, findings = registrations_from_rows(rows)
    assert where(findings) == [
        ("invalid-choice", SHEET, "C2"), ("invalid-choice", SHEET, "E2"),
        ("invalid-choice", SHEET, "O2"), ("invalid-choice", SHEET, "R2")]
    assert "“Đồ gỗ”" in findings[0].message and "Thủ công mỹ nghệ" in findings[0].message


def test_photo_count_must_be_a_whole_number():
    rows = sheet(product(**{"Số ảnh": "ba"}), product(**{"Mã sản phẩm": "SP02", "Tên sản phẩm": "B", "Số ảnh": 2.5}),
                 product(**{"Mã sản phẩm": "SP03", "Tên sản phẩm": "C", "Số ảnh": -1}),
                 product(**{"Mã sản phẩm": "SP04", "Tên sản phẩm": "D", "Số ảnh": "4"}))
    regs, findings = registrations_from_rows(rows)
    assert where(findings) == [("invalid-number", SHEET, "Q2"), ("invalid-number", SHEET, "Q3"),
                               ("invalid-number", SHEET, "Q4")]
    assert findings[0].message == "Ô Q2: số ảnh “ba” không phải là số. Hãy nhập một số nguyên, ví dụ 3."
    assert [r.photos for r in regs] == [None, None, None, 4]


def test_contact_details_are_checked_only_when_filled():
    rows = sheet(
        product(**{"Mã số ĐKKD/MST": 101234567, "Điện thoại": "091234", "Email": "htx.phuvinh.vn"}),
        product(**{"Mã sản phẩm": "SP02", "Tên sản phẩm": "B", "Mã số ĐKKD/MST": None, "Điện thoại": None,
                   "Email": None}),
    )
    regs, findings = registrations_from_rows(rows)
    assert where(findings) == [
        ("invalid-tax-code", SHEET, "K2"), ("invalid-phone", SHEET, "L2"), ("invalid-email", SHEET, "M2")]
    assert len(regs) == 2  # contact errors do not make the product unusable


def test_repeated_code_is_reported_on_the_later_row_and_left_out():
    rows = sheet(product(), product(**{"Tên sản phẩm": "Khác hẳn"}),
                 product(**{"Mã sản phẩm": "sp01", "Tên sản phẩm": "Nữa"}))
    regs, findings = registrations_from_rows(rows)
    assert where(findings) == [("duplicate-code", SHEET, "A3"), ("duplicate-code", SHEET, "A4")]
    assert "dòng 2" in findings[0].message
    assert [r.row for r in regs] == [2]


def test_same_product_of_same_establishment_under_two_codes():
    rows = sheet(product(), product(**{"Mã sản phẩm": "SP09", "Tên sản phẩm": "mây TRE  đan.",
                                       "Tên cơ sở": "HTX mây tre - Phú Vinh"}))
    regs, findings = registrations_from_rows(rows)
    assert where(findings) == [("duplicate-product", SHEET, "B3")]
    assert "dòng 2" in findings[0].message and "SP01" in findings[0].message
    assert len(regs) == 2


def test_each_dossier_gap_is_one_warning():
    rows = sheet(
        product(**{"Phiếu đăng ký": None, "Giấy đăng ký kinh doanh": "Không", "Bản thuyết minh": "không",
                   "Số ảnh": 2}),
        product(**{"Mã sản phẩm": "SP02", "Tên sản phẩm": "Bánh", "Nhóm sản phẩm": FOOD, "Số ảnh": None,
                   "Giấy chứng nhận ATTP": None}),
        product(**{"Mã sản phẩm": "SP03", "Tên sản phẩm": "Chè", "Nhóm sản phẩm": FOOD,
                   "Giấy chứng nhận ATTP": "Có"}),
    )
    regs, findings = registrations_from_rows(rows)
    assert where(findings) == [
        ("incomplete-dossier", SHEET, "N2"), ("incomplete-dossier", SHEET, "O2"),
        ("incomplete-dossier", SHEET, "P2"), ("incomplete-dossier", SHEET, "Q2"),
        ("incomplete-dossier", SHEET, "Q3"), ("incomplete-dossier", SHEET, "S3"),
    ]
    assert {f.severity for f in findings} == {"warning"}
    assert len(regs) == 3


def test_unreadable_dossier_cell_is_an_error_not_also_a_gap():
    _, findings = registrations_from_rows(sheet(product(**{"Phiếu đăng ký": "?", "Số ảnh": "nhiều"})))
    assert where(findings) == [("invalid-choice", SHEET, "N2"), ("invalid-number", SHEET, "Q2")]


def test_missing_column_is_reported_right_of_the_last_header():
    headers = [h for h in HEADERS if h != "Email"]
    regs, findings = registrations_from_rows(sheet(product(), headers=headers))
    assert where(findings) == [("missing-column", SHEET, "T1")]
    assert "“Email”" in findings[0].message
    assert len(regs) == 1


def test_no_header_row_reports_every_column_at_a1():
    regs, findings = registrations_from_rows([["Danh sách"], ["SP01", "Mây tre đan"]])
    assert regs == []
    assert where(findings) == [("missing-column", SHEET, "A1")] * 20
    assert "“Mã sản phẩm”" in findings[0].message and "“Ghi chú”" in findings[-1].message


def test_the_tool_column_is_optional_and_read_when_present():
    regs, findings = registrations_from_rows(sheet(product(Nguồn="Xã Phú Nghĩa"), headers=HEADERS + ["Nguồn"]))
    assert findings == [] and regs[0].source == "Xã Phú Nghĩa"


def test_reordered_columns_and_a_title_row():
    headers = list(reversed(HEADERS))  # Mã sản phẩm now in T, Điện thoại in I, Số ảnh in D
    rows = sheet(product(**{"Điện thoại": "12", "Số ảnh": "x"}), headers=headers, title="DANH SÁCH ĐĂNG KÝ 2025")
    regs, findings = registrations_from_rows(rows)
    assert where(findings) == [("invalid-number", SHEET, "D3"), ("invalid-phone", SHEET, "I3")]
    assert regs[0].code == "SP01" and regs[0].row == 3


def test_many_problems_in_one_pass_and_which_rows_are_returned():
    rows = sheet(
        product(**{"Loại hình cơ sở": "Tập đoàn", "Email": "sai"}),  # usable despite errors
        product(**{"Mã sản phẩm": "SP02", "Tên sản phẩm": "Gốm", "Nhóm sản phẩm": "Gốm sứ"}),  # bad group
        {},  # a blank row is skipped
        product(**{"Mã sản phẩm": "SP04", "Tên sản phẩm": "Lụa", "Tên cơ sở": None}),  # no establishment
        product(**{"Mã sản phẩm": "SP05", "Tên sản phẩm": "Chiếu", "Số ảnh": 1}),
    )
    regs, findings = registrations_from_rows(rows)
    assert where(findings) == [
        ("invalid-choice", SHEET, "E2"), ("invalid-email", SHEET, "M2"),
        ("invalid-choice", SHEET, "C3"),
        ("missing-value", SHEET, "D5"),
        ("incomplete-dossier", SHEET, "Q6"),
    ]
    assert [(r.code, r.row, r.establishment_type) for r in regs] == [("SP01", 2, ""), ("SP05", 6, "Hợp tác xã")]


def test_product_codes_include_rows_with_errors():
    rows = sheet(product(), product(**{"Mã sản phẩm": " SP02 ", "Nhóm sản phẩm": "?"}))
    assert product_codes_from_rows(rows) == {"SP01", "SP02"}
    assert schema.SHEET_REGISTRATIONS == SHEET
