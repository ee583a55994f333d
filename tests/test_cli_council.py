"""`binhchon documents` end to end: the council's decision checked, and Kết quả as the only source."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from test_cli import contest, run, scored, table  # noqa: F401 (fixtures)
from xl_addin.domain import schema
from xl_addin.domain.sample.programme import sample_programme
from xl_addin.workbooks import styles

SUMMARY_FILE = "bang_tong_hop_diem.docx"


@pytest.fixture
def results(scored, capsys) -> Path:
    code, out, err = run(capsys, "results", str(scored))
    assert code == 0, out + err
    return scored


def set_council(path: Path, values: dict[str, object]) -> dict[str, str]:
    """Type values into Hội đồng đề xuất for products; the A1 cell of each."""
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.SHEET_RESULTS]
    head = next(r for r in ws.iter_rows() if any(c.value == schema.RES_RANK for c in r))
    cols = {c.value: c.column for c in head}
    cells = {}
    for row in ws.iter_rows(min_row=head[0].row + 1):
        code = row[cols[schema.COL_CODE] - 1].value
        if code in values:
            cell = ws.cell(row=row[0].row, column=cols[schema.RES_COUNCIL])
            cell.value = values[code]
            cells[code] = cell.coordinate
    wb.save(path)
    return cells


def findings_sheet(path: Path) -> list[tuple]:
    rows = table(path, schema.SHEET_FINDINGS, schema.FINDINGS_CODE)
    return [(r[schema.FINDINGS_CODE], r[schema.FINDINGS_SHEET], r[schema.FINDINGS_CELL]) for r in rows]


def fill_of(path: Path, sheet: str, cell: str) -> str:
    return str(openpyxl.load_workbook(path)[sheet][cell].fill.fgColor.rgb)


def test_a_product_below_the_pass_mark_recognised_by_hand_is_refused_at_its_cell(results, capsys):
    path = results / schema.CONTEST_FILE
    # BG-036 scored 69,60 in the sample (below 70); "x" is no council decision
    cells = set_council(path, {"BG-036": "có", "BG-010": "x"})
    code, out, err = run(capsys, "documents", str(results))
    assert code == 1
    assert cells["BG-036"] in err and cells["BG-010"] in err
    found = findings_sheet(path)
    assert ("recognised-below-pass-mark", schema.SHEET_RESULTS, cells["BG-036"]) in found
    assert ("invalid-choice", schema.SHEET_RESULTS, cells["BG-010"]) in found
    assert fill_of(path, schema.SHEET_RESULTS, cells["BG-036"]) == styles.ERROR_FILL_RGB
    assert not (results / schema.DOCUMENTS_DIR / "BG-036.docx").exists()


def test_more_recognised_than_the_quota_prints_with_a_warning_and_the_sheet_s_count(results, capsys):
    path = results / schema.CONTEST_FILE
    # BG-031 reached 70,00 but lost the 29th place to BG-026 on TC1: the council adds it anyway
    cells = set_council(path, {"BG-031": schema.YES})
    code, out, err = run(capsys, "documents", str(results))
    assert code == 0, out + err
    assert "Đã in 30 giấy chứng nhận" in out and "over-quota" in out and "29" in out
    found = findings_sheet(path)
    over = [f for f in found if f[0] == "over-quota"]
    assert over and over[0][1] == schema.SHEET_RESULTS
    assert re.sub(r"\d", "", over[0][2]) == re.sub(r"\d", "", cells["BG-031"])  # the column's header cell
    assert (results / schema.DOCUMENTS_DIR / "BG-031.docx").exists()


def judge_totals_worked_out() -> dict[str, dict[str, Decimal]]:
    """judge -> product -> the judge's total, added up here from the sample's raw scores."""
    sample = sample_programme()
    out: dict[str, dict[str, Decimal]] = {}
    for judge, per_product in sample.scores.items():
        for code, items in per_product.items():
            total = sum((Fraction(str(v)) for v in items.values()), Fraction(0))
            out.setdefault(judge, {})[code] = Decimal(total.numerator) / Decimal(total.denominator)
    return out


def summary_numbers(path: Path) -> dict[str, set[Decimal]]:
    """Product code -> every number printed in its row of the score summary."""
    from docx import Document

    found: dict[str, set[Decimal]] = {}
    for t in Document(path).tables:
        for row in t.rows:
            texts = [c.text.strip() for c in row.cells]
            code = next((x for x in texts if re.fullmatch(r"BG-\d{3}", x)), None)
            if code:
                found[code] = {Decimal(x.replace(",", ".")) for x in texts if re.fullmatch(r"\d+(,\d+)?", x)}
    return found


def test_the_score_summary_needs_no_judge_s_workbook_after_results(results, capsys):
    for f in (results / schema.JUDGES_DIR).glob("*.xlsx"):
        f.write_bytes(b"not a workbook any more")
    code, out, err = run(capsys, "documents", str(results))
    assert code == 0, out + err
    numbers = summary_numbers(results / schema.DOCUMENTS_DIR / SUMMARY_FILE)
    expected = judge_totals_worked_out()
    checked = 0
    for judge, per_product in expected.items():
        for product, total in per_product.items():
            assert total in numbers[product], (judge, product, total)
            checked += 1
    assert checked == 46 * 5 - 1  # every product by every judge, less the declared conflict


def test_results_count_the_council_s_column_as_the_sheet_holds_it(results, capsys):
    path = results / schema.CONTEST_FILE
    set_council(path, {"BG-031": schema.YES})  # the council adds the 30th passing product by hand
    code, out, err = run(capsys, "results", str(results))
    assert code == 0, out + err
    assert "30 được đề xuất công nhận" in out
    rows = table(path, schema.SHEET_RESULTS, schema.RES_RANK)
    assert sum(1 for r in rows if r[schema.RES_COUNCIL] == schema.YES) == 30


def test_a_corrected_council_cell_clears_its_finding_on_the_next_run(results, capsys):
    path = results / schema.CONTEST_FILE
    cells = set_council(path, {"BG-036": schema.YES})
    assert run(capsys, "documents", str(results))[0] == 1
    set_council(path, {"BG-036": schema.NO})
    code, out, err = run(capsys, "documents", str(results))
    assert code == 0, out + err
    # the results' own warnings (spread, …) stay listed on their Kết quả rows; no council finding does
    council_codes = {"recognised-below-pass-mark", "over-quota", "invalid-choice"}
    assert not [f for f in findings_sheet(path) if f[1] == schema.SHEET_RESULTS and f[0] in council_codes]
    assert [f for f in findings_sheet(path) if f[0] == "judge-spread"]
    assert fill_of(path, schema.SHEET_RESULTS, cells["BG-036"]) != styles.ERROR_FILL_RGB
