"""The catalogue of finding codes: one entry per stable code, with its severity and Vietnamese label.

Every code the tool can put in a finding (a problem in the data, or a failure shown to `--json`
callers) is listed here once; the terminal and the Kiểm tra sheet show the label beside the code,
and a test checks that every code emitted anywhere in `xl_addin/` is here and in the README.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import messages as msg
from . import register_messages as reg_msg
from . import score_messages as score_msg
from .findings import ERROR, WARNING, Severity


@dataclass(frozen=True)
class FindingCode:
    """One stable code: the severities it comes with, its short Vietnamese label, its message template."""

    code: str
    severities: tuple[Severity, ...]
    label: str
    template: str | None = None  # the main str.format template of its message, where there is one


def _entry(code: str, severities: tuple[Severity, ...], label: str, template: str | None = None) -> FindingCode:
    return FindingCode(code, severities, label, template)


_E, _W, _EW = (ERROR,), (WARNING,), (ERROR, WARNING)

CODES: tuple[FindingCode, ...] = (
    # --- The contest workbook's structure and cells (validate) ---
    _entry("missing-sheet", _E, "Thiếu sheet", msg.MISSING_SHEET),
    _entry("missing-column", _E, "Thiếu cột", msg.MISSING_COLUMN),
    _entry("missing-value", _E, "Chưa nhập", msg.MISSING_VALUE),
    _entry("invalid-number", _EW, "Số không hợp lệ", msg.NOT_A_NUMBER),
    _entry("invalid-choice", _E, "Giá trị không có trong danh sách", msg.INVALID_CHOICE),
    _entry("invalid-tax-code", _E, "Mã số ĐKKD/MST sai", msg.INVALID_TAX_CODE),
    _entry("invalid-phone", _E, "Số điện thoại sai", msg.INVALID_PHONE),
    _entry("invalid-email", _E, "Email sai", msg.INVALID_EMAIL),
    _entry("duplicate-code", _E, "Trùng mã", msg.DUPLICATE_CODE),
    _entry("duplicate-product", _E, "Trùng sản phẩm", msg.DUPLICATE_PRODUCT),
    _entry("incomplete-dossier", _W, "Hồ sơ chưa đủ", msg.DOSSIER_MISSING),
    _entry("duplicate-judge", _E, "Trùng giám khảo", msg.DUPLICATE_JUDGE),
    _entry("few-judges", _W, "Ít giám khảo", msg.FEW_JUDGES),
    _entry("ambiguous-number", _E, "Số có hai cách đọc"),
    _entry("uncomputed-formula", _E, "Công thức chưa có giá trị"),
    _entry("too-many-findings", _EW, "Quá nhiều lỗi"),
    _entry("file-name-reserved", _E, "Tên tệp bị Windows cấm"),
    _entry("file-name-too-long", _E, "Tên tệp quá dài"),
    _entry("file-name-trailing-dot", _E, "Tên tệp kết thúc sai"),
    _entry("file-name-collision", _E, "Hai mã cùng một tên tệp"),
    # --- The judges' sheets (results) ---
    _entry("score-out-of-range", _E, "Điểm ngoài khung", score_msg.SCORE_OUT_OF_RANGE),
    _entry("missing-score", _E, "Thiếu điểm", score_msg.MISSING_SCORE),
    _entry("unexpected-score", _E, "Điểm không được chấm", score_msg.CONFLICT_SCORE),
    _entry("wrong-contest", _E, "Phiếu của cuộc khác", score_msg.META_MISMATCH),
    _entry("stale-product-list", _E, "Danh sách sản phẩm đã đổi", score_msg.STALE_FINGERPRINT),
    # --- The computation (results) ---
    _entry("judge-spread", _W, "Điểm chênh lệch lớn", score_msg.SPREAD_WARNING),
    _entry("outlier-judge", _W, "Giám khảo chấm lệch", score_msg.OUTLIER_WARNING),
    _entry("pass-depends-on-judge", _W, "Phụ thuộc một giám khảo", score_msg.DEPENDS_WARNING),
    _entry("quota-tie", _W, "Bằng điểm tại ngưỡng", score_msg.QUOTA_TIE_WARNING),
    _entry("product-renamed", _W, "Tên đã sửa sau khi phát phiếu", score_msg.PRODUCT_RENAMED),
    # --- The council's decision in Kết quả (documents) ---
    _entry("recognised-below-pass-mark", _E, "Công nhận dưới điểm sàn", score_msg.BELOW_PASS_MARK),
    _entry("over-quota", _W, "Vượt số lượng công nhận", score_msg.OVER_QUOTA),
    # --- Importing from lower levels ---
    _entry("nothing-proposed", _W, "Không có sản phẩm đề xuất"),
    # --- The register (register add / register import) ---
    _entry("contest-not-finished", _E, "Cuộc bình chọn chưa xong"),
    _entry("rounded-points", _W, "Điểm đã làm tròn khi lưu", reg_msg.ROUNDED_POINTS),
    _entry("unknown-product", _E, "Không tìm thấy sản phẩm"),
    _entry("duplicate-row", _E, "Dòng lặp lại"),
    _entry("product-name-differs", _W, "Tên sản phẩm khác trong sổ"),
    _entry("unknown-establishment", _E, "Không tìm thấy cơ sở", reg_msg.UNKNOWN_ESTABLISHMENT),
    _entry("same-establishment", _E, "Hai mã cơ sở giống nhau", reg_msg.SAME_ESTABLISHMENT_TWICE),
    _entry("different-tax-codes", _E, "Hai mã số ĐKKD/MST khác nhau", reg_msg.DIFFERENT_TAX_CODES),
    # --- The summary report (report) ---
    _entry("report-no-contest", _E, "Không có cuộc bình chọn trong kỳ"),
    _entry("report-bad-period", _E, "Kỳ báo cáo không hợp lệ"),
    _entry("report-no-register", _E, "Chưa có sổ theo dõi"),
    # --- Failures: the workbook or the step cannot be used (see errors.py, each class names its code) ---
    _entry("unreadable-file", _E, "Không đọc được tệp"),
    _entry("workbook-locked", _E, "Sổ đang bị khóa"),
    _entry("blocked", _E, "Chưa làm được bước này"),
    _entry("template-problem", _E, "Mẫu văn bản có lỗi"),
    _entry("excel-unavailable", _E, "Cần Excel"),
    _entry("save-failed", _E, "Không ghi được tệp"),
    _entry("not-done", _E, "Không thực hiện được"),
)

CATALOGUE: dict[str, FindingCode] = {c.code: c for c in CODES}


def label(code: str) -> str:
    """The Vietnamese label of a code; the code itself when it is not catalogued."""
    entry = CATALOGUE.get(code)
    return entry.label if entry else code
