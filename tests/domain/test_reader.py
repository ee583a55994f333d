"""Reading the whole contest workbook's input sheets in one pass."""

import unicodedata

from builders import where
from xl_addin.domain.reader import FATAL_CODES, is_fatal, read_contest

REG_HEADERS = [
    "Mã sản phẩm", "Tên sản phẩm", "Nhóm sản phẩm", "Tên cơ sở", "Loại hình cơ sở", "Người đại diện",
    "Địa chỉ", "Xã/phường", "Huyện/thị xã/thành phố", "Tỉnh", "Mã số ĐKKD/MST", "Điện thoại", "Email",
    "Phiếu đăng ký", "Giấy đăng ký kinh doanh", "Bản thuyết minh", "Số ảnh", "Giấy chứng nhận chất lượng",
    "Giấy chứng nhận ATTP", "Ghi chú",
]


def info_rows(year=2025):
    return [["Mục", "Giá trị"], ["Năm", year], ["Cấp bình chọn", "Tỉnh"], ["Tỉnh", "Bắc Ninh"],
            ["Cơ quan tổ chức", "Sở Công Thương"]]


def rules_rows(tc4=10):
    rows = [["Quy định", "Giá trị"], ["Bộ quy định", "cnnt-2014"]]
    rows += [[f"Điểm sàn cấp {level}", 70] for level in ("Xã", "Huyện", "Tỉnh", "Khu vực", "Quốc gia")]
    rows += [["Số năm hiệu lực giấy chứng nhận", 4], ["Thứ tự xét khi bằng điểm", "TC1, TC2, TC3, TC4"],
             ["Ngưỡng cảnh báo độ lệch", 15], ["Ngưỡng cảnh báo giám khảo lệch", 8], []]
    rows += [["Mã tiêu chí", "Nội dung tiêu chí", "Điểm tối đa"], ["TC1", "a", 40], ["TC2", "b", 40],
             ["TC3", "c", 10], ["TC4", "d", tc4]]
    return rows


def registration(code, name, group="Thủ công mỹ nghệ"):
    values = {"Mã sản phẩm": code, "Tên sản phẩm": name, "Nhóm sản phẩm": group, "Tên cơ sở": f"Cơ sở {name}",
              "Loại hình cơ sở": "Hộ kinh doanh", "Người đại diện": "A", "Địa chỉ": "B", "Tỉnh": "Bắc Ninh",
              "Phiếu đăng ký": "Có", "Giấy đăng ký kinh doanh": "Có", "Bản thuyết minh": "Có", "Số ảnh": 3}
    return [values.get(h) for h in REG_HEADERS]


def registration_rows(*extra):
    return [REG_HEADERS, registration("SP01", "Gốm"), registration("SP02", "Lụa"), *extra]


def judge_rows(*extra):
    rows = [["Mã giám khảo", "Họ và tên", "Chức vụ/Học hàm", "Đơn vị", "Không chấm"],
            ["GK01", "An", None, None, "SP02"], ["GK02", "Bình", None, None, None], ["GK03", "Cường", None, None, None]]
    return rows + list(extra)


def workbook(**overrides):
    sheets = {"Thông tin": info_rows(), "Quy định": rules_rows(), "Đăng ký": registration_rows(),
              "Giám khảo": judge_rows(), "Kết quả": [["Hạng"]]}
    sheets.update(overrides)
    return {name: rows for name, rows in sheets.items() if rows is not None}




def test_a_clean_workbook_gives_the_contest():
    contest, findings = read_contest(workbook())
    assert findings == [] and not is_fatal(findings)
    assert (contest.info.year, contest.info.level) == (2025, "tinh")
    assert [c.code for c in contest.rules.criteria] == ["TC1", "TC2", "TC3", "TC4"]
    assert [r.code for r in contest.registrations] == ["SP01", "SP02"]
    assert [(j.code, sorted(j.conflicts)) for j in contest.judges] == [("GK01", ["SP02"]), ("GK02", []), ("GK03", [])]


def test_sheet_names_match_after_normalisation_trim_and_case():
    sheets = workbook()
    renamed = {unicodedata.normalize("NFD", " thông tin "): sheets["Thông tin"], "QUY ĐỊNH": sheets["Quy định"],
               "Đăng Ký": sheets["Đăng ký"], "giám khảo ": sheets["Giám khảo"]}
    contest, findings = read_contest(renamed)
    assert findings == [] and contest is not None


def test_missing_sheets_are_fatal():
    contest, findings = read_contest(workbook(**{"Quy định": None, "Giám khảo": None}))
    assert contest is None
    assert where(findings) == [("missing-sheet", "Quy định", "A1"), ("missing-sheet", "Giám khảo", "A1")]
    assert is_fatal(findings) and FATAL_CODES == frozenset({"missing-sheet"})
    assert "“Quy định”" in findings[0].message


def test_findings_of_every_sheet_in_sheet_then_row_order():
    sheets = workbook(**{
        "Thông tin": info_rows(year="năm nay"),
        "Quy định": rules_rows(tc4=20),
        "Đăng ký": registration_rows(registration("SP03", "Chè", group="Trà"), registration("SP01", "Tre")),
        "Giám khảo": judge_rows(["GK04", "Dũng", None, None, "SP03, SP09"]),
    })
    contest, findings = read_contest(sheets)
    assert where(findings) == [
        ("invalid-number", "Thông tin", "B2"),
        ("invalid-number", "Quy định", "C14"),
        ("invalid-choice", "Đăng ký", "C4"),
        ("duplicate-code", "Đăng ký", "A5"),
        ("invalid-choice", "Giám khảo", "E5"),  # SP09 only: SP03 exists though its row has an error
    ]
    assert contest is None and not is_fatal(findings)


def test_contest_is_returned_with_the_usable_registrations_and_judges():
    sheets = workbook(**{"Đăng ký": registration_rows(registration("SP03", None)),
                         "Giám khảo": judge_rows(["GK 04", "Dũng", None, None, None])})
    contest, findings = read_contest(sheets)
    assert where(findings) == [("missing-value", "Đăng ký", "B4"), ("invalid-choice", "Giám khảo", "A5")]
    assert [r.code for r in contest.registrations] == ["SP01", "SP02"]
    assert [j.code for j in contest.judges] == ["GK01", "GK02", "GK03"]


def test_unusable_rules_mean_no_contest():
    rows = rules_rows()[:12]  # no criteria table: it would go in A13, below a blank row
    contest, findings = read_contest(workbook(**{"Quy định": rows}))
    assert contest is None and where(findings) == [("missing-column", "Quy định", "A13")]
