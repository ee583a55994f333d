"""The summary report's narrative sentences, built from its figures (Vietnamese, kept together).

Counts follow the administrative habit of the provincial summaries: a count from 1 to 9 takes a
leading zero ("08 sản phẩm", "05 cuộc"), thousands are grouped with a dot ("1.800 bản tin"),
and per cents carry a decimal comma ("52,3%"). Every count in a sentence is written so, tables
hold the plain numbers.
"""

from __future__ import annotations

from decimal import Decimal

from . import rules
from .report_figures import ReportFigures, percent
from .values import grouped, vn_number  # noqa: F401 (grouped: the report's tables read it here)

LEVEL_NAMES = {"xa": "cấp xã", "huyen": "cấp huyện", "tinh": "cấp tỉnh", "khu-vuc": "cấp khu vực",
               "quoc-gia": "cấp quốc gia"}
DISTRICTS = "huyện, thị xã, thành phố"
COMMUNES = "xã, phường, thị trấn"
# How each kind of activity reads in the sentence: a verb phrase around its count.
ACTIVITY_PHRASES = {
    "Đề án khuyến công": "hỗ trợ {n} đề án khuyến công",
    "Hội chợ, triển lãm": "tổ chức và tham gia {n} hội chợ, triển lãm",
    "Lượt cơ sở tham gia hội chợ": "{n} lượt cơ sở tham gia hội chợ",
    "Bản tin khuyến công": "phát hành {n} bản tin khuyến công",
    "Catalog giới thiệu sản phẩm": "in {n} catalog giới thiệu sản phẩm",
    "Chương trình truyền hình, tin bài": "thực hiện {n} chương trình truyền hình, tin bài",
    "Nhà trưng bày sản phẩm": "hỗ trợ {n} nhà trưng bày sản phẩm",
    "Hội nghị, tập huấn": "tổ chức {n} hội nghị, tập huấn",
}
FAIR, VISITS = "Hội chợ, triển lãm", "Lượt cơ sở tham gia hội chợ"


def count(n: int) -> str:
    """A count in a sentence: '08', '85', '1.800' ('0' stays '0')."""
    return f"{n:02d}" if 0 < n < 10 else grouped(n)


def rate(value: Decimal | None) -> str:
    """A per cent with a decimal comma: '52,3%' (two decimals below 1%: '0,52%'); '–' when unknown."""
    if value is None:
        return "–"
    return vn_number(value, 2 if value < 1 else 1) + "%"


def level_name(level: str) -> str:
    """'cấp tỉnh' for 'tinh'."""
    return LEVEL_NAMES.get(level, f"cấp {rules.LEVELS.get(level, level).lower()}")


def years_list(years: tuple[int, ...]) -> str:
    """'2011, 2013 và 2015' (a year held twice listed once)."""
    unique = [str(y) for y in dict.fromkeys(years)]
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " và " + unique[-1]


def period_phrase(f: ReportFigures) -> str:
    """'Giai đoạn 2010–2019' or 'Năm 2019'."""
    return f"Năm {f.year_to}" if f.year_from == f.year_to else f"Giai đoạn {f.year_from}–{f.year_to}"


def intro(f: ReportFigures, agency: str) -> str:
    """The opening paragraph: on what grounds the report is made."""
    return ("Thực hiện Thông tư số 26/2014/TT-BCT ngày 28/8/2014 của Bộ Công Thương quy định về việc tổ chức "
            "bình chọn sản phẩm công nghiệp nông thôn tiêu biểu (được sửa đổi, bổ sung bởi Thông tư số "
            f"14/2018/TT-BCT), {agency} báo cáo kết quả công tác bình chọn sản phẩm công nghiệp nông thôn "
            f"(CNNT) tiêu biểu {period_phrase(f).lower()} như sau:")


def contests_sentence(f: ReportFigures) -> str:
    """Contests held per level and rounds joined: 'Giai đoạn …, tổ chức 05 cuộc … cấp tỉnh (…); tham gia …'."""
    held = [f"{count(len(years))} cuộc bình chọn sản phẩm CNNT tiêu biểu {level_name(lv)} (năm {years_list(years)})"
            for lv, years in f.held.items() if years]
    text = f"{period_phrase(f)}, tổ chức " + "; ".join(held) if held else (
        f"{period_phrase(f)}, chưa tổ chức cuộc bình chọn sản phẩm CNNT tiêu biểu nào")
    joined = [f"{count(len(years))} cuộc {level_name(lv)}" for lv, years in f.joined.items() if years]
    if joined:
        text += "; tham gia " + " và ".join(joined)
    else:
        text += "; chưa tham gia cuộc bình chọn cấp khu vực, cấp quốc gia nào"
    return text + "."


def registered_sentence(f: ReportFigures) -> str:
    """'… 160 cơ sở CNNT đăng ký tham gia với 172 sản phẩm, tôn vinh 85 … cấp tỉnh, 12 … khu vực và 08 … quốc gia.'"""
    contests = sum(len(y) for y in f.held.values())
    lead = f"Qua {count(contests)} cuộc bình chọn, " if contests > 1 else ""
    tail = (f"tôn vinh {count(f.recognised.get('tinh', 0))} sản phẩm CNNT tiêu biểu cấp tỉnh, "
            f"{count(f.recognised.get('khu-vuc', 0))} sản phẩm cấp khu vực và "
            f"{count(f.recognised.get('quoc-gia', 0))} sản phẩm cấp quốc gia")
    return (f"{lead}có {count(f.establishments)} cơ sở CNNT đăng ký tham gia với {count(f.products)} sản phẩm, "
            f"{tail}.")


def years_sentence(f: ReportFigures) -> str:
    """Establishments and products registered per year."""
    parts = [f"năm {y.year} có {count(y.establishments)} cơ sở với {count(y.products)} sản phẩm" for y in f.years]
    if not parts:
        return "Trong kỳ báo cáo chưa có cơ sở nào đăng ký tham gia bình chọn."
    return ("Số cơ sở, sản phẩm đăng ký theo năm: " + "; ".join(parts) +
            " (một cơ sở, một sản phẩm đăng ký nhiều lần chỉ tính một lần trong cả kỳ).")


def participation_sentence(f: ReportFigures) -> str:
    """Districts and communes taking part out of all of them, and the rate against the reference counts."""
    a = f.areas
    text = (f"Cơ sở đăng ký đến từ {count(a.districts_taking_part)}/{count(a.district_total)} {DISTRICTS}"
            + (f" và {count(a.communes_taking_part)}/{count(a.commune_total)} {COMMUNES}" if a.commune_total else ""))
    if a.reference_total:
        text += (f"; số cơ sở đăng ký bằng {rate(percent(f.establishments, a.reference_total))} tổng số "
                 f"{count(a.reference_total)} cơ sở CNNT trên địa bàn")
    return text + "."


def groups_sentence(f: ReportFigures) -> str:
    """Recognised against registered, by group."""
    parts = [f"nhóm {g.group.lower()}: {count(g.recognised.get('tinh', 0))}/{count(g.registered)} sản phẩm"
             + (f" ({rate(g.rate)})" if g.rate is not None else "") for g in f.groups if g.registered or any(g.recognised.values())]
    if not parts:
        return "Chưa có sản phẩm nào được công nhận trong kỳ báo cáo."
    return "Sản phẩm được công nhận cấp tỉnh so với sản phẩm đăng ký theo nhóm: " + "; ".join(parts) + "."


def activities_sentence(f: ReportFigures) -> str:
    """The activity totals as one sentence ('… hỗ trợ 19 đề án khuyến công; tổ chức 09 hội chợ …')."""
    totals = dict(f.activities)
    parts = []
    for kind, n in f.activities:
        if kind == VISITS and FAIR in totals:
            continue
        phrase = ACTIVITY_PHRASES.get(kind, kind.lower() + ": {n}").format(n=count(n))
        if kind == FAIR and VISITS in totals:
            phrase += f" với {count(totals[VISITS])} lượt cơ sở tham gia"
        parts.append(phrase)
    if not parts:
        return "Sổ theo dõi chưa ghi hoạt động hỗ trợ, quảng bá nào trong kỳ báo cáo."
    return "Cùng với công tác bình chọn, đã " + "; ".join(parts) + "."


def idle_sentence(f: ReportFigures) -> str:
    """The areas with no registration."""
    a = f.areas
    if not a.idle_districts and not a.idle_communes:
        return f"Tất cả các {DISTRICTS} đều có cơ sở đăng ký tham gia bình chọn."
    parts = []
    if a.idle_districts:
        parts.append(f"{count(len(a.idle_districts))} {DISTRICTS} ({', '.join(a.idle_districts)})")
    if a.idle_communes:
        parts.append(f"{count(len(a.idle_communes))} {COMMUNES}")
    return "Còn " + " và ".join(parts) + " chưa có cơ sở nào đăng ký tham gia bình chọn."


def dossier_sentence(f: ReportFigures) -> str:
    """How many registrations lacked each document."""
    if not f.dossier_gaps:
        return "Hồ sơ đăng ký của các cơ sở đều đủ giấy tờ theo quy định."
    parts = [f"{count(n)} hồ sơ thiếu {label[:1].lower() + label[1:]}" for label, n in f.dossier_gaps]
    return (f"Hồ sơ đăng ký của một số cơ sở chưa đầy đủ (trên tổng số {count(f.registrations)} hồ sơ): "
            + "; ".join(parts) + ".")


def certificates_sentence(f: ReportFigures) -> str:
    """Certificates expired, expiring and renewed (distinct products); a clause with none says 'không có … nào'."""
    def products(rows) -> int:
        return len({(r.product_name, r.establishment_name) for r in rows})

    def clause(n: int, text: str) -> str:
        return f"{count(n)} sản phẩm {text}" if n else f"không có sản phẩm nào {text}"

    last = f.year_to
    parts = [clause(products(f.expired), f"có giấy chứng nhận đã hết hiệu lực trước năm {last} mà chưa được "
                                         "bình chọn lại"),
             clause(products(f.expiring), f"có giấy chứng nhận hết hiệu lực trong năm {last} hoặc {last + 1}")
             + (", cần hướng dẫn cơ sở đăng ký bình chọn lại" if f.expiring else ""),
             clause(products(f.renewed), "đã được công nhận lại")]
    text = "; ".join(parts) + "."
    return text[0].upper() + text[1:]


def title(f: ReportFigures) -> str:
    """The report's title line under BÁO CÁO."""
    years = f.year_to - f.year_from + 1
    lead = f"Tổng kết {years} năm" if years >= 5 else "Kết quả"
    return (f"{lead} công tác bình chọn sản phẩm công nghiệp nông thôn tiêu biểu "
            + (f"năm {f.year_to}" if years == 1 else f"giai đoạn {f.year_from}–{f.year_to}"))
