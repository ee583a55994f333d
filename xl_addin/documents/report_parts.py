"""The parts I–III and the annex of the summary report, each written into a sub-document from the figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ..domain import report_text as txt
from ..domain import rules
from ..domain.report_figures import ReportFigures, percent
from ..domain.values import format_date, vn_number
from . import charts
from . import report_xml as xml
from .contexts import roman
from .report_blocks import Numbering, body, chart, data_table, heading, note

REGISTERED, RECOGNISED = "Sản phẩm đăng ký", "Sản phẩm được công nhận"
ONCE = "Cộng (mỗi cơ sở, sản phẩm tính một lần)"
MAX_LISTED_COMMUNES = 40
APPENDIX_HEADERS = ["STT", "Tên sản phẩm", "Tên cơ sở", "Huyện, thị xã, thành phố", "Số giấy chứng nhận"]
APPENDIX_WIDTHS = [1.2, 5.0, 4.8, 2.6, 2.9]
CHART_AREAS = 20  # the districts chart shows at most this many bars (the table lists them all)


def _pct(value: Decimal | None) -> str:
    return "–" if value is None else "0" if value == 0 else vn_number(value, 2 if value < 1 else 1)


def _contest_label(c) -> str:
    return str(c.year) if c.level == "tinh" else f"{c.year} ({txt.level_name(c.level)} {c.area})"


def part_1(doc, f: ReportFigures, n: Numbering) -> None:
    """I. Công tác chỉ đạo, triển khai: the contests held and the rounds joined, with their table and chart."""
    body(doc, txt.contests_sentence(f))
    if f.contests:
        rows = [[i, c.year, txt.level_name(c.level).capitalize(), c.area, c.establishments, c.products, c.recognised]
                for i, c in enumerate(f.contests, 1)]
        data_table(doc, n, "Các cuộc bình chọn sản phẩm CNNT tiêu biểu đã tổ chức",
                   ["STT", "Năm", "Cấp", "Địa bàn", "Số cơ sở đăng ký", REGISTERED, RECOGNISED], rows,
                   [1.1, 1.5, 2.4, 3.6, 2.4, 2.6, 2.9], left=(3,),
                   total=["", "", "", ONCE, f.establishments, f.products, f.recognised.get("tinh", 0)])
        png = charts.bar_chart([_contest_label(c) for c in f.contests],
                               [charts.Series(REGISTERED, tuple(c.products for c in f.contests)),
                                charts.Series(RECOGNISED, tuple(c.recognised for c in f.contests))],
                               value_label="Số sản phẩm")
        chart(doc, n, "Sản phẩm đăng ký và được công nhận qua các cuộc bình chọn", png)
    if f.rounds:
        rows = [[i, txt.level_name(r.level).capitalize(), r.year, r.products, r.recognised]
                for i, r in enumerate(f.rounds, 1)]
        data_table(doc, n, "Tham gia bình chọn cấp khu vực, cấp quốc gia",
                   ["STT", "Cấp", "Năm", "Sản phẩm tham gia", RECOGNISED], rows, [1.1, 4.4, 2.0, 4.0, 4.0], left=())


def part_2(doc, f: ReportFigures, n: Numbering) -> None:
    """II. Kết quả: registrations per year and district, recognitions by group, the activities."""
    heading(doc, "1. Cơ sở và sản phẩm đăng ký tham gia")
    body(doc, txt.registered_sentence(f))
    body(doc, txt.years_sentence(f))
    if f.years:
        data_table(doc, n, "Cơ sở và sản phẩm đăng ký theo năm", ["Năm", "Số cơ sở đăng ký", "Số sản phẩm đăng ký"],
                   [[y.year, y.establishments, y.products] for y in f.years], [3.0, 5.0, 5.0], left=(),
                   total=["Cả kỳ", f.establishments, f.products])
    body(doc, txt.participation_sentence(f))
    _districts(doc, f, n)
    heading(doc, "2. Sản phẩm được công nhận")
    body(doc, txt.groups_sentence(f))
    _groups(doc, f, n)
    heading(doc, "3. Các hoạt động hỗ trợ, quảng bá sản phẩm")
    body(doc, txt.activities_sentence(f))
    if f.activities:
        data_table(doc, n, "Các hoạt động hỗ trợ, quảng bá sản phẩm CNNT", ["STT", "Hoạt động", "Số lượng"],
                   [[i, kind, txt.grouped(q)] for i, (kind, q) in enumerate(f.activities, 1)],
                   [1.2, 10.0, 3.5])


def _districts(doc, f: ReportFigures, n: Numbering) -> None:
    a = f.areas
    if not a.districts:
        return
    rows = [[i, d.district, txt.grouped(d.reference) if d.reference is not None else "–", d.establishments, _pct(d.rate),
             d.products, d.recognised] for i, d in enumerate(a.districts, 1)]
    total = ["", "Cộng", txt.grouped(a.reference_total) if a.reference_total else "–", f.establishments,
             _pct(percent(f.establishments, a.reference_total)), f.products, f.recognised.get("tinh", 0)]
    data_table(doc, n, "Cơ sở, sản phẩm đăng ký và được công nhận cấp tỉnh theo huyện, thị xã, thành phố",
               ["STT", "Huyện, thị xã, thành phố", "Số cơ sở CNNT", "Số cơ sở đăng ký", "Tỷ lệ tham gia (%)",
                REGISTERED, "Công nhận cấp tỉnh"], rows, [1.1, 4.2, 2.2, 2.2, 2.2, 2.3, 2.3], total=total)
    note(doc, "Số cơ sở CNNT: theo danh sách cơ sở CNNT của từng địa bàn (sheet Cơ sở CNNT của sổ theo dõi).")
    names, series = charts.top_categories(
        [d.district for d in a.districts],
        [charts.Series(REGISTERED, tuple(d.products for d in a.districts)),
         charts.Series("Cơ sở đăng ký", tuple(d.establishments for d in a.districts))],
        CHART_AREAS, "Các địa bàn khác")
    png = charts.bar_chart(names, series, horizontal=True, value_label="Số sản phẩm, cơ sở")
    caption = "Sản phẩm và cơ sở đăng ký theo huyện, thị xã, thành phố"
    chart(doc, n, caption + (f" ({CHART_AREAS - 1} địa bàn nhiều nhất)" if len(names) < len(a.districts) else ""), png)


def _groups(doc, f: ReportFigures, n: Numbering) -> None:
    rows = [[i, g.group, g.registered, g.recognised.get("tinh", 0), _pct(g.rate), g.recognised.get("khu-vuc", 0),
             g.recognised.get("quoc-gia", 0)] for i, g in enumerate(f.groups, 1)]
    total = ["", "Cộng", f.products, f.recognised.get("tinh", 0), _pct(percent(f.recognised.get("tinh", 0), f.products)),
             f.recognised.get("khu-vuc", 0), f.recognised.get("quoc-gia", 0)]
    data_table(doc, n, "Sản phẩm đăng ký và được công nhận theo nhóm sản phẩm",
               ["STT", "Nhóm sản phẩm", REGISTERED, "Công nhận cấp tỉnh", "Tỷ lệ (%)", "Cấp khu vực", "Cấp quốc gia"],
               rows, [1.1, 5.4, 2.2, 2.2, 1.8, 1.9, 1.9], total=total)
    series = [charts.Series(txt.level_name(lv).capitalize(), tuple(g.recognised.get(lv, 0) for g in f.groups))
              for lv in ("tinh", "khu-vuc", "quoc-gia")]
    png = charts.bar_chart([g.group for g in f.groups], series, horizontal=True, value_label="Số sản phẩm")
    chart(doc, n, "Sản phẩm được công nhận theo nhóm sản phẩm", png)


def part_3(doc, f: ReportFigures, n: Numbering) -> None:
    """III. Tồn tại, hạn chế: areas with no registration, dossier gaps, certificates."""
    body(doc, txt.idle_sentence(f))
    idle = f.areas.idle_communes
    if idle and len(idle) <= MAX_LISTED_COMMUNES:
        body(doc, f"Các {txt.COMMUNES} chưa có cơ sở đăng ký: "
             + "; ".join(f"{c} ({d})" if d else c for d, c in idle) + ".")
    body(doc, txt.dossier_sentence(f))
    if f.dossier_gaps:
        data_table(doc, n, "Hồ sơ đăng ký còn thiếu giấy tờ", ["STT", "Giấy tờ còn thiếu", "Số hồ sơ thiếu"],
                   [[i, label, k] for i, (label, k) in enumerate(f.dossier_gaps, 1)], [1.2, 10.0, 3.5])
    body(doc, txt.certificates_sentence(f))
    if f.expiring:
        rows = [[i, c.product_name, c.establishment_name, f"{txt.level_name(c.level).capitalize()}, {c.year}",
                 c.cert_no, format_date(c.valid_until) if c.valid_until else ""] for i, c in enumerate(f.expiring, 1)]
        data_table(doc, n, f"Sản phẩm có giấy chứng nhận hết hiệu lực trong năm {f.year_to} hoặc {f.year_to + 1}",
                   ["STT", "Tên sản phẩm", "Tên cơ sở", "Cấp, năm công nhận", "Số giấy chứng nhận", "Hiệu lực đến"],
                   rows, [1.2, 4.3, 4.0, 2.4, 2.4, 2.2], left=(1, 2))


def appendix(f: ReportFigures, n: Numbering) -> Iterator[str | bytes]:
    """Phụ lục: the products recognised, one table per level and year, by group (as WordprocessingML pieces)."""
    if not f.appendix:
        yield xml.paragraph_xml("Trong kỳ báo cáo chưa có sản phẩm nào được công nhận.")
    for index, (level, year, recs) in enumerate(f.appendix, 1):
        n.tables += 1
        yield xml.heading_xml(f"{index}. Sản phẩm CNNT tiêu biểu {txt.level_name(level)} năm {year} "
                              f"({txt.count(len(recs))} sản phẩm)")
        yield from xml.table_xml(APPENDIX_HEADERS, _by_group(recs), APPENDIX_WIDTHS, left=(1, 2, 3))


def _by_group(recs) -> Iterator[list[object] | str]:
    """A group's name row, then its products numbered on (the groups in the order of the Circular)."""
    order = {g: i for i, g in enumerate(rules.GROUPS)}
    groups: dict[str, list] = {}
    for r in recs:
        groups.setdefault(r.group, []).append(r)
    number = 0
    for group in sorted(groups, key=lambda g: (order.get(g, len(order)), g)):
        yield f"{roman(order[group] + 1)}. {group}" if group in order else group
        for r in groups[group]:
            number += 1
            yield [number, r.product_name, r.establishment_name, r.district, r.cert_no]
