"""A judge's scoring workbook (phieu_cham/<Mã giám khảo>.xlsx): written, read back, filled in tests."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Mapping

from ..domain import schema
from ..domain.models import Contest, ContestInfo, Judge, Registration
from ..domain.rules import preset
from ..domain.sheets import scoresheet_layout as layout
from ..domain.sheets.scoresheet_identity import meta_rows, snapshot_rows
from ..domain.tables import Rows, find_table
from ..errors import WorkbookError
from . import judge_parts as parts
from .scoring_sheet import ScoringSheet
from .judge_reading import read_judge_workbook  # noqa: F401 (the reading, kept apart from the writing)
from .xlsx_io import open_workbook, rows_of, write_atomically

Score = Decimal | float | int | str
_PART_ORDER = ("[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
               "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/theme/theme1.xml", "xl/worksheets/sheet1.xml",
               "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml")
_SHEETS = ((schema.SHEET_SCORING, "visible"), (schema.SHEET_SCORING_META, "veryHidden"),
           (schema.SHEET_SCORING_SNAPSHOT, "veryHidden"))


class JudgeFiles:
    """The judges' workbooks of one contest: what every judge's file shares is made (and compressed) once."""

    def __init__(self, contest: Contest):
        self.contest = contest
        caps = {c.code: c.max_points for c in contest.rules.top_criteria}
        self.sheet = ScoringSheet(contest.rules.scoring_items, contest.registrations, caps)
        self._shared = _shared_parts(self.sheet, snapshot_rows(contest.registrations))
        self._deflater = parts.Deflater()

    def package(self, judge: Judge, fingerprint: str) -> bytes:
        """The .xlsx bytes of one judge's workbook."""
        info = self.contest.info
        lines, footer = layout.header_lines(info, judge), layout.footer_lines(info, judge)
        title = f"Phiếu chấm điểm – {judge.name} ({judge.code}) – năm {info.year}"
        own = {
            "docProps/core.xml": [(None, parts.core_xml(title, layout.council_title(info), info.contest_id or None))],
            "xl/worksheets/sheet1.xml": self.sheet.chunks(lines, judge.conflicts, footer),
            "xl/worksheets/sheet2.xml": [(None, parts.hidden_sheet(meta_rows(info, judge.code, fingerprint)))],
        }
        return _zip(self._deflater, self._shared, own)

    def write(self, path: Path, judge: Judge, fingerprint: str) -> None:
        """Write the judge's workbook to path (replacing it) through the atomic writer."""
        _save(self.package(judge, fingerprint), Path(path))


def write_judge_workbook(path: Path, contest: Contest, judge: Judge, fingerprint: str) -> None:
    """Write the judge's scoring workbook for every product of the contest to path (replacing it)."""
    JudgeFiles(contest).write(path, judge, fingerprint)


def build_scoring_template(path: Path) -> None:
    """Write the blank scoring form (default criteria, numbered empty rows) to path."""
    info, dots = ContestInfo(year=0, level="tinh", province=""), layout.PLACEHOLDER
    lines = layout.header_lines(info, Judge(code="", name=dots))
    lines[2] = layout.YEAR_LINE.format(year=dots)
    blanks = tuple(Registration("", "", "", "", "") for _ in range(layout.BLANK_TEMPLATE_ROWS))
    rules = preset()
    sheet = ScoringSheet(rules.scoring_items, blanks, {c.code: c.max_points for c in rules.top_criteria})
    footer = layout.footer_lines(ContestInfo(year=0, level="tinh", province=dots), Judge("", dots))
    footer[0] = layout.PLACE_DATE.format(place=dots, year=dots)
    own = {"docProps/core.xml": [(None, parts.core_xml("Mẫu phiếu chấm điểm"))],
           "xl/worksheets/sheet1.xml": sheet.chunks(lines, frozenset(), footer),
           "xl/worksheets/sheet2.xml": [(None, parts.hidden_sheet([[label, None] for label, _ in
                                                                    meta_rows(info, "", "")]))]}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_zip(parts.Deflater(), _shared_parts(sheet, None), own))


def _shared_parts(sheet: ScoringSheet, snapshot: Rows | None) -> dict[str, bytes]:
    """The parts every judge's file of a contest has alike (the snapshot sheet None: a form without one)."""
    sheets = _SHEETS if snapshot is not None else _SHEETS[:2]
    shared = {"[Content_Types].xml": parts.content_types(len(sheets)), "_rels/.rels": parts.package_rels(),
              "docProps/app.xml": parts.app_xml(), "xl/workbook.xml": parts.workbook_xml(sheets, sheet.print_names()),
              "xl/_rels/workbook.xml.rels": parts.workbook_rels(len(sheets)), "xl/styles.xml": parts.styles_xml(),
              "xl/theme/theme1.xml": parts.theme_xml()}
    if snapshot is not None:
        shared["xl/worksheets/sheet3.xml"] = parts.hidden_sheet(snapshot)
    return shared


def _zip(deflater: parts.Deflater, shared: dict[str, bytes], own: dict[str, list[tuple[object, bytes]]]) -> bytes:
    """The package: the shared parts (compressed once per deflater) and the judge's own, in a fixed order."""
    entries = [deflater.part(name, own[name] if name in own else [(name, shared[name])])
               for name in _PART_ORDER if name in own or name in shared]
    return parts.zip_package(entries)


def fill_scores(
    path: Path,
    scores: Mapping[str, Mapping[str, Score]],
    comments: Mapping[str, str] | None = None,
) -> None:
    """Type scores (product code -> criterion code -> value) and comments into a judge's workbook."""
    from .cells import safe_value  # openpyxl: the judges' typing (tests, bench), not the tool's writing

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


def _save(wb, path: Path) -> None:
    """Save a judge's workbook atomically (no backup: sao_luu/ must not appear inside phieu_cham/)."""
    write_atomically(wb, path)
