"""The reference: how the openpyxl path (before issue 11, session 4) drew a judge's workbook, for the XML writer."""

from __future__ import annotations

from copy import copy
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from xl_addin.domain import schema
from xl_addin.domain.models import Contest, ContestInfo, Judge, Registration
from xl_addin.domain.rules import Criterion, fmt_points, preset
from xl_addin.domain.sheets import scoresheet_layout as layout
from xl_addin.domain.sheets.scoresheet_identity import meta_rows, snapshot_rows
from xl_addin.domain.sheets.scoresheet_layout import (
    CONFLICT_COMMENT, DATA_ROW_HEIGHT, FIRST_DATA_ROW, FOOTER_TOTAL, HEADER_ROW, HEADER_ROW_HEIGHT, ITEM_WIDTH,
    LEAD_HEADERS, LEAD_WIDTHS, SCORE_ERROR, SCORE_ERROR_TITLE, SCORE_PROMPT, SIGNATURE_SPACE_ROWS, TAIL_WIDTHS,
    scoring_headers,
)
from xl_addin.domain.tables import Rows
from xl_addin.workbooks import styles
from xl_addin.workbooks.cells import safe_value


def write_judge_workbook(path: Path, contest: Contest, judge: Judge, fingerprint: str) -> None:
    """Write the judge's scoring workbook for every product of the contest to path (replacing it)."""
    lines = layout.header_lines(contest.info, judge)
    meta = meta_rows(contest.info, judge.code, fingerprint)
    wb = _scoring_workbook(lines, contest, judge.conflicts, meta, layout.footer_lines(contest.info, judge))
    _very_hidden(wb, schema.SHEET_SCORING_SNAPSHOT, snapshot_rows(contest.registrations))
    wb.properties.title = f"Phiếu chấm điểm – {judge.name} ({judge.code}) – năm {contest.info.year}"
    wb.properties.subject = layout.council_title(contest.info)
    wb.properties.identifier = contest.info.contest_id or None
    wb.save(Path(path))


def build_scoring_template(path: Path) -> None:
    info, dots = ContestInfo(year=0, level="tinh", province=""), layout.PLACEHOLDER
    lines = layout.header_lines(info, Judge(code="", name=dots))
    lines[2] = layout.YEAR_LINE.format(year=dots)
    blanks = tuple(Registration("", "", "", "", "") for _ in range(layout.BLANK_TEMPLATE_ROWS))
    contest = Contest(info=info, rules=preset(), registrations=blanks, judges=())
    meta = [[label, None] for label, _ in meta_rows(info, "", "")]
    footer = layout.footer_lines(ContestInfo(year=0, level="tinh", province=dots), Judge("", dots))
    footer[0] = layout.PLACE_DATE.format(place=dots, year=dots)
    wb = _scoring_workbook(lines, contest, frozenset(), meta, footer)
    wb.properties.title = "Mẫu phiếu chấm điểm"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def _scoring_workbook(lines: list[str], contest: Contest, conflicts: frozenset[str], meta: Rows,
                      footer: list[str]) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = schema.SHEET_SCORING
    caps = {c.code: c.max_points for c in contest.rules.top_criteria}
    build_scoring_sheet(ws, lines, contest.rules.scoring_items, contest.registrations, conflicts, caps,
                                      footer)
    _very_hidden(wb, schema.SHEET_SCORING_META, meta)
    wb.security = WorkbookProtection(lockStructure=True)  # sheets cannot be renamed, moved or unhidden
    wb.calculation.fullCalcOnLoad = True  # totals are computed when the file is first opened
    wb.properties.creator = "binhchon"
    return wb


def _very_hidden(wb: Workbook, name: str, rows: Rows) -> None:
    """A protected sheet Excel's menus cannot unhide, holding the tool's own rows."""
    hidden = wb.create_sheet(name)
    for row in rows:
        hidden.append([safe_value(v) for v in row])
    hidden.sheet_state = "veryHidden"
    hidden.protection.sheet = True


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
