"""Layout of a judge's Phiếu chấm sheet: header block, score table, validations, protection, print."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Mapping, Sequence

from copy import copy

from openpyxl.styles import Protection
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..domain import rules, schema
from ..domain.models import ContestInfo, Judge, Registration
from ..domain.rules import Criterion, fmt_points
from . import styles
from .cells import safe_value

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


def build_scoring_sheet(
    ws: Worksheet,
    lines: Sequence[str],
    items: Sequence[Criterion],
    registrations: Iterable[Registration],
    conflicts: frozenset[str] = frozenset(),
    caps: Mapping[str, Decimal] | None = None,
    footer: Sequence[str] = (),
) -> None:
    """Lay out the whole Phiếu chấm sheet: header block, one row per product, Tổng cộng, signature, checks."""
    headers = scoring_headers(items)
    _header_block(ws, lines, len(headers))
    for col, header in enumerate(headers, start=1):
        ws.cell(row=HEADER_ROW, column=col, value=header)
    styles.style_header_row(ws, HEADER_ROW, len(headers))
    ws.row_dimensions[HEADER_ROW].height = HEADER_ROW_HEIGHT
    products = sorted(registrations, key=lambda r: r.code)
    row_styles: dict[bool, list[StyleArray]] = {}
    total = total_formula(items, caps or {})
    for number, reg in enumerate(products, start=1):
        row = FIRST_DATA_ROW + number - 1
        _product_row(ws, row, number, reg, len(items), reg.code in conflicts, row_styles, total.format(r=row))
    last_row = FIRST_DATA_ROW + max(len(products), 1) - 1
    _total_row(ws, last_row + 1, items, caps or {})
    if footer:
        _signature(ws, last_row + 3, footer, len(headers))
    _score_validations(ws, items, last_row)
    _widths(ws, len(items))
    _protect_and_print(ws, len(headers))


def _header_block(ws: Worksheet, lines: Sequence[str], width: int) -> None:
    last = get_column_letter(width)
    sizes = (13, 16, 12, 12, 11)
    for row, (line, size) in enumerate(zip(lines, sizes), start=1):
        cell = ws.cell(row=row, column=1, value=safe_value(line))
        ws.merge_cells(f"A{row}:{last}{row}")
        italic = row == len(lines)
        cell.font = styles.body_font(bold=row <= 2, italic=italic, size=size)
        cell.alignment = styles.wrap_alignment("left" if italic else "center")
    ws.row_dimensions[len(lines)].height = 48


def _total_row(ws: Worksheet, row: int, items: Sequence[Criterion], caps: Mapping[str, Decimal]) -> None:
    """Tổng cộng: each column's maximum and the 100 points of the whole (locked, nothing to type)."""
    first_item = len(LEAD_HEADERS) + 1
    ws.cell(row=row, column=1, value=FOOTER_TOTAL)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(LEAD_HEADERS))
    top = sum(caps.values(), Decimal(0)) if caps else sum((i.max_points for i in items), Decimal(0))
    values = [fmt_points(i.max_points) for i in items] + [fmt_points(top), None]
    for offset, value in enumerate(values):
        ws.cell(row=row, column=first_item + offset, value=float(value) if value else None)
    for col in range(1, first_item + len(values)):
        cell = ws.cell(row=row, column=col)
        cell.border = styles.thin_border()
        cell.font = styles.body_font(bold=True)
        cell.alignment = styles.wrap_alignment("center")
    ws.row_dimensions[row].height = 20


def _signature(ws: Worksheet, row: int, lines: Sequence[str], width: int) -> None:
    """The signature block on the right half of the page, as official forms put it."""
    first = max(width // 2, 1) + 1
    rows = [row, row + 1, row + 2, row + 3 + SIGNATURE_SPACE_ROWS]
    fonts = [dict(italic=True), dict(bold=True), dict(italic=True), dict(bold=True)]
    for r, line, font in zip(rows, lines, fonts):
        cell = ws.cell(row=r, column=first, value=safe_value(line))
        ws.merge_cells(start_row=r, start_column=first, end_row=r, end_column=width)
        cell.font = styles.body_font(**font)
        cell.alignment = styles.wrap_alignment("center")


def total_formula(items: Sequence[Criterion], caps: Mapping[str, Decimal]) -> str:
    """The Tổng điểm formula with {r} for the row: a plain SUM, or each criterion's sub-items capped."""
    first = len(LEAD_HEADERS) + 1
    span = f"{get_column_letter(first)}{{r}}:{get_column_letter(first + len(items) - 1)}{{r}}"
    if not any(item.parent for item in items):
        return f'=IF(COUNT({span})=0,"",SUM({span}))'
    terms, i = [], 0
    while i < len(items):
        j = i + 1
        while items[i].parent and j < len(items) and items[j].parent == items[i].parent:
            j += 1
        a, b = get_column_letter(first + i), get_column_letter(first + j - 1)
        cap = caps.get(items[i].parent) if items[i].parent else None
        terms.append(f"MIN(SUM({a}{{r}}:{b}{{r}}),{fmt_points(cap)})" if cap is not None else f"SUM({a}{{r}}:{b}{{r}})")
        i = j
    return f'=IF(COUNT({span})=0,"",SUM({",".join(terms)}))'


def _product_row(ws: Worksheet, row: int, number: int, reg: Registration, n_items: int, conflicted: bool,
                 row_styles: dict[bool, list[StyleArray]], formula: str) -> None:
    first_item = len(LEAD_HEADERS) + 1
    total_col = first_item + n_items
    values = [number, reg.code, reg.name, reg.group]
    for col, value in enumerate(values, start=1):
        ws.cell(row=row, column=col, value=safe_value(value))
    ws.cell(row=row, column=total_col, value=formula)
    comment = ws.cell(row=row, column=total_col + 1, value=CONFLICT_COMMENT if conflicted else None)
    ws.row_dimensions[row].height = DATA_ROW_HEIGHT
    if conflicted in row_styles:
        # Copying a styled row's style array skips openpyxl's per-cell style hashing (10x faster).
        for col, style in enumerate(row_styles[conflicted], start=1):
            ws.cell(row=row, column=col)._style = copy(style)
        return
    _style_row(ws, row, first_item, total_col, conflicted, comment)
    row_styles[conflicted] = [copy(ws.cell(row=row, column=c)._style) for c in range(1, total_col + 2)]


def _style_row(ws: Worksheet, row: int, first_item: int, total_col: int, conflicted: bool, comment) -> None:
    for col in range(1, total_col + 2):
        cell = ws.cell(row=row, column=col)
        cell.border = styles.thin_border()
        cell.alignment = styles.wrap_alignment("center" if col in (1, total_col) else None)
        color = styles.CONFLICT_TEXT_RGB if conflicted else None
        cell.font = styles.body_font(bold=col == total_col, italic=conflicted, color=color)
        if conflicted:
            cell.fill = styles.conflict_fill()
    if not conflicted:
        for col in range(first_item, total_col):
            ws.cell(row=row, column=col).protection = Protection(locked=False)
        comment.protection = Protection(locked=False)


def _score_validations(ws: Worksheet, items: Sequence[Criterion], last_row: int) -> None:
    for offset, item in enumerate(items):
        letter = get_column_letter(len(LEAD_HEADERS) + 1 + offset)
        top = fmt_points(item.max_points)
        dv = DataValidation(
            type="decimal", operator="between", formula1="0", formula2=top, allow_blank=True,
            showErrorMessage=True, errorStyle="stop", errorTitle=SCORE_ERROR_TITLE,
            error=SCORE_ERROR.format(code=item.code, max=top),
            showInputMessage=True, promptTitle=item.code[:32], prompt=SCORE_PROMPT.format(max=top),
        )
        dv.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}")
        ws.add_data_validation(dv)


def _widths(ws: Worksheet, n_items: int) -> None:
    widths = LEAD_WIDTHS + (ITEM_WIDTH,) * n_items + TAIL_WIDTHS
    styles.set_widths(ws, dict(enumerate(widths, start=1)))


def _protect_and_print(ws: Worksheet, width: int) -> None:
    # No password: staff may need to unprotect; the tool re-checks every value it reads anyway.
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # False = allowed: judges may widen columns
    ws.protection.formatRows = False
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{get_column_letter(width)}{max(ws.max_row, FIRST_DATA_ROW)}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "Trang &P/&N"
