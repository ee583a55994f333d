"""Every judge-file fault `results` meets: each a finding naming the judge's file (and the sheet and
cell where there is one), the judges' files never written, the contest workbook still whole."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import openpyxl

from xl_addin.domain import schema
from xl_addin.domain.rules import GROUPS

from .bad_files import edit, patch_part, sheet_part
from .conftest import hashes

PHIEU = schema.JUDGES_DIR


def results(cli, folder):
    run = cli("results", folder, "--json")
    return run, json.loads(run.out)


def of_file(found, name: str) -> list[dict]:
    return [f for f in found if f["file"] == f"{PHIEU}/{name}"]


def assert_contest_whole(folder) -> None:
    wb = openpyxl.load_workbook(folder / schema.CONTEST_FILE)
    assert set(schema.CONTEST_SHEETS) <= set(wb.sheetnames)


def test_a_garbage_file_among_the_judges_files(scored, cli):
    (scored / PHIEU / "GK06.xlsx").write_bytes(os.urandom(5000))
    before = hashes(scored / PHIEU)
    run, found = results(cli, scored)
    (f,) = of_file(found, "GK06.xlsx")
    assert run.code == 1 and f["code"] == "unreadable-file" and "GK06.xlsx" in f["message"]
    assert hashes(scored / PHIEU) == before
    assert_contest_whole(scored)


def test_a_judge_s_file_twice_under_two_names(scored, cli):
    shutil.copy(scored / PHIEU / "GK02.xlsx", scored / PHIEU / "GK02 - Copy.xlsx")
    before = hashes(scored / PHIEU)
    run, found = results(cli, scored)
    dupes = [f for f in found if f["code"] == "duplicate-judge"]
    assert run.code == 1 and dupes and "GK02 - Copy.xlsx" in dupes[0]["message"]
    assert hashes(scored / PHIEU) == before


def test_another_contest_s_judge_file(scored, cli):
    path = scored / PHIEU / "GK03.xlsx"

    def other(wb):
        meta = wb[schema.SHEET_SCORING_META]
        for row in meta.iter_rows():
            if row[0].value == schema.META_CONTEST_ID:
                row[1].value = "khac-cuoc-2018"
    edit(path, other)
    before = hashes(scored / PHIEU)
    run, found = results(cli, scored)
    codes = {f["code"] for f in of_file(found, "GK03.xlsx")}
    assert run.code == 1 and "wrong-contest" in codes
    assert hashes(scored / PHIEU) == before


def _regroup_first_product(wb) -> None:
    """Move the first product to another group: that changes the scoring, so the sheets are stale.

    (A corrected name only is a product-renamed warning: the sheets stay valid.)
    """
    ws = wb[schema.SHEET_REGISTRATIONS]
    col = [c.value for c in ws[1]].index(schema.COL_GROUP) + 1
    current = ws.cell(row=2, column=col).value
    ws.cell(row=2, column=col).value = next(g for g in GROUPS if g != current)


def test_a_stale_judge_file_after_the_product_list_changed(scored, cli):
    edit(scored / schema.CONTEST_FILE, _regroup_first_product)
    before = hashes(scored / PHIEU)
    run, found = results(cli, scored)
    stale = [f for f in found if f["code"] == "stale-product-list"]
    assert run.code == 1 and len({f["file"] for f in stale}) == 5
    assert hashes(scored / PHIEU) == before


def test_excel_s_lock_file_is_ignored(scored, cli):
    (scored / PHIEU / "~$GK01.xlsx").write_bytes(b"\x00binhchon-lock")
    before = hashes(scored / PHIEU)
    run, found = results(cli, scored)
    assert run.code == 0 and not [f for f in found if f["file"] and "~$" in f["file"]]
    assert hashes(scored / PHIEU) == before


def test_a_judge_file_saved_by_libreoffice_is_read(scored, cli, soffice, tmp_path):
    out = tmp_path / "lo"
    subprocess.run([soffice, "--headless", "--convert-to", "xlsx", "--outdir", str(out),
                    str(scored / PHIEU / "GK01.xlsx")], check=True, capture_output=True, timeout=120)
    shutil.copy(out / "GK01.xlsx", scored / PHIEU / "GK01.xlsx")
    before = hashes(scored / PHIEU)
    run, found = results(cli, scored)
    assert run.code == 0 and not of_file(found, "GK01.xlsx"), found
    assert hashes(scored / PHIEU) == before


def test_a_judge_file_damaged_inside(scored, cli):
    path = scored / PHIEU / "GK04.xlsx"
    patch_part(path, sheet_part(path, schema.SHEET_SCORING), lambda xml: xml.replace(b"</row>", b"</rwo>", 1))
    before = hashes(scored / PHIEU)
    run, found = results(cli, scored)
    (f,) = of_file(found, "GK04.xlsx")
    assert run.code == 1 and f["code"] == "unreadable-file"
    assert "GK04.xlsx" in f["message"] and f"sheet “{schema.SHEET_SCORING}”" in f["message"] and "dòng" in f["message"]
    assert hashes(scored / PHIEU) == before
    assert_contest_whole(scored)


def test_an_ambiguous_score_is_a_finding_at_its_cell(scored, cli):
    path = scored / PHIEU / "GK05.xlsx"
    where = {}

    def type_text(wb):
        ws = wb[schema.SHEET_SCORING]
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, (int, float)) and cell.column > 4 and "E" <= cell.column_letter <= "H":
                    cell.value = "8.500"
                    where["cell"] = cell.coordinate
                    return
    edit(path, type_text)
    run, found = results(cli, scored)
    (f,) = [f for f in of_file(found, "GK05.xlsx") if f["code"] == "ambiguous-number"]
    assert run.code == 1 and f["cell"] == where["cell"] and f["sheet"] == schema.SHEET_SCORING
    assert "“8.500”" in f["message"] and "8500" in f["message"] and "8,5" in f["message"]
