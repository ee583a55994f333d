"""Plain dict contexts for the templates, built from domain objects; every value is clean text."""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal

from ..domain import rules as rules_mod
from ..domain import values
from ..domain.authorities import document_place, with_level_defaults
from ..domain.certificates import ORDER_TEXT, group_order
from ..domain.models import Contest, ContestInfo, Registration
from ..domain.results import ResultRow
from ..domain.rules import Rules
from ..domain.vndate import dmy, vn_date_line
from .measure import balanced_lines

# The variables each template may use: name -> None (text), LINES (a list of lines, each printed
# as a paragraph by {%p for %}) or a dict (the fields of each item of a list, or of an object).
# The pre-render check refuses any other name.
LINES: tuple = ()
COMMON_FIELDS: dict = dict.fromkeys((
    "organiser", "level_name", "year", "place", "decision_no", "decision_date", "province", "region",
    "issuer", "standing_body", "council_name", "council_chair", "council_secretary",
)) | dict.fromkeys(("issuer_lines", "superior_lines", "council_lines"), LINES)
CERTIFICATE_FIELDS: dict = COMMON_FIELDS | dict.fromkeys((
    "cert_no", "valid_until", "issue_date", "date_line", "signer", "signer_authority", "signer_title", "product_code",
    "product_name", "group", "establishment", "establishment_type", "representative", "address",
    "title", "recognition", "stars", "star_marks",
)) | {"signer_lines": LINES}
ANNEX_ROW_FIELDS = dict.fromkeys((
    "stt", "product_code", "product_name", "establishment", "address", "group", "score", "cert_no",
    "valid_until", "rank", "stars",
))
ANNEX_FIELDS: dict = COMMON_FIELDS | {
    "groups": {"roman": None, "name": None, "count": None, "rows": ANNEX_ROW_FIELDS},
    "total": None, "order_text": None,
}
SUMMARY_ROW_FIELDS = dict.fromkeys((
    "stt", "rank", "product_code", "product_name", "establishment", "judge_totals",
    "criterion_means", "total", "judge_count", "spread", "passed", "proposal", "flags", "stars",
))
SUMMARY_FIELDS: dict = COMMON_FIELDS | {
    "judges": dict.fromkeys(("code", "name", "title", "unit")),
    "criteria": dict.fromkeys(("code", "name", "max_points")),
    "groups": {"roman": None, "name": None, "count": None, "rows": SUMMARY_ROW_FIELDS},
    "judges_legend": None, "criteria_legend": None, "span": None, "pass_mark": None,
    "quota": None, "tie_break_text": None, "provisional_note": None, "product_count": None,
    "passed_count": None, "proposed_count": None, "star_heads": None, "stars_legend": None,
    "chair_name": None, "secretary_name": None,
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
CONFLICT_MARK = "–"
PROVISIONAL_NOTE = "TẠM TÍNH: còn thiếu điểm của một số giám khảo"
NO_QUOTA = "không giới hạn"


def clean(value: object) -> str:
    """Text fit for a document: NFC, no control characters, whitespace runs as one space."""
    s = unicodedata.normalize("NFC", "" if value is None else str(value))
    return " ".join(_CONTROL.sub(" ", s).split())


def vn_number(value: Decimal | None, places: int = 2) -> str:
    """A number the Vietnamese way, rounded half-up: 85.5 -> '85,50'; '' for None."""
    return "" if value is None else values.vn_number(value, places)


def vn_points(value: Decimal) -> str:
    """Points as a judge gave them, without trailing zeros: 85.5 -> '85,5'."""
    return values.vn_short(value)


def roman(n: int) -> str:
    """Roman numerals for group headings: 1 -> I, 4 -> IV."""
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def level_name(info: ContestInfo) -> str:
    """The level as it reads after 'cấp': 'tỉnh', 'khu vực phía Bắc'."""
    name = rules_mod.LEVELS.get(info.level, info.level).lower()
    region = clean(info.region)
    if info.level == "khu-vuc" and region:
        name = f"{name} {region[:1].lower()}{region[1:]}"
    return name


def full_address(reg: Registration | None) -> str:
    """Address, commune, district and province joined by commas, blanks and repeats left out."""
    return clean(reg.full_address()) if reg is not None else ""


# The width of the heading's agency column, for breaking the agency's name into balanced lines.
HEADING_WIDTH_PT = 8.2 / 2.54 * 72
HEADING_PT = 13
_COMMITTEE = re.compile(r"^((?:Ủy|Uỷ) ban nhân dân) (?=\S)", re.IGNORECASE | re.MULTILINE)


def heading_lines(name: str, bold: bool = True) -> list[str]:
    """An agency's name in balanced lines of the heading, broken at spaces (lines typed with Alt+Enter kept);
    a People's Committee as Decree 30 writes it, 'ỦY BAN NHÂN DÂN' on a line of its own."""
    typed = "\n".join(clean(line) for line in (name or "").splitlines())
    return list(_balanced_heading(_COMMITTEE.sub(lambda m: m.group(1) + "\n", typed), bold))


@functools.lru_cache(maxsize=64)
def _balanced_heading(typed: str, bold: bool) -> tuple[str, ...]:
    """The same few agency names come back for every certificate: break each once."""
    return tuple(balanced_lines(typed, HEADING_WIDTH_PT, HEADING_PT, bold=bold, caps=True))


def council_name(info: ContestInfo) -> str:
    """'Hội đồng bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh'."""
    return f"Hội đồng bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp {level_name(info)}"


def common_context(info: ContestInfo) -> dict:
    """The contest facts every document prints (the roles' blanks filled from the level's defaults)."""
    info = with_level_defaults(info)
    council = council_name(info)
    return {
        "organiser": clean(info.organiser),
        "level_name": level_name(info),
        "year": str(info.year),
        "place": clean(document_place(info)),
        "province": clean(info.province),
        "region": clean(info.region),
        "decision_no": clean(info.decision_no),
        "decision_date": dmy(info.decision_date) if info.decision_date else "",
        "issuer": clean(info.issuer),
        "issuer_lines": heading_lines(info.issuer),
        "superior_lines": heading_lines(info.issuer_superior, bold=False),
        "standing_body": clean(info.standing_body),
        "council_name": council,
        "council_lines": heading_lines("Hội đồng bình chọn\nsản phẩm CNNT tiêu biểu"),
        "council_chair": clean(info.council_chair),
        "council_secretary": clean(info.council_secretary),
    }


def title_lines(title: str) -> list[str]:
    """A signer's title, one entry per line typed (Alt+Enter), blank lines left out."""
    return [clean(line) for line in (title or "").splitlines() if clean(line)]


def signer_fields(title: str) -> dict:
    """The signer's title as lines ('TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'), and as the
    first line and the rest (signer_authority/signer_title, kept for templates written before)."""
    lines = title_lines(title)
    return {"signer_lines": lines, "signer_authority": lines[0] if lines else "",
            "signer_title": " ".join(lines[1:])}


def star_text(rules: Rules, total: Decimal | None) -> tuple[str, str]:
    """('4', '★★★★') for a score in the 4-star band of an OCOP-style preset; ('', '') without bands."""
    stars = rules.stars(total) if total is not None and rules.star_bands else None
    return ("", "") if stars is None else (str(stars), "★" * stars)


def recognition(info: ContestInfo, stars: str) -> tuple[str, str]:
    """The certificate's title and the sentence saying what the product was recognised as."""
    where = f"cấp {level_name(info)} năm {info.year}"
    if stars:
        return (f"SẢN PHẨM ĐẠT {stars} SAO", f"Được đánh giá, phân hạng đạt {stars} sao {where}")
    return ("SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU",
            f"Đạt danh hiệu sản phẩm công nghiệp nông thôn tiêu biểu {where}")


def certificate_context(contest: Contest, row: ResultRow, number: str, valid_until: str) -> dict:
    """The certificate of one recognised product."""
    return CertificateContexts(contest).context(row, number, valid_until)


class CertificateContexts:
    """The certificates of one contest: the contest's facts worked out once, then one context per product.

    A thousand certificates share every line but the product's own: building the shared part (the
    heading's balanced lines, the date line, the signer's lines) once per product cost more than
    stamping the certificate itself.
    """

    def __init__(self, contest: Contest):
        info = with_level_defaults(contest.info)
        self.contest, self.info = contest, info
        place = clean(document_place(info))
        self.base = common_context(info) | {
            "issue_date": dmy(info.decision_date) if info.decision_date else "",
            "date_line": vn_date_line(place, info.decision_date) if info.decision_date else "",
            "signer": clean(info.signer),
            **signer_fields(info.signer_title),
        }
        self.registrations: dict[str, Registration] = {}
        for reg in contest.registrations:  # the first registration of a code, as Contest.registration
            self.registrations.setdefault(reg.code, reg)
        self._titles: dict[str, tuple[str, str]] = {}

    def context(self, row: ResultRow, number: str, valid_until: str) -> dict:
        """The context of one recognised product's certificate."""
        reg = self.registrations.get(row.code)
        stars, marks = star_text(self.contest.rules, row.total)
        if stars not in self._titles:
            self._titles[stars] = recognition(self.info, stars)
        title, sentence = self._titles[stars]
        return self.base | {
            "cert_no": clean(number),
            "valid_until": clean(valid_until),
            "product_code": clean(row.code),
            "product_name": clean(reg.name if reg else row.name),
            "group": clean(reg.group if reg else row.group),
            "establishment": clean(reg.establishment if reg else row.establishment),
            "establishment_type": clean(reg.establishment_type if reg else ""),
            "representative": clean(reg.representative if reg else ""),
            "address": full_address(reg),
            "title": title,
            "recognition": sentence,
            "stars": stars,
            "star_marks": marks,
        }


def grouped(items: list, group_of) -> list[tuple[str, list]]:
    """The items split by group, groups in group_order."""
    order = group_order([group_of(item) for item in items])
    return [(g, [item for item in items if group_of(item) == g]) for g in order]


def annex_context(contest: Contest, chosen: list[ResultRow], numbers: dict[str, tuple[str, str]]) -> dict:
    """The decision annex: recognised products by group, numbered continuously in the certificates' order."""
    contexts = CertificateContexts(contest)
    pairs = [(row, contexts.context(row, *numbers[row.code])) for row in chosen]
    groups, stt = [], 0
    for index, (name, members) in enumerate(grouped(pairs, lambda p: p[1]["group"]), start=1):
        items = []
        for row, c in members:
            stt += 1
            items.append({
                "stt": str(stt), "product_code": c["product_code"], "product_name": c["product_name"],
                "establishment": c["establishment"], "address": c["address"], "group": c["group"],
                "score": vn_number(row.total), "cert_no": c["cert_no"], "valid_until": c["valid_until"],
                "rank": str(row.rank) if row.rank is not None else "", "stars": c["stars"],
            })
        groups.append({"roman": roman(index), "name": name, "count": str(len(items)), "rows": items})
    return common_context(contest.info) | {"groups": groups, "total": str(stt), "order_text": ORDER_TEXT}
