"""Build the docxtpl templates in document_templates/ (run: python -m xl_addin.documents.build_templates)."""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from .layout import (
    CENTER, JUSTIFY, LEFT, RIGHT, Run, fill, motto_block, new_document, page_border, paragraph, repeat_header,
    table, tag_row, tight_margins,
)
from .letters_template import LETTER, build_letter
from .report_template import REPORT, build_report
from .templates import ANNEX, CERTIFICATE, SUMMARY, default_templates_dir

FIXED_TIME = datetime(2020, 1, 1)


def _signature(doc, date_runs: list[Run] | None, title: Run, name: Run, left_title: Run | None = None,
               second_title: Run | None = None):
    """The signature block: place-and-date line, signer's title (one or two lines), room to sign, name."""
    t = table(doc, 1, [7.0, 9.5], grid=False)
    left, right = t.rows[0].cells
    fill(left, left_title or "", middle=False, before=30 if date_runs else 0)
    if date_runs:
        fill(right, date_runs, middle=False)
        paragraph(right, title, before=6)
    else:
        fill(right, title, middle=False)
    if second_title is not None:
        paragraph(right, second_title)
    for _ in range(3 if second_title is not None else 4):
        paragraph(right, "")
    paragraph(right, name)
    return t


def build_certificate(path: Path) -> None:
    """The certificate: one page, one recognised product."""
    doc = new_document()
    page_border(doc)
    motto_block(
        doc,
        agency=[Run("{{ organiser }}", bold=True, caps=True, size=13)],
        below_agency=[[Run("Số: ", size=13), Run("{{ cert_no }}", size=13)]],
        below_motto=[],
    )
    paragraph(doc, Run("GIẤY CHỨNG NHẬN", bold=True, size=22), before=30)
    paragraph(doc, Run("SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU", bold=True, size=15), before=6)
    paragraph(doc, [Run("CẤP ", bold=True, size=15), Run("{{ level_name }}", bold=True, caps=True, size=15),
                    Run(" NĂM ", bold=True, size=15), Run("{{ year }}", bold=True, size=15)], after=18)
    body = dict(align=JUSTIFY, before=0, after=8, line=1.2)
    paragraph(doc, [Run("Chứng nhận sản phẩm: "), Run("{{ product_name }}", bold=True)], **body)
    paragraph(doc, [Run("Thuộc nhóm sản phẩm: "), Run("{{ group }}")], **body)
    paragraph(doc, [Run("Của cơ sở: "), Run("{{ establishment }}", bold=True)], **body)
    paragraph(doc, [Run("Địa chỉ: "), Run("{{ address }}")], **body)
    paragraph(doc, [Run("Đạt danh hiệu sản phẩm công nghiệp nông thôn tiêu biểu cấp "), Run("{{ level_name }}"),
                    Run(" năm "), Run("{{ year }}"), Run(" theo Quyết định số "), Run("{{ decision_no }}"),
                    Run(" ngày "), Run("{{ decision_date }}"), Run(" của "), Run("{{ organiser }}"), Run(".")],
              **body)
    paragraph(doc, [Run("Giấy chứng nhận có giá trị đến hết ngày "), Run("{{ valid_until }}"), Run(".")], **body)
    paragraph(doc, "", after=12)
    _signature(doc, [Run("{{ date_line }}", italic=True)], Run("{{ signer_authority }}", bold=True, caps=True),
               Run("{{ signer }}", bold=True), second_title=Run("{{ signer_title }}", bold=True, caps=True))
    paragraph(doc, Run("", size=2))
    _save(doc, path)


ANNEX_WIDTHS = [1.3, 5.0, 4.8, 5.2, 3.8, 1.5, 3.6]
ANNEX_HEADERS = ["STT", "Tên sản phẩm", "Tên cơ sở", "Địa chỉ", "Nhóm sản phẩm", "Điểm", "Số giấy chứng nhận"]
ANNEX_CELLS = ["{{ r.stt }}", "{{ r.product_name }}", "{{ r.establishment }}", "{{ r.address }}",
               "{{ r.group }}", "{{ r.score }}", "{{ r.cert_no }}"]


def _merged_row(t, runs: list[Run], align=LEFT):
    """A row whose cells are merged into one, holding one paragraph."""
    row = t.add_row()
    cell = row.cells[0].merge(row.cells[-1])
    fill(cell, runs, align=align)
    return row


def build_annex(path: Path) -> None:
    """The decision annex: recognised products by group with counts."""
    doc = new_document(landscape=True, body_pt=13)
    motto_block(doc, [Run("{{ organiser }}", bold=True, caps=True, size=13)], [], [], widths_cm=(9.0, 12.0))
    paragraph(doc, Run("DANH SÁCH", bold=True), before=18)
    paragraph(doc, [Run("Sản phẩm công nghiệp nông thôn tiêu biểu cấp ", bold=True),
                    Run("{{ level_name }}", bold=True), Run(" năm ", bold=True), Run("{{ year }}", bold=True)])
    paragraph(doc, [Run("(Kèm theo Quyết định số ", italic=True), Run("{{ decision_no }}", italic=True),
                    Run(" ngày ", italic=True), Run("{{ decision_date }}", italic=True),
                    Run(" của ", italic=True), Run("{{ organiser }}", italic=True), Run(")", italic=True)],
              after=12)
    t = table(doc, 1, ANNEX_WIDTHS)
    for cell, text in zip(t.rows[0].cells, ANNEX_HEADERS):
        fill(cell, Run(text, bold=True))
    repeat_header(t.rows[0])
    tag_row(t, "{%tr for g in groups %}")
    group = t.add_row()
    fill(group.cells[0], Run("{{ g.roman }}", bold=True))
    fill(group.cells[1].merge(group.cells[-1]), Run("{{ g.name }}", bold=True), align=LEFT)
    tag_row(t, "{%tr for r in g.rows %}")
    row = t.add_row()
    for index, (cell, text) in enumerate(zip(row.cells, ANNEX_CELLS)):
        fill(cell, text, align=CENTER if index in (0, 5, 6) else LEFT)
    tag_row(t, "{%tr endfor %}")
    _merged_row(t, [Run("Cộng nhóm ", italic=True), Run("{{ g.roman }}", italic=True), Run(": ", italic=True),
                    Run("{{ g.count }}", italic=True), Run(" sản phẩm", italic=True)], align=RIGHT)
    tag_row(t, "{%tr endfor %}")
    _merged_row(t, [Run("Tổng cộng: ", bold=True), Run("{{ total }}", bold=True), Run(" sản phẩm", bold=True)],
                align=RIGHT)
    paragraph(doc, "")
    _save(doc, path)


SUMMARY_LEAD = [("STT", 1.0), ("Mã sản phẩm", 1.7), ("Tên sản phẩm, cơ sở", 5.5)]
SUMMARY_TAIL = [("Tổng điểm", 1.6), ("Độ lệch", 1.4), ("Đạt điểm sàn", 1.4), ("Hội đồng đề xuất", 1.7),
                ("Ghi chú", 3.0)]
LOOP_WIDTH = 1.35


def _summary_table(doc):
    """The summary table: fixed columns, then one column per judge and per criterion (docxtpl {%tc})."""
    loops = [("{%tc for j in judges %}", "{{ j.code }}", "{%tc endfor %}"),
             ("{%tc for c in criteria %}", "{{ c.code }}", "{%tc endfor %}")]
    widths = [w for _, w in SUMMARY_LEAD] + [LOOP_WIDTH] * 6 + [w for _, w in SUMMARY_TAIL]
    t = table(doc, 1, widths)
    tight_margins(t)
    heads = [h for h, _ in SUMMARY_LEAD] + [x for loop in loops for x in loop] + [h for h, _ in SUMMARY_TAIL]
    for cell, text in zip(t.rows[0].cells, heads):
        fill(cell, Run(text, bold=True, size=11))
    repeat_header(t.rows[0])
    tag_row(t, "{%tr for g in groups %}")
    _merged_row(t, [Run("{% colspan span %}"), Run("{{ g.roman }}", bold=True), Run(". ", bold=True),
                    Run("{{ g.name }}", bold=True), Run(" (", bold=True), Run("{{ g.count }}", bold=True),
                    Run(" sản phẩm)", bold=True)])
    tag_row(t, "{%tr for r in g.rows %}")
    data = ["{{ r.stt }}", "{{ r.product_code }}", None,
            "{%tc for v in r.judge_totals %}", "{{ v }}", "{%tc endfor %}",
            "{%tc for v in r.criterion_means %}", "{{ v }}", "{%tc endfor %}",
            "{{ r.total }}", "{{ r.spread }}", "{{ r.passed }}", "{{ r.proposal }}", "{{ r.flags }}"]
    row = t.add_row()
    for index, (cell, text) in enumerate(zip(row.cells, data)):
        if text is None:
            fill(cell, Run("{{ r.product_name }}", bold=True, size=11), align=LEFT)
            fill(cell, Run("{{ r.establishment }}", italic=True, size=11), align=LEFT)
        else:
            fill(cell, Run(text, size=11, bold=text == "{{ r.total }}"), align=LEFT if index == 13 else CENTER)
    tag_row(t, "{%tr endfor %}")
    tag_row(t, "{%tr endfor %}")
    return t


def build_summary(path: Path) -> None:
    """The council's score summary, by group."""
    doc = new_document(landscape=True, body_pt=13)
    motto_block(doc, [Run("{{ organiser }}", caps=True, size=12),
                      Run("HỘI ĐỒNG BÌNH CHỌN SẢN PHẨM CNNT TIÊU BIỂU", bold=True, size=12)], [],
                [[Run("{{ place }}", italic=True), Run(", ngày …… tháng …… năm ", italic=True),
                  Run("{{ year }}", italic=True)]], widths_cm=(9.0, 12.0))
    paragraph(doc, Run("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM", bold=True), before=12)
    paragraph(doc, [Run("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp ", bold=True),
                    Run("{{ level_name }}", bold=True), Run(" năm ", bold=True), Run("{{ year }}", bold=True)])
    paragraph(doc, Run("{%p if provisional_note %}"))
    paragraph(doc, Run("{{ provisional_note }}", bold=True), before=6)
    paragraph(doc, Run("{%p endif %}"))
    info = dict(align=JUSTIFY, before=6)
    paragraph(doc, [Run("Điểm sàn: "), Run("{{ pass_mark }}"), Run(" điểm. Số sản phẩm công nhận tối đa: "),
                    Run("{{ quota }}"), Run(".")], **info)
    paragraph(doc, [Run("Xếp hạng: "), Run("{{ tie_break_text }}")], **info)
    paragraph(doc, [Run("Giám khảo: "), Run("{{ judges_legend }}")], **info)
    paragraph(doc, [Run("Tiêu chí (điểm bình quân): "), Run("{{ criteria_legend }}")], **info)
    paragraph(doc, Run("(–: giám khảo không chấm sản phẩm có liên quan)", italic=True, size=12), align=LEFT, after=6)
    _summary_table(doc)
    paragraph(doc, [Run("Tổng số: "), Run("{{ product_count }}"), Run(" sản phẩm; đạt điểm sàn: "),
                    Run("{{ passed_count }}"), Run("; hội đồng đề xuất công nhận: "), Run("{{ proposed_count }}"),
                    Run(".")], align=LEFT, before=6, after=12)
    _signature(doc, None, Run("CHỦ TỊCH HỘI ĐỒNG", bold=True), Run(""), left_title=Run("THƯ KÝ HỘI ĐỒNG", bold=True))
    _save(doc, path)


def _save(doc, path: Path) -> None:
    """Save with fixed metadata and zip times, so that rebuilding gives the same bytes."""
    props = doc.core_properties
    props.author, props.last_modified_by, props.revision = "binhchon", "binhchon", 1
    props.created = props.modified = FIXED_TIME
    props.title = props.subject = props.comments = props.keywords = ""
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), src.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)


BUILDERS = {CERTIFICATE: build_certificate, ANNEX: build_annex, SUMMARY: build_summary}
BUILDERS[LETTER] = build_letter  # the register's invitation to register again (letters_template.py)
BUILDERS[REPORT] = build_report  # the summary report's frame (report_template.py)


def main(argv: list[str] | None = None) -> int:
    """Write the templates into the given folder (default: document_templates/)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else default_templates_dir()
    out.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        build(out / name)
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
