"""A judge's scoring workbook (phieu_cham/<Mã giám khảo>.xlsx): written, read back, filled in tests."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Mapping

from openpyxl import Workbook
from openpyxl.workbook.protection import WorkbookProtection

from ..domain import schema
from ..domain.models import Contest, ContestInfo, Judge, Registration
from ..domain.rules import preset
from ..domain.sheets import scoresheet_layout as layout
from ..domain.sheets.scoresheet_identity import meta_rows, snapshot_rows
from ..domain.tables import Rows, find_table
from ..errors import WorkbookError
from . import scoring_sheet
from .cells import safe_value
from .xlsx_io import open_workbook, read_sheets, rows_of, write_atomically

Score = Decimal | float | int | str


def write_judge_workbook(path: Path, contest: Contest, judge: Judge, fingerprint: str) -> None:
    """Write the judge's scoring workbook for every product of the contest to path (replacing it)."""
    lines = layout.header_lines(contest.info, judge)
    meta = meta_rows(contest.info, judge.code, fingerprint)
    wb = _scoring_workbook(lines, contest, judge.conflicts, meta, layout.footer_lines(contest.info, judge))
    _very_hidden(wb, schema.SHEET_SCORING_SNAPSHOT, snapshot_rows(contest.registrations))
    wb.properties.title = f"Phiếu chấm điểm – {judge.name} ({judge.code}) – năm {contest.info.year}"
    wb.properties.subject = layout.council_title(contest.info)
    wb.properties.identifier = contest.info.contest_id or None
    _save(wb, Path(path))


def build_scoring_template(path: Path) -> None:
    """Write the blank scoring form (default criteria, numbered empty rows) to path."""
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


def read_judge_workbook(path: Path, *, snapshot: bool = False) -> dict[str, Rows]:
    """The rows of the Phiếu chấm and Định danh sheets (and the products' snapshot) the file has, read-only."""
    names = (schema.SHEET_SCORING, schema.SHEET_SCORING_META) + ((schema.SHEET_SCORING_SNAPSHOT,) if snapshot else ())
    return read_sheets(path, names)


def fill_scores(
    path: Path,
    scores: Mapping[str, Mapping[str, Score]],
    comments: Mapping[str, str] | None = None,
) -> None:
    """Type scores (product code -> criterion code -> value) and comments into a judge's workbook."""
    path = Path(path)
    wb = open_workbook(path, data_only=False)
    if schema.SHEET_SCORING not in wb.sheetnames:
        raise WorkbookError(f"Tệp {path.name} không có sheet {schema.SHEET_SCORING}.")
    ws = wb[schema.SHEET_SCORING]
    rows, items, comment_col = _layout(ws, path)
    for code, by_item in scores.items():
        for item, value in by_item.items():
            if item not in items:
                raise WorkbookError(f"Phiếu {path.name} không có cột tiêu chí {item}.")
            ws.cell(row=_row(rows, code, path), column=items[item], value=value)
    for code, text in (comments or {}).items():
        ws.cell(row=_row(rows, code, path), column=comment_col, value=safe_value(text))
    wb.calculation.fullCalcOnLoad = True
    _save(wb, path)


def _scoring_workbook(lines: list[str], contest: Contest, conflicts: frozenset[str], meta: Rows,
                      footer: list[str]) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = schema.SHEET_SCORING
    caps = {c.code: c.max_points for c in contest.rules.top_criteria}
    scoring_sheet.build_scoring_sheet(ws, lines, contest.rules.scoring_items, contest.registrations, conflicts, caps,
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


def _layout(ws, path: Path) -> tuple[dict[str, int], dict[str, int], int]:
    """Product code -> row, criterion code -> column and the comment column (all 1-based)."""
    table = find_table(ws.title, rows_of(ws), schema.COL_CODE)
    needed = (schema.COL_GROUP, schema.SCORING_TOTAL, schema.SCORING_COMMENT)
    if table is None or not all(table.has(h) for h in needed):
        raise WorkbookError(f"Sheet {ws.title} của {path.name} không có hàng tiêu đề của phiếu chấm.")
    header = table.rows[table.header_row]
    first, last = table.column(schema.COL_GROUP) + 1, table.column(schema.SCORING_TOTAL)
    items = {str(header[c]).partition(". ")[0].strip(): c + 1 for c in range(first, last)}
    rows = {rec.text(schema.COL_CODE): rec.row_number for rec in table.records()}
    return rows, items, table.column(schema.SCORING_COMMENT) + 1


def _row(rows: dict[str, int], code: str, path: Path) -> int:
    if code not in rows:
        raise WorkbookError(f"Phiếu {path.name} không có sản phẩm mã {code}.")
    return rows[code]


def _save(wb: Workbook, path: Path) -> None:
    """Save a judge's workbook atomically (no backup: sao_luu/ must not appear inside phieu_cham/)."""
    write_atomically(wb, path)
