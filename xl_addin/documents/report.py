"""The summary report (báo cáo tổng kết) as a Word file, and its PDF: the template's frame, the parts as sub-documents."""

from __future__ import annotations

import datetime as dt
import io
import secrets
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from ..domain import report_text as txt
from ..domain.report_figures import ReportFigures
from . import pdf as pdf_mod
from .render import render_template
from .report_blocks import Numbering
from .report_parts import appendix, part_1, part_2, part_3
from .report_template import REPORT, REPORT_FIELDS
from .report_xml import splice
from .safety import check_docx_file, check_variables, sandbox_env, write_file
from .templates import template_path

REPORT_DIR = "bao_cao"
AGENCY = "Sở Công Thương"
REPORT_CODE = "BC-SCT"
SIGNER_TITLE = "Giám đốc"
PARTS = (("part_1", part_1), ("part_2", part_2), ("part_3", part_3))
APPENDIX = "appendix"  # streamed into the saved package as text (report_xml)
REPORT_PAGES = 20  # about; only sizes LibreOffice's time limit


@dataclass(frozen=True)
class ReportFiles:
    """What write_report wrote: the .docx, the PDF (or why not), and how many tables and charts it holds."""

    docx: Path
    pdf: Path | None
    pdf_message: str | None
    tables: int
    charts: int


def report_file_name(year_from: int, year_to: int) -> str:
    """'bao_cao_tong_ket_2010_2019.docx', or 'bao_cao_tong_ket_2019.docx' for one year."""
    years = str(year_to) if year_from == year_to else f"{year_from}_{year_to}"
    return f"bao_cao_tong_ket_{years}.docx"


def report_context(f: ReportFigures, issue_year: int) -> dict[str, str]:
    """The frame's text values: issuing body, number, place-and-date line, title, opening paragraph."""
    province = f.province or "……"
    agency = f"{AGENCY} tỉnh {f.province}" if f.province else AGENCY
    return {
        "authority": f"UBND tỉnh {province}", "agency": AGENCY, "report_no": f"……/{REPORT_CODE}",
        "date_line": f"{province}, ngày …… tháng …… năm {issue_year}", "title": txt.title(f),
        "intro": txt.intro(f, agency), "signer_title": SIGNER_TITLE, "signer": "", "province": f.province,
        "period": f.period_text,
        "appendix_title": f"Danh sách sản phẩm CNNT tiêu biểu được công nhận {txt.period_phrase(f).lower()}",
    }


def render_report(f: ReportFigures, templates_dir: Path | None = None, issue_year: int | None = None) -> tuple[bytes, Numbering]:
    """The report's .docx bytes and its table/chart numbering.

    The template's frame is rendered by docxtpl in the sandbox with a marker paragraph where each
    part goes ({{ part_1 }} …); parts I–III are then built with python-docx into the rendered
    document and moved to their markers, and the annex is streamed in as text. (As docxtpl
    sub-documents, a national register's annex of 15,000 rows took docxtpl over ten seconds.)
    """
    path = template_path(templates_dir, REPORT)
    check_docx_file(path)
    env = sandbox_env()
    check_variables(path, REPORT_FIELDS, env)
    prefix = f"Zq{secrets.token_hex(5)}"
    markers = {name: f"{prefix}{name}z" for name in [*dict(PARTS), APPENDIX]}
    context = report_context(f, issue_year or dt.date.today().year) | markers
    doc = Document(io.BytesIO(render_template(DocxTemplate(path), path, context, env)))
    numbering = Numbering()
    for name, build in PARTS:
        place_part(doc, markers[name], lambda d: build(d, f, numbering))
    out = io.BytesIO()
    doc.save(out)
    return splice(out.getvalue(), markers[APPENDIX], appendix(f, numbering)), numbering


def place_part(doc, marker: str, build) -> None:
    """Build a part at the end of the body, then move it to the marker paragraph (which it replaces)."""
    body = doc.element.body
    before = len(body)
    build(doc)
    added = list(body)[before - 1:-1] if body[-1].tag == qn("w:sectPr") else list(body)[before:]
    spots = [p for p in doc.paragraphs if p.text == marker]
    if not spots:  # a person removed the part's place from the template: the part stays at the end
        return
    spot = spots[0]._p
    for element in added:
        spot.addprevious(element)
    spot.getparent().remove(spot)


def write_report(f: ReportFigures, out_dir: Path, *, pdf: bool = False, templates_dir: Path | None = None,
                 issue_year: int | None = None) -> ReportFiles:
    """Write the report (and its PDF when asked) into out_dir."""
    data, numbering = render_report(f, templates_dir, issue_year)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / report_file_name(f.year_from, f.year_to)
    write_file(target, data)
    made, problem = None, None
    if pdf:
        pdfs, problem = pdf_mod.convert([target], out_dir, pdf_mod.timeout_for(REPORT_PAGES))
        made = pdfs[0] if pdfs else None
    return ReportFiles(target, made, problem, numbering.tables, numbering.charts)
