"""The register's Vietnamese messages, in one place so they can be read and corrected together."""

from __future__ import annotations

from . import register_schema as rs

# --- Opening the register -----------------------------------------------------------------------
NOT_A_REGISTER = (
    "Tệp {where} không phải là sổ theo dõi của binhchon (hoặc đã hỏng). Hãy chỉ đúng tệp "
    f"{rs.REGISTER_FILE} bằng --register, hoặc chọn một tệp mới để tạo sổ."
)
NOT_A_REGISTER_DB = (
    "Cơ sở dữ liệu {where} đã có các bảng khác, không phải sổ theo dõi của binhchon. "
    "Hãy dùng một cơ sở dữ liệu trống (hoặc đúng sổ theo dõi) cho --register."
)
NEWER_VERSION = (
    "Sổ theo dõi {where} do một phiên bản binhchon mới hơn tạo ra (phiên bản sổ {found}; phiên bản này chỉ "
    "đọc được đến {known}). Hãy cập nhật binhchon rồi chạy lại; sổ không bị thay đổi."
)
LOCKED = (
    "Sổ theo dõi {where} đang bị một chương trình khác khóa (đang ghi). Hãy đợi chương trình đó xong "
    "hoặc đóng nó rồi chạy lại."
)
UNREADABLE = "Không mở được sổ theo dõi {where}: {reason}. Hãy kiểm tra quyền truy cập tệp hoặc thư mục."
SERVER_DOWN = (
    "Không kết nối được máy chủ PostgreSQL của sổ theo dõi ({where}): {reason}. Hãy kiểm tra máy chủ "
    "đang chạy, địa chỉ, tên người dùng và mật khẩu trong --register hoặc biến môi trường "
    f"{rs.REGISTER_ENV}."
)
WRITE_CONFLICT = (
    "Không ghi được vào sổ theo dõi {where}: cùng lúc đó có người khác đã ghi cùng dữ liệu. Sổ không bị "
    "thay đổi; hãy chạy lại lệnh."
)
BAD_URL = (
    "“{where}” không phải địa chỉ sổ theo dõi dùng được. Hãy ghi đường dẫn tệp .sqlite, hoặc địa chỉ "
    "PostgreSQL dạng postgresql+psycopg://người_dùng:mật_khẩu@máy_chủ/tên_cơ_sở_dữ_liệu."
)
NO_DRIVER = (
    "Chưa cài thư viện kết nối PostgreSQL. Hãy cài: pip install 'binhchon[postgres]' rồi chạy lại."
)
NETWORK_PATH = (
    "Cảnh báo: sổ theo dõi {where} nằm trên ổ mạng. Tệp SQLite nên đặt trên ổ đĩa của máy này "
    "(ổ mạng có thể làm hỏng sổ khi nhiều người cùng ghi); để nhiều văn phòng dùng chung, hãy dùng "
    "PostgreSQL (--register postgresql+psycopg://…)."
)
MIGRATED_SERVER = (
    "Đã nâng cấp sổ theo dõi {where} từ phiên bản {old} lên {new} (trong một giao dịch: nếu có lỗi, "
    "sổ được giữ nguyên như trước)."
)
BAD_PERIOD = "Khoảng năm không hợp lệ: từ {start} đến {end}. Năm đầu phải nhỏ hơn hoặc bằng năm cuối."
MIGRATED = "Đã nâng cấp sổ theo dõi {where} từ phiên bản {old} lên {new} (bản sao trước khi nâng cấp: {backup})."

# --- register add -------------------------------------------------------------------------------
NO_RESULTS = (
    "chưa có kết quả (sheet Kết quả trống). Hãy chạy binhchon results cho cuộc bình chọn này "
    "rồi thêm lại vào sổ."
)
PROVISIONAL_RESULTS = (
    "kết quả còn là TẠM TÍNH. Hãy thu đủ phiếu chấm, chạy binhchon results (không --provisional) "
    "rồi thêm lại vào sổ."
)
NOT_A_CONTEST = "không có sổ bình chọn binhchon.xlsx. Hãy chỉ đúng thư mục cuộc bình chọn (tạo bằng binhchon init)."
CONTEST_HAS_ERRORS = (
    "sổ bình chọn còn {summary} Hãy sửa theo sheet Kiểm tra (binhchon validate) và tính lại kết quả "
    "rồi thêm lại vào sổ."
)
SCORES_HAVE_ERRORS = (
    "phiếu chấm còn lỗi ({count} lỗi). Hãy sửa phiếu chấm, chạy lại binhchon results rồi thêm lại vào sổ."
)
REFUSED = "Không thêm {folder} vào sổ theo dõi: {reason}"
ROUNDED_POINTS = (
    "Điểm {points} của giám khảo {judge} cho sản phẩm {code} có quá hai chữ số thập phân; sổ theo dõi lưu "
    "làm tròn thành {rounded}."
)


def results_out_of_step(without_result: list[str], without_registration: list[str]) -> str:
    """The Kết quả sheet does not match Đăng ký: which codes lack a result, which a registration."""
    parts = []
    if without_result:
        parts.append("chưa có kết quả cho " + _codes(without_result))
    if without_registration:
        parts.append("Kết quả có sản phẩm không còn trong Đăng ký: " + _codes(without_registration))
    return ("sheet Kết quả không khớp với sheet Đăng ký (" + "; ".join(parts) + "). Hãy chạy lại "
            "binhchon results rồi thêm lại vào sổ.")


def _codes(codes: list[str], limit: int = 5) -> str:
    shown = ", ".join(codes[:limit])
    return shown + (f" và {len(codes) - limit} mã khác" if len(codes) > limit else "")


def added(folder: str, level: str, year: int, area: str, products: int, recognised: int, replaced: bool) -> str:
    """One line per contest added."""
    verb = "Đã cập nhật lại" if replaced else "Đã thêm"
    return (f"{verb} {folder}: cuộc bình chọn cấp {level} năm {year} ({area}), {products} sản phẩm, "
            f"{recognised} sản phẩm được công nhận.")


def add_summary(added_count: int, refused: int, where: str) -> str:
    """The one-line summary of register add."""
    if refused:
        return (f"Không ghi gì vào sổ theo dõi {where}: {refused} thư mục bị từ chối (xem danh sách). "
                "Hãy sửa rồi chạy lại lệnh; các thư mục khác cũng chưa được thêm.")
    return f"Sổ theo dõi {where}: đã thêm {added_count} cuộc bình chọn."


# --- register import ----------------------------------------------------------------------------
def unknown_code(row: int, code: str, year: int, level: str) -> str:
    """An outcome row whose product code no lower contest of the register holds."""
    return (f"Dòng {row}: không tìm thấy sản phẩm mã “{code}” trong cuộc bình chọn cấp dưới nào đến năm {year} "
            f"đã có trong sổ, nên không ghi được kết quả cấp {level}. Hãy kiểm tra mã (mã trong cuộc bình chọn "
            "cấp tỉnh đã đề xuất sản phẩm), hoặc thêm cuộc đó vào sổ bằng binhchon register add rồi nhập lại.")


def unknown_product(row: int, name: str, tax_code: str) -> str:
    """An outcome row without a code whose tax number and product name match nothing."""
    return (f"Dòng {row}: không tìm thấy sản phẩm “{name}” của cơ sở có mã số “{tax_code}” trong sổ. "
            "Hãy ghi mã sản phẩm, hoặc kiểm tra lại tên sản phẩm và mã số ĐKKD/MST.")


def name_differs(row: int, code: str, known: str, typed: str) -> str:
    """An outcome row whose code names another product than its name says."""
    return (f"Dòng {row}: mã “{code}” là sản phẩm “{known}” trong sổ, khác tên ghi ở đây “{typed}”. "
            "Kết quả được ghi cho sản phẩm của mã; nếu nhầm mã, hãy sửa rồi nhập lại.")


def repeated_outcome(row: int, level: str, year: int, first: int) -> str:
    """The same product's outcome at the same level and year twice."""
    return (f"Dòng {row}: kết quả cấp {level} năm {year} của sản phẩm này đã có ở dòng {first}. "
            "Hãy xóa một trong hai dòng.")


def repeated_activity(row: int, kind: str, year: int, first: int) -> str:
    """The same activity (year, kind, content) twice."""
    return (f"Dòng {row}: hoạt động “{kind}” năm {year} với cùng nội dung đã có ở dòng {first}. "
            "Hãy gộp số lượng vào một dòng, hoặc ghi nội dung khác nhau.")


def repeated_reference(row: int, year: int, first: int) -> str:
    """The same area's count for the same year twice."""
    return f"Dòng {row}: số cơ sở CNNT năm {year} của địa bàn này đã có ở dòng {first}. Hãy xóa một trong hai dòng."

# --- Nghi trùng decisions (register import of the export's sheet) -------------------------------
UNKNOWN_ESTABLISHMENT = (
    "Ô {cell}: sổ theo dõi không có cơ sở mã {id} (sổ đã thay đổi từ khi xuất tệp này). Hãy xuất lại "
    "bằng binhchon register export rồi ghi xác nhận vào tệp mới."
)
SAME_ESTABLISHMENT_TWICE = "Ô {cell}: hai mã cơ sở giống nhau ({id}); một cơ sở không thể trùng với chính nó."
DIFFERENT_TAX_CODES = (
    "Ô {cell}: “Có” nghĩa là một cơ sở, nhưng hai cơ sở có mã số ĐKKD/MST khác nhau ({first} và {second}); "
    "sổ không bao giờ coi hai mã số khác nhau là một cơ sở. Nếu một mã số bị gõ sai, hãy sửa ở sổ bình chọn "
    "của cuộc đó rồi chạy lại binhchon register add; nếu là hai cơ sở, hãy chọn “Không”."
)
REPEATED_DECISION = "Ô {cell}: cặp cơ sở {first} và {second} đã được xác nhận ở dòng {first_row}; hãy giữ một dòng."
