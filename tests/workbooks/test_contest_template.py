"""The committed contest template matches the workbook contract of SPEC §3 and the builder's output."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter, range_boundaries

from xl_addin.domain import rules, schema
from xl_addin.errors import WorkbookError
from xl_addin.workbooks import paths
from xl_addin.workbooks.contest_template import build_contest_template, create_contest_workbook

REPO = Path(__file__).resolve().parents[2]
COMMITTED = REPO / "workbook_templates" / "binhchon.xlsx"
REG_HEADERS = schema.REGISTRATION_HEADERS + schema.REGISTRATION_TOOL_HEADERS
TABLE_SHEETS = {
    schema.SHEET_REGISTRATIONS: REG_HEADERS,
    schema.SHEET_JUDGES: schema.JUDGE_HEADERS,
    schema.SHEET_FINDINGS: schema.FINDINGS_HEADERS,
    schema.SHEET_LOG: schema.LOG_HEADERS,
}


@pytest.fixture(scope="module")
def wb():
    return openpyxl.load_workbook(COMMITTED)


def header_row(ws, row: int = 1) -> tuple:
    values = next(ws.iter_rows(min_row=row, max_row=row, values_only=True))
    while values and values[-1] is None:
        values = values[:-1]
    return values


def validations_by_column(ws) -> dict[str, list[tuple]]:
    """Header text -> (type, operator, formula1, first row, last row) of each validation over it."""
    headers = header_row(ws)
    found: dict[str, list[tuple]] = {}
    for dv in ws.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            min_col, min_row, max_col, max_row = range_boundaries(cell_range.coord)
            for col in range(min_col, max_col + 1):
                found.setdefault(headers[col - 1], []).append(
                    (dv.type, dv.operator, dv.formula1, min_row, max_row)
                )
    return found


def list_values(wb, name: str) -> list[str]:
    (sheet, ref), = wb.defined_names[name].destinations
    return [row[0].value for row in wb[sheet][ref.replace("$", "")]]


def signature(path: Path) -> dict:
    """What must stay in step between the builder and the committed file."""
    book = openpyxl.load_workbook(path)
    sig = {"sheets": [(ws.title, ws.sheet_state) for ws in book]}
    sig["names"] = {name: dn.attr_text for name, dn in book.defined_names.items()}
    for ws in book:
        sig[ws.title] = (
            [list(r) for r in ws.iter_rows(values_only=True)],
            ws.freeze_panes,
            ws.auto_filter.ref,
            sorted((dv.type, dv.formula1, str(dv.sqref)) for dv in ws.data_validations.dataValidation),
        )
    return sig


def test_sheets_in_order_with_hidden_lists(wb):
    assert wb.sheetnames == [*schema.CONTEST_SHEETS, schema.SHEET_LISTS]
    assert wb[schema.SHEET_LISTS].sheet_state == "hidden"
    assert all(wb[name].sheet_state == "visible" for name in schema.CONTEST_SHEETS)


@pytest.mark.parametrize("sheet", list(TABLE_SHEETS))
def test_table_headers_frozen_and_filtered(wb, sheet):
    ws = wb[sheet]
    assert header_row(ws) == TABLE_SHEETS[sheet]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:")
    assert all(ws.cell(row=1, column=c).font.b for c in range(1, len(TABLE_SHEETS[sheet]) + 1))


def test_info_and_rules_sheets(wb):
    info = wb[schema.SHEET_INFO]
    assert header_row(info) == schema.INFO_HEADER
    assert [r[0] for r in info.iter_rows(min_row=2, values_only=True)] == list(schema.INFO_LABELS)
    assert all(r[1] is None for r in info.iter_rows(min_row=2, values_only=True))
    assert header_row(wb[schema.SHEET_RULES]) == schema.RULES_HEADER
    assert wb[schema.SHEET_RULES].max_row == 1
    assert wb[schema.SHEET_RESULTS]["A1"].value


def test_info_dropdowns_on_level_and_region_rows(wb):
    info = wb[schema.SHEET_INFO]
    rows = {info.cell(row=r, column=1).value: r for r in range(1, info.max_row + 1)}
    got = {str(dv.sqref): dv.formula1 for dv in info.data_validations.dataValidation}
    assert got == {
        f"B{rows[schema.INFO_LEVEL]}": "DS_CapBinhChon",
        f"B{rows[schema.INFO_REGION]}": "DS_KhuVuc",
        f"B{rows[schema.INFO_CERT_LAYOUT]}": "DS_MauGiayChungNhan",  # issue 9: the certificate layout
    }
    assert list_values(wb, "DS_MauGiayChungNhan") == ["Trang trọng, khổ ngang", "In lên phôi in sẵn"]


def test_dropdown_sources_are_named_ranges_on_the_lists_sheet(wb):
    assert list_values(wb, "DS_NhomSanPham") == list(rules.GROUPS)
    assert list_values(wb, "DS_LoaiHinhCoSo") == list(rules.ESTABLISHMENT_TYPES)
    assert list_values(wb, "DS_CoKhong") == [schema.YES, schema.NO]
    assert list_values(wb, "DS_CapBinhChon") == list(rules.LEVELS.values())
    assert list_values(wb, "DS_KhuVuc") == list(rules.REGIONS)


def test_registration_validations(wb):
    found = validations_by_column(wb[schema.SHEET_REGISTRATIONS])
    assert found[schema.COL_GROUP] == [("list", None, "DS_NhomSanPham", 2, 5000)]
    assert found[schema.COL_EST_TYPE] == [("list", None, "DS_LoaiHinhCoSo", 2, 5000)]
    for header in schema.DOSSIER_YES_NO_COLUMNS:
        assert found[header] == [("list", None, "DS_CoKhong", 2, 5000)]
    assert found[schema.COL_PHOTOS] == [("whole", "greaterThanOrEqual", "0", 2, 5000)]
    assert set(found) == {schema.COL_GROUP, schema.COL_EST_TYPE, schema.COL_PHOTOS, *schema.DOSSIER_YES_NO_COLUMNS}


@pytest.mark.parametrize("header", [schema.COL_TAX_CODE, schema.COL_PHONE])
def test_number_like_columns_are_text(wb, header):
    ws = wb[schema.SHEET_REGISTRATIONS]
    letter = get_column_letter(REG_HEADERS.index(header) + 1)
    assert ws.column_dimensions[letter].number_format == "@"


def test_fresh_build_matches_committed_template(tmp_path):
    fresh = tmp_path / "binhchon.xlsx"
    build_contest_template(fresh)
    assert signature(fresh) == signature(COMMITTED)


def test_create_contest_workbook_writes_rows_and_moves_dropdowns(tmp_path):
    target = tmp_path / "contest" / "binhchon.xlsx"
    info = [list(schema.INFO_HEADER), [schema.INFO_YEAR, 2019], [schema.INFO_REGION, None],
            [schema.INFO_PROVINCE, "Bắc Giang"], [schema.INFO_LEVEL, "Tỉnh"], [schema.INFO_ORGANISER, "=SUM(1)"]]
    rules_rows = [list(schema.RULES_HEADER), ["Điểm sàn cấp Tỉnh", 70, None], [],
                  list(schema.CRITERIA_HEADER), ["TC1", "Đáp ứng thị trường", 40, None]]
    create_contest_workbook(target, info, rules_rows)
    book = openpyxl.load_workbook(target)
    ws = book[schema.SHEET_INFO]
    assert [list(r) for r in ws.iter_rows(values_only=True)] == info
    assert ws["B6"].data_type == "s"  # the organiser's "=SUM(1)" stays text
    assert ws["A2"].font.b and not ws["B2"].font.b
    got = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert got == {"B5": "DS_CapBinhChon", "B3": "DS_KhuVuc"}
    written = [list(r) for r in book[schema.SHEET_RULES].iter_rows(values_only=True)]
    assert written[0] == list(schema.RULES_HEADER) + [None]
    assert written[3] == list(schema.CRITERIA_HEADER)
    assert written[4] == ["TC1", "Đáp ứng thị trường", 40, None]
    assert book.sheetnames == [*schema.CONTEST_SHEETS, schema.SHEET_LISTS]


def test_create_contest_workbook_refuses_existing_file(tmp_path):
    target = tmp_path / "binhchon.xlsx"
    target.write_bytes(b"keep me")
    with pytest.raises(WorkbookError):
        create_contest_workbook(target, [], [])
    assert target.read_bytes() == b"keep me"


def test_template_path_prefers_repo_then_builds_on_the_fly(tmp_path, monkeypatch):
    assert paths.template_path(paths.CONTEST_TEMPLATE) == COMMITTED
    monkeypatch.setattr(paths, "template_dirs", lambda: (tmp_path / "nowhere",))
    monkeypatch.setattr(paths, "_built", {})
    built = paths.template_path(paths.SCORING_TEMPLATE)
    assert built.is_file() and built != REPO / "workbook_templates" / paths.SCORING_TEMPLATE
    assert openpyxl.load_workbook(built).sheetnames[0] == schema.SHEET_SCORING
    with pytest.raises(WorkbookError):
        paths.template_path("khac.xlsx")
