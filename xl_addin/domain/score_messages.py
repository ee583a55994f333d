"""Vietnamese texts of the scoring step: findings on judges' sheets, result flags and statements."""

from __future__ import annotations

from decimal import Decimal

from . import schema
from .values import vn_number, vn_short

# --- Judges' sheets: identity --------------------------------------------------------------
NO_SCORING_SHEET = (
    "Tệp không có sheet «{sheet}». Đây không phải phiếu chấm do công cụ tạo; "
    "hãy dùng phiếu chấm được phát cho giám khảo."
)
NO_SCORING_TABLE = (
    "Không tìm thấy dòng tiêu đề có cột «{column}» trong sheet «{sheet}». "
    "Hãy dùng phiếu chấm được phát, không xóa hoặc đổi tên các cột."
)
NO_CRITERION_COLUMN = (
    "Phiếu chấm thiếu cột điểm «{heading}». Phiếu được tạo theo bộ tiêu chí khác; "
    "hãy tạo lại phiếu chấm và gửi giám khảo."
)
NO_META_SHEET = (
    "Phiếu chấm không có phần định danh cuộc bình chọn (sheet ẩn «{sheet}»), nên không biết phiếu "
    "thuộc cuộc bình chọn nào. Hãy dùng phiếu chấm do công cụ tạo cho cuộc bình chọn này."
)
META_MISMATCH = (
    "Phiếu chấm thuộc cuộc bình chọn khác: {label} trong phiếu là «{found}», cuộc bình chọn này là "
    "«{expected}». Hãy dùng đúng phiếu chấm của cuộc bình chọn này."
)
META_FORMAT = (
    "Phiếu chấm theo mẫu phiên bản «{found}», công cụ cần phiên bản «{expected}». "
    "Hãy tạo lại phiếu chấm và gửi giám khảo."
)
UNKNOWN_JUDGE = (
    "Mã giám khảo «{code}» trong phiếu chấm không có trong sheet «{sheet}». "
    "Hãy kiểm tra danh sách giám khảo hoặc dùng đúng phiếu chấm của giám khảo."
)
STALE_FINGERPRINT = (
    "Phiếu chấm được tạo từ một danh sách sản phẩm cũ (danh sách đã thay đổi sau khi phát phiếu). "
    "Hãy tạo lại phiếu chấm và gửi lại giám khảo."
)
PRODUCT_RENAMED = (
    "{what} của sản phẩm {code} đã sửa sau khi phát phiếu chấm: phiếu chấm ghi «{old}», sheet "
    "«{sheet}» nay ghi «{new}». Phiếu chấm vẫn dùng được (điểm gắn với mã sản phẩm) và văn bản in "
    "theo tên mới; nếu sửa nhầm, hãy sửa lại trong sheet «{sheet}»."
)
STALE_MISSING_PRODUCT = (
    "Phiếu chấm không có sản phẩm {code} của cuộc bình chọn. Hãy tạo lại phiếu chấm và gửi lại giám khảo."
)
STALE_UNKNOWN_PRODUCT = (
    "Mã sản phẩm «{code}» không có trong sheet «{sheet}» của cuộc bình chọn. "
    "Hãy tạo lại phiếu chấm và gửi lại giám khảo."
)
STALE_DUPLICATE_PRODUCT = (
    "Sản phẩm {code} xuất hiện hai lần trong phiếu chấm. Hãy tạo lại phiếu chấm và gửi lại giám khảo."
)

# --- Judges' sheets: scores ----------------------------------------------------------------
INVALID_SCORE = (
    "Điểm «{value}» của sản phẩm {code}, tiêu chí {item} không phải là số. "
    "Hãy nhập số, ví dụ 8 hoặc 8,5."
)
SCORE_OUT_OF_RANGE = (
    "Điểm {value} của sản phẩm {code}, tiêu chí {item} nằm ngoài khoảng 0 đến {max}. "
    "Hãy nhập lại điểm trong khoảng cho phép."
)
MISSING_SCORE = (
    "Giám khảo {judge} chưa chấm tiêu chí {item} cho sản phẩm {code}. Hãy bổ sung điểm vào ô này."
)
BLANK_ROW = (
    "Giám khảo {judge} chưa chấm sản phẩm {code} (cả dòng còn trống). Hãy bổ sung điểm của dòng này."
)
BLANK_SHEET = (
    "Phiếu chấm của giám khảo {judge} ({name}) chưa có điểm nào ({count} sản phẩm còn trống): phiếu "
    "chưa được chấm hoặc chưa nộp lại. Hãy thu phiếu đã chấm và đặt vào thư mục phiếu chấm, thay cho "
    "phiếu trống."
)
CONFLICT_SCORE = (
    "Giám khảo {judge} đã khai không chấm sản phẩm {code} (xung đột lợi ích) nhưng ô này có điểm. "
    "Hãy xóa điểm này, hoặc bỏ mã sản phẩm khỏi cột «{column}» trong sheet «{sheet}»."
)
UNKNOWN_ROW_SCORE = (
    "Dòng này không phải một sản phẩm của cuộc bình chọn (mã «{code}») nhưng có điểm. "
    "Hãy xóa điểm này."
)

# --- The set of sheets ---------------------------------------------------------------------
DUPLICATE_JUDGE = (
    "Có {count} phiếu chấm của cùng giám khảo {judge}: {files}. Hãy giữ lại một phiếu đúng "
    "trong thư mục phiếu chấm và chuyển các phiếu còn lại ra ngoài."
)
MISSING_SHEET = (
    "Chưa có phiếu chấm của giám khảo {judge} ({name}). Hãy thu phiếu chấm và đặt vào thư mục "
    "«{folder}»."
)

# --- Results: flags and warnings -----------------------------------------------------------
FLAG_SPREAD = "Độ lệch lớn ({spread} điểm)"
SPREAD_WARNING = (
    "Sản phẩm {code} “{name}”: tổng điểm các giám khảo chênh nhau {spread} điểm (ngưỡng {alert}). "
    "Hội đồng nên xem lại phiếu chấm của sản phẩm này."
)
OUTLIER_WARNING = (
    "Giám khảo {judge} ({name}) chấm {direction} các giám khảo khác trung bình {bias} điểm "
    "(ngưỡng {alert}). Hội đồng nên xem lại phiếu chấm của giám khảo này."
)
OUTLIER_LOWER = "thấp hơn"
OUTLIER_HIGHER = "cao hơn"
FLAG_DEPENDS = "Đạt hay không phụ thuộc giám khảo {judges}"
DEPENDS_WARNING = (
    "Sản phẩm {code} “{name}” ({total} điểm) sẽ {change} điểm sàn nếu bỏ điểm của giám khảo {judges}. "
    "Hội đồng nên xem xét kỹ sản phẩm này."
)
DEPENDS_WOULD_FAIL = "không đạt"
DEPENDS_WOULD_PASS = "đạt"
FLAG_QUOTA_TIE = "Bằng điểm tại ngưỡng số lượng"
QUOTA_TIE_WARNING = (
    "Sản phẩm {code} “{name}” bằng điểm hoàn toàn với {others} tại ngưỡng {quota} sản phẩm công nhận; "
    "công cụ đề xuất cả các sản phẩm này. Hội đồng cần quyết định."
)
FLAG_NO_JUDGE = "Chưa có điểm"

NOTHING_SCORED = (
    "Chưa tính tạm được: các phiếu chấm trong thư mục «{folder}» chưa có điểm nào. Hãy thu ít nhất một "
    "phiếu đã chấm rồi tính tạm lại."
)

# --- The council's decision in Kết quả (checked before documents) ----------------------------
BELOW_PASS_MARK = (
    "Ô {cell}: sản phẩm {code} được ghi «Có» ở cột «{column}» nhưng chỉ đạt {total} điểm, dưới điểm "
    "sàn {pass_mark}. Không cấp giấy chứng nhận cho sản phẩm chưa đạt điểm sàn: hãy sửa ô này thành "
    "«Không» (hoặc kiểm tra lại điểm) rồi in lại."
)
OVER_QUOTA = (
    "Hội đồng đề xuất công nhận {count} sản phẩm (cột «{column}»), nhiều hơn số tối đa {quota} "
    "(«{rule}» trong sheet Quy định). Hãy xem lại đề xuất của Hội đồng, hoặc sửa quy định nếu số "
    "tối đa đã thay đổi."
)
COUNCIL_BLOCKED = (
    "Chưa in văn bản: sheet «{sheet}» có {errors} lỗi ở cột Hội đồng đề xuất/Đề xuất cấp trên "
    "(ô {cells}; xem sheet {findings}). Hãy sửa các ô đó rồi in lại."
)
NO_JUDGE_TOTALS = (
    "Chưa làm bảng tổng hợp kết quả chấm điểm: sheet «{sheet}» chưa có điểm của từng giám khảo "
    "(được tính bằng phiên bản cũ của công cụ). Hãy chạy lại “binhchon results” (nút Tính kết quả) "
    "rồi in lại; những gì Hội đồng đã ghi trong sheet được giữ nguyên."
)

# --- Cut-offs: which rule decided, with the numbers compared --------------------------------
CUT_QUOTA = "ngưỡng {n} sản phẩm công nhận"
CUT_FORWARD = "ngưỡng {n} sản phẩm đề xuất cấp trên"
CUT_IN = "được đề xuất công nhận"
CUT_OUT = "không được đề xuất công nhận"
CUT_IN_FORWARD = "được đề xuất lên cấp trên"
CUT_OUT_FORWARD = "không được đề xuất lên cấp trên"
CUT_BY_TOTAL = (
    "Tại {cut}: {total} điểm, {side} {other} ({other_total} điểm) nên {outcome}."
)
CUT_HIGHER = "cao hơn"
CUT_LOWER = "thấp hơn"
CUT_BY_MEAN = (
    "Tại {cut}: bằng {total} điểm với {other} ở hạng {rank}, xét theo điểm bình quân {criterion} "
    "({mine} so với {theirs}) nên {outcome}."
)
CUT_BY_CODE = (
    "Tại {cut}: bằng hoàn toàn với {other} ({total} điểm, điểm bình quân các tiêu chí như nhau), "
    "xếp theo mã sản phẩm nên {outcome}."
)

# --- Statements ----------------------------------------------------------------------------
TIE_BREAK = (
    "Khi bằng tổng điểm: cùng hạng; thứ tự trong hạng và ngưỡng số lượng công nhận xét theo "
    "điểm bình quân {order}; vẫn bằng thì xếp theo mã sản phẩm."
)
TIE_BREAK_NONE = "Khi bằng tổng điểm: cùng hạng, xếp theo mã sản phẩm."
TIE_BREAK_THEN = ", rồi "
RESULTS_TITLE = "KẾT QUẢ BÌNH CHỌN SẢN PHẨM CNNT TIÊU BIỂU"
RULES_STATEMENT = (
    "Điểm sàn: {pass_mark}. Số sản phẩm công nhận tối đa: {quota}. "
    "Số sản phẩm đề xuất cấp trên: {forward}. {tie_break}"
)
NO_LIMIT = "không giới hạn"
NOT_SET = "chưa quy định"


points = vn_number  # 12,40
short_points = vn_short  # 70, 8,5


def tie_break_text(order: tuple[str, ...]) -> str:
    """The tie-break rule in Vietnamese: 'TC1, rồi TC2, TC3, TC4'."""
    if not order:
        return TIE_BREAK_NONE
    head, *rest = order
    ordered = head + (TIE_BREAK_THEN + ", ".join(rest) if rest else "")
    return TIE_BREAK.format(order=ordered)


def rules_statement(pass_mark: Decimal, quota: int | None, forward: int | None, tie_break: str) -> str:
    """Row 2 of the Kết quả sheet: the pass mark, quota, forwarding count and tie-break rule."""
    return RULES_STATEMENT.format(
        pass_mark=short_points(pass_mark),
        quota=NO_LIMIT if quota is None else quota,
        forward=NOT_SET if forward is None else forward,
        tie_break=tie_break,
    )


def title(base: str, provisional: bool) -> str:
    """The Kết quả title, marked TẠM TÍNH when provisional."""
    base = base or RESULTS_TITLE
    return f"{base} — {schema.RES_PROVISIONAL_MARK}" if provisional else base
