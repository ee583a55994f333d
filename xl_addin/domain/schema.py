"""The workbook contract: sheet names, headers and labels, in one place (SPEC §3)."""

from __future__ import annotations

# --- Sheets of the contest workbook -------------------------------------------------------
SHEET_INFO = "Thông tin"
SHEET_RULES = "Quy định"
SHEET_REGISTRATIONS = "Đăng ký"
SHEET_JUDGES = "Giám khảo"
SHEET_FINDINGS = "Kiểm tra"
SHEET_RESULTS = "Kết quả"
SHEET_LOG = "Nhật ký"
SHEET_LISTS = "Danh mục"  # hidden: the sources of the dropdowns

INPUT_SHEETS = (SHEET_INFO, SHEET_RULES, SHEET_REGISTRATIONS, SHEET_JUDGES)
CONTEST_SHEETS = INPUT_SHEETS + (SHEET_FINDINGS, SHEET_RESULTS, SHEET_LOG)

# --- Thông tin: label/value rows ----------------------------------------------------------
INFO_YEAR = "Năm"
INFO_LEVEL = "Cấp bình chọn"
INFO_PROVINCE = "Tỉnh"
INFO_REGION = "Khu vực"
INFO_ORGANISER = "Cơ quan tổ chức"
INFO_DECISION_NO = "Số quyết định công nhận"
INFO_DECISION_DATE = "Ngày quyết định"
INFO_SIGNER = "Người ký"
INFO_SIGNER_TITLE = "Chức vụ người ký"
INFO_CERT_PATTERN = "Mẫu số giấy chứng nhận"
INFO_CONTEST_ID = "Mã cuộc bình chọn"  # written by the tool at init; identifies judges' sheets
INFO_LABELS = (
    INFO_YEAR, INFO_LEVEL, INFO_PROVINCE, INFO_REGION, INFO_ORGANISER, INFO_DECISION_NO,
    INFO_DECISION_DATE, INFO_SIGNER, INFO_SIGNER_TITLE, INFO_CERT_PATTERN, INFO_CONTEST_ID,
)
INFO_HEADER = ("Mục", "Giá trị")
# A note beside each technical value of Thông tin, in a third column (issue 9, item 12).
INFO_NOTE_HEADER = "Ghi chú"
INFO_NOTES = {
    INFO_CERT_PATTERN: (
        "Cách đánh số giấy chứng nhận: {stt:03} là số thứ tự có 3 chữ số (001, 002, …), {nam} là năm; "
        "phần còn lại in nguyên văn. Ví dụ «{stt:03}/GCN-SCT» cho 001/GCN-SCT, 002/GCN-SCT…"
    ),
    INFO_CONTEST_ID: (
        "Mã do công cụ tạo khi lập sổ, ghi vào từng phiếu chấm để nhận ra phiếu của cuộc bình chọn này. "
        "Không sửa ô này."
    ),
    INFO_DECISION_DATE: "Ngày/tháng/năm, ví dụ 15/11/2019.",
}

# --- Thông tin: who issues, keeps the council and signs; the certificate's layout (issue 9) --
INFO_ISSUER = "Cơ quan ban hành quyết định, cấp giấy chứng nhận"
INFO_ISSUER_SUPERIOR = "Cơ quan chủ quản của cơ quan ban hành"
INFO_STANDING_BODY = "Cơ quan thường trực Hội đồng"
INFO_COUNCIL_CHAIR = "Chủ tịch Hội đồng"
INFO_COUNCIL_SECRETARY = "Thư ký Hội đồng"
INFO_CERT_LAYOUT = "Mẫu trình bày giấy chứng nhận"
INFO_ROLE_LABELS = (
    INFO_ISSUER, INFO_ISSUER_SUPERIOR, INFO_STANDING_BODY, INFO_COUNCIL_CHAIR, INFO_COUNCIL_SECRETARY,
    INFO_CERT_LAYOUT,
)
INFO_LABELS = INFO_LABELS + INFO_ROLE_LABELS
INFO_NOTES.update({
    INFO_ISSUER: (
        "Cơ quan ký quyết định công nhận và giấy chứng nhận (Thông tư 26/2014/TT-BCT): cấp tỉnh là Ủy ban "
        "nhân dân tỉnh, cấp khu vực là Cục Công Thương địa phương, cấp quốc gia là Bộ Công Thương, cấp xã là "
        "Ủy ban nhân dân xã. Để trống thì dùng mặc định của cấp."
    ),
    INFO_STANDING_BODY: "Cơ quan thường trực của Hội đồng bình chọn (cấp tỉnh: Sở Công Thương); in trên bảng tổng hợp điểm.",
    INFO_COUNCIL_CHAIR: "Họ và tên Chủ tịch Hội đồng, ký bảng tổng hợp điểm; để trống thì in dòng chấm để ghi tay.",
    INFO_COUNCIL_SECRETARY: "Họ và tên Thư ký Hội đồng, ký bảng tổng hợp điểm; để trống thì in dòng chấm để ghi tay.",
    INFO_CERT_LAYOUT: (
        "«Trang trọng, khổ ngang»: in cả khung và chữ trên giấy trắng (mẫu certificate.docx). «In lên phôi in "
        "sẵn»: chỉ in phần chữ thay đổi lên phôi đã in, vị trí chỉnh trong mẫu certificate_preprinted.docx."
    ),
})

# --- Quy định: label/value rows, then the criteria table ---------------------------------
RULES_HEADER = ("Quy định", "Giá trị", "Ghi chú")
RULE_PRESET = "Bộ quy định"
RULE_PASS_MARK_LEVEL = "Điểm sàn cấp {level}"  # one row per level label of rules.LEVELS
RULE_STAR_BAND = "Điểm tối thiểu {stars} sao"  # OCOP-style presets only
RULE_QUOTA = "Số sản phẩm công nhận tối đa"
RULE_FORWARD = "Số sản phẩm đề xuất cấp trên"
RULE_VALIDITY_YEARS = "Số năm hiệu lực giấy chứng nhận"
RULE_TIE_BREAK = "Thứ tự xét khi bằng điểm"
RULE_SPREAD_ALERT = "Ngưỡng cảnh báo độ lệch"
RULE_OUTLIER_ALERT = "Ngưỡng cảnh báo giám khảo lệch"
CRITERIA_HEADER = ("Mã tiêu chí", "Nội dung tiêu chí", "Điểm tối đa", "Thuộc tiêu chí")

# --- Đăng ký ------------------------------------------------------------------------------
COL_CODE = "Mã sản phẩm"
COL_NAME = "Tên sản phẩm"
COL_GROUP = "Nhóm sản phẩm"
COL_ESTABLISHMENT = "Tên cơ sở"
COL_EST_TYPE = "Loại hình cơ sở"
COL_REPRESENTATIVE = "Người đại diện"
COL_ADDRESS = "Địa chỉ"
COL_COMMUNE = "Xã/phường"
COL_DISTRICT = "Huyện/thị xã/thành phố"
COL_PROVINCE = "Tỉnh"
COL_TAX_CODE = "Mã số ĐKKD/MST"
COL_PHONE = "Điện thoại"
COL_EMAIL = "Email"
COL_FORM = "Phiếu đăng ký"
COL_BUSINESS_REG = "Giấy đăng ký kinh doanh"
COL_DESCRIPTION = "Bản thuyết minh"
COL_PHOTOS = "Số ảnh"
COL_QUALITY_CERT = "Giấy chứng nhận chất lượng"
COL_FOOD_SAFETY = "Giấy chứng nhận ATTP"
COL_NOTE = "Ghi chú"
COL_SOURCE = "Nguồn"  # who sent the row (import); blank for rows typed at the province
REGISTRATION_HEADERS = (
    COL_CODE, COL_NAME, COL_GROUP, COL_ESTABLISHMENT, COL_EST_TYPE, COL_REPRESENTATIVE,
    COL_ADDRESS, COL_COMMUNE, COL_DISTRICT, COL_PROVINCE, COL_TAX_CODE, COL_PHONE, COL_EMAIL,
    COL_FORM, COL_BUSINESS_REG, COL_DESCRIPTION, COL_PHOTOS, COL_QUALITY_CERT, COL_FOOD_SAFETY,
    COL_NOTE,
)
REGISTRATION_TOOL_HEADERS = (COL_SOURCE,)
DOSSIER_YES_NO_COLUMNS = (COL_FORM, COL_BUSINESS_REG, COL_DESCRIPTION, COL_QUALITY_CERT, COL_FOOD_SAFETY)
REGISTRATION_REQUIRED = (
    COL_CODE, COL_NAME, COL_GROUP, COL_ESTABLISHMENT, COL_EST_TYPE, COL_REPRESENTATIVE,
    COL_ADDRESS, COL_PROVINCE,
)

# --- Giám khảo ----------------------------------------------------------------------------
COL_JUDGE_CODE = "Mã giám khảo"
COL_JUDGE_NAME = "Họ và tên"
COL_JUDGE_TITLE = "Chức vụ/Học hàm"
COL_JUDGE_UNIT = "Đơn vị"
COL_JUDGE_CONFLICTS = "Không chấm"
JUDGE_HEADERS = (COL_JUDGE_CODE, COL_JUDGE_NAME, COL_JUDGE_TITLE, COL_JUDGE_UNIT, COL_JUDGE_CONFLICTS)
JUDGE_REQUIRED = (COL_JUDGE_CODE, COL_JUDGE_NAME)

# --- Kiểm tra -----------------------------------------------------------------------------
# The label (finding_codes.py) sits beside the stable code, so a person reads what the code means.
FINDINGS_HEADERS = ("Mức độ", "Mã lỗi", "Tên lỗi", "Sheet", "Ô", "Nội dung")
FINDINGS_SEVERITY, FINDINGS_CODE, FINDINGS_LABEL, FINDINGS_SHEET, FINDINGS_CELL, FINDINGS_MESSAGE = FINDINGS_HEADERS
SEVERITY_LABELS = {"error": "Lỗi", "warning": "Cảnh báo"}

# --- Kết quả ------------------------------------------------------------------------------
RES_RANK = "Hạng"
RES_TOTAL = "Tổng điểm"
RES_JUDGES = "Số giám khảo"
RES_SPREAD = "Độ lệch"
RES_PASSED = "Đạt điểm sàn"
RES_COUNCIL = "Hội đồng đề xuất"
RES_FORWARD = "Đề xuất cấp trên"
RES_CERT_NO = "Số giấy chứng nhận"
RES_VALID_UNTIL = "Hiệu lực đến"
RES_FLAGS = "Cảnh báo"
# Hidden columns remembering what the tool itself pre-filled, so that a person's edit is told
# apart from the tool's own value on the next run.
RES_AUTO_COUNCIL = "Công cụ đã điền: Hội đồng đề xuất"
RES_AUTO_FORWARD = "Công cụ đã điền: Đề xuất cấp trên"
RES_AUTO_CERT_NO = "Công cụ đã điền: Số giấy chứng nhận"
RES_AUTO_VALID_UNTIL = "Công cụ đã điền: Hiệu lực đến"
# Columns a person may edit after the tool pre-filled them, with their hidden memory column.
RES_PREFILLED = {
    RES_COUNCIL: RES_AUTO_COUNCIL,
    RES_FORWARD: RES_AUTO_FORWARD,
    RES_CERT_NO: RES_AUTO_CERT_NO,
    RES_VALID_UNTIL: RES_AUTO_VALID_UNTIL,
}
RES_LEAD_HEADERS = (RES_RANK, COL_CODE, COL_NAME, COL_GROUP, COL_ESTABLISHMENT)
RES_TAIL_HEADERS = (
    RES_TOTAL, RES_JUDGES, RES_SPREAD, RES_PASSED, RES_COUNCIL, RES_FORWARD, RES_CERT_NO,
    RES_VALID_UNTIL, RES_FLAGS,
)
RES_HIDDEN_HEADERS = (RES_AUTO_COUNCIL, RES_AUTO_FORWARD, RES_AUTO_CERT_NO, RES_AUTO_VALID_UNTIL)
RES_PROVISIONAL_MARK = "TẠM TÍNH"

# --- Kết quả: the council's checks, stars, cut-off notes and the judges' totals (issue 9, 7) --
RES_STARS = "Số sao"  # star-band presets only (ocop-2023)
# One hidden column per judge: the judge's total for the product, so that the documents read
# Kết quả alone and never reopen a judge's workbook.
RES_JUDGE_TOTAL = "Điểm của giám khảo {code}"
RES_JUDGE_TOTAL_PREFIX = "Điểm của giám khảo "
RES_JUDGE_CONFLICT = "Không chấm"  # in a judge's hidden column: the judge declared a conflict

# --- Nhật ký ------------------------------------------------------------------------------
LOG_HEADERS = ("Thời gian", "Thao tác", "Đầu vào", "Kết quả")

# --- Judges' scoring workbook ---------------------------------------------------------------
SHEET_SCORING = "Phiếu chấm"
SHEET_SCORING_META = "Định danh"  # very hidden: the contest identity
SCORING_STT = "STT"
SCORING_TOTAL = "Tổng điểm"
SCORING_COMMENT = "Nhận xét"
SCORING_FOOTER_TOTAL = "Tổng cộng"  # the row under the products: each maximum, 100 in all
META_CONTEST_ID = "Mã cuộc bình chọn"
META_YEAR = "Năm"
META_LEVEL = "Cấp bình chọn"
META_PROVINCE = "Tỉnh"
META_JUDGE_CODE = "Mã giám khảo"
META_FINGERPRINT = "Dấu vân tay danh sách sản phẩm"
META_FORMAT = "Phiên bản phiếu"
SHEET_SCORING_SNAPSHOT = "Sản phẩm khi phát phiếu"  # very hidden: names as the sheet showed them
SCORING_FORMAT_VERSION = "1"

# --- Values -------------------------------------------------------------------------------
YES = "Có"
NO = "Không"

# --- Contest folder -----------------------------------------------------------------------
CONTEST_FILE = "binhchon.xlsx"
JUDGES_DIR = "phieu_cham"
DOCUMENTS_DIR = "van_ban"
BACKUP_DIR = "sao_luu"
