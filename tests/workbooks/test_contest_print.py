"""The contest workbook prints: page setup per sheet, formats, dropdowns, notes; and LibreOffice's PDF of it."""

from __future__ import annotations

import re
import subprocess

import openpyxl
import pytest

from workbook_edits import judged_contest
from xl_addin.domain import schema


@pytest.fixture(scope="module")
def computed(tmp_path_factory):
    return judged_contest(tmp_path_factory.mktemp("print") / "c")[0]


def header_of(ws, anchor):
    for row in ws.iter_rows():
        if any(c.value == anchor for c in row):
            return {c.value: c for c in row if c.value is not None}
    raise AssertionError(anchor)


def test_results_sheet_prints_landscape_one_page_wide_with_its_header_repeated(computed):
    ws = openpyxl.load_workbook(computed)[schema.SHEET_RESULTS]
    head = header_of(ws, schema.RES_RANK)
    row = head[schema.RES_RANK].row
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and int(ws.page_setup.fitToWidth) == 1
    assert ws.print_title_rows.replace("$", "") == f"{row}:{row}"
    assert ws.print_area and ws.print_area.endswith(f"${ws.max_row}")
    first = row + 1
    for header in ("TC1", "TC4", schema.RES_TOTAL, schema.RES_SPREAD):
        assert ws.cell(row=first, column=head[header].column).number_format == "0.00", header
    assert head[schema.RES_TOTAL].alignment.wrap_text


def test_council_columns_have_a_co_khong_dropdown(computed):
    ws = openpyxl.load_workbook(computed)[schema.SHEET_RESULTS]
    head = header_of(ws, schema.RES_RANK)
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    for header in (schema.RES_COUNCIL, schema.RES_FORWARD):
        letter = head[header].column_letter
        ref = next(r for r in lists if r.startswith(f"{letter}{head[header].row + 1}:"))
        assert lists[ref] == '"Có,Không"' and ref.endswith(str(ws.max_row))


def test_judges_totals_are_hidden_columns_of_kết_quả(computed):
    ws = openpyxl.load_workbook(computed)[schema.SHEET_RESULTS]
    head = header_of(ws, schema.RES_RANK)
    judges = [h for h in head if str(h).startswith(schema.RES_JUDGE_TOTAL_PREFIX)]
    assert judges == [schema.RES_JUDGE_TOTAL.format(code=f"GK0{i}") for i in range(1, 6)]
    assert all(ws.column_dimensions[head[h].column_letter].hidden for h in judges)


def test_thông_tin_explains_its_technical_values_and_writes_dates_the_vietnamese_way(computed):
    wb = openpyxl.load_workbook(computed)
    info = {r[0].value: r for r in wb[schema.SHEET_INFO].iter_rows() if r[0].value}
    assert "{stt:03}" in info[schema.INFO_CERT_PATTERN][2].value
    assert "phiếu chấm" in info[schema.INFO_CONTEST_ID][2].value
    assert info[schema.INFO_DECISION_DATE][1].number_format == "dd/mm/yyyy"
    stamps = [r[0] for r in wb[schema.SHEET_LOG].iter_rows(min_row=2, values_only=True) if r[0]]
    assert stamps and all(re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", s) for s in stamps)


def test_libreoffice_prints_a_few_pages_with_wide_sheets_landscape_and_headers_whole(computed, soffice, tmp_path):
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(computed)], capture_output=True, timeout=300)
    pdf = tmp_path / "binhchon.pdf"
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages <= 16  # it was 37 portrait pages before any print setup
    sizes = {int(n): (float(w), float(h)) for n, w, h in re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)}
    seen = 0
    for n in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                              text=True).stdout
        if text.lstrip().startswith(("KẾT QUẢ", schema.RES_RANK)):
            w, h = sizes[n]
            assert w > h, f"page {n} of Kết quả is portrait"
            assert "Tổng điể\n" not in text and "điểm" in text
            seen += 1
    assert seen >= 2  # 46 products: Kết quả takes more than one page, each with the header
