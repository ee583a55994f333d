"""The two table documents: the decision annex and the council's score summary (docxtpl templates)."""

from __future__ import annotations

from .layout import (
    CENTER, JUSTIFY, LEFT, RIGHT, Run, agency_heading, fill, keep_with_next, motto_block, new_document,
    page_numbers, paragraph, repeat_header, rows_unsplit, table, tag_row, tight_margins,
)

ANNEX_HEADERS = [("STT", 1.3), ("Tên sản phẩm", 6.6), ("Tên cơ sở", 5.8), ("Địa chỉ", 6.0), ("Điểm", 1.8),
                 ("Số giấy chứng nhận", 3.7)]
ANNEX_CELLS = ["{{ r.stt }}", "{{ r.product_name }}", "{{ r.establishment }}", "{{ r.address }}",
               "{{ r.score }}", "{{ r.cert_no }}"]
ANNEX_CENTRED = (0, 4, 5)


def merged_row(t, runs: list[Run], align=LEFT):
    """A row whose cells are merged into one, holding one paragraph."""
    row = t.add_row()
    cell = row.cells[0].merge(row.cells[-1])
    fill(cell, runs, align=align)
    return row


def _issuer_heading(cell) -> None:
    agency_heading(cell, "superior_lines", "issuer_lines")


def build_annex(doc=None):
    """The decision annex: recognised products by group, in the certificates' order, with counts."""
    doc = doc or new_document(landscape=True, body_pt=13)
    page_numbers(doc)
    motto_block(doc, None, [], [], widths_cm=(9.0, 13.0), heading=_issuer_heading)
    paragraph(doc, Run("DANH SÁCH", bold=True, size=14), before=18)
    paragraph(doc, [Run("Sản phẩm công nghiệp nông thôn tiêu biểu cấp ", bold=True, size=14),
                    Run("{{ level_name }}", bold=True, size=14), Run(" năm ", bold=True, size=14),
                    Run("{{ year }}", bold=True, size=14)])
    paragraph(doc, [Run("(Kèm theo Quyết định số ", italic=True), Run("{{ decision_no }}", italic=True),
                    Run(" ngày ", italic=True), Run("{{ decision_date }}", italic=True),
                    Run(" của ", italic=True), Run("{{ issuer }}", italic=True), Run(")", italic=True)],
              after=12)
    t = table(doc, 1, [w for _, w in ANNEX_HEADERS])
    tight_margins(t, 85)
    for cell, (text, _) in zip(t.rows[0].cells, ANNEX_HEADERS):
        fill(cell, Run(text, bold=True))
    repeat_header(t.rows[0])
    tag_row(t, "{%tr for g in groups %}")
    group = t.add_row()
    fill(group.cells[0], Run("{{ g.roman }}", bold=True))
    fill(group.cells[1].merge(group.cells[-1]), Run("{{ g.name }}", bold=True), align=LEFT)
    keep_with_next(group)
    tag_row(t, "{%tr for r in g.rows %}")
    row = t.add_row()
    for index, (cell, text) in enumerate(zip(row.cells, ANNEX_CELLS)):
        fill(cell, text, align=CENTER if index in ANNEX_CENTRED else LEFT)
    tag_row(t, "{%tr endfor %}")
    merged_row(t, [Run("Cộng nhóm ", italic=True), Run("{{ g.roman }}", italic=True), Run(": ", italic=True),
                   Run("{{ g.count }}", italic=True), Run(" sản phẩm", italic=True)], align=RIGHT)
    tag_row(t, "{%tr endfor %}")
    merged_row(t, [Run("Tổng cộng: ", bold=True), Run("{{ total }}", bold=True), Run(" sản phẩm", bold=True)],
               align=RIGHT)
    rows_unsplit(t)
    paragraph(doc, [Run("Số giấy chứng nhận theo thứ tự của danh sách: ", italic=True, size=12),
                    Run("{{ order_text }}", italic=True, size=12), Run(".", italic=True, size=12)],
              align=LEFT, before=6)
    return doc


SUMMARY_LEAD = [("STT", 1.0), ("Hạng", 1.1), ("Mã sản phẩm", 1.7), ("Tên sản phẩm, cơ sở", 5.6)]
SUMMARY_TAIL = [("Tổng điểm", 1.3), ("{%tc for s in star_heads %}", 0), ("{{ s }}", 1.1), ("{%tc endfor %}", 0),
                ("Độ lệch", 1.2), ("Đạt điểm sàn", 1.3), ("Hội đồng đề xuất", 1.3), ("Ghi chú", 2.8)]
LOOP_WIDTH = 1.2
CELL_PT = 10


def _summary_heads() -> tuple[list[str], list[float]]:
    """The header texts (loop tags included, one template column each) and the columns' widths."""
    loops = [("{%tc for j in judges %}", "{{ j.code }}", "{%tc endfor %}"),
             ("{%tc for c in criteria %}", "{{ c.code }}", "{%tc endfor %}")]
    heads = [h for h, _ in SUMMARY_LEAD] + [x for loop in loops for x in loop] + [h for h, _ in SUMMARY_TAIL]
    widths = [w for _, w in SUMMARY_LEAD] + [LOOP_WIDTH] * 6 + [w or 0.6 for _, w in SUMMARY_TAIL]
    return heads, widths


SUMMARY_DATA = ["{{ r.stt }}", "{{ r.rank }}", "{{ r.product_code }}", None,
                "{%tc for v in r.judge_totals %}", "{{ v }}", "{%tc endfor %}",
                "{%tc for v in r.criterion_means %}", "{{ v }}", "{%tc endfor %}",
                "{{ r.total }}", "{%tc for v in r.stars %}", "{{ v }}", "{%tc endfor %}",
                "{{ r.spread }}", "{{ r.passed }}", "{{ r.proposal }}", "{{ r.flags }}"]


def _summary_table(doc):
    """The summary table: fixed columns, then one column per judge, criterion and star band (docxtpl {%tc})."""
    heads, widths = _summary_heads()
    t = table(doc, 1, widths)
    tight_margins(t)
    for cell, text in zip(t.rows[0].cells, heads):
        fill(cell, Run(text, bold=True, size=CELL_PT))
    repeat_header(t.rows[0])
    tag_row(t, "{%tr for g in groups %}")
    heading = merged_row(t, [Run("{% colspan span %}"), Run("{{ g.roman }}", bold=True), Run(". ", bold=True),
                             Run("{{ g.name }}", bold=True), Run(" (", bold=True), Run("{{ g.count }}", bold=True),
                             Run(" sản phẩm)", bold=True)])
    keep_with_next(heading)
    tag_row(t, "{%tr for r in g.rows %}")
    row = t.add_row()
    for index, (cell, text) in enumerate(zip(row.cells, SUMMARY_DATA)):
        if text is None:
            fill(cell, Run("{{ r.product_name }}", bold=True, size=CELL_PT), align=LEFT)
            fill(cell, Run("{{ r.establishment }}", italic=True, size=CELL_PT), align=LEFT)
        else:
            bold = text in ("{{ r.total }}", "{{ r.rank }}")
            fill(cell, Run(text, size=CELL_PT, bold=bold), align=LEFT if text == "{{ r.flags }}" else CENTER)
    tag_row(t, "{%tr endfor %}")
    tag_row(t, "{%tr endfor %}")
    rows_unsplit(t)
    return t


def _council_heading(cell) -> None:
    agency_heading(cell, "issuer_lines", "council_lines", size=12)


def _summary_intro(doc) -> None:
    """Title, standing body, pass mark, quota and the legends above the table."""
    paragraph(doc, Run("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM", bold=True, size=14), before=12)
    paragraph(doc, [Run("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp ", bold=True),
                    Run("{{ level_name }}", bold=True), Run(" năm ", bold=True), Run("{{ year }}", bold=True)])
    paragraph(doc, Run("{%p if provisional_note %}"))
    paragraph(doc, Run("{{ provisional_note }}", bold=True), before=6)
    paragraph(doc, Run("{%p endif %}"))
    info = dict(align=JUSTIFY, before=4)
    paragraph(doc, [Run("Cơ quan thường trực Hội đồng: "), Run("{{ standing_body }}"), Run(".")], before=8,
              align=JUSTIFY)
    paragraph(doc, [Run("Điểm sàn: "), Run("{{ pass_mark }}"), Run(" điểm. Số sản phẩm công nhận tối đa: "),
                    Run("{{ quota }}"), Run(".")], **info)
    paragraph(doc, [Run("Xếp hạng: "), Run("{{ tie_break_text }}")], **info)
    paragraph(doc, [Run("Giám khảo: "), Run("{{ judges_legend }}")], **info)
    paragraph(doc, [Run("Tiêu chí (điểm bình quân): "), Run("{{ criteria_legend }}")], **info)
    paragraph(doc, Run("{%p if stars_legend %}"))
    paragraph(doc, [Run("Hạng sao: "), Run("{{ stars_legend }}")], **info)
    paragraph(doc, Run("{%p endif %}"))
    paragraph(doc, Run("(–: giám khảo không chấm sản phẩm có liên quan)", italic=True, size=12), align=LEFT, after=6)


def _council_signatures(doc) -> None:
    """Secretary left, chair right, across the page: title, room to sign, and the name (or a line for it)."""
    t = table(doc, 1, [12.6, 12.6], grid=False)
    for cell, title, name in zip(t.rows[0].cells, ("THƯ KÝ HỘI ĐỒNG", "CHỦ TỊCH HỘI ĐỒNG"),
                                 ("{{ secretary_name }}", "{{ chair_name }}")):
        fill(cell, Run(title, bold=True), middle=False)
        paragraph(cell, Run("(Ký và ghi rõ họ tên)", italic=True, size=12))
        for _ in range(4):
            paragraph(cell, "")
        paragraph(cell, Run(name, bold=True), before=6)
    rows_unsplit(t)


def build_summary(doc=None):
    """The council's score summary, by group."""
    doc = doc or new_document(landscape=True, body_pt=13)
    page_numbers(doc)
    motto_block(doc, None, [], [[Run("{{ place }}", italic=True), Run(", ngày …… tháng …… năm ", italic=True),
                                 Run("{{ year }}", italic=True)]], widths_cm=(9.0, 13.0), heading=_council_heading)
    _summary_intro(doc)
    _summary_table(doc)
    p = paragraph(doc, [Run("Tổng số: "), Run("{{ product_count }}"), Run(" sản phẩm; đạt điểm sàn: "),
                        Run("{{ passed_count }}"), Run("; hội đồng đề xuất công nhận: "), Run("{{ proposed_count }}"),
                        Run(".")], align=LEFT, before=6, after=12)
    p.paragraph_format.keep_with_next = True
    _council_signatures(doc)
    return doc
