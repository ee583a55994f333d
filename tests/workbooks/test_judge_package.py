"""A judge's workbook written as XML is what the openpyxl path made: both read with openpyxl, cell by cell."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from xl_addin.domain import rules, schema
from xl_addin.domain.models import Contest, ContestInfo, Judge, Registration
from xl_addin.domain.rules import Criterion, Rules
from xl_addin.workbooks.judge_workbook import (
    JudgeFiles, build_scoring_template, read_judge_workbook, write_judge_workbook,
)

from judge_openpyxl_reference import write_judge_workbook as reference_workbook

LONG = ("Bộ sản phẩm mây tre đan xuất khẩu cao cấp của Hợp tác xã Thủ công mỹ nghệ Tăng Tiến, huyện Việt Yên, "
        "tỉnh Bắc Giang, gồm khay, giỏ & hộp <đựng> quà \"Tết\"")


def registrations(n: int = 7) -> tuple[Registration, ...]:
    names = [LONG, "=1+1", "+84 912 345 678", "#N/A", "  khoảng trắng  ", "Dòng một\nDòng hai", "Máy tuốt lúa"]
    return tuple(Registration(f"SP{i:03d}", names[i % len(names)], rules.GROUPS[i % len(rules.GROUPS)],
                              f"Cơ sở {i} & con", "Hộ kinh doanh") for i in range(n, 0, -1))


def contest(regs=None, criteria: Rules | None = None, **info) -> Contest:
    judges = (Judge("GK01", "Nguyễn Văn An", "Trưởng phòng", "Sở Công Thương", frozenset({"SP002", "SP005"})),
              Judge("GK02", "Trần Thị Bình", "", "", frozenset()))
    info = ContestInfo(**{"year": 2025, "level": "tinh", "province": "Bắc Giang", "contest_id": "c-1", **info})
    return Contest(info=info, rules=criteria or rules.preset(), registrations=registrations() if regs is None else regs,
                   judges=judges)


def sub_item_rules() -> Rules:
    base = rules.preset()
    subs = (Criterion("TC1.1", "Thị trường", Decimal(20), parent="TC1"),
            Criterion("TC1.2", "Sản xuất", Decimal("25.5"), parent="TC1"))
    return base.with_changes(criteria=base.criteria + subs)


def _style(cell) -> tuple:
    f, a, b, p = cell.font, cell.alignment, cell.border, cell.protection
    return ((f.name, f.sz, f.b, f.i, f.color.rgb if f.color is not None else None,
             f.color.theme if f.color is not None else None),
            (cell.fill.fill_type, cell.fill.fgColor.rgb, cell.fill.bgColor.rgb),
            tuple((getattr(b, s).style, getattr(b, s).color.rgb if getattr(b, s).color else None)
                  for s in ("left", "right", "top", "bottom")),
            (a.horizontal, a.vertical, a.wrap_text), (p.locked, p.hidden), cell.number_format)


def _sheet_view(ws) -> dict:
    dv = [(str(v.sqref), v.type, v.operator, v.formula1, v.formula2, v.allow_blank, v.showErrorMessage,
           v.errorStyle, v.errorTitle, v.error, v.showInputMessage, v.promptTitle, v.prompt)
          for v in ws.data_validations.dataValidation]
    prot = ws.protection
    return {
        "state": ws.sheet_state, "dims": ws.dimensions, "max": (ws.max_row, ws.max_column),
        "merged": sorted(str(r) for r in ws.merged_cells.ranges), "validations": sorted(dv),
        "widths": {k: (d.width, d.customWidth, d.hidden) for k, d in ws.column_dimensions.items() if d.width},
        "heights": {k: (d.height, d.customHeight) for k, d in ws.row_dimensions.items() if d.height},
        "protection": (prot.sheet, prot.formatColumns, prot.formatRows, prot.formatCells, prot.insertRows,
                       prot.deleteRows, prot.selectLockedCells, prot.password),
        "freeze": ws.freeze_panes, "print": (ws.print_title_rows, ws.print_area, ws.page_setup.orientation,
                                             ws.page_setup.paperSize, ws.page_setup.fitToWidth,
                                             ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage,
                                             ws.page_margins.left, ws.page_margins.right, ws.page_margins.top,
                                             ws.oddFooter.center.text),
    }


def assert_same_workbook(ours: Path, theirs: Path) -> None:
    a, b = openpyxl.load_workbook(ours), openpyxl.load_workbook(theirs)
    assert a.sheetnames == b.sheetnames
    assert (a.security.lockStructure, a.calculation.fullCalcOnLoad) == (b.security.lockStructure, True)
    for attr in ("creator", "title", "subject", "identifier"):
        assert getattr(a.properties, attr) == getattr(b.properties, attr), attr
    for wa, wb in zip(a.worksheets, b.worksheets):
        assert _sheet_view(wa) == _sheet_view(wb), wa.title
        for ra, rb in zip(wa.iter_rows(), wb.iter_rows(), strict=True):
            for ca, cb in zip(ra, rb, strict=True):
                where = f"{wa.title}!{ca.coordinate}"
                assert (ca.value, ca.data_type) == (cb.value, cb.data_type), where
                assert _style(ca) == _style(cb), where
    values = [openpyxl.load_workbook(p, data_only=True, read_only=True) for p in (ours, theirs)]
    for wa, wb in zip(*(v.worksheets for v in values)):
        assert list(wa.iter_rows(values_only=True)) == list(wb.iter_rows(values_only=True))


@pytest.mark.parametrize("make", [lambda: contest(), lambda: contest(registrations(1), level="quoc-gia", province=""),
                                  lambda: contest(registrations(3), sub_item_rules()), lambda: contest((), year=2024)])
def test_each_judge_file_reads_as_the_openpyxl_one(tmp_path, make):
    c = make()
    files = JudgeFiles(c)  # one builder for the contest, as the judges step uses it
    for judge in c.judges:
        ours, theirs = tmp_path / f"{judge.code}.xlsx", tmp_path / f"{judge.code}-ref.xlsx"
        files.write(ours, judge, "f1ng3r")
        reference_workbook(theirs, c, judge, "f1ng3r")
        assert_same_workbook(ours, theirs)
        # and the tool reads both alike (python-calamine, as results does)
        assert read_judge_workbook(ours, snapshot=True) == read_judge_workbook(theirs, snapshot=True)


def test_conflicted_rows_differ_between_judges_and_nothing_else(tmp_path):
    c = contest()
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_judge_workbook(a, c, c.judges[0], "x")
    write_judge_workbook(b, c, c.judges[1], "x")
    wa, wb = (openpyxl.load_workbook(p)[schema.SHEET_SCORING] for p in (a, b))
    differ = {ca.row for ra, rb in zip(wa.iter_rows(), wb.iter_rows()) for ca, cb in zip(ra, rb)
              if (ca.value, _style(ca)) != (cb.value, _style(cb))}
    rows = {wa.cell(row=r, column=2).value: r for r in range(7, 14)}
    assert differ == {4, rows["SP002"], rows["SP005"], wa.max_row}  # judge line, greyed rows, signed name


def test_the_blank_form_reads_as_the_openpyxl_one(tmp_path):
    from judge_openpyxl_reference import build_scoring_template as reference_template

    build_scoring_template(tmp_path / "ours.xlsx")
    reference_template(tmp_path / "theirs.xlsx")
    assert_same_workbook(tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx")


def test_every_part_is_well_formed_and_typed(tmp_path):
    c = contest()
    write_judge_workbook(tmp_path / "GK01.xlsx", c, c.judges[0], "x")
    with zipfile.ZipFile(tmp_path / "GK01.xlsx") as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        for name in names:
            if name.endswith((".xml", ".rels")):
                etree.fromstring(zf.read(name))  # raises on malformed XML
        types = etree.fromstring(zf.read("[Content_Types].xml"))
    overridden = {el.get("PartName").lstrip("/") for el in types if el.get("PartName")}
    assert overridden == {n for n in names if n.endswith(".xml") and n != "[Content_Types].xml"}


def test_blocks_of_rows_compressed_once_join_into_valid_files(tmp_path):
    # 600 products: three blocks of product rows; the first judge greys rows in the second block only,
    # so its file joins two blocks deflated for the other judge with one of its own
    regs = registrations(600)
    judges = (Judge("GK01", "Nguyễn Văn An", "", "", frozenset({"SP300", "SP301"})), Judge("GK02", "Lê Bình", "", ""))
    c = Contest(info=ContestInfo(year=2025, level="quoc-gia", province="", contest_id="n"), rules=rules.preset(),
                registrations=regs, judges=judges)
    files = JudgeFiles(c)
    for judge in (judges[1], judges[0]):  # the shared blocks are compressed for the first file written
        files.write(tmp_path / f"{judge.code}.xlsx", judge, "f")
        with zipfile.ZipFile(tmp_path / f"{judge.code}.xlsx") as zf:
            assert zf.testzip() is None  # every member's CRC-32 and length check out
    reference_workbook(tmp_path / "ref.xlsx", c, judges[0], "f")
    assert_same_workbook(tmp_path / "GK01.xlsx", tmp_path / "ref.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "GK02.xlsx", read_only=True)[schema.SHEET_SCORING]
    codes = [row[1] for row in ws.iter_rows(min_row=7, max_row=606, values_only=True)]
    assert codes == [f"SP{i:03d}" for i in range(1, 601)]
