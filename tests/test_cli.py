"""The `binhchon` command end to end on real files: init, validate, judges, results, import."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from xl_addin.cli import main
from xl_addin.domain import schema
from xl_addin.domain.sample.programme import sample_programme
from xl_addin.usecases.demo import fill_inputs, play_judges
from workbook_edits import regroup_product


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; exit code, stdout, stderr."""
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def sheet_rows(path: Path, sheet: str) -> list[tuple]:
    """A sheet's values, read independently with openpyxl."""
    wb = openpyxl.load_workbook(path, data_only=True)
    return [tuple(r) for r in wb[sheet].iter_rows(values_only=True)]


def table(path: Path, sheet: str, anchor: str) -> list[dict]:
    """The rows under the header row that holds `anchor`, as dicts keyed by header."""
    rows = sheet_rows(path, sheet)
    head_i = next(i for i, r in enumerate(rows) if anchor in r)
    head = rows[head_i]
    return [dict(zip(head, r)) for r in rows[head_i + 1:] if any(v is not None for v in r)]


@pytest.fixture
def contest(tmp_path, capsys) -> Path:
    """A contest folder made by `binhchon init` and filled with the sample programme."""
    folder = tmp_path / "bg2019"
    code, out, _ = run(capsys, "init", str(folder), "--year", "2019", "--level", "tinh", "--province", "Bắc Giang")
    assert code == 0, out
    fill_inputs(folder / schema.CONTEST_FILE)
    return folder


@pytest.fixture
def scored(contest, capsys) -> Path:
    """The sample contest with judges' workbooks made and filled."""
    code, out, err = run(capsys, "judges", str(contest))
    assert code == 0, out + err
    play_judges(contest)
    return contest


def official_totals() -> dict[str, Decimal]:
    """The sample's official totals worked out here from the raw scores (mean of totals, half-up)."""
    sample = sample_programme()
    totals: dict[str, list[Fraction]] = {}
    for per_product in sample.scores.values():
        for code, items in per_product.items():
            totals.setdefault(code, []).append(sum((Fraction(v) for v in items.values()), Fraction(0)))
    out = {}
    for code, values in totals.items():
        mean = sum(values) / len(values)
        out[code] = (Decimal(mean.numerator) / Decimal(mean.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return out


def test_init_creates_the_contest_folder(tmp_path, capsys):
    folder = tmp_path / "c"
    code, out, _ = run(capsys, "init", str(folder), "--year", "2025", "--level", "tinh", "--province", "Bắc Ninh")
    assert code == 0
    assert (folder / schema.JUDGES_DIR).is_dir() and (folder / schema.DOCUMENTS_DIR).is_dir()
    wb = openpyxl.load_workbook(folder / schema.CONTEST_FILE)
    for name in schema.CONTEST_SHEETS:
        assert name in wb.sheetnames
    info = {r[0]: r[1] for r in wb[schema.SHEET_INFO].iter_rows(values_only=True)}
    assert info[schema.INFO_YEAR] == 2025 and info[schema.INFO_PROVINCE] == "Bắc Ninh"
    log = table(folder / schema.CONTEST_FILE, schema.SHEET_LOG, schema.LOG_HEADERS[1])
    assert log and log[-1][schema.LOG_HEADERS[1]] == "Tạo cuộc bình chọn"
    # a second init never overwrites the contest
    code, _, err = run(capsys, "init", str(folder), "--year", "2025", "--province", "Bắc Ninh")
    assert code == 2 and "không ghi đè" in err


def test_validate_clean_sample_exits_zero_with_dossier_warnings(contest, capsys):
    code, out, _ = run(capsys, "validate", str(contest), "--json")
    findings = json.loads(out)
    assert code == 0
    assert all(set(f) >= {"severity", "code", "sheet", "cell", "message"} for f in findings)
    assert {f["severity"] for f in findings} <= {"warning"}
    assert any(f["code"] == "incomplete-dossier" for f in findings)
    rows = table(contest / schema.CONTEST_FILE, schema.SHEET_FINDINGS, schema.FINDINGS_HEADERS[1])
    assert len(rows) == len(findings)


def test_validate_reports_errors_cell_accurately_and_highlights(contest, capsys):
    path = contest / schema.CONTEST_FILE
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.SHEET_REGISTRATIONS]
    head = [c.value for c in ws[1]]
    group_col = head.index(schema.COL_GROUP) + 1
    tax_col = head.index(schema.COL_TAX_CODE) + 1
    ws.cell(row=3, column=group_col, value="Đồ chơi")
    ws.cell(row=4, column=tax_col, value="12345")
    wb.save(path)
    code, out, _ = run(capsys, "validate", str(contest), "--json")
    found = {(f["code"], f["sheet"], f["cell"]) for f in json.loads(out)}
    letter = openpyxl.utils.get_column_letter
    assert ("invalid-choice", schema.SHEET_REGISTRATIONS, f"{letter(group_col)}3") in found
    assert ("invalid-tax-code", schema.SHEET_REGISTRATIONS, f"{letter(tax_col)}4") in found
    assert code == 1
    wb = openpyxl.load_workbook(path)
    cell = wb[schema.SHEET_REGISTRATIONS].cell(row=3, column=group_col)
    assert cell.comment is not None and "invalid-choice" in cell.comment.text
    assert cell.fill.fgColor.rgb.endswith("FFC7CE") or cell.fill.fill_type == "solid"
    # fixing the cell and re-validating removes the highlight and the note
    ws = wb[schema.SHEET_REGISTRATIONS]
    ws.cell(row=3, column=group_col, value="thu cong my nghe")
    ws.cell(row=4, column=tax_col, value="2400123456")
    wb.save(path)
    code, out, _ = run(capsys, "validate", str(contest))
    assert code == 0
    cell = openpyxl.load_workbook(path)[schema.SHEET_REGISTRATIONS].cell(row=3, column=group_col)
    assert cell.comment is None and cell.fill.fill_type is None


def test_validate_refuses_a_workbook_that_is_not_a_contest(tmp_path, capsys):
    other = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    wb.save(other)
    before = other.read_bytes()
    code, out, _ = run(capsys, "validate", str(other), "--json")
    assert code == 2
    assert {f["code"] for f in json.loads(out)} == {"missing-sheet"}
    assert other.read_bytes() == before  # untouched
    notxlsx = tmp_path / "x" / "binhchon.xlsx"
    notxlsx.parent.mkdir()
    notxlsx.write_text("hello")
    code, _, err = run(capsys, "validate", str(notxlsx.parent))
    assert code == 2 and "không phải là sổ Excel" in err and "Traceback" not in err


def test_a_workbook_open_in_excel_gets_a_message(contest, capsys):
    (contest / ("~$" + schema.CONTEST_FILE)).write_bytes(b"lock")
    before = (contest / schema.CONTEST_FILE).read_bytes()
    code, _, err = run(capsys, "validate", str(contest))
    assert code == 2 and "đóng tệp" in err
    assert (contest / schema.CONTEST_FILE).read_bytes() == before


def test_results_match_totals_worked_out_independently(scored, capsys):
    judge_bytes = {p.name: p.read_bytes() for p in (scored / schema.JUDGES_DIR).glob("*.xlsx")}
    code, out, err = run(capsys, "results", str(scored))
    assert code == 0, out + err
    expected = official_totals()
    rows = table(scored / schema.CONTEST_FILE, schema.SHEET_RESULTS, schema.RES_RANK)
    assert len(rows) == len(expected)
    for row in rows:
        assert Decimal(str(row[schema.RES_TOTAL])).quantize(Decimal("0.01")) == expected[row[schema.COL_CODE]]
        assert row[schema.RES_PASSED] == (schema.YES if expected[row[schema.COL_CODE]] >= 70 else schema.NO)
    totals = [expected[r[schema.COL_CODE]] for r in rows]
    assert totals == sorted(totals, reverse=True)
    assert rows[0][schema.RES_RANK] == 1
    # judges' files are never written
    assert {p.name: p.read_bytes() for p in (scored / schema.JUDGES_DIR).glob("*.xlsx")} == judge_bytes
    assert list((scored / schema.BACKUP_DIR).glob("binhchon-*.xlsx")), "a backup is made before writing"


def test_a_person_edit_of_the_council_proposal_survives_a_rerun(scored, capsys):
    assert run(capsys, "results", str(scored))[0] == 0
    path = scored / schema.CONTEST_FILE
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.SHEET_RESULTS]
    head_row = next(r for r in ws.iter_rows() if any(c.value == schema.RES_RANK for c in r))
    cols = {c.value: c.column for c in head_row}
    first = head_row[0].row + 1
    code = ws.cell(row=first, column=cols[schema.COL_CODE]).value
    assert ws.cell(row=first, column=cols[schema.RES_COUNCIL]).value == schema.YES
    ws.cell(row=first, column=cols[schema.RES_COUNCIL], value=schema.NO)
    wb.save(path)
    assert run(capsys, "results", str(scored))[0] == 0
    rows = table(path, schema.SHEET_RESULTS, schema.RES_RANK)
    edited = next(r for r in rows if r[schema.COL_CODE] == code)
    assert edited[schema.RES_COUNCIL] == schema.NO
    assert edited[schema.RES_FORWARD] != schema.YES  # not recognised, so not forwarded either


def test_results_refuse_a_stale_product_list(scored, capsys):
    path = scored / schema.CONTEST_FILE
    regroup_product(path)  # what the judges scored changed (a name no longer does: issue 9, item 10)
    code, out, _ = run(capsys, "results", str(scored), "--json")
    assert code == 1
    codes = {f["code"] for f in json.loads(out)}
    assert "stale-product-list" in codes
    assert not any(schema.RES_RANK in r for r in sheet_rows(path, schema.SHEET_RESULTS))


def test_results_refuse_a_sheet_from_another_contest(scored, tmp_path, capsys):
    other = tmp_path / "other"
    assert run(capsys, "init", str(other), "--year", "2019", "--level", "tinh", "--province", "Bắc Giang")[0] == 0
    fill_inputs(other / schema.CONTEST_FILE)
    assert run(capsys, "judges", str(other))[0] == 0
    shutil.copy(other / schema.JUDGES_DIR / "GK01.xlsx", scored / schema.JUDGES_DIR / "GK09.xlsx")
    code, out, _ = run(capsys, "results", str(scored), "--json")
    assert code == 1
    found = [f for f in json.loads(out) if f["code"] == "wrong-contest"]
    assert found and found[0]["file"].endswith("GK09.xlsx")


def test_judges_refused_while_registrations_have_errors(contest, capsys):
    path = contest / schema.CONTEST_FILE
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.SHEET_REGISTRATIONS]
    ws.cell(row=2, column=1).value = None  # product code missing
    wb.save(path)
    code, _, err = run(capsys, "judges", str(contest))
    assert code == 1 and "Chưa tạo phiếu chấm" in err
    assert not list((contest / schema.JUDGES_DIR).glob("*.xlsx"))


def test_provisional_results_with_a_missing_judge(scored, capsys):
    (scored / schema.JUDGES_DIR / "GK05.xlsx").unlink()
    code, out, _ = run(capsys, "results", str(scored))
    assert code == 1
    code, out, _ = run(capsys, "results", str(scored), "--provisional")
    assert code == 0 and schema.RES_PROVISIONAL_MARK in out
    rows = sheet_rows(scored / schema.CONTEST_FILE, schema.SHEET_RESULTS)
    assert schema.RES_PROVISIONAL_MARK in str(rows[0][0])


def test_console_script_runs_without_traceback(tmp_path):
    exe = Path(sys.executable).with_name("binhchon")
    out = subprocess.run([str(exe), "validate", str(tmp_path / "nothing")], capture_output=True, text=True)
    assert out.returncode == 2
    assert "Không tìm thấy sổ bình chọn" in out.stderr and "Traceback" not in out.stderr


def _district_file(tmp_path: Path, with_results: bool) -> Path:
    """A district's workbook: its Đăng ký rows (and a Kết quả proposing some upward)."""
    from xl_addin.domain.sheets.registrations import rows_from_registrations
    import dataclasses

    sample = sample_programme()
    regs = [dataclasses.replace(r, code=f"LN-{i}") for i, r in enumerate(sample.registrations[:3], 1)]
    regs[1] = dataclasses.replace(regs[1], name="Mỳ gạo Lục Ngạn loại mới")
    regs[2] = dataclasses.replace(regs[2], name="Bánh đa nem Lục Ngạn")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = schema.SHEET_REGISTRATIONS
    for row in rows_from_registrations(regs):
        ws.append(row)
    if with_results:
        res = wb.create_sheet(schema.SHEET_RESULTS)
        res.append([schema.RES_RANK, schema.COL_CODE, schema.COL_NAME, schema.COL_GROUP, schema.COL_ESTABLISHMENT,
                    schema.RES_TOTAL, schema.RES_COUNCIL, schema.RES_FORWARD])
        for rank, (r, fwd) in enumerate(zip(regs, (schema.YES, schema.YES, schema.NO)), 1):
            res.append([rank, r.code, r.name, r.group, r.establishment, 80 - rank, schema.YES, fwd])
    path = tmp_path / ("luc_ngan.xlsx" if with_results else "danh_sach.xlsx")
    wb.save(path)
    return path


def test_import_takes_only_rows_proposed_upward_and_refuses_duplicates(contest, tmp_path, capsys):
    lower = _district_file(tmp_path, with_results=True)
    before = lower.read_bytes()
    code, out, _ = run(capsys, "import", str(contest), str(lower), "--json")
    findings = json.loads(out)
    # LN-1 is the same product and establishment as the province's first row: refused as a duplicate;
    # LN-2 (renamed) is proposed upward and new: added; LN-3 is not proposed upward: left out.
    assert code == 1
    assert [(f["code"], f["file"]) for f in findings] == [("duplicate-product", "luc_ngan.xlsx")]
    rows = table(contest / schema.CONTEST_FILE, schema.SHEET_REGISTRATIONS, schema.COL_CODE)
    codes = [r[schema.COL_CODE] for r in rows]
    assert "LN-2" in codes and "LN-1" not in codes and "LN-3" not in codes
    added = next(r for r in rows if r[schema.COL_CODE] == "LN-2")
    assert "luc_ngan.xlsx" in added[schema.COL_SOURCE]
    assert lower.read_bytes() == before  # the sender's file is never written
    # importing the same file again adds nothing: LN-2 is now a duplicate code
    code, out, _ = run(capsys, "import", str(contest), str(lower), "--json")
    assert "duplicate-code" in {f["code"] for f in json.loads(out)}


def test_import_a_plain_list_takes_every_new_row(contest, tmp_path, capsys):
    plain = _district_file(tmp_path, with_results=False)
    code, out, _ = run(capsys, "import", str(contest), str(plain))
    assert "LN-2" in out and "LN-3" in out and code == 1  # LN-1 repeats the province's first product
    rows = table(contest / schema.CONTEST_FILE, schema.SHEET_REGISTRATIONS, schema.COL_CODE)
    assert len(rows) == len(sample_programme().registrations) + 2


def test_decomposed_vietnamese_matches_the_dropdown_value(contest, capsys):
    import unicodedata

    path = contest / schema.CONTEST_FILE
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.SHEET_REGISTRATIONS]
    head = [c.value for c in ws[1]]
    nfd = unicodedata.normalize("NFD", "Chế biến nông, lâm, thủy sản và thực phẩm")
    assert nfd != "Chế biến nông, lâm, thủy sản và thực phẩm"
    ws.cell(row=2, column=head.index(schema.COL_GROUP) + 1).value = nfd
    ws.cell(row=3, column=head.index(schema.COL_EST_TYPE) + 1).value = unicodedata.normalize("NFD", " hợp tác xã ")
    wb.save(path)
    code, out, _ = run(capsys, "validate", str(contest), "--json")
    assert code == 0
    assert not [f for f in json.loads(out) if f["code"] == "invalid-choice"]


def docx_text(path: Path) -> str:
    """Every text run of a .docx body, tables included, read with python-docx."""
    from docx import Document

    body = Document(path).element.body
    return "\n".join(t.text or "" for t in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))


def test_documents_after_results_number_certificates_and_keep_a_person_edit(scored, capsys):

    assert run(capsys, "results", str(scored))[0] == 0
    code, out, err = run(capsys, "documents", str(scored))
    assert code == 0, out + err
    path = scored / schema.CONTEST_FILE
    rows = table(path, schema.SHEET_RESULTS, schema.RES_RANK)
    recognised = [r for r in rows if r[schema.RES_COUNCIL] == schema.YES]
    assert len(recognised) == 29  # the sample's quota; 30 products pass
    van_ban = scored / schema.DOCUMENTS_DIR
    for r in recognised:
        assert r[schema.RES_CERT_NO] and r[schema.RES_VALID_UNTIL] == "31/12/2022"
        text = docx_text(van_ban / f"{r[schema.COL_CODE]}.docx")
        assert r[schema.COL_NAME] in text and r[schema.RES_CERT_NO] in text
    not_recognised = {r[schema.COL_CODE] for r in rows} - {r[schema.COL_CODE] for r in recognised}
    assert not any((van_ban / f"{c}.docx").exists() for c in not_recognised)
    # a certificate number a person typed is kept when documents and results run again
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.SHEET_RESULTS]
    head = next(r for r in ws.iter_rows() if any(c.value == schema.RES_RANK for c in r))
    cols = {c.value: c.column for c in head}
    ws.cell(row=head[0].row + 1, column=cols[schema.RES_CERT_NO]).value = "999/GCN-SCT"
    wb.save(path)
    assert run(capsys, "results", str(scored))[0] == 0
    assert run(capsys, "documents", str(scored))[0] == 0
    first = table(path, schema.SHEET_RESULTS, schema.RES_RANK)[0]
    assert first[schema.RES_CERT_NO] == "999/GCN-SCT"
    text = docx_text(van_ban / f"{first[schema.COL_CODE]}.docx")
    assert "999/GCN-SCT" in text


def test_documents_refused_before_results(contest, capsys):
    code, _, err = run(capsys, "documents", str(contest))
    assert code == 1 and "chưa có kết quả" in err


def test_import_a_lower_contest_without_proposals_says_so(contest, tmp_path, capsys):
    lower = tmp_path / "xa"
    assert run(capsys, "init", str(lower), "--year", "2019", "--level", "xa", "--province", "Bắc Giang")[0] == 0
    fill_inputs(lower / schema.CONTEST_FILE)  # registrations, but no results computed yet
    code, out, _ = run(capsys, "import", str(contest), str(lower / schema.CONTEST_FILE), "--json")
    findings = json.loads(out)
    assert code == 0
    assert [(f["code"], f["severity"]) for f in findings] == [("nothing-proposed", "warning")]
    rows = table(contest / schema.CONTEST_FILE, schema.SHEET_REGISTRATIONS, schema.COL_CODE)
    assert len(rows) == len(sample_programme().registrations)


def test_judges_refused_for_an_empty_contest(tmp_path, capsys):
    folder = tmp_path / "empty"
    assert run(capsys, "init", str(folder), "--year", "2025", "--province", "Bắc Ninh")[0] == 0
    code, _, err = run(capsys, "judges", str(folder))
    assert code == 1 and "chưa có sản phẩm nào" in err
    assert not list((folder / schema.JUDGES_DIR).iterdir())


def test_a_picture_and_a_chart_a_person_added_survive_the_tool_saving(contest, capsys):
    import io
    import zipfile

    from openpyxl.chart import BarChart, Reference
    from openpyxl.drawing.image import Image
    from PIL import Image as Picture

    path = contest / schema.CONTEST_FILE
    wb = openpyxl.load_workbook(path)
    logo = io.BytesIO()
    Picture.new("RGB", (40, 40), "red").save(logo, "PNG")
    ws = wb[schema.SHEET_INFO]
    ws.add_image(Image(logo), "E2")
    chart = BarChart()
    chart.add_data(Reference(wb[schema.SHEET_JUDGES], min_col=1, min_row=1, max_row=3))
    ws.add_chart(chart, "E10")
    wb.save(path)
    assert run(capsys, "validate", str(contest))[0] == 0
    names = zipfile.ZipFile(path).namelist()
    assert any(n.startswith("xl/media/") for n in names) and any(n.startswith("xl/charts/") for n in names)


def test_a_refused_action_is_logged(contest, capsys):
    code, _, _ = run(capsys, "documents", str(contest))
    assert code == 1
    log = table(contest / schema.CONTEST_FILE, schema.SHEET_LOG, schema.LOG_HEADERS[1])
    assert log[-1][schema.LOG_HEADERS[1]] == "In văn bản"
    assert log[-1][schema.LOG_HEADERS[3]].startswith("Từ chối: ")


def test_json_callers_get_json_even_when_the_workbook_cannot_be_used(contest, capsys):
    (contest / ("~$" + schema.CONTEST_FILE)).write_bytes(b"lock")
    code, out, err = run(capsys, "validate", str(contest), "--json")
    assert code == 2 and "đóng tệp" in err
    [finding] = json.loads(out)
    assert finding["code"] == "workbook-locked" and finding["severity"] == "error"
