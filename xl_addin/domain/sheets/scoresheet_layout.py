"""The layout of a judge's Phiếu chấm sheet: where its rows are, its header block, headers, widths and texts.

The drawing (worksheet XML) is `workbooks/scoring_sheet.py`; the reading is `sheets/scoresheet.py`.
"""

from __future__ import annotations

from typing import Sequence

from .. import rules, schema
from ..models import ContestInfo, Judge
from ..rules import Criterion

HEADER_ROW = 6  # rows 1-5 hold the header block
FIRST_DATA_ROW = HEADER_ROW + 1
LEAD_HEADERS = (schema.SCORING_STT, schema.COL_CODE, schema.COL_NAME, schema.COL_GROUP)
TAIL_HEADERS = (schema.SCORING_TOTAL, schema.SCORING_COMMENT)

COUNCIL = "HỘI ĐỒNG BÌNH CHỌN SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU CẤP {level}"
TITLE = "PHIẾU CHẤM ĐIỂM"
YEAR_LINE = "Năm {year}"
JUDGE_LINE = "Giám khảo: {name}"
INSTRUCTIONS = (
    "Hướng dẫn: nhập điểm vào các ô trắng, từ 0 đến điểm tối đa ghi ở đầu cột (được dùng số thập "
    "phân, ví dụ 8,5); có thể ghi nhận xét ở cột cuối. Tổng điểm tự tính. Sản phẩm tô xám là sản phẩm "
    "Ông/Bà không chấm (xung đột lợi ích). Không đổi tên sheet, không thêm hay xóa dòng, cột; chấm "
    "xong lưu tệp và gửi lại Tổ thư ký."
)
CONFLICT_COMMENT = "Không chấm (xung đột lợi ích)"
SCORE_ERROR_TITLE = "Điểm không hợp lệ"
SCORE_ERROR = "Điểm {code} phải là số từ 0 đến {max}. Hãy nhập lại (được dùng số thập phân, ví dụ 8,5)."
SCORE_PROMPT = "Nhập điểm từ 0 đến {max}."

# The end of the official form (Phụ lục 4, Circular 26/2014): Tổng cộng, place and date, signature.
FOOTER_TOTAL = schema.SCORING_FOOTER_TOTAL
PLACE_DATE = "{place}, ngày …… tháng …… năm {year}"
SIGNER_ROLE = "THÀNH VIÊN BAN GIÁM KHẢO"
SIGN_HINT = "(Ký và ghi rõ họ tên)"
SIGNATURE_SPACE_ROWS = 4

LEAD_WIDTHS = (6, 12, 34, 26)
ITEM_WIDTH = 16
TAIL_WIDTHS = (11, 36)
HEADER_ROW_HEIGHT = 96
DATA_ROW_HEIGHT = 33  # two lines: group names wrap in their column


def council_title(info: ContestInfo) -> str:
    """The council's name for the header block, e.g. '… CẤP TỈNH BẮC GIANG'."""
    title = COUNCIL.format(level=rules.LEVELS.get(info.level, info.level).upper())
    if info.level == "tinh" and info.province:
        return f"{title} {info.province.upper()}"
    if info.level in ("xa", "huyen") and info.province:
        return f"{title} – TỈNH {info.province.upper()}"
    if info.level == "khu-vuc" and info.region:
        return f"{title} {info.region.upper()}"
    return title


def judge_line(judge: Judge) -> str:
    """'Giám khảo: <name> — <title>, <unit>', leaving out the parts that are blank."""
    line = JUDGE_LINE.format(name=judge.name)
    details = ", ".join(p for p in (judge.title, judge.unit) if p)
    return f"{line} — {details}" if details else line


def header_lines(info: ContestInfo, judge: Judge) -> list[str]:
    """The five lines of the header block."""
    return [council_title(info), TITLE, YEAR_LINE.format(year=info.year), judge_line(judge), INSTRUCTIONS]


def footer_lines(info: ContestInfo, judge: Judge) -> list[str]:
    """The signature block under the table: place and date, the role, the hint and the judge's name."""
    place = info.province or info.region or "……"
    return [PLACE_DATE.format(place=place, year=info.year or "……"), SIGNER_ROLE, SIGN_HINT, judge.name]


def scoring_headers(items: Sequence[Criterion]) -> tuple[str, ...]:
    """The header row of the score table."""
    return LEAD_HEADERS + tuple(c.heading for c in items) + TAIL_HEADERS


# The blank form in workbook_templates/: numbered empty rows, dotted blanks for the names and dates.
BLANK_TEMPLATE_ROWS = 20
PLACEHOLDER = "……………………"
