"""Headers as people leave them: retyped, wrapped, merged over one or two rows, moved. Each layout
must give the findings of the plain layout at the shifted cells, colour them, and keep the sheet."""

from __future__ import annotations

import json

import openpyxl
from openpyxl.utils import get_column_letter

from xl_addin.domain import schema
from xl_addin.domain.checks import position
from xl_addin.ports import Mark
from xl_addin.workbooks import styles
from xl_addin.workbooks.contest_book import FileContestBook

from .bad_files import edit
from .conftest import hashes

REG = schema.SHEET_REGISTRATIONS
DOSSIER = (schema.COL_FORM, schema.COL_BUSINESS_REG, schema.COL_DESCRIPTION, schema.COL_PHOTOS,
           schema.COL_QUALITY_CERT, schema.COL_FOOD_SAFETY)


def findings(cli, folder) -> list[tuple[str, str, str]]:
    run = cli("validate", folder, "--json")
    assert run.code in (0, 1), run
    return sorted((f["code"], f["sheet"], f["cell"]) for f in json.loads(run.out))


def shifted(found, sheet: str, rows: int = 0, cols: int = 0):
    out = []
    for code, s, cell in found:
        if s == sheet and cell:
            r, c = position(cell)
            cell = f"{get_column_letter(c + cols)}{r + rows}"
        out.append((code, s, cell))
    return sorted(out)


def two_row_header(wb) -> None:
    """The secretariats' layout: a "Hồ sơ" group label over the dossier columns, the other headers
    merged down over both rows."""
    ws = wb[REG]
    ws.insert_rows(1)
    group = []
    for col in range(1, ws.max_column + 1):
        header = ws.cell(2, col).value
        if header is None:
            continue
        if header in DOSSIER:
            group.append(col)
            continue
        ws.cell(1, col, header)
        ws.cell(2, col).value = None
        ws.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    ws.cell(1, group[0], "Hồ sơ")
    ws.merge_cells(start_row=1, start_column=group[0], end_row=1, end_column=group[-1])


def test_a_two_row_merged_header_reads_like_the_plain_one_and_is_coloured(contest, cli):
    plain = findings(cli, contest)
    edit(contest / schema.CONTEST_FILE, two_row_header)
    assert findings(cli, contest) == shifted(plain, REG, rows=1)
    wb = openpyxl.load_workbook(contest / schema.CONTEST_FILE)
    ws = wb[REG]
    assert "A1:A2" in {str(r) for r in ws.merged_cells.ranges}  # the person's layout is kept
    warned = [c for c in shifted(plain, REG, rows=1) if c[1] == REG]
    assert warned and all(ws[cell].fill.fgColor.rgb.endswith(styles.WARNING_FILL_RGB[-6:]) for _, _, cell in warned)


def test_retyped_headers_without_diacritics_or_in_capitals_are_found(contest, cli):
    plain = findings(cli, contest)

    def retype(wb):
        ws = wb[REG]
        ws["A1"] = "MA SAN PHAM"
        ws["B1"] = "tên sản phẩm (*)"
        ws["C1"] = "Nhom san pham:"
        ws["D1"] = " Tên  cơ sở "
    edit(contest / schema.CONTEST_FILE, retype)
    assert findings(cli, contest) == plain


def test_wrapped_headers_are_found(contest, cli):
    plain = findings(cli, contest)

    def wrap(wb):
        for cell in wb[REG][1]:
            if isinstance(cell.value, str) and " " in cell.value:
                cell.value = cell.value.replace(" ", "\n", 1).replace(" ", "\u00a0", 1)
    edit(contest / schema.CONTEST_FILE, wrap)
    assert findings(cli, contest) == plain


def test_a_table_moved_down_and_right_under_a_title_is_found(contest, cli):
    plain = findings(cli, contest)

    def move(wb):
        ws = wb[REG]
        ws.insert_rows(1, 3)
        ws.insert_cols(1, 2)
        ws["A1"] = "DANH SÁCH SẢN PHẨM ĐĂNG KÝ BÌNH CHỌN NĂM 2019"
        ws.merge_cells("A1:W1")
    edit(contest / schema.CONTEST_FILE, move)
    assert findings(cli, contest) == shifted(plain, REG, rows=3, cols=2)


def test_a_mark_on_a_merged_cell_colours_the_range_s_first_cell(contest):
    path = contest / schema.CONTEST_FILE
    edit(path, lambda wb: wb[REG].merge_cells("J2:J3"))
    before = hashes(contest / schema.JUDGES_DIR)
    book = FileContestBook(path)
    book.mark([Mark(REG, "J3", "error", "Ô J3: thiếu tỉnh.")])
    book.save()
    ws = openpyxl.load_workbook(path)[REG]
    assert ws["J2"].fill.fgColor.rgb.endswith(styles.ERROR_FILL_RGB[-6:])
    assert ws["J2"].comment is not None and "J3" in ws["J2"].comment.text
    book = FileContestBook(path)
    book.unmark([(REG, "J3")])
    book.save()
    ws = openpyxl.load_workbook(path)[REG]
    assert ws["J2"].comment is None and ws["J2"].fill.fill_type is None
    assert hashes(contest / schema.JUDGES_DIR) == before
