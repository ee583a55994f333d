"""The judges' sheets' own Tổng điểm formulas, recalculated by LibreOffice, give the tool's judge totals."""

from __future__ import annotations

import subprocess
from decimal import Decimal

import openpyxl

from xl_addin.domain import schema
from xl_addin.usecases.demo import fill_inputs, play_judges
from xl_addin.usecases.init import init_contest
from xl_addin.usecases.judges import make_judge_sheets
from xl_addin.usecases.results import compute
from xl_addin.workbooks.contest_book import FileContestBook


def test_sheet_formulas_agree_with_computed_totals(tmp_path, soffice):
    folder = tmp_path / "c"
    path = init_contest(folder, year=2019, level="tinh", province="Bắc Giang").path
    fill_inputs(path)
    book = FileContestBook(path)
    make_judge_sheets(book)
    book.save()
    play_judges(folder)
    book = FileContestBook(path)
    rs = compute(book).result_set
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
