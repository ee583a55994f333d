"""The register's contract with staff: file names, the template's sheets and headers, the export's views."""

from __future__ import annotations

from . import schema

# --- Files ------------------------------------------------------------------------------------
REGISTER_FILE = "so_theo_doi.sqlite"
REGISTER_ENV = "BINHCHON_REGISTER"
TEMPLATE_FILE = "mau_so_theo_doi.xlsx"
LETTERS_DIR = "thu_moi"
LETTERS_MERGED = "thu_moi_tat_ca.docx"

# --- The workbook staff fill (register template / import) -------------------------------------
SHEET_UPPER = "Kết quả cấp trên"
SHEET_ACTIVITIES = "Hoạt động"
SHEET_REFERENCE = "Cơ sở CNNT"
SHEET_LISTS = "Danh mục"  # hidden: the sources of the dropdowns

COL_YEAR = "Năm"
COL_LEVEL = "Cấp"
COL_RESULT = "Kết quả"
COL_DECISION_NO = "Số quyết định"
COL_DECISION_DATE = "Ngày quyết định"
COL_CERT_NO = "Số giấy chứng nhận"
UPPER_HEADERS = (
    COL_YEAR, COL_LEVEL, schema.COL_CODE, schema.COL_NAME, schema.COL_ESTABLISHMENT, schema.COL_TAX_CODE,
    COL_RESULT, COL_DECISION_NO, COL_DECISION_DATE, COL_CERT_NO,
)
UPPER_REQUIRED = (COL_YEAR, COL_LEVEL, COL_RESULT)

COL_ACTIVITY_KIND = "Loại hoạt động"
COL_QUANTITY = "Số lượng"
COL_CONTENT = "Nội dung"
ACTIVITY_HEADERS = (COL_YEAR, COL_ACTIVITY_KIND, COL_QUANTITY, COL_CONTENT, schema.COL_NOTE)
ACTIVITY_REQUIRED = (COL_YEAR, COL_ACTIVITY_KIND, COL_QUANTITY)

COL_ESTABLISHMENTS = "Số cơ sở CNNT"
REFERENCE_HEADERS = (COL_YEAR, schema.COL_DISTRICT, schema.COL_COMMUNE, COL_ESTABLISHMENTS)
REFERENCE_REQUIRED = (COL_YEAR, COL_ESTABLISHMENTS)

IMPORT_SHEETS = {SHEET_UPPER: UPPER_HEADERS, SHEET_ACTIVITIES: ACTIVITY_HEADERS, SHEET_REFERENCE: REFERENCE_HEADERS}

# The levels an outcome row may name (Cấp), by label; the key is the one of rules.LEVELS.
UPPER_LEVELS = {"Khu vực": "khu-vuc", "Quốc gia": "quoc-gia"}

ACTIVITY_KINDS = (
    "Đề án khuyến công",
    "Hội chợ, triển lãm",
    "Lượt cơ sở tham gia hội chợ",
    "Bản tin khuyến công",
    "Catalog giới thiệu sản phẩm",
    "Chương trình truyền hình, tin bài",
    "Nhà trưng bày sản phẩm",
    "Hội nghị, tập huấn",
)

# --- Certificate status (show, export) ---------------------------------------------------------
STATUS_VALID = "Còn hiệu lực"
STATUS_EXPIRING = "Sắp hết hiệu lực"  # ends this year
STATUS_EXPIRED = "Hết hiệu lực"
STATUS_RENEWED = "Đã được công nhận lại"
STATUS_NONE = "Chưa có thời hạn"

# --- The export (register export FILE.xlsx): one table per view ------------------------------
VIEW_ESTABLISHMENTS = "Cơ sở"
VIEW_PRODUCTS = "Sản phẩm"
VIEW_REGISTRATIONS = "Đăng ký"
VIEW_RECOGNITIONS = "Công nhận"
VIEW_ACTIVITIES = "Hoạt động"
VIEW_DUPLICATES = "Nghi trùng"

ESTABLISHMENT_VIEW_HEADERS = (
    "Mã cơ sở", schema.COL_ESTABLISHMENT, schema.COL_TAX_CODE, schema.COL_EST_TYPE, schema.COL_COMMUNE,
    schema.COL_DISTRICT, schema.COL_PROVINCE, "Số sản phẩm", "Số lần đăng ký", "Năm đầu", "Năm gần nhất",
)
PRODUCT_VIEW_HEADERS = (
    "Mã sản phẩm (sổ)", schema.COL_NAME, schema.COL_GROUP, "Bộ sản phẩm", "Mã cơ sở", schema.COL_ESTABLISHMENT,
    "Số lần đăng ký", "Cấp cao nhất được công nhận",
)
REGISTRATION_VIEW_HEADERS = (
    COL_YEAR, "Cấp bình chọn", "Địa bàn", schema.COL_CODE, schema.COL_NAME, schema.COL_GROUP,
    schema.COL_ESTABLISHMENT, schema.COL_TAX_CODE, schema.COL_ADDRESS, schema.COL_COMMUNE, schema.COL_DISTRICT,
    schema.COL_PROVINCE, schema.RES_RANK, schema.RES_TOTAL, schema.RES_PASSED, schema.RES_COUNCIL,
    schema.RES_FORWARD, "Hồ sơ còn thiếu",
)
RECOGNITION_VIEW_HEADERS = (
    COL_YEAR, COL_LEVEL, schema.COL_CODE, schema.COL_NAME, schema.COL_GROUP, schema.COL_ESTABLISHMENT,
    schema.COL_TAX_CODE, COL_DECISION_NO, COL_DECISION_DATE, COL_CERT_NO, "Ngày cấp", schema.RES_VALID_UNTIL,
    "Tình trạng",
)
ACTIVITY_VIEW_HEADERS = ACTIVITY_HEADERS
COL_FIRST_ID = "Mã cơ sở 1"
COL_SECOND_ID = "Mã cơ sở 2"
COL_SAME = "Cùng một cơ sở? (Có/Không)"  # staff's decision, read back by register import
DUPLICATE_VIEW_HEADERS = (
    COL_FIRST_ID, "Tên cơ sở 1", "Mã số 1", COL_SECOND_ID, "Tên cơ sở 2", "Mã số 2", schema.COL_COMMUNE,
    "Độ giống (%)", COL_SAME,
)
DECISION_HEADERS = (COL_FIRST_ID, COL_SECOND_ID, COL_SAME)
IMPORT_SHEETS[VIEW_DUPLICATES] = DECISION_HEADERS  # the export's sheet, read back with staff's decisions

# Names this similar (rapidfuzz token-set ratio on folded names, 0–100) in one commune are listed.
DUPLICATE_THRESHOLD = 85

# --- Dossier documents a registration may lack (kept from validation's incomplete-dossier) -----
# Đăng ký column -> the label the register keeps and the report counts, in the dossier's order.
DOSSIER_DOCUMENTS = {
    schema.COL_FORM: "Phiếu đăng ký",
    schema.COL_BUSINESS_REG: "Bản sao giấy đăng ký kinh doanh",
    schema.COL_DESCRIPTION: "Bản thuyết minh sản phẩm",
    schema.COL_PHOTOS: "Ảnh màu sản phẩm (ít nhất 3 ảnh)",
    schema.COL_FOOD_SAFETY: "Giấy chứng nhận an toàn thực phẩm",
}
NATIONAL_AREA = "Toàn quốc"
