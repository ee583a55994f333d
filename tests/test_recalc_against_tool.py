"""The judges' sheets' own Tổng điểm formulas, recalculated by LibreOffice, give the tool's judge totals."""

from __future__ import annotations

import subprocess
from decimal import Decimal

import openpyxl

from xl_addin.domain import schema
from workbook_edits import judged_contest


def test_sheet_formulas_agree_with_computed_totals(tmp_path, soffice):
    folder = tmp_path / "c"
    _, outcome = judged_contest(folder)
    rs = outcome.result_set
    assert rs is not None
    files = sorted((folder / schema.JUDGES_DIR).glob("*.xlsx"))
    out = tmp_path / "recalculated"
    cmd = [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--norestore",
           "--convert-to", "xlsx", "--outdir", str(out), *map(str, files)]
    subprocess.run(cmd, capture_output=True, timeout=300, check=False)
    compared = 0
    for f in files:
        ws = openpyxl.load_workbook(out / f.name, data_only=True)[schema.SHEET_SCORING]
        rows = list(ws.iter_rows(values_only=True))
        head_i = next(i for i, r in enumerate(rows) if schema.COL_CODE in r)
        code_col, total_col = rows[head_i].index(schema.COL_CODE), rows[head_i].index(schema.SCORING_TOTAL)
        sheet_totals = {r[code_col]: r[total_col] for r in rows[head_i + 1:] if r[code_col]}
        for result in rs.results:
            tool = next(t for t in result.judge_totals if t.judge_code == f.stem)
            if tool.total is None:
                assert sheet_totals[result.code] in (None, "")  # a conflict: nothing typed, total blank
                continue
            assert Decimal(repr(sheet_totals[result.code])) == tool.total, (f.name, result.code)
            compared += 1
    assert compared == 46 * 5 - 1  # every product by every judge, less the one declared conflict


def test_sub_items_over_their_criterion_are_capped_in_the_sheet_as_by_the_tool(tmp_path, soffice):
    from xl_addin.domain import rules
    from xl_addin.domain.models import Contest, ContestInfo, Judge, Registration, ScoreSheet
    from xl_addin.domain.scoring import result_set_from_sheets
    from xl_addin.workbooks.judge_workbook import fill_scores, write_judge_workbook

    base = rules.preset()
    tc1 = base.criteria[0]
    subs = (rules.Criterion("TC1.1", "Thị trường", Decimal(25), "TC1"), rules.Criterion("TC1.2", "Phát triển", Decimal(20), "TC1"))
    r = base.with_changes(criteria=(tc1, *subs, *base.criteria[1:]))
    regs = (Registration("SP1", "Sản phẩm 1", rules.GROUPS[0], "Cơ sở 1", rules.ESTABLISHMENT_TYPES[3], row=2),)
    judge = Judge("GK01", "Giám khảo", row=2)
    contest = Contest(ContestInfo(2025, "tinh", "Bắc Ninh", contest_id="x"), r, regs, (judge,))
    scores = {"TC1.1": Decimal(24), "TC1.2": Decimal(19), "TC2": Decimal(30), "TC3": Decimal(8), "TC4": Decimal("9.5")}
    path = tmp_path / "GK01.xlsx"
    write_judge_workbook(path, contest, judge, "fp")
    fill_scores(path, {"SP1": scores})
    tool = result_set_from_sheets(contest, [ScoreSheet("GK01", "GK01.xlsx", {"SP1": scores})]).results[0]
    assert tool.judge_totals[0].total == Decimal("87.5")  # TC1 = min(24 + 19, 40) = 40; + 30 + 8 + 9.5
    out = tmp_path / "out"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)], capture_output=True, timeout=120)
    ws = openpyxl.load_workbook(out / path.name, data_only=True)[schema.SHEET_SCORING]
    rows = list(ws.iter_rows(values_only=True))
    head_i = next(i for i, row in enumerate(rows) if schema.COL_CODE in row)
    total = rows[head_i + 1][rows[head_i].index(schema.SCORING_TOTAL)]
    assert Decimal(repr(total)) == tool.judge_totals[0].total
