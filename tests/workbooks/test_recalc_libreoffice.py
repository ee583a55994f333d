"""The Tổng điểm formulas of a filled judge's workbook, recalculated by LibreOffice, equal exact sums."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl

from xl_addin.domain import rules, schema
from xl_addin.domain.models import Contest, ContestInfo, Judge, Registration
from xl_addin.workbooks.judge_workbook import fill_scores, write_judge_workbook

SCORES = {
    "SP01": {"TC1": Decimal("35.5"), "TC2": Decimal("30"), "TC3": Decimal("8.5"), "TC4": Decimal("9.25")},
    "SP02": {"TC1": Decimal("12.1"), "TC2": Decimal("33.3"), "TC3": Decimal("7.7"), "TC4": Decimal("0")},
    "SP03": {"TC2": Decimal("20")},  # partly scored: the total is what was typed so far
}


def recalculate(soffice: str, source: Path, out_dir: Path, profile: Path) -> Path:
    """Convert xlsx -> xlsx with LibreOffice headless, which recalculates the formulas."""
    cmd = [
        soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--convert-to", "xlsx", "--outdir", str(out_dir), str(source),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    converted = out_dir / source.name
    assert converted.is_file(), f"LibreOffice did not convert {source.name}: {done.stdout} {done.stderr}"
    return converted


def test_libreoffice_totals_equal_exact_sums(tmp_path, soffice):
    regs = tuple(
        Registration(code, f"Sản phẩm {code}", rules.GROUPS[0], "Cơ sở", "Hộ kinh doanh")
        for code in ("SP01", "SP02", "SP03", "SP04")
    )
    judge = Judge("GK01", "Lê Văn Cường", conflicts=frozenset({"SP04"}))
    contest = Contest(ContestInfo(year=2019, level="tinh", province="Bắc Giang"), rules.preset(), regs, (judge,))
    path = tmp_path / "GK01.xlsx"
    write_judge_workbook(path, contest, judge, "fp")
    fill_scores(path, {code: {k: float(v) for k, v in items.items()} for code, items in SCORES.items()})

    converted = recalculate(soffice, path, tmp_path / "out", tmp_path / "lo-profile")

    ws = openpyxl.load_workbook(converted, data_only=True)[schema.SHEET_SCORING]
    header = [c.value for c in ws[6]]
    code_col, total_col = header.index(schema.COL_CODE), header.index(schema.SCORING_TOTAL)
    totals = {row[code_col]: row[total_col] for row in ws.iter_rows(min_row=7, values_only=True)}
    for code, items in SCORES.items():
        expected = sum(items.values(), Decimal(0))
        assert Decimal(repr(totals[code])).quantize(Decimal("0.000001")) == expected, code
    assert totals["SP04"] in (None, "")  # conflicted, nothing typed: the total stays blank
