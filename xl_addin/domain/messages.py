"""Vietnamese texts of the input-sheet findings and notes, together so they can be proofread at once.

Templates are `str.format` strings; `{cell}` is an A1 address, `{value}` the cell as typed.
"""

from __future__ import annotations

from typing import Iterable

# --- Structure of the workbook ---------------------------------------------------------------
MISSING_SHEET = (
    "Sổ bình chọn không có sheet “{sheet}”. Hãy thêm lại sheet này với đúng tên (có dấu), "
    "hoặc tạo sổ mới bằng lệnh “binhchon init” rồi chép dữ liệu sang."
)
MISSING_COLUMN = (
    "Sheet “{sheet}” thiếu cột “{header}” ở hàng tiêu đề (hàng {row}). "
    "Hãy thêm cột có tiêu đề đúng như vậy, ví dụ ở ô {cell}."
)
NO_HEADER_ROW = (
    "Sheet “{sheet}” không có hàng tiêu đề chứa cột “{anchor}”, nên cũng thiếu cột “{header}”. "
    "Hãy chép lại hàng tiêu đề từ sổ mẫu vào đầu sheet."
)
MISSING_LABEL_ROW = (
    "Sheet “{sheet}” thiếu dòng “{label}”. Hãy ghi “{label}” vào ô {cell} "
    "và nhập giá trị vào ô bên phải."
)
MISSING_CRITERIA_TABLE = (
    "Sheet “{sheet}” không có bảng tiêu chí. Hãy thêm, ví dụ từ ô {cell}, một hàng tiêu đề "
    "gồm các cột {headers}, rồi mỗi tiêu chí một dòng."
)

# --- Values of cells ---------------------------------------------------------------------------
MISSING_VALUE = "Ô {cell}: chưa nhập {what}. Hãy điền {what} vào ô này."
NOT_A_NUMBER = "Ô {cell}: {what} “{value}” không phải là số. Hãy nhập {expect}, ví dụ {example}."
NOT_WHOLE = "Ô {cell}: {what} “{value}” không phải là số nguyên. Hãy nhập một số nguyên, ví dụ {example}."
OUT_OF_RANGE = "Ô {cell}: {what} “{value}” {bounds}. Hãy sửa lại, ví dụ {example}."
EXPECT_WHOLE = "một số nguyên"
EXPECT_NUMBER = "một số (có thể có phần thập phân)"
BOUNDS_BETWEEN = "phải từ {low} đến {high}"
BOUNDS_AT_LEAST = "phải từ {low} trở lên"
BOUNDS_ABOVE = "phải lớn hơn {low}"
BOUNDS_AT_MOST = "không được lớn hơn {high}"
INVALID_CHOICE = "Ô {cell}: {what} “{value}” không có trong danh sách. Hãy chọn một trong: {options}."
INVALID_DATE = (
    "Ô {cell}: {what} “{value}” không đọc được là ngày. "
    "Hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/11/2025."
)

# --- Thông tin ---------------------------------------------------------------------------------
REGION_REQUIRED = (
    "Ô {cell}: cuộc bình chọn cấp khu vực cần ghi khu vực. Hãy chọn một trong: {options}."
)

# --- Quy định ----------------------------------------------------------------------------------
CRITERIA_SUM = (
    "Ô {cell}: tổng điểm tối đa của các tiêu chí chính là {total}, phải đúng bằng {expected}. "
    "Hãy sửa điểm tối đa của các tiêu chí cho tổng bằng {expected}."
)
SUB_ITEMS_SUM = (
    "Ô {cell}: các tiêu chí thành phần thuộc {parent} cộng lại {total} điểm, vượt điểm tối đa "
    "{maximum} của {parent}; điểm {parent} của mỗi giám khảo sẽ được tính tối đa {maximum}. Nếu không "
    "có ý cho điểm thưởng, hãy giảm điểm tối đa của các tiêu chí thành phần."
)
DUPLICATE_CRITERION = (
    "Ô {cell}: mã tiêu chí “{code}” trùng với dòng {first_row}. Mỗi tiêu chí phải có một mã riêng; "
    "hãy đổi mã ở một trong hai dòng."
)
UNKNOWN_PARENT = (
    "Ô {cell}: tiêu chí thành phần “{code}” thuộc tiêu chí “{parent}”, nhưng không có tiêu chí "
    "chính nào mang mã này. Hãy chọn một trong: {options}."
)
UNKNOWN_TIE_BREAK = (
    "Ô {cell}: thứ tự xét khi bằng điểm có mã “{code}”, không phải mã của một tiêu chí chính. "
    "Hãy ghi các mã tiêu chí chính cách nhau bằng dấu phẩy, ví dụ “{example}”."
)
RULE_NOTES = {
    "preset": "Tên bộ quy định gốc (cnnt-2014: Thông tư 26/2014/TT-BCT và các sửa đổi; ocop-2023: "
    "bộ tiêu chí OCOP). Chỉ để ghi nhận: các giá trị bên dưới mới là quy định được áp dụng.",
    "pass_mark": "Sản phẩm có tổng điểm từ mức này trở lên là đạt điểm sàn ở cấp {level}.",
    "star_band": "Tổng điểm từ mức này trở lên được xếp hạng {stars} sao.",
    "quota": "Số sản phẩm tối đa hội đồng đề xuất công nhận; để trống nếu không giới hạn.",
    "forward": "Số sản phẩm điểm cao nhất được đề xuất lên cấp trên; để trống nếu không đề xuất.",
    "validity": "Giấy chứng nhận có hiệu lực đến ngày 31/12 của năm thứ N, tính cả năm cấp.",
    "tie_break": "Khi bằng tổng điểm, xét điểm bình quân các tiêu chí theo thứ tự này "
    "(mã tiêu chí chính, cách nhau bằng dấu phẩy).",
    "spread": "Cảnh báo khi tổng điểm cao nhất và thấp nhất của các giám khảo cho một sản phẩm "
    "chênh nhau quá mức này.",
    "outlier": "Cảnh báo khi tổng điểm của một giám khảo lệch so với điểm bình quân của sản phẩm "
    "quá mức này.",
}

# --- Đăng ký -----------------------------------------------------------------------------------
INVALID_TAX_CODE = (
    "Ô {cell}: mã số ĐKKD/MST “{value}” không hợp lệ. Mã số gồm 10 hoặc 13 chữ số (có thể có dấu "
    "gạch ngang trước 3 số cuối), ví dụ 0101234567 hoặc 0101234567-001. Nếu số 0 ở đầu bị mất, "
    "hãy định dạng ô là Văn bản (Text) rồi nhập lại."
)
INVALID_PHONE = (
    "Ô {cell}: số điện thoại “{value}” không hợp lệ. Hãy nhập số di động 10 chữ số bắt đầu bằng 0 "
    "(ví dụ 0912 345 678), số cố định kèm mã vùng (ví dụ 0204 3855 123) hoặc dạng +84; nhiều số "
    "thì cách nhau bằng dấu “/” hoặc “,”. Nếu số 0 ở đầu bị mất, hãy định dạng ô là Văn bản (Text)."
)
INVALID_EMAIL = (
    "Ô {cell}: email “{value}” không hợp lệ. Hãy nhập địa chỉ dạng ten@vidu.vn; "
    "nhiều địa chỉ thì cách nhau bằng dấu “;”."
)
DUPLICATE_CODE = (
    "Ô {cell}: mã sản phẩm “{code}” trùng với dòng {first_row}. Mỗi sản phẩm phải có một mã riêng; "
    "hãy đổi mã ở một trong hai dòng."
)
DUPLICATE_PRODUCT = (
    "Ô {cell}: sản phẩm “{name}” của cơ sở “{establishment}” đã được đăng ký ở dòng {first_row} "
    "(mã {first_code}). Nếu đăng ký trùng, hãy xóa một dòng; nếu là hai sản phẩm khác nhau, "
    "hãy đặt tên phân biệt."
)
DOSSIER_MISSING = (
    "Ô {cell}: hồ sơ sản phẩm “{code}” thiếu {document}. Hãy đề nghị cơ sở bổ sung, "
    "rồi ghi “Có” vào ô này."
)
DOSSIER_PHOTOS = (
    "Ô {cell}: hồ sơ sản phẩm “{code}” có {count} ảnh màu, cần ít nhất {minimum} ảnh. "
    "Hãy đề nghị cơ sở bổ sung ảnh rồi sửa lại số ảnh."
)
DOSSIER_DOCUMENTS = {
    "form": "phiếu đăng ký",
    "business_reg": "bản sao giấy đăng ký kinh doanh (doanh nghiệp, hợp tác xã hoặc hộ kinh doanh)",
    "description": "bản thuyết minh sản phẩm",
    "food_safety": "giấy chứng nhận an toàn thực phẩm (bắt buộc với nhóm {group})",
}

# --- Giám khảo ---------------------------------------------------------------------------------
DUPLICATE_JUDGE = (
    "Ô {cell}: mã giám khảo “{code}” trùng với dòng {first_row}. Mỗi giám khảo phải có một mã riêng "
    "(mã dùng làm tên tệp phiếu chấm); hãy đổi mã ở một trong hai dòng."
)
BAD_JUDGE_CODE = (
    "Ô {cell}: mã giám khảo “{code}” có ký tự không dùng được trong tên tệp ({chars}). Mã chỉ được "
    "gồm chữ cái không dấu (A–Z, a–z), chữ số, dấu gạch ngang (-) và dấu gạch dưới (_), ví dụ GK01."
)
UNKNOWN_CONFLICT = (
    "Ô {cell}: mã sản phẩm “{code}” ở cột “{header}” không có trong sheet “{products_sheet}”. "
    "Hãy sửa cho đúng mã sản phẩm; nhiều mã thì cách nhau bằng dấu phẩy."
)
FEW_JUDGES = (
    "Sheet “{sheet}” mới có {count} giám khảo, trong khi hội đồng thường có 5–9 giám khảo. "
    "Hãy kiểm tra lại danh sách; giám khảo mới nhập tiếp từ ô {cell}."
)


def field_name(header: str) -> str:
    """A column header as it reads inside a sentence: 'Số ảnh' -> 'số ảnh' (acronyms kept)."""
    if len(header) > 1 and header[1].isupper():
        return header
    return header[:1].lower() + header[1:]


def quoted_list(options: Iterable[str]) -> str:
    """Options as '“A”, “B”, “C”' for messages."""
    return ", ".join(f"“{o}”" for o in options)
