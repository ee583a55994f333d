"""The annex's group headings stay with their first product: never alone at the bottom of a page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess

from docx import Document
from docx.oxml.ns import qn
from report_samples import small_period

from xl_addin.documents.report import write_report
from xl_addin.domain.register_records import RecognitionRecord
from xl_addin.domain.report_figures import report_figures
from xl_addin.domain.rules import GROUPS

ROMAN = re.compile(r"^(I|II|III|IV)\. ")


def many_recognitions(years: int = 12, per_year: int = 25) -> tuple[RecognitionRecord, ...]:
    """per_year provincial recognitions a year, spread over the four groups unevenly (so headings fall anywhere)."""
    recs = []
    for y in range(years):
        year = 2014 + y
        for i in range(per_year):
            pid = 1000 + y * per_year + i
            recs.append(RecognitionRecord("tinh", year, pid, f"SP-{pid}", f"Sản phẩm số {pid}", GROUPS[(i * 7 + y) % 4],
                                          pid, f"Hợp tác xã số {pid}", district=f"Huyện {pid % 50}",
                                          cert_no=f"{i:04d}/{year}", issued=dt.date(year, 11, 15),
                                          valid_until=dt.date(year + 3, 12, 31)))
    return tuple(recs)


def annex_report(tmp_path, pdf: bool):
    data = dataclasses.replace(small_period(2014, 2025), recognitions=many_recognitions())
    return write_report(report_figures(data), tmp_path, pdf=pdf, issue_year=2025)


def test_group_rows_are_kept_with_the_next_row(tmp_path):
    files = annex_report(tmp_path, pdf=False)
    group_rows = [row for t in Document(files.docx).tables for row in t.rows
                  if len(row._tr.findall(qn("w:tc"))) == 1 and ROMAN.match(row.cells[0].text)]
    assert len(group_rows) == 12 * 4
    for row in group_rows:
        assert row._tr.find(f"{qn('w:tc')}/{qn('w:p')}/{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def test_no_page_ends_with_a_group_heading(tmp_path, soffice):
    files = annex_report(tmp_path, pdf=True)
    assert files.pdf is not None, files.pdf_message
    info = subprocess.run(["pdfinfo", str(files.pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    last_lines = []
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(files.pdf), "-"],
                              capture_output=True, text=True).stdout
        lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().isdigit()]
        last_lines.append(lines[-1] if lines else "")
    assert pages > 10 and sum(1 for line in last_lines if re.match(r"^\d+ Sản phẩm số", line)) > 3
    assert [line for line in last_lines if ROMAN.match(line)] == []
